import type { LicenseVerification } from '../../../licensing/verify-license.js';

/**
 * The verifier's result in the shape GraphQL and `POST /verify` expose: every
 * check, the verdict, and what the token says only when it could be trusted.
 */
export function toVerificationView(result: LicenseVerification) {
  const claims = result.license;
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
      : null,
    status: result.status ?? null,
    copy: result.copy ?? null,
  };
}
