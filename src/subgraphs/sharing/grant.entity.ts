import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ACCESS_LEVELS = ['FULL', 'MASKED'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export const REQUEST_STATUSES = ['PENDING', 'APPROVED', 'REFUSED', 'WITHDRAWN'] as const;

/**
 * A consumer department's request for conditional items: what, why (purpose,
 * legal basis, scenario), by when it must be answered, and the answer.
 */
export const SharingRequestEntity = defineEntity({
  name: 'SharingRequest',
  schema: 'sharing',
  tableName: 'sharing_request',
  properties: {
    id: p.uuid().primary(),
    consumerCode: p.string().length(18).index(),
    providerCode: p.string().length(18).index(),
    items: p.array().columnType('text[]'),
    purpose: p.string().length(100),
    legalBasis: p.text(),
    scenario: p.string().length(100),
    status: p.enum([...REQUEST_STATUSES]),
    requestedBy: p.string().length(200),
    requestedAt: p.datetime(),
    dueAt: p.datetime(),
    decidedBy: p.string().length(200).nullable(),
    decidedAt: p.datetime().nullable(),
    refusalReason: p.text().nullable(),
    grantId: p.uuid().nullable(),
    version: p.integer().version(),
  },
});
export type SharingRequest = InferEntity<typeof SharingRequestEntity>;

/** Permission for one consumer department to read some items, for one purpose, until a date. */
export const GrantEntity = defineEntity({
  name: 'Grant',
  schema: 'sharing',
  tableName: 'grant',
  properties: {
    id: p.uuid().primary(),
    consumerCode: p.string().length(18).index(),
    providerCode: p.string().length(18),
    items: p.array().columnType('text[]'),
    purpose: p.string().length(100),
    legalBasis: p.text(),
    scenario: p.string().length(100),
    accessLevel: p.enum([...ACCESS_LEVELS]),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    revokedBy: p.string().length(200).nullable(),
    revokeReason: p.text().nullable(),
    grantedBy: p.string().length(200),
    grantedAt: p.datetime(),
    requestId: p.uuid().nullable(),
  },
});
export type Grant = InferEntity<typeof GrantEntity>;

/**
 * One row whose counter moves on every catalogue or grant change: each process
 * (embedded or distributed) re-reads its policy when it sees the counter move.
 */
export const PolicyRevisionEntity = defineEntity({
  name: 'PolicyRevision',
  schema: 'sharing',
  tableName: 'policy_revision',
  properties: {
    id: p.integer().primary().autoincrement(false),
    revision: p.bigint('number'),
  },
});
