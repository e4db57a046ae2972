/**
 * IETF Token Status List (draft-ietf-oauth-status-list): revocation and
 * suspension of e-licences, checkable offline.
 *
 * A list is a byte array holding one 1/2/4/8-bit status per licence (index 0
 * in the least significant bits of byte 0), compressed with DEFLATE in the
 * ZLIB format and base64url-encoded as `lst`; it is published as a JWT with
 * header `typ: statuslist+jwt` and claims `sub` (the list URI), `iat`,
 * optional `exp` and `ttl`, and `status_list: { bits, lst }`.
 *
 * Limitations: fetching, caching and honouring `ttl` are the caller's (this
 * module signs, verifies and reads); status values other than 0/1/2 are kept
 * and returned as numbers, with no meaning attached.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { StatusListError } from '../errors.js';
import type { TrustStore } from '../pki/trust-store.js';
import { decodeBase64Url } from './base64url.js';
import { signLicenseJws, type JwsSigner } from './sign-license.js';
import { verifyLicenseJws, type JwsCheck, type JwsCheckName, type JwsSuccess } from './verify-jws.js';

/** `typ` of a status list token. */
export const STATUS_LIST_TYP = 'statuslist+jwt';

/** Status values defined by the draft. */
export const TokenStatus = Object.freeze({ VALID: 0, INVALID: 1, SUSPENDED: 2 } as const);

/** Bits per status entry allowed by the draft. */
export type StatusBits = 1 | 2 | 4 | 8;

/** A decoded status list. `bytes` is the packed list; read it with {@link statusAt}. */
export interface StatusList {
  readonly bits: StatusBits;
  readonly bytes: Uint8Array;
  /** Number of addressable entries (bytes × 8 / bits). */
  readonly size: number;
}

/** Default bound on the inflated list: 16 MiB (134 million 1-bit entries) — stops a zlib bomb. */
export const DEFAULT_MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

function checkBits(bits: unknown): asserts bits is StatusBits {
  if (bits !== 1 && bits !== 2 && bits !== 4 && bits !== 8) throw StatusListError.invalid('INVALID_BITS', `bits must be 1, 2, 4 or 8, not ${String(bits)}`);
}

/** Packs one status per entry into the draft's bit layout. */
export function packStatusList(values: Uint8Array, bits: StatusBits): Uint8Array {
  checkBits(bits);
  const perByte = 8 / bits;
  const max = (1 << bits) - 1;
  const out = new Uint8Array(Math.ceil(values.length / perByte));
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > max) throw StatusListError.invalid('VALUE_TOO_LARGE', `status ${v} at index ${i} does not fit in ${bits} bit(s)`);
    const j = Math.floor(i / perByte);
    out[j] = (out[j] ?? 0) | (v << ((i % perByte) * bits));
  }
  return out;
}

/**
 * Encodes statuses (one per licence, by index) as the draft's `lst`:
 * base64url(zlib-DEFLATE(packed bits)).
 *
 * @throws {StatusListError} `INVALID_BITS`, `VALUE_TOO_LARGE`.
 * @example
 * const statuses = new Uint8Array(100_000); statuses[42] = TokenStatus.INVALID;
 * const lst = encodeStatusList(statuses, 1);
 */
export function encodeStatusList(values: Uint8Array, bits: StatusBits): string {
  return deflateSync(packStatusList(values, bits), { level: 9 }).toString('base64url');
}

/**
 * Decodes an `lst` value. The inflated size is bounded by `maxBytes`.
 *
 * @throws {StatusListError} `INVALID_BITS`, `INVALID_ENCODING` (not canonical base64url, not zlib, too large).
 * @example
 * const list = decodeStatusList(lst, 1);
 * statusAt(list, 42); // 1
 */
export function decodeStatusList(lst: string, bits: StatusBits, maxBytes: number = DEFAULT_MAX_STATUS_LIST_BYTES): StatusList {
  checkBits(bits);
  const compressed = decodeBase64Url(lst);
  if (compressed === undefined || compressed.length === 0) throw StatusListError.invalid('INVALID_ENCODING', 'lst is not canonical base64url');
  let bytes: Buffer;
  try {
    bytes = inflateSync(compressed, { maxOutputLength: maxBytes });
  } catch (cause) {
    throw StatusListError.invalid('INVALID_ENCODING', 'lst is not a zlib stream within the size limit', cause);
  }
  if (bytes.length === 0) throw StatusListError.invalid('INVALID_ENCODING', 'the status list is empty');
  return Object.freeze({ bits, bytes: new Uint8Array(bytes), size: (bytes.length * 8) / bits });
}

