/**
 * The claims an e-licence token carries, and their strict parser.
 *
 * Every payload shape is closed: unknown keys are rejected at every level, so
 * a token of one kind can never be read as another (a copy's payload has a
 * `copy` object a licence must not have; a QR payload has short names neither
 * of the others accepts). Cross-field rules bind the parts together: the
 * licence identifier names the licence's type, issuer and version; `iss`,
 * `sub`, `jti`, `nbf` and `exp` repeat what the claims say.
 *
 * The builders in `license-token.ts` run the same parser on what they build,
 * so the hub cannot sign a token its own verifier would reject.
 */
import { mod3736CheckCharacter, LICENSE_ROOT_OID } from '../domain/identifiers/license-id.js';
import { chinaDayEnd, chinaDayStart, toSeconds } from './china-time.js';
import { ClaimError, date, exactKeys, integer, isRecord, numericDate, object, shaped, statusUri, text } from './claim-readers.js';

/** The three kinds of licence token. */
export type LicenseTokenKind = 'LICENSE' | 'QR' | 'COPY';

/** GB/T 36903 holder identifier type: `111` citizen ID number, `001` Unified Social Credit Code. */
export type HolderIdType = '111' | '001';

/** A licence's catalogue metadata (GB/T 36903), as signed. */
export interface LicenseClaims {
  /** GB/T 36904 identifier `1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>`. */
  licenseId: string;
  /** 21 characters: the defining authority's credit code and a 3-digit sequence. */
  typeCode: string;
  typeName: string;
  /** The paper licence's own number. */
  licenseNumber: string;
  /** 1–999, the identifier's version. */
  version: number;
  /** `PERSON` always has idType `111`, `ENTITY` always `001`. */
  holder: { kind: 'PERSON' | 'ENTITY'; id: string; idType: HolderIdType; name: string };
  issuer: { code: string; name: string };
  /** Its code is the first 18 characters of `typeCode`. */
  definingAuthority: { code: string; name: string };
  /** `YYYY-MM-DD`, China time. */
  issuedOn: string;
  /** `YYYY-MM-DD`, China time: valid from 00:00 that day. */
  validFrom: string;
  /** `YYYY-MM-DD`, China time: valid to the end of that day; null = until revoked. */
  validUntil: string | null;
  /** GB/T 2260 division code, 6 digits. */
  jurisdictionCode: string;
  /** Type-specific business data (a JSON object). */
  data: Record<string, unknown>;
}

/**
 * What every kind of token carries: the QR form has only these (the full
 * metadata and business data do not fit a QR code). {@link LicenseClaims} is
 * assignable to it.
 */
export interface LicenseSummary {
  licenseId: string;
  typeCode: string;
  licenseNumber: string;
  version: number;
  holder: { kind: 'PERSON' | 'ENTITY'; id: string; idType: HolderIdType; name: string };
  issuer: { code: string; name?: string };
  validFrom: string;
  validUntil: string | null;
}

/** Where the licence's status is published (IETF Token Status List `status.status_list`). */
export interface StatusRef {
  idx: number;
  uri: string;
}

/** What an annotated copy (加注件) adds: why, for whom, by whom, until when. */
export interface CopyClaims {
  purpose: string;
  /** The receiving department's credit code. */
  recipient: string;
  madeBy: { department: string; subject: string };
  expiresAt: Date;
}

/** A parsed payload: the claims plus what the verifier needs besides them. */
export type ParsedPayload =
  | { kind: 'LICENSE'; claims: LicenseClaims; summary: LicenseSummary; status: StatusRef; issuedAt: Date }
  | { kind: 'COPY'; claims: LicenseClaims; summary: LicenseSummary; status: StatusRef; issuedAt: Date; copy: CopyClaims }
  | { kind: 'QR'; claims?: undefined; summary: LicenseSummary; status: StatusRef; issuedAt: Date };

/** Why a payload was rejected: `field` is the payload path, e.g. `license.holder.id`. */
export interface ClaimsError {
  error: string;
  field?: string;
}

const USCC = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
const ID_NUMBER = /^\d{17}[\dX]$/;
const TYPE_CODE = /^[0-9A-HJ-NP-RTUWXY]{18}\d{3}$/;
const DIVISION = /^\d{6}$/;
const SERIAL = /^[0-9A-Z]{1,32}$/;
const VERSION = /^(?!000)\d{3}$/;
const ROOT_DIGITS = LICENSE_ROOT_OID.replaceAll('.', '');

