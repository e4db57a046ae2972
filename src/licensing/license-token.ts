/**
 * An e-licence as signed: three token kinds, one claims model.
 *
 * - `license+jwt` — the full licence, JWT-style, with the signer's `x5c` chain.
 * - `license-qr+jwt` — a compact form for QR codes: short claim names, the
 *   {@link LicenseSummary} only, and a header with `kid` but no `x5c`.
 * - `license-copy+jwt` — an annotated copy (加注件): the full licence plus why,
 *   for whom, by whom and until when the copy was made.
 *
 * Every builder runs the verifier's own strict parser on what it built and
 * throws if it would not pass, so the hub cannot sign what it would reject.
 *
 * @example
 * const payload = buildLicensePayload(claims, { idx: 42, uri: 'https://hub.example/status/1' }, new Date());
 * const token = signLicenseToken('LICENSE', payload, signer);
 * const qr = signLicenseToken('QR', buildQrPayload(claims, status, new Date()), signer);
 */
import { signJsonText, type JwsSigner } from '../crypto/index.js';
import { deepFreeze } from '../util/deep-freeze.js';
import { chinaDayEnd, chinaDayStart, toSeconds } from './china-time.js';
import { LicenseTokenError } from './errors.js';
import { parsePayload, type CopyClaims, type LicenseClaims, type LicenseTokenKind, type StatusRef } from './license-claims.js';

export {
  parseLicenseClaims,
  parsePayload,
  type ClaimsError,
  type CopyClaims,
  type HolderIdType,
  type LicenseClaims,
  type LicenseSummary,
  type LicenseTokenKind,
  type ParsedPayload,
  type StatusRef,
} from './license-claims.js';

/** `typ` of a full licence (header carries the `x5c` chain). */
export const LICENSE_TYP = 'license+jwt';
/** `typ` of the compact licence for QR codes (header carries `kid` only). */
export const LICENSE_QR_TYP = 'license-qr+jwt';
/** `typ` of an annotated copy (加注件). */
export const LICENSE_COPY_TYP = 'license-copy+jwt';

/** The `typ` of each token kind. */
export const TYP_OF_KIND: Readonly<Record<LicenseTokenKind, string>> = Object.freeze({
  LICENSE: LICENSE_TYP,
  QR: LICENSE_QR_TYP,
  COPY: LICENSE_COPY_TYP,
});

/** The token kind a `typ` names, or undefined. */
export function kindOfTyp(typ: unknown): LicenseTokenKind | undefined {
  if (typ === LICENSE_TYP) return 'LICENSE';
  if (typ === LICENSE_QR_TYP) return 'QR';
  if (typ === LICENSE_COPY_TYP) return 'COPY';
  return undefined;
}

function instant(d: Date, field: string): number {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw LicenseTokenError.invalidClaims(`${field} is not a valid date`, field);
  return toSeconds(d.getTime());
}

/** A lower-case check character `x` is common in typed ID numbers; tokens always carry `X`. */
const holderId = (claims: LicenseClaims): string => (claims.holder.kind === 'PERSON' ? claims.holder.id.toUpperCase() : claims.holder.id);

/** A fresh object with exactly the claim fields (an ORM entity passed in must not leak other properties). */
function claimsObject(claims: LicenseClaims): LicenseClaims {
  return {
    licenseId: claims.licenseId,
    typeCode: claims.typeCode,
    typeName: claims.typeName,
    licenseNumber: claims.licenseNumber,
    version: claims.version,
    holder: { kind: claims.holder.kind, id: holderId(claims), idType: claims.holder.idType, name: claims.holder.name },
    issuer: { code: claims.issuer.code, name: claims.issuer.name },
    definingAuthority: { code: claims.definingAuthority.code, name: claims.definingAuthority.name },
    issuedOn: claims.issuedOn,
    validFrom: claims.validFrom,
    validUntil: claims.validUntil,
    jurisdictionCode: claims.jurisdictionCode,
    data: claims.data,
  };
}

/** Payloads built here: frozen JSON clones, with the text that was checked and the kind it was checked as. */
const checkedText = new WeakMap<object, { readonly kind: LicenseTokenKind; readonly json: string }>();

/**
 * Serialises and checks a payload for `kind`; returns the JSON text that was
 * checked and a clone parsed from it. What is signed is the JSON text,
 * so that is what is checked, not the live objects (Dates, undefined…).
 */
