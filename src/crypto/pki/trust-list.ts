/**
 * Trust lists: how one hub tells another which roots and department
 * certificates it vouches for, and for which licence types (modelled on the EU
 * DCC trust list, usable offline).
 *
 * A trust list is a compact JWS, `typ: trustlist+jwt`, PS256, signed by a hub
 * certificate whose chain (`x5c`) leads to the hub root. The receiving
 * administrator pins that root out of band; {@link verifyTrustList} checks the
 * signature against it and {@link importTrustList} applies the list to a
 * {@link TrustStore}, replacing the previous list from the same issuer.
 *
 * Payload:
 * ```json
 * { "iss": "hub:fujian", "iat": 1767225600, "exp": 1767830400, "sequence": 42,
 *   "roots": [{ "certificate": "<base64 DER>", "kid": "…" }],
 *   "certificates": [{ "certificate": "<base64 DER>", "kid": "…",
 *                      "departmentCode": "<USCC>", "licenseTypes": ["…"] }] }
 * ```
 *
 * Limitations: revocation is by removal — a department certificate left out of
 * a newer list is no longer accepted; there is no OCSP/CRL. Roots imported
 * from a list vouch only for the department certificates the list names.
 */
import { TrustListError } from '../errors.js';
import { signLicenseJws, type JwsSigner } from '../jws/sign-license.js';
import { verifyLicenseJws, type JwsCheckName, type JwsSuccess } from '../jws/verify-jws.js';
import { Certificate } from './certificate.js';
import { departmentCodeOf, isUnifiedSocialCreditCode } from './department-code.js';
import { TrustStore } from './trust-store.js';

/** `typ` of a trust list token. */
export const TRUST_LIST_TYP = 'trustlist+jwt';

/** A department certificate as listed: who it belongs to and what it may sign. */
export interface TrustListCertificate {
  readonly certificate: Certificate;
  readonly departmentCode: string;
  readonly licenseTypes: readonly string[];
}

/** A verified trust list. */
export interface TrustList {
  /** The publishing hub's id (`iss`). */
  readonly issuer: string;
  /** Increases with every list the issuer publishes; older or equal lists are refused on import. */
  readonly sequence: number;
  readonly issuedAt: Date;
  readonly expiresAt: Date | undefined;
  readonly roots: readonly Certificate[];
  readonly certificates: readonly TrustListCertificate[];
}

/** Input of {@link signTrustList}. */
export interface TrustListContent {
  readonly issuer: string;
  readonly sequence: number;
  /** Default now. */
  readonly issuedAt?: Date;
  /** Optional expiry; a list past it does not verify. */
  readonly expiresAt?: Date;
  readonly roots: readonly Certificate[];
  /** `departmentCode` defaults to the certificate's subject serialNumber. */
  readonly certificates: readonly { readonly certificate: Certificate; readonly licenseTypes: readonly string[]; readonly departmentCode?: string }[];
}

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);
const MAX_ENTRIES = 10_000;

/**
 * Signs a trust list.
 *
 * @throws {TrustListError} `INVALID_CONTENT` for a bad sequence, issuer, or a department certificate without a department code.
 * @example
 * const token = signTrustList({
 *   issuer: 'hub:fujian', sequence: 7,
 *   roots: [hubRoot.certificate],
 *   certificates: [{ certificate: dept.certificate, licenseTypes: ['11100000000013338W001'] }],
 * }, hubSigner);
 */
export function signTrustList(content: TrustListContent, signer: JwsSigner): string {
  if (!content.issuer) throw TrustListError.invalidContent('issuer is required');
  if (!Number.isSafeInteger(content.sequence) || content.sequence < 0) throw TrustListError.invalidContent('sequence must be a non-negative integer');
  const payload = {
    iss: content.issuer,
    iat: seconds(content.issuedAt ?? new Date()),
    ...(content.expiresAt ? { exp: seconds(content.expiresAt) } : {}),
    sequence: content.sequence,
    roots: content.roots.map((r) => ({ certificate: r.base64, kid: r.kid })),
    certificates: content.certificates.map((c) => {
      const departmentCode = c.departmentCode ?? departmentCodeOf(c.certificate);
      if (departmentCode === undefined) throw TrustListError.invalidContent(`${c.certificate.displayName} has no department code`);
      return { certificate: c.certificate.base64, kid: c.certificate.kid, departmentCode, licenseTypes: [...c.licenseTypes] };
    }),
  };
  return signLicenseJws(payload, signer, TRUST_LIST_TYP);
}

/** The JWS checks plus CONTENT (the list's own fields). */
export type TrustListCheckName = JwsCheckName | 'CONTENT';

/** One check's outcome. */
export interface TrustListCheck {
  readonly name: TrustListCheckName;
  readonly ok: boolean;
  readonly reason?: string;
}

/** Options of {@link verifyTrustList}. */
export interface VerifyTrustListOptions {
  /** The publishing hub's root, pinned by the administrator (not taken from the list). */
  readonly pinnedRoot: Certificate;
  /** Default now. */
  readonly at?: Date;
  /** When set, `iss` must equal it. */
  readonly expectedIssuer?: string;
  /** Default 1 MiB. */
  readonly maxBytes?: number;
}

/** The result of {@link verifyTrustList}: narrow on `ok`. */
export type TrustListVerification =
  | { readonly ok: true; readonly failed?: undefined; readonly checks: readonly TrustListCheck[]; readonly trustList: TrustList; readonly jws: JwsSuccess }
  | { readonly ok: false; readonly failed: TrustListCheckName; readonly checks: readonly TrustListCheck[]; readonly trustList?: undefined; readonly jws?: undefined };

