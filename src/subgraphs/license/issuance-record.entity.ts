import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Idempotency of issuance: one row per (issuing department, idempotency key).
 * A retry with the same key and the same request returns the licence already
 * issued; the same key with a different request is a CONFLICT.
 */
export const IssuanceRecordEntity = defineEntity({
  name: 'IssuanceRecord',
  schema: 'license',
  tableName: 'issuance_record',
  properties: {
    issuerCode: p.string().length(18).primary(),
    idempotencyKey: p.string().length(128).primary(),
    /** SHA-256 of the canonical request, to tell a retry from a different request. */
    requestHash: p.string().length(64),
    licenseId: p.string().length(128),
    createdAt: p.datetime(),
  },
});

/** A loaded or new IssuanceRecord row. */
export type IssuanceRecord = InferEntity<typeof IssuanceRecordEntity>;