/** The claim keys of each payload shape, exactly. */
const LICENSE_KEYS = ['licenseId', 'typeCode', 'typeName', 'licenseNumber', 'version', 'holder', 'issuer', 'definingAuthority', 'issuedOn', 'validFrom', 'validUntil', 'jurisdictionCode', 'data'] as const;
// Type code, issuer and version are not repeated: the identifier `i` carries them, with a check character.
const QR_KEYS = ['i', 'n', 'h', 'k', 'hn', 'f', 'u', 's', 'iat'] as const;
const QR_HOLDER_FIELDS: Readonly<Record<string, string>> = { kind: 'k', id: 'h', idType: 'k', name: 'hn' };

function holder(kind: unknown, id: unknown, idType: unknown, name: unknown, where: (key: string) => string): LicenseSummary['holder'] {
  if (kind !== 'PERSON' && kind !== 'ENTITY') throw new ClaimError(where('kind'), 'must be PERSON or ENTITY');
  const expectedType = kind === 'PERSON' ? '111' : '001';
  if (idType !== expectedType) throw new ClaimError(where('idType'), `must be ${expectedType} for a holder of kind ${kind}`);
  const holderId =
    kind === 'PERSON'
      ? shaped(id, where('id'), ID_NUMBER, 'an 18-character citizen ID number (upper-case X)')
      : shaped(id, where('id'), USCC, 'an 18-character credit code');
  return { kind, id: holderId, idType: expectedType, name: text(name, where('name'), 200) };
}

/** The parts of a GB/T 36904 identifier, after checking their shapes and the check character. */
function splitLicenseId(id: string, field: string): { typeCode: string; issuerCode: string; version: number } {
  const root = `${LICENSE_ROOT_OID}.`;
  const parts = id.startsWith(root) ? id.slice(root.length).split('.') : [];
  const [typeCode = '', issuerCode = '', serial = '', versionText = '', check = ''] = parts;
  if (parts.length !== 5 || !TYPE_CODE.test(typeCode) || !USCC.test(issuerCode) || !SERIAL.test(serial) || !VERSION.test(versionText)) {
    throw new ClaimError(field, 'is not a GB/T 36904 identifier');
  }
  if (check !== mod3736CheckCharacter(`${ROOT_DIGITS}${typeCode}${issuerCode}${serial}${versionText}`)) {
    throw new ClaimError(field, 'has a wrong check character');
  }
  return { typeCode, issuerCode, version: Number(versionText) };
}

/** The licence identifier names this type, issuer and version. */
function checkLicenseId(id: string, typeCode: string, issuerCode: string, version: number, field: string): void {
  const parts = splitLicenseId(id, field);
  if (parts.typeCode !== typeCode || parts.issuerCode !== issuerCode) throw new ClaimError(field, 'does not name the licence type and issuer');
  if (parts.version !== version) throw new ClaimError(field, 'does not carry the licence version');
}

function checkValidity(validFrom: string, validUntil: string | null, where: (key: string) => string): void {
  if (validUntil !== null && validUntil < validFrom) throw new ClaimError(where('validUntil'), 'is before validFrom');
}

