/**
 * The hardened compact-JWS verifier used for e-licences, status lists and
 * trust lists.
 *
 * Order of work, each step only after the previous passed:
 * 1. WELL_FORMED — size (before anything else), UTF-8, exactly three canonical
 *    base64url segments, header and payload strict JSON objects (no duplicate keys).
 * 2. HEADER — `alg` exactly `PS256`; no `jku`, `x5u`, `jwk`, `crit`, `b64`,
 *    `zip`, `enc`; exact `typ`; `x5c` parses; `kid` equals the leaf's kid.
 * 3. CHAIN — the certificate chain validates against the trust store ({@link verifyChain}).
 * 4. SIGNATURE — non-empty, right length, RSASSA-PSS SHA-256 salt 32 with the leaf key.
 * The payload is returned only when all four pass. Never throws.
 *
 * Hot path: the decoded header (with its parsed `x5c`) is cached by its
 * base64url text, certificates by their base64 DER, chain results per trust
 * store; a repeat token from the same signer costs one `crypto.verify` plus
 * payload decoding.
 */
import { constants, verify } from 'node:crypto';
import { JwsError } from '../errors.js';
import type { Certificate } from '../pki/certificate.js';
import { departmentCodeOf } from '../pki/department-code.js';
import type { TrustStore } from '../pki/trust-store.js';
import { verifyChain, type ChainResult, type ChainSuccess } from '../pki/verify-chain.js';
import { isCanonicalBase64Url } from './base64url.js';
import { decodeJsonSegment, headerEntry, x5cOf } from './decode-segments.js';
import { JWS_ALG } from './sign-license.js';

/** The JWS checks, in the order they run. */
export type JwsCheckName = 'WELL_FORMED' | 'HEADER' | 'CHAIN' | 'SIGNATURE';

/** One check's outcome; `reason` says why it failed (log-safe: echoed input is truncated). */
export interface JwsCheck {
  readonly name: JwsCheckName;
  readonly ok: boolean;
  readonly reason?: string;
}

/** A verified protected header. */
export interface JwsHeader {
  readonly alg: typeof JWS_ALG;
  readonly typ: string;
  readonly kid: string;
  readonly x5c?: readonly string[];
  readonly [parameter: string]: unknown;
}

/** Options of {@link verifyLicenseJws}. */
export interface VerifyJwsOptions {
  readonly trust: TrustStore;
  /** Time at which certificates must be valid; default now. */
  readonly at?: Date;
  /** Required exact `typ`, e.g. `license+jwt`. */
  readonly expectedTyp: string;
  /** Largest accepted token in bytes; default 16 KiB. Checked before any parsing or crypto. */
  readonly maxBytes?: number;
}

/** A token that passed every check. */
export interface JwsSuccess {
  readonly ok: true;
  readonly failed?: undefined;
  readonly checks: readonly JwsCheck[];
  readonly header: JwsHeader;
  readonly payload: Record<string, unknown>;
  /** The signing certificate. */
  readonly leaf: Certificate;
  readonly chain: ChainSuccess;
  /** USCC of the signing department: from the trust list entry if vouched, else from the certificate subject. */
  readonly departmentCode: string | undefined;
}

/** A rejected token: `failed` names the check; nothing from the token is returned. */
export interface JwsFailure {
  readonly ok: false;
  readonly failed: JwsCheckName;
  readonly checks: readonly JwsCheck[];
  readonly header?: undefined;
  readonly payload?: undefined;
  readonly leaf?: undefined;
  /** The chain result when CHAIN failed (which certificate check, and why). */
  readonly chain?: ChainResult;
  readonly departmentCode?: undefined;
}

/** The result of {@link verifyLicenseJws}: narrow on `ok`. */
export type JwsVerification = JwsSuccess | JwsFailure;

/** Default bound on a token's size: 16 KiB. */
export const DEFAULT_MAX_BYTES = 16 * 1024;

