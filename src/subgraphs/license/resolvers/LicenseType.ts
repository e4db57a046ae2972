import type { LicenseTypeResolvers } from '../../../__generated__/license.js';

/** LicenseType fields that point at departments. */
export const LicenseType: LicenseTypeResolvers = {
  __resolveReference: (ref, ctx) => ctx.licenses.getType(ref.code!),
  definingAuthority: (type) => ({ code: type.definingAuthorityCode! }),
  issuingDepartments: (type) => (type.issuingDepartments ?? []).map((code) => ({ code })),
  dataFields: (type) => (type.dataFields ?? []).map((f) => ({ ...f, values: f.values ? [...f.values] : null, maxLength: f.maxLength ?? null })),
};
