import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** What happened to a licence. */
export const LICENSE_EVENT_KINDS = ['ISSUED', 'SUSPENDED', 'REINSTATED', 'REVOKED', 'REISSUED', 'SUPERSEDED'] as const;
/** One kind of licence event. */
export type LicenseEventKind = (typeof LICENSE_EVENT_KINDS)[number];

/** One entry of a licence's history: who did what, when and why (append-only). */
export const LicenseEventEntity = defineEntity({
  name: 'LicenseEvent',
  schema: 'license',
  tableName: 'license_event',
  properties: {
    id: p.uuid().primary(),
    licenseId: p.string().length(128).index(),
    kind: p.enum([...LICENSE_EVENT_KINDS]),
    actorDepartment: p.string().length(18),
    actorSubject: p.string().length(200),
    reason: p.text().nullable(),
    /** For REISSUED/SUPERSEDED: the other edition's identifier. */
    relatedLicenseId: p.string().length(128).nullable(),
    at: p.datetime(),
  },
});

/** A loaded or new LicenseEvent row. */
export type LicenseEvent = InferEntity<typeof LicenseEventEntity>;