function parseClaims(raw: unknown): LicenseClaims {
  const c = object(raw, 'license');
  exactKeys(c, 'license', LICENSE_KEYS);
  const at = (key: string) => `license.${key}`;
  const typeCode = shaped(c.typeCode, at('typeCode'), TYPE_CODE, "a credit code followed by 3 digits");
  const version = integer(c.version, at('version'), 1, 999);
  const h = object(c.holder, at('holder'));
  exactKeys(h, at('holder'), ['kind', 'id', 'idType', 'name']);
  const i = object(c.issuer, at('issuer'));
  exactKeys(i, at('issuer'), ['code', 'name']);
  const d = object(c.definingAuthority, at('definingAuthority'));
  exactKeys(d, at('definingAuthority'), ['code', 'name']);
  const issuer = { code: shaped(i.code, at('issuer.code'), USCC, 'a credit code'), name: text(i.name, at('issuer.name'), 200) };
  const definingAuthority = {
    code: shaped(d.code, at('definingAuthority.code'), USCC, 'a credit code'),
    name: text(d.name, at('definingAuthority.name'), 200),
  };
  if (definingAuthority.code !== typeCode.slice(0, 18)) throw new ClaimError(at('definingAuthority.code'), 'is not the authority the type code names');
  const licenseId = text(c.licenseId, at('licenseId'), 128);
  checkLicenseId(licenseId, typeCode, issuer.code, version, at('licenseId'));
  const validFrom = date(c.validFrom, at('validFrom'));
  const validUntil = c.validUntil === null ? null : date(c.validUntil, at('validUntil'));
  checkValidity(validFrom, validUntil, at);
  if (!isRecord(c.data)) throw new ClaimError(at('data'), 'must be an object');
  return {
    licenseId,
    typeCode,
    typeName: text(c.typeName, at('typeName'), 100),
    licenseNumber: text(c.licenseNumber, at('licenseNumber'), 64),
    version,
    holder: holder(h.kind, h.id, h.idType, h.name, (key) => at(`holder.${key}`)),
    issuer,
    definingAuthority,
    issuedOn: date(c.issuedOn, at('issuedOn')),
    validFrom,
    validUntil,
    jurisdictionCode: shaped(c.jurisdictionCode, at('jurisdictionCode'), DIVISION, 'a 6-digit division code'),
    data: c.data,
  };
}

function summaryOf(claims: LicenseClaims): LicenseSummary {
  const { licenseId, typeCode, licenseNumber, version, holder: h, issuer, validFrom, validUntil } = claims;
  return { licenseId, typeCode, licenseNumber, version, holder: { ...h }, issuer: { ...issuer }, validFrom, validUntil };
}

function parseStatus(raw: unknown): StatusRef {
  const s = object(raw, 'status');
  exactKeys(s, 'status', ['status_list']);
  const list = object(s.status_list, 'status.status_list');
  exactKeys(list, 'status.status_list', ['idx', 'uri']);
  return { idx: integer(list.idx, 'status.status_list.idx', 0, 2 ** 40), uri: statusUri(list.uri, 'status.status_list.uri') };
}

/** `iss`, `sub`, `jti`, `iat`, `nbf`, `exp` of a full or copy payload, checked against the claims. */
function checkRegistered(p: Record<string, unknown>, claims: LicenseClaims, exp: number | undefined): number {
  if (p.iss !== claims.issuer.code) throw new ClaimError('iss', 'must equal license.issuer.code');
  if (p.sub !== claims.holder.id) throw new ClaimError('sub', 'must equal license.holder.id');
  if (p.jti !== claims.licenseId) throw new ClaimError('jti', 'must equal license.licenseId');
  const iat = numericDate(p.iat, 'iat');
  if (p.nbf !== toSeconds(chinaDayStart(claims.validFrom))) throw new ClaimError('nbf', 'must be the start of validFrom in China time');
  if (exp === undefined) {
    if (Object.hasOwn(p, 'exp')) throw new ClaimError('exp', 'must be absent for a licence without validUntil');
  } else if (p.exp !== exp) {
    throw new ClaimError('exp', 'must be the end of the validity in China time');
  }
  return iat;
}

const licenceEnd = (claims: LicenseClaims): number | undefined =>
  claims.validUntil === null ? undefined : toSeconds(chinaDayEnd(claims.validUntil));

function parseLicence(p: Record<string, unknown>): ParsedPayload {
  exactKeys(p, '', ['iss', 'sub', 'jti', 'iat', 'nbf', 'license', 'status'], ['exp']);
  const claims = parseClaims(p.license);
  const iat = checkRegistered(p, claims, licenceEnd(claims));
  return { kind: 'LICENSE', claims, summary: summaryOf(claims), status: parseStatus(p.status), issuedAt: new Date(iat * 1000) };
}

