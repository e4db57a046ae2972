import type { QueryResolvers } from '../../../__generated__/license.js';
import { toVerificationView } from '../licensing/verification-view.js';

/** Reads of licences and the licence catalogue, and online verification. */
export const Query: QueryResolvers = {
  license: (_root, { licenseId }, ctx) => ctx.licenses.get(licenseId),
  licensesByHolder: (_root, args, ctx) => ctx.licenses.holderLicenses(args),
  licenseTypes: (_root, _args, ctx) => ctx.licenses.listTypes(),
  licenseType: (_root, { code }, ctx) => ctx.licenses.getType(code),
  verifyLicense: async (_root, { token, expectedHolder }, ctx) =>
    toVerificationView(await ctx.licensing.verification.verify(ctx.em, token, expectedHolder ? { expectedHolder } : {})),
};
