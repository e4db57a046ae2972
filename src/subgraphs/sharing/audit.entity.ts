import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One audited read (or refused attempt) of personal data: who, whose, which
 * fields, for what purpose, under which grant — never the values. Rows are
 * hash-chained (`prevHash` → `hash`) and a database trigger refuses UPDATE and
 * DELETE; `onewindow audit verify` finds any edit that got past both.
 */
export const AuditRecordEntity = defineEntity({
  name: 'AuditRecord',
  schema: 'sharing',
  tableName: 'audit_record',
  properties: {
    seq: p.bigint('number').primary().autoincrement(false),
    at: p.datetime().index(),
    department: p.string().length(18).index(),
    operator: p.string().length(200),
    role: p.string().length(30),
    subjectKind: p.string().length(10),
    subject: p.string().length(18).index(),
    fields: p.array().columnType('text[]'),
    purpose: p.string().length(200).nullable(),
    grantIds: p.array().columnType('text[]'),
    requestId: p.string().length(100),
    outcome: p.string().length(10),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
});
export type AuditRecordRow = InferEntity<typeof AuditRecordEntity>;

/** A signed statement "the chain up to seq had this hash", made periodically. */
export const AuditCheckpointEntity = defineEntity({
  name: 'AuditCheckpoint',
  schema: 'sharing',
  tableName: 'audit_checkpoint',
  properties: {
    seq: p.bigint('number').primary().autoincrement(false),
    hash: p.string().length(64),
    at: p.datetime(),
    signature: p.text(),
  },
});
export type AuditCheckpointRow = InferEntity<typeof AuditCheckpointEntity>;

/** Supervision alerts raised by the early-warning rules. */
export const AlertEntity = defineEntity({
  name: 'Alert',
  schema: 'sharing',
  tableName: 'alert',
  properties: {
    id: p.uuid().primary(),
    rule: p.string().length(50),
    department: p.string().length(18).index(),
    details: p.json<Record<string, unknown>>(),
    raisedAt: p.datetime(),
    acknowledgedBy: p.string().length(200).nullable(),
    acknowledgedAt: p.datetime().nullable(),
  },
});
export type Alert = InferEntity<typeof AlertEntity>;

/**
 * Client-assertion ids already used (RFC 7523 single use), kept until the
 * assertion would have expired anyway. Shared by every process through the database.
 */
export const ClientAssertionJtiEntity = defineEntity({
  name: 'ClientAssertionJti',
  schema: 'sharing',
  tableName: 'client_assertion_jti',
  properties: {
    key: p.string().length(300).primary(),
    expiresAt: p.datetime().index(),
  },
});