function parseCopy(p: Record<string, unknown>): ParsedPayload {
  exactKeys(p, '', ['iss', 'sub', 'jti', 'iat', 'nbf', 'exp', 'license', 'status', 'copy']);
  const claims = parseClaims(p.license);
  const c = object(p.copy, 'copy');
  exactKeys(c, 'copy', ['purpose', 'recipient', 'madeBy', 'exp']);
  const madeBy = object(c.madeBy, 'copy.madeBy');
  exactKeys(madeBy, 'copy.madeBy', ['department', 'subject']);
  const copyExp = numericDate(c.exp, 'copy.exp');
  const end = licenceEnd(claims);
  const iat = checkRegistered(p, claims, end === undefined ? copyExp : Math.min(end, copyExp));
  if (copyExp <= iat) throw new ClaimError('copy.exp', 'must be after iat');
  const copy: CopyClaims = {
    purpose: text(c.purpose, 'copy.purpose', 200),
    recipient: shaped(c.recipient, 'copy.recipient', USCC, 'a credit code'),
    madeBy: {
      department: shaped(madeBy.department, 'copy.madeBy.department', USCC, 'a credit code'),
      subject: text(madeBy.subject, 'copy.madeBy.subject', 128),
    },
    expiresAt: new Date(copyExp * 1000),
  };
  return { kind: 'COPY', claims, summary: summaryOf(claims), status: parseStatus(p.status), issuedAt: new Date(iat * 1000), copy };
}

function parseQr(p: Record<string, unknown>): ParsedPayload {
  exactKeys(p, '', QR_KEYS);
  const idType = p.k;
  const kind = idType === '111' ? 'PERSON' : idType === '001' ? 'ENTITY' : undefined;
  if (kind === undefined) throw new ClaimError('k', 'must be 111 or 001');
  const h = holder(kind, p.h, idType, p.hn, (key) => QR_HOLDER_FIELDS[key] ?? key);
  const licenseId = text(p.i, 'i', 128);
  const { typeCode, issuerCode, version } = splitLicenseId(licenseId, 'i');
  const validFrom = date(p.f, 'f');
  const validUntil = p.u === null ? null : date(p.u, 'u');
  checkValidity(validFrom, validUntil, (key) => (key === 'validUntil' ? 'u' : 'f'));
  if (!Array.isArray(p.s) || p.s.length !== 2) throw new ClaimError('s', 'must be [idx, uri]');
  const status = { idx: integer(p.s[0], 's.0', 0, 2 ** 40), uri: statusUri(p.s[1], 's.1') };
  const iat = numericDate(p.iat, 'iat');
  const summary: LicenseSummary = {
    licenseId,
    typeCode,
    licenseNumber: text(p.n, 'n', 64),
    version,
    holder: h,
    issuer: { code: issuerCode },
    validFrom,
    validUntil,
  };
  return { kind: 'QR', summary, status, issuedAt: new Date(iat * 1000) };
}

/**
 * Parses a verified payload of the given kind: every field type-checked,
 * unknown keys rejected at every level, cross-field rules enforced. Never throws.
 *
 * @example
 * const parsed = parsePayload(jws.payload, 'LICENSE');
 * if ('error' in parsed) reject(parsed.field);
 */
export function parsePayload(payload: Record<string, unknown>, kind: LicenseTokenKind): ParsedPayload | ClaimsError {
  try {
    if (!isRecord(payload)) return { error: 'the payload is not an object' };
    if (kind === 'LICENSE') return parseLicence(payload);
    if (kind === 'COPY') return parseCopy(payload);
    if (kind === 'QR') return parseQr(payload);
    return { error: 'unknown token kind' };
  } catch (e) {
    if (e instanceof ClaimError) return { error: `${e.field}: ${e.message}`, field: e.field };
    return { error: `unreadable claims: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * The licence claims of a verified payload. For `LICENSE` and `COPY` this is
 * the full {@link LicenseClaims}; a `QR` payload carries only the
 * {@link LicenseSummary}. Never throws.
 *
 * @example
 * const claims = parseLicenseClaims(jws.payload, 'LICENSE');
 * if (!('error' in claims)) console.log(claims.holder.name);
 */
export function parseLicenseClaims(payload: Record<string, unknown>, kind: 'LICENSE' | 'COPY'): LicenseClaims | ClaimsError;
export function parseLicenseClaims(payload: Record<string, unknown>, kind: 'QR'): LicenseSummary | ClaimsError;
export function parseLicenseClaims(payload: Record<string, unknown>, kind: LicenseTokenKind): LicenseClaims | LicenseSummary | ClaimsError;
export function parseLicenseClaims(payload: Record<string, unknown>, kind: LicenseTokenKind): LicenseClaims | LicenseSummary | ClaimsError {
  const parsed = parsePayload(payload, kind);
  if ('error' in parsed) return parsed;
  return parsed.claims ?? parsed.summary;
}