const FORBIDDEN_HEADER_PARAMETERS = ['jku', 'x5u', 'jwk', 'crit', 'b64', 'zip', 'enc'] as const;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const OK: Readonly<Record<JwsCheckName, JwsCheck>> = Object.freeze({
  WELL_FORMED: Object.freeze({ name: 'WELL_FORMED', ok: true }),
  HEADER: Object.freeze({ name: 'HEADER', ok: true }),
  CHAIN: Object.freeze({ name: 'CHAIN', ok: true }),
  SIGNATURE: Object.freeze({ name: 'SIGNATURE', ok: true }),
});

/** Echoes an attacker-supplied value into a reason, bounded so reasons stay log-safe. */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? 'missing';
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Verifies a compact JWS (see the module comment for the checks and their order).
 *
 * Limitations: PS256 only (the algorithm is pinned, not negotiated); no
 * detached or unencoded payloads; no OCSP/CRL — a department certificate is
 * revoked by removing it from the trust store or trust list. Claims such as
 * `exp`/`nbf` in the payload are not interpreted here: that is the caller's.
 *
 * @example
 * const result = verifyLicenseJws(token, { trust, expectedTyp: 'license+jwt' });
 * if (!result.ok) return { valid: false, reason: result.failed };
 * const licence = result.payload; // trusted only here
 */
