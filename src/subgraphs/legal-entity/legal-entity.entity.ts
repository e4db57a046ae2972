import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Provenance } from '../../domain/provenance/provenance.js';

/** Registration status of a legal entity (存续, 吊销, 注销, 迁出, 停业). */
export const ENTITY_STATUSES = ['ACTIVE', 'REVOKED', 'CANCELLED', 'MOVED_OUT', 'SUSPENDED'] as const;

/**
 * A legal entity keyed by its Unified Social Credit Code. The legal
 * representative is held by ID number only: the person lives in the
 * population subgraph, and no foreign key crosses subgraph schemas.
 */
export const LegalEntityEntity = defineEntity({
  name: 'LegalEntity',
  schema: 'legal_entity',
  tableName: 'legal_entity',
  properties: {
    creditCode: p.string().length(18).primary(),
    name: p.string().length(200),
    registrationAuthority: p.string().length(1),
    organisationType: p.string().length(1),
    divisionCode: p.string().length(6),
    legalRepresentative: p.string().length(18).index(),
    registeredCapital: p.decimal().precision(20).scale(2).nullable(),
    capitalCurrency: p.string().length(3).nullable(),
    establishedOn: p.date(),
    address: p.string().length(300),
    businessScope: p.text().nullable(),
    status: p.enum([...ENTITY_STATUSES]).default('ACTIVE'),
    provenance: p.json<Provenance>(),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

/** A loaded or new LegalEntity row. */
export type LegalEntity = InferEntity<typeof LegalEntityEntity>;
