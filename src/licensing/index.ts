/**
 * OneWindow's e-licence verifier layer: licence tokens (full, QR, annotated
 * copy), the one verifier every entry point uses, QR rendering, a caching
 * status resolver, and the on-disk offline store. Knows nothing of GraphQL,
 * HTTP or the database.
 *
 * @example
 * import { buildLicensePayload, signLicenseToken, verifyLicenseToken, createStatusCache, authorityFromGrants } from './licensing/index.js';
 * const token = signLicenseToken('LICENSE', buildLicensePayload(claims, status, new Date()), signer);
 * const result = await verifyLicenseToken(token, { trust, statuses: createStatusCache(fetchText, { trust }), authority: authorityFromGrants(grants) });
 */
export { LicenseTokenError, OfflineStoreError } from './errors.js';
export {
  buildCopyPayload,
  buildLicensePayload,
  buildQrPayload,
  kindOfTyp,
  LICENSE_COPY_TYP,
  LICENSE_QR_TYP,
  LICENSE_TYP,
  parseLicenseClaims,
  parsePayload,
  signLicenseToken,
  TYP_OF_KIND,
  type ClaimsError,
  type CopyClaims,
  type HolderIdType,
  type LicenseClaims,
  type LicenseSummary,
  type LicenseTokenKind,
  type ParsedPayload,
  type StatusRef,
} from './license-token.js';
export { qrByteLength, qrFits, qrPng, qrSvg, QR_ERROR_CORRECTION, QR_MAX_BYTES, QR_MAX_VERSION } from './qr.js';
export {
  assertLicenseToken,
  LICENSE_CHECKS,
  VERDICT_PRECEDENCE,
  verifyLicenseToken,
  type IssuerAuthority,
  type IssuerSigner,
  type LicenseCheck,
  type LicenseCheckName,
  type LicenseVerification,
  type StatusAnswer,
  type StatusResolver,
  type Verdict,
  type VerifyLicenseOptions,
} from './verify-license.js';
export { authorityFromGrants, authorityFromTrustStore } from './issuer-authority.js';
export { createStatusCache, type PrimeResult, type StatusCache, type StatusCacheOptions, type StoredStatusList } from './status-cache.js';
export {
  loadOfflineStore,
  writeOfflineStore,
  type OfflineStatusList,
  type OfflineStore,
  type OfflineStoreContent,
  type OfflineTrustList,
} from './offline-store.js';
export { chinaDayEnd, chinaDayStart, isCalendarDate } from './china-time.js';
