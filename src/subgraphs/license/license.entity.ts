import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Provenance } from '../../domain/provenance/provenance.js';
import { HOLDER_KINDS, LicenseTypeEntity } from './license-type.entity.js';

/**
 * Lifecycle status as stored. EXPIRED is not stored: it is derived from
 * `validUntil` when read, so no job has to sweep licences at midnight.
 */
export const LICENSE_STATUSES = ['VALID', 'SUSPENDED', 'REVOKED', 'SUPERSEDED'] as const;
/** A stored licence status. */
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

/**
 * One licence record, keyed by its GB/T 36904 identifier. The holder lives in
 * another subgraph and is referenced by identifier (ID number or credit code).
 * `signedToken` and `statusListIndex` are filled by e-licence issuance (issue 3);
 * records loaded from a legacy register have none.
 */
export const LicenseEntity = defineEntity({
  name: 'License',
  schema: 'license',
  tableName: 'license',
  properties: {
    licenseId: p.string().length(128).primary(),
    type: () => p.manyToOne(LicenseTypeEntity).fieldName('type_code'),
    licenseNumber: p.string().length(64),
    holderKind: p.enum([...HOLDER_KINDS]),
    holderId: p.string().length(18).index(),
    holderName: p.string().length(200),
    issuerCode: p.string().length(18).index(),
    serial: p.string().length(32),
    /** The identifier's 3-digit version: a reissue is a new record with edition + 1. */
    edition: p.integer(),
    issuedOn: p.date(),
    validFrom: p.date(),
    validUntil: p.date().nullable(),
    jurisdictionCode: p.string().length(6),
    status: p.enum([...LICENSE_STATUSES]).default('VALID'),
    data: p.json<Record<string, unknown>>(),
    supersedes: p.string().length(128).nullable(),
    signedToken: p.text().nullable(),
    statusListIndex: p.integer().nullable(),
    provenance: p.json<Provenance>(),
    rowVersion: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  uniques: [
    { properties: ['type', 'issuerCode', 'licenseNumber', 'edition'] },
    // A status-list position belongs to one licence of its issuer.
    {
      name: 'license_issuer_status_index_unique',
      expression: 'create unique index "license_issuer_status_index_unique" on "license"."license" ("issuer_code", "status_list_index") where "status_list_index" is not null',
    },
  ],
});

/** A loaded or new License row. */
export type License = InferEntity<typeof LicenseEntity>;
