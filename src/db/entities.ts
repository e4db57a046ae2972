import { LegalEntityEntity } from '../subgraphs/legal-entity/legal-entity.entity.js';
import { LicenseTypeEntity } from '../subgraphs/license/license-type.entity.js';
import { IssuanceRecordEntity } from '../subgraphs/license/issuance-record.entity.js';
import { LicenseEventEntity } from '../subgraphs/license/license-event.entity.js';
import { LicenseEntity } from '../subgraphs/license/license.entity.js';
import { StatusListEntity } from '../subgraphs/license/status-list.entity.js';
import { TrustRemovalEntity, TrustSourceEntity } from '../subgraphs/license/trust-source.entity.js';
import { PersonEntity } from '../subgraphs/population/person.entity.js';
import { AlertEntity, AuditCheckpointEntity, AuditRecordEntity, ClientAssertionJtiEntity } from '../subgraphs/sharing/audit.entity.js';
import { CatalogChangeEntity, CatalogItemEntity } from '../subgraphs/sharing/catalog-item.entity.js';
import { DepartmentEntity } from '../subgraphs/sharing/department.entity.js';
import { GrantEntity, PolicyRevisionEntity, SharingRequestEntity } from '../subgraphs/sharing/grant.entity.js';

/**
 * Every entity of the hub. Each subgraph owns one PostgreSQL schema
 * (population, legal_entity, license, sharing); one migration history covers
 * them all so a single `migrate` brings any database to the current shape.
 */
export const ENTITIES = [
  PersonEntity, LegalEntityEntity, LicenseTypeEntity, LicenseEntity, DepartmentEntity,
  LicenseEventEntity, IssuanceRecordEntity, StatusListEntity, TrustSourceEntity, TrustRemovalEntity,
  CatalogItemEntity, CatalogChangeEntity, SharingRequestEntity, GrantEntity, AuditRecordEntity, AuditCheckpointEntity, AlertEntity, PolicyRevisionEntity, ClientAssertionJtiEntity,
];