export function verifyLicenseJws(token: string | Uint8Array, options: VerifyJwsOptions): JwsVerification {
  const checks: JwsCheck[] = [];
  let stage: JwsCheckName = 'WELL_FORMED';
  const fail = (name: JwsCheckName, reason: string, chain?: ChainResult): JwsFailure => {
    checks.push(Object.freeze({ name, ok: false, reason }));
    return { ok: false, failed: name, checks, ...(chain ? { chain } : {}) };
  };
  try {
    // ── WELL_FORMED ─────────────────────────────────────────────────────────
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    let text: string;
    let bytes: Uint8Array | undefined;
    if (typeof token === 'string') {
      // UTF-16 length ≤ UTF-8 byte length, and any non-ASCII is rejected below, so this bounds bytes too.
      if (token.length > maxBytes) return fail('WELL_FORMED', `token is longer than ${maxBytes} bytes`);
      text = token;
    } else if (token instanceof Uint8Array) {
      if (token.byteLength > maxBytes) return fail('WELL_FORMED', `token is longer than ${maxBytes} bytes`);
      try {
        text = utf8.decode(token);
      } catch {
        return fail('WELL_FORMED', 'token is not UTF-8');
      }
      bytes = token;
    } else {
      return fail('WELL_FORMED', 'token is neither a string nor bytes');
    }
    const dot1 = text.indexOf('.');
    const dot2 = dot1 < 0 ? -1 : text.indexOf('.', dot1 + 1);
    if (dot2 < 0 || text.indexOf('.', dot2 + 1) >= 0) return fail('WELL_FORMED', 'a compact JWS has exactly three segments');
    const headerB64 = text.slice(0, dot1);
    const payloadB64 = text.slice(dot1 + 1, dot2);
    const signatureB64 = text.slice(dot2 + 1);
    if (headerB64.length === 0 || payloadB64.length === 0) return fail('WELL_FORMED', 'empty header or payload segment');
    // The signature may be empty here so that `alg: none` tokens are reported as the HEADER failure they are.
    if (!isCanonicalBase64Url(signatureB64)) return fail('WELL_FORMED', 'signature is not canonical base64url');
    const entry = headerEntry(headerB64);
    if (!entry.ok) return fail('WELL_FORMED', entry.reason);
    // Parsed for well-formedness only; not returned or trusted before SIGNATURE passes.
    const body = decodeJsonSegment(payloadB64, 'payload');
    if (!body.ok) return fail('WELL_FORMED', body.reason);
    checks.push(OK.WELL_FORMED);

    // ── HEADER ──────────────────────────────────────────────────────────────
    stage = 'HEADER';
    const header = entry.header;
    if (header.alg !== JWS_ALG) return fail('HEADER', `alg ${quote(header.alg)} is not ${JWS_ALG}`);
    for (const name of FORBIDDEN_HEADER_PARAMETERS) {
      if (Object.hasOwn(header, name)) return fail('HEADER', `header parameter "${name}" is not accepted`);
    }
    if (typeof options.expectedTyp !== 'string' || options.expectedTyp.length === 0) return fail('HEADER', 'no expected typ was configured');
    if (header.typ !== options.expectedTyp) {
      return fail('HEADER', `typ ${quote(header.typ)} is not ${options.expectedTyp}`);
    }
    if (typeof header.kid !== 'string' || header.kid.length === 0) return fail('HEADER', 'kid is missing');
    let chain: readonly Certificate[];
    if (Object.hasOwn(header, 'x5c')) {
      const parsed = x5cOf(entry, header.x5c);
      if ('error' in parsed) return fail('HEADER', parsed.error);
      chain = parsed.certs;
      if (chain[0]?.kid !== header.kid) return fail('HEADER', 'kid does not match the x5c leaf certificate');
    } else {
      // No x5c: the kid must name exactly one department certificate the trust store vouches for (EU DCC style).
      const known = options.trust.byKid(header.kid).filter((e) => e.kind === 'certificate');
      if (known.length !== 1 || known[0] === undefined) return fail('HEADER', 'no x5c, and the kid names no single vouched certificate');
      chain = [known[0].certificate];
    }
    checks.push(OK.HEADER);

    // ── CHAIN ───────────────────────────────────────────────────────────────
    stage = 'CHAIN';
    const chainResult = verifyChain(chain, options.trust, options.at ?? new Date());
    if (!chainResult.ok) {
      const last = chainResult.checks[chainResult.checks.length - 1];
      return fail('CHAIN', `${chainResult.failed}${last?.reason ? `: ${last.reason}` : ''}`, chainResult);
    }
    checks.push(OK.CHAIN);

    // ── SIGNATURE ───────────────────────────────────────────────────────────
    stage = 'SIGNATURE';
    const leaf = chain[0] as Certificate;
    if (signatureB64.length === 0) return fail('SIGNATURE', 'the signature is empty');
    const key = leaf.publicKey;
    if (key.asymmetricKeyType !== 'rsa' && key.asymmetricKeyType !== 'rsa-pss') return fail('SIGNATURE', 'PS256 needs an RSA key');
    const signature = Buffer.from(signatureB64, 'base64url');
    const modulusBytes = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
    if (signature.length !== modulusBytes) return fail('SIGNATURE', `the signature is ${signature.length} bytes, not ${modulusBytes}`);
    const signingInput = bytes ? bytes.subarray(0, dot2) : Buffer.from(text.slice(0, dot2), 'latin1');
    const valid = verify('sha256', signingInput, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signature);
    if (!valid) return fail('SIGNATURE', 'the signature does not verify');
    checks.push(OK.SIGNATURE);

    return {
      ok: true,
      checks,
      header: header as JwsHeader,
      payload: body.value,
      leaf,
      chain: chainResult,
      departmentCode: chainResult.vouched?.departmentCode ?? departmentCodeOf(leaf),
    };
  } catch (cause) {
    // Nothing above should throw; if something does, it is a rejection, not a crash.
    return fail(stage, `unexpected error: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Like {@link verifyLicenseJws}, but throws when the token is rejected.
 *
 * @throws {JwsError} with `details.reason` = the failed check name.
 * @example
 * const { payload, departmentCode } = assertLicenseJws(token, { trust, expectedTyp: 'license+jwt' });
 */
export function assertLicenseJws(token: string | Uint8Array, options: VerifyJwsOptions): JwsSuccess {
  const result = verifyLicenseJws(token, options);
  if (result.ok) return result;
  throw JwsError.failed(result.failed, result.checks[result.checks.length - 1]?.reason);
}
