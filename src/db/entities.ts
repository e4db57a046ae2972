import { LegalEntityEntity } from '../subgraphs/legal-entity/legal-entity.entity.js';
import { LicenseTypeEntity } from '../subgraphs/license/license-type.entity.js';
import { LicenseEntity } from '../subgraphs/license/license.entity.js';
import { PersonEntity } from '../subgraphs/population/person.entity.js';
import { DepartmentEntity } from '../subgraphs/sharing/department.entity.js';

/**
 * Every entity of the hub. Each subgraph owns one PostgreSQL schema
 * (population, legal_entity, license, sharing); one migration history covers
 * them all so a single `migrate` brings any database to the current shape.
 */
export const ENTITIES = [PersonEntity, LegalEntityEntity, LicenseTypeEntity, LicenseEntity, DepartmentEntity];
