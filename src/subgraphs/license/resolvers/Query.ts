import type { QueryResolvers } from '../../../__generated__/license.js';

/** Reads of licences and the licence catalogue. */
export const Query: QueryResolvers = {
  license: (_root, { licenseId }, ctx) => ctx.licenses.get(licenseId),
  licensesByHolder: (_root, args, ctx) => ctx.licenses.holderLicenses(args),
  licenseTypes: (_root, _args, ctx) => ctx.licenses.listTypes(),
  licenseType: (_root, { code }, ctx) => ctx.licenses.getType(code),
};
