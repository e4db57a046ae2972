import type { LicenseResolvers } from '../../../__generated__/license.js';
import { provenanceList } from '../../../domain/provenance/provenance.js';
import type { License as LicenseRow } from '../license.entity.js';

/** License fields that join the catalogue or point into other subgraphs. */
export const License: LicenseResolvers = {
  __resolveReference: (ref, ctx) => ctx.licenses.get(ref.licenseId!),
  type: async (license, _args, ctx) => {
    const row = license as LicenseRow;
    // The type is a reference on the row; the catalogue is read once per request.
    const type = await ctx.licenses.getType(row.type.code);
    return type!;
  },
  holder: (license) =>
    license.holderKind === 'PERSON'
      ? { __typename: 'Person', idNumber: license.holderId! }
      : { __typename: 'LegalEntity', creditCode: license.holderId! },
  holderIdentifier: (license) => license.holderId ?? null,
  issuingDepartment: (license) => ({ code: license.issuerCode! }),
  status: (license, _args, ctx) => ctx.licenses.status(license as LicenseRow),
  version: (license) => license.edition!,
  provenance: (license) => provenanceList(license.provenance),
  token: (license) => license.signedToken ?? null,
  qrToken: async (license, _args, ctx) => {
    const row = license as LicenseRow;
    if (!row.signedToken || row.statusListIndex == null) return null;
    if (!row.type.name) await ctx.em.populate(row, ['type']);
    return ctx.issuance.qrToken(row);
  },
  history: async (license, _args, ctx) => {
    const events = await ctx.licenses.history(license.licenseId!);
    return events.map((e) => ({ kind: e.kind, at: e.at, department: { code: e.actorDepartment }, actor: e.actorSubject, reason: e.reason ?? null, relatedLicenseId: e.relatedLicenseId ?? null }));
  },
};

/** The union of things that hold licences; the holder object names its type. */
export const LicenseHolder = {
  __resolveType: (holder: { __typename: 'Person' | 'LegalEntity' }) => holder.__typename,
};
