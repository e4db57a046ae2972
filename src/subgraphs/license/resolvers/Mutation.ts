import type { MutationResolvers } from '../../../__generated__/license.js';
import { NotFoundError } from '../../../errors.js';
import { LicenseEntity } from '../license.entity.js';

/** Issuance, status changes, copies and trust administration. */
export const Mutation: MutationResolvers = {
  issueLicense: (_root, { input }, ctx) => ctx.issuance.issue(input),
  reissueLicense: (_root, { input }, ctx) => ctx.issuance.reissue(input),
  suspendLicense: (_root, { licenseId, reason }, ctx) => ctx.issuance.changeStatus('SUSPEND', licenseId, reason),
  reinstateLicense: (_root, { licenseId, reason }, ctx) => ctx.issuance.changeStatus('REINSTATE', licenseId, reason),
  revokeLicense: (_root, { licenseId, reason }, ctx) => ctx.issuance.changeStatus('REVOKE', licenseId, reason),
  annotateLicense: async (_root, { input }, ctx) => {
    const license = await ctx.em.findOne(LicenseEntity, { licenseId: input.licenseId }, { populate: ['type'] });
    if (!license) throw NotFoundError.of('Licence', input.licenseId, 'input.licenseId');
    const copy = await ctx.issuance.annotate(license, { purpose: input.purpose, recipient: input.recipient, validMinutes: input.validMinutes ?? 24 * 60 });
    return { token: copy.token, expiresAt: copy.expiresAt, purpose: input.purpose.trim(), recipient: { code: input.recipient } };
  },
  importTrustList: (_root, { input }, ctx) => ctx.licensing.trust.importList(ctx.em, input, ctx.principal.subject),
  removeTrustedCertificate: async (_root, { fingerprint, reason }, ctx) => {
    await ctx.licensing.trust.remove(ctx.em, fingerprint, reason, ctx.principal.subject);
    return true;
  },
};
