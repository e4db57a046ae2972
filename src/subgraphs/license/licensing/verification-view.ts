import type { LicenseVerification } from '../../../licensing/verify-license.js';

/**
 * The verifier's result in the shape GraphQL and `POST /verify` expose: every
 * check, the verdict, and what the token says only when it could be trusted.
 */
export function toVerificationView(result: LicenseVerification) {
  const claims = result.license;
  // A QR token carries a summary only (no type name, issuer name or data): show what it has.
  const summary = claims ? undefined : result.summary;
  return {
    verdict: result.verdict,
    kind: result.kind,
    checks: result.checks.map((c) => ({ name: c.name, ok: c.ok, skipped: c.skipped ?? false, reason: c.reason ?? null })),
    license: claims
      ? {
          licenseId: claims.licenseId, typeCode: claims.typeCode, typeName: claims.typeName, licenseNumber: claims.licenseNumber,
          version: claims.version, holderKind: claims.holder.kind, holderIdentifier: claims.holder.id, holderName: claims.holder.name,
          issuerCode: claims.issuer.code, issuerName: claims.issuer.name, validFrom: claims.validFrom, validUntil: claims.validUntil, data: claims.data,
        }
      : summary
        ? {
            licenseId: summary.licenseId, typeCode: summary.typeCode, typeName: null, licenseNumber: summary.licenseNumber, version: summary.version,
            holderKind: summary.holder.kind, holderIdentifier: summary.holder.id, holderName: summary.holder.name,
            issuerCode: summary.issuer.code, issuerName: summary.issuer.name ?? null, validFrom: summary.validFrom, validUntil: summary.validUntil, data: null,
          }
        : null,
    status: result.status ?? null,
    copy: result.copy ?? null,
  };
}