class ContentError extends Error {}

function need(condition: unknown, why: string): asserts condition {
  if (!condition) throw new ContentError(why);
}

function readCertificate(entry: Record<string, unknown>, where: string): Certificate {
  need(typeof entry.certificate === 'string', `${where}.certificate is missing`);
  let cert: Certificate;
  try {
    cert = Certificate.fromBase64(entry.certificate);
  } catch {
    throw new ContentError(`${where}.certificate is not a certificate`);
  }
  need(entry.kid === cert.kid, `${where}.kid does not match its certificate`);
  return cert;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function readContent(p: Record<string, unknown>, at: Date, expectedIssuer: string | undefined): TrustList {
  need(typeof p.iss === 'string' && p.iss.length > 0, 'iss is missing');
  need(expectedIssuer === undefined || p.iss === expectedIssuer, `iss is not ${expectedIssuer ?? ''}`);
  need(isSeconds(p.iat), 'iat is missing or not a NumericDate');
  need(p.exp === undefined || isSeconds(p.exp), 'exp is not a NumericDate');
  need(!isSeconds(p.exp) || seconds(at) < p.exp, 'the trust list has expired');
  need(isSeconds(p.sequence), 'sequence is missing or not a non-negative integer');
  need(Array.isArray(p.roots) && p.roots.length > 0 && p.roots.length <= MAX_ENTRIES, 'roots must be a non-empty array');
  need(Array.isArray(p.certificates) && p.certificates.length <= MAX_ENTRIES, 'certificates must be an array');
  const roots = p.roots.map((r: unknown, i) => {
    need(isRecord(r), `roots[${i}] is not an object`);
    const cert = readCertificate(r, `roots[${i}]`);
    need(cert.isCA, `roots[${i}] is not a CA certificate`);
    return cert;
  });
  const certificates = p.certificates.map((c: unknown, i): TrustListCertificate => {
    const where = `certificates[${i}]`;
    need(isRecord(c), `${where} is not an object`);
    const certificate = readCertificate(c, where);
    need(!certificate.isCA, `${where} is a CA certificate`);
    const code = c.departmentCode;
    need(typeof code === 'string' && isUnifiedSocialCreditCode(code, { checkCharacter: false }), `${where}.departmentCode is not a USCC`);
    need(departmentCodeOf(certificate) === code, `${where}.departmentCode differs from the certificate's`);
    const types = c.licenseTypes;
    need(Array.isArray(types) && types.length <= 1000 && types.every((t) => typeof t === 'string' && t.length > 0), `${where}.licenseTypes must be an array of codes`);
    return Object.freeze({ certificate, departmentCode: code, licenseTypes: Object.freeze([...(types as string[])]) });
  });
  return Object.freeze({
    issuer: p.iss,
    sequence: p.sequence,
    issuedAt: new Date(p.iat * 1000),
    expiresAt: isSeconds(p.exp) ? new Date(p.exp * 1000) : undefined,
    roots: Object.freeze(roots),
    certificates: Object.freeze(certificates),
  });
}

/**
 * Verifies another hub's trust list against the root its administrator
 * pinned: the JWS checks (typ `trustlist+jwt`, chain to `pinnedRoot` only,
 * signature), then CONTENT (shape, expiry, every certificate parses and
 * matches its kid and department code). Never throws.
 *
 * @example
 * const v = verifyTrustList(token, { pinnedRoot: parseCertificate(pinnedPem), expectedIssuer: 'hub:zhejiang' });
 * if (v.ok) importTrustList(trust, v.trustList);
 */
export function verifyTrustList(token: string | Uint8Array, options: VerifyTrustListOptions): TrustListVerification {
  const at = options.at ?? new Date();
  // A throwaway store holding only the pinned root: nothing else the hub trusts can vouch for a list.
  const pinned = new TrustStore().addRoot(options.pinnedRoot);
  const jws = verifyLicenseJws(token, { trust: pinned, at, expectedTyp: TRUST_LIST_TYP, maxBytes: options.maxBytes ?? 1024 * 1024 });
  const checks: TrustListCheck[] = [...jws.checks];
  if (!jws.ok) return { ok: false, failed: jws.failed, checks };
  try {
    const trustList = readContent(jws.payload, at, options.expectedIssuer);
    checks.push({ name: 'CONTENT', ok: true });
    return { ok: true, checks, trustList, jws };
  } catch (e) {
    checks.push({ name: 'CONTENT', ok: false, reason: e instanceof Error ? e.message : 'invalid content' });
    return { ok: false, failed: 'CONTENT', checks };
  }
}

/**
 * Applies a verified trust list to `store`: replaces everything earlier lists
 * from the same issuer added, adds its roots as anchors that vouch only for the
 * listed department certificates, and marks certificates dropped since the
 * previous list as revoked. Cached chain results are discarded.
 *
 * @throws {TrustListError} `STALE_SEQUENCE` (code CONFLICT) when the list is not newer than the one imported before.
 * @example
 * importTrustList(trust, verification.trustList);
 */
export function importTrustList(store: TrustStore, list: TrustList): void {
  const current = store.sequenceOf(list.issuer);
  if (current !== undefined && list.sequence <= current) throw TrustListError.stale(list.issuer, list.sequence, current);
  store.replaceSource(list.issuer, list.sequence, list.roots, list.certificates);
}