/**
 * The status at `index`.
 *
 * @throws {StatusListError} `INDEX_OUT_OF_RANGE` (the draft requires a verifier to reject such a reference).
 */
export function statusAt(list: StatusList, index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= list.size) throw StatusListError.indexOutOfRange(index, list.size);
  const perByte = 8 / list.bits;
  const byte = list.bytes[Math.floor(index / perByte)] as number;
  return (byte >> ((index % perByte) * list.bits)) & ((1 << list.bits) - 1);
}

/** Input of {@link signStatusList}. */
export interface StatusListInput {
  /** The list's URI; becomes `sub`. */
  readonly uri: string;
  readonly statuses: Uint8Array;
  readonly bits: StatusBits;
  /** Default: now. */
  readonly issuedAt?: Date;
  /** Optional expiry (`exp`). */
  readonly expiresAt?: Date;
  /** Optional `ttl` in seconds: how long a verifier may cache the list. */
  readonly ttlSeconds?: number;
}

const seconds = (d: Date): number => Math.floor(d.getTime() / 1000);

/**
 * Signs a status list token (`typ: statuslist+jwt`, PS256, x5c).
 *
 * @example
 * const token = signStatusList({ uri: 'https://hub.example/status/1', statuses, bits: 2, ttlSeconds: 3600 }, signer);
 */
export function signStatusList(input: StatusListInput, signer: JwsSigner): string {
  if (!input.uri) throw StatusListError.invalid('INVALID_URI', 'uri is required');
  if (input.ttlSeconds !== undefined && (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds <= 0)) {
    throw StatusListError.invalid('INVALID_TTL', 'ttlSeconds must be a positive integer');
  }
  const claims = {
    sub: input.uri,
    iat: seconds(input.issuedAt ?? new Date()),
    ...(input.expiresAt ? { exp: seconds(input.expiresAt) } : {}),
    ...(input.ttlSeconds !== undefined ? { ttl: input.ttlSeconds } : {}),
    status_list: { bits: input.bits, lst: encodeStatusList(input.statuses, input.bits) },
  };
  return signLicenseJws(claims, signer, STATUS_LIST_TYP);
}

/** The JWS checks, CLAIMS (the status list token's own claims) and, for {@link readTokenStatus}, STATUS. */
export type StatusListCheckName = JwsCheckName | 'CLAIMS' | 'STATUS';

/** One check's outcome. */
export interface StatusListCheck {
  readonly name: StatusListCheckName;
  readonly ok: boolean;
  readonly reason?: string;
}

/** Options of {@link verifyStatusList}. */
export interface VerifyStatusListOptions {
  readonly trust: TrustStore;
  /** The URI the licence's `status.status_list.uri` names; must equal `sub`. */
  readonly uri: string;
  /** Default now; used for certificate validity and `exp`. */
  readonly at?: Date;
  /** Largest accepted token; default 1 MiB (a list is bigger than a licence). */
  readonly maxBytes?: number;
  /** Bound on the inflated list; default {@link DEFAULT_MAX_STATUS_LIST_BYTES}. */
  readonly maxListBytes?: number;
}

/** The result of {@link verifyStatusList}: narrow on `ok`. */
export type StatusListVerification =
  | {
      readonly ok: true;
      readonly failed?: undefined;
      readonly checks: readonly StatusListCheck[];
      readonly list: StatusList;
      readonly issuedAt: Date;
      readonly expiresAt: Date | undefined;
      readonly ttlSeconds: number | undefined;
      readonly jws: JwsSuccess;
    }
  | { readonly ok: false; readonly failed: StatusListCheckName; readonly checks: readonly StatusListCheck[]; readonly list?: undefined; readonly jws?: undefined };

const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * Verifies a status list token with the same checks as licences (typ pinned
 * to `statuslist+jwt`) and then its claims (CLAIMS: `sub` equals `uri`, `iat`
 * present, not past `exp`, `status_list` well-formed). Never throws.
 *
 * @example
 * const v = verifyStatusList(token, { trust, uri: licence.status.status_list.uri });
 * if (v.ok && statusAt(v.list, licence.status.status_list.idx) !== TokenStatus.VALID) reject();
 */
