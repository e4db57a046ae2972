/**
 * Ready-made {@link IssuerAuthority} answers: from a trust store's vouched
 * certificates (trust lists name the licence types each certificate may sign),
 * or from an explicit grant table (the catalogue's issuing departments).
 * Both deny by default.
 */
import type { TrustedCertificate, TrustStore } from '../crypto/index.js';
import type { IssuerAuthority } from './verification.js';

/**
 * Authority from the trust store: the signing certificate must be vouched for
 * (as trust lists do), belong to the department, and list the licence type.
 * Without the certificate (a two-argument call) any vouched certificate of
 * the department counts. A certificate whose list names no types may sign none.
 *
 * @example
 * const authority = authorityFromTrustStore(trust);
 * authority('11350100MB00000012', '11100000000013338W001', { certificate }); // true or a reason
 */
export function authorityFromTrustStore(trust: TrustStore): IssuerAuthority {
  return (departmentCode, typeCode, signer) => {
    const candidates: readonly (TrustedCertificate | undefined)[] = signer
      ? [trust.certificate(signer.certificate)]
      : trust.certificates();
    const vouched = candidates.filter((e): e is TrustedCertificate => e !== undefined && e.departmentCode === departmentCode);
    if (vouched.length === 0) return `no trusted certificate of department ${departmentCode} is vouched for by a trust list`;
    if (vouched.some((e) => e.licenseTypes.includes(typeCode))) return true;
    return `department ${departmentCode} is not listed as an issuer of licence type ${typeCode}`;
  };
}

/**
 * Authority from a table of department code → licence type codes it may issue.
 *
 * @example
 * const authority = authorityFromGrants({ '11350100MB00000012': ['11100000000013338W001'] });
 */
export function authorityFromGrants(grants: ReadonlyMap<string, readonly string[]> | Readonly<Record<string, readonly string[]>>): IssuerAuthority {
  // Copied into a Map: a plain object would answer for '__proto__' or 'constructor'.
  const table = new Map<string, ReadonlySet<string>>();
  const entries = grants instanceof Map ? [...grants.entries()] : Object.entries(grants);
  for (const [department, types] of entries) table.set(department, new Set(types));
  return (departmentCode, typeCode) => {
    const types = table.get(departmentCode);
    if (types === undefined) return `department ${departmentCode} may not issue licences`;
    return types.has(typeCode) ? true : `department ${departmentCode} may not issue licence type ${typeCode}`;
  };
}