function check(payload: Record<string, unknown>, kind: LicenseTokenKind): { json: string; value: Record<string, unknown> } {
  let json: string | undefined;
  let value: unknown;
  try {
    json = JSON.stringify(payload);
    value = JSON.parse(json ?? 'undefined');
  } catch (cause) {
    throw LicenseTokenError.invalidClaims(`not serialisable as JSON (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  const parsed = parsePayload(value as Record<string, unknown>, kind);
  if ('error' in parsed) throw LicenseTokenError.invalidClaims(parsed.error, parsed.field);
  return { json: json!, value: value as Record<string, unknown> };
}

/** The checked, frozen payload a build function returns; signing it later needs no second check or serialisation. */
function checked(payload: Record<string, unknown>, kind: LicenseTokenKind): Record<string, unknown> {
  const { json, value } = check(payload, kind);
  const frozen = deepFreeze(value);
  checkedText.set(frozen, { kind, json });
  return frozen;
}

/** `nbf` and, when the licence ends, `exp` (both China-time day boundaries, in seconds). */
function window(claims: LicenseClaims): { nbf: number; exp?: number } {
  const nbf = toSeconds(chinaDayStart(claims.validFrom));
  return claims.validUntil === null ? { nbf } : { nbf, exp: toSeconds(chinaDayEnd(claims.validUntil)) };
}

const statusClaim = (status: StatusRef) => ({ status_list: { idx: status.idx, uri: status.uri } });

/**
 * The payload of a full licence token:
 * `{ iss, sub, jti, iat, nbf, exp?, license, status: { status_list: { idx, uri } } }`, where
 * `iss` = issuer code, `sub` = holder id, `jti` = licence id, `nbf` = 00:00 of
 * validFrom and `exp` = 24:00 of validUntil, China time (absent when validUntil is null).
 *
 * @throws {LicenseTokenError} `INVALID_CLAIMS` (with `field`) when the claims break the format.
 * @example
 * const payload = buildLicensePayload(claims, { idx: 42, uri: statusUri }, new Date());
 */
export function buildLicensePayload(claims: LicenseClaims, status: StatusRef, issuedAt: Date): Record<string, unknown> {
  const license = claimsObject(claims);
  const payload = {
    iss: license.issuer.code,
    sub: license.holder.id,
    jti: license.licenseId,
    iat: instant(issuedAt, 'issuedAt'),
    ...window(license),
    license,
    status: statusClaim(status),
  };
  return checked(payload, 'LICENSE');
}

/**
 * The payload of a QR token, with short claim names:
 * `{ i: licenseId, n: licenseNumber, h: holder id, k: holder id type,
 * hn: holder name, f: validFrom, u: validUntil | null, s: [idx, uri], iat }`.
 * The type code, issuer code and version are read from the identifier `i`
 * (GB/T 36904 embeds them, under a check character), so they are not repeated;
 * the holder kind follows from `k`. The type and issuer names, the defining
 * authority, the jurisdiction and the business data are left out: they do not
 * fit a QR code (the verifier reports the signer's name from its certificate).
 *
 * @throws {LicenseTokenError} `INVALID_CLAIMS` when the claims break the format.
 * @example
 * const token = signLicenseToken('QR', buildQrPayload(claims, status, new Date()), signer);
 */
export function buildQrPayload(claims: LicenseClaims, status: StatusRef, issuedAt: Date): Record<string, unknown> {
  const c = claimsObject(claims);
  const payload = {
    i: c.licenseId,
    n: c.licenseNumber,
    h: c.holder.id,
    k: c.holder.idType,
    hn: c.holder.name,
    f: c.validFrom,
    u: c.validUntil,
    s: [status.idx, status.uri],
    iat: instant(issuedAt, 'issuedAt'),
  };
  return checked(payload, 'QR');
}

/**
 * The payload of an annotated copy: the full licence payload plus
 * `copy: { purpose, recipient, madeBy: { department, subject }, exp }`; the
 * token's own `exp` is the earlier of the copy's expiry (in whole seconds,
 * rounded down) and the licence's end.
 * It is signed by the licence's issuing department (`iss`), like the licence.
 *
 * @throws {LicenseTokenError} `INVALID_CLAIMS` when the claims or copy fields break the format.
 * @example
 * const copy = buildCopyPayload(claims, status, { purpose: '办理食品经营许可变更', recipient, madeBy, expiresAt }, new Date());
 */
export function buildCopyPayload(claims: LicenseClaims, status: StatusRef, copy: CopyClaims, issuedAt: Date): Record<string, unknown> {
  const license = claimsObject(claims);
  const copyExp = instant(copy.expiresAt, 'copy.expiresAt');
  const { nbf, exp } = window(license);
  const payload = {
    iss: license.issuer.code,
    sub: license.holder.id,
    jti: license.licenseId,
    iat: instant(issuedAt, 'issuedAt'),
    nbf,
    exp: exp === undefined ? copyExp : Math.min(exp, copyExp),
    license,
    status: statusClaim(status),
    copy: {
      purpose: copy.purpose,
      recipient: copy.recipient,
      madeBy: { department: copy.madeBy.department, subject: copy.madeBy.subject },
      exp: copyExp,
    },
  };
  return checked(payload, 'COPY');
}

/**
 * Signs a payload built for `kind`: `LICENSE` and `COPY` with the `x5c`
 * chain in the header (`signLicenseJws`), `QR` with `alg`, `typ` and `kid`
 * only. The payload must parse as that kind, so one kind cannot be signed as another.
 *
 * @throws {LicenseTokenError} `INVALID_CLAIMS` when the payload is not of that kind.
 * @throws {JwsError} `INVALID_SIGNER` for a misconfigured signer.
 * @example
 * const token = signLicenseToken('LICENSE', buildLicensePayload(claims, status, now), signer);
 */
export function signLicenseToken(kind: LicenseTokenKind, payload: Record<string, unknown>, signer: JwsSigner): string {
  // A payload from buildLicensePayload & co. is frozen and was checked as JSON text: sign that text.
  const known = checkedText.get(payload);
  const json = known?.kind === kind ? known.json : check(payload, kind).json;
  if (kind === 'QR') return signJsonText(json, signer, LICENSE_QR_TYP, { x5c: false });
  return signJsonText(json, signer, TYP_OF_KIND[kind]);
}