export function verifyStatusList(token: string | Uint8Array, options: VerifyStatusListOptions): StatusListVerification {
  const at = options.at ?? new Date();
  const jws = verifyLicenseJws(token, { trust: options.trust, at, expectedTyp: STATUS_LIST_TYP, maxBytes: options.maxBytes ?? 1024 * 1024 });
  const checks: StatusListCheck[] = [...jws.checks];
  if (!jws.ok) return { ok: false, failed: jws.failed, checks };
  const claims = (reason: string) => {
    checks.push({ name: 'CLAIMS', ok: false, reason });
    return { ok: false as const, failed: 'CLAIMS' as const, checks };
  };
  const p = jws.payload;
  if (p.sub !== options.uri) return claims(`sub does not equal ${options.uri}`);
  if (!isSeconds(p.iat)) return claims('iat is missing or not a NumericDate');
  if (p.exp !== undefined && !isSeconds(p.exp)) return claims('exp is not a NumericDate');
  if (isSeconds(p.exp) && seconds(at) >= p.exp) return claims('the status list has expired');
  if (p.ttl !== undefined && !(isSeconds(p.ttl) && p.ttl > 0)) return claims('ttl is not a positive integer');
  const sl = p.status_list;
  if (typeof sl !== 'object' || sl === null || Array.isArray(sl)) return claims('status_list is missing');
  const { bits, lst } = sl as Record<string, unknown>;
  if (bits !== 1 && bits !== 2 && bits !== 4 && bits !== 8) return claims('status_list.bits must be 1, 2, 4 or 8');
  if (typeof lst !== 'string') return claims('status_list.lst is missing');
  let list: StatusList;
  try {
    list = decodeStatusList(lst, bits, options.maxListBytes);
  } catch (e) {
    return claims(e instanceof Error ? e.message : 'lst cannot be decoded');
  }
  checks.push({ name: 'CLAIMS', ok: true });
  return {
    ok: true,
    checks,
    list,
    issuedAt: new Date(p.iat * 1000),
    expiresAt: isSeconds(p.exp) ? new Date(p.exp * 1000) : undefined,
    ttlSeconds: isSeconds(p.ttl) ? p.ttl : undefined,
    jws,
  };
}

/** The `status.status_list` reference a licence carries (draft §6). */
export interface StatusReference {
  readonly idx: number;
  readonly uri: string;
}

/** The result of {@link readTokenStatus}: the list's checks plus STATUS, and the value read. */
export type TokenStatusResult =
  | {
      readonly ok: true;
      readonly failed?: undefined;
      readonly checks: readonly StatusListCheck[];
      /** 0 VALID, 1 INVALID, 2 SUSPENDED; other values are list-specific. */
      readonly status: number;
      readonly ttlSeconds: number | undefined;
    }
  | { readonly ok: false; readonly failed: StatusListCheckName; readonly checks: readonly StatusListCheck[]; readonly status?: undefined };

/**
 * Verifies a status list token for `reference.uri` and reads the status at
 * `reference.idx`; an index outside the list fails STATUS, as the draft
 * requires. `ok` means the list verified and was read — not that the licence
 * is valid: compare `status` with {@link TokenStatus}. Never throws.
 *
 * @example
 * const r = readTokenStatus(listToken, licence.status.status_list, { trust });
 * const usable = r.ok && r.status === TokenStatus.VALID;
 */
export function readTokenStatus(
  token: string | Uint8Array,
  reference: StatusReference,
  options: Omit<VerifyStatusListOptions, 'uri'>,
): TokenStatusResult {
  const verified = verifyStatusList(token, { ...options, uri: reference.uri });
  if (!verified.ok) return { ok: false, failed: verified.failed, checks: verified.checks };
  const { idx } = reference;
  if (!Number.isInteger(idx) || idx < 0 || idx >= verified.list.size) {
    const reason = `idx ${String(idx).slice(0, 20)} is outside the list of ${verified.list.size}`;
    return { ok: false, failed: 'STATUS', checks: [...verified.checks, { name: 'STATUS', ok: false, reason }] };
  }
  return {
    ok: true,
    checks: [...verified.checks, { name: 'STATUS', ok: true }],
    status: statusAt(verified.list, idx),
    ttlSeconds: verified.ttlSeconds,
  };
}
