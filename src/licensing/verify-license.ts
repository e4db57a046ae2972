/**
 * The one licence verifier every entry point uses (GraphQL, HTTP, CLI, offline).
 *
 * Order of work:
 * 1. Size, then the header's `typ` is read only to choose which `typ` to
 *    demand — nothing in the token is trusted before step 2.
 * 2. `verifyLicenseJws` with that exact `typ` (well-formedness, pinned PS256,
 *    forbidden header parameters, chain, signature).
 * 3. The payload is parsed strictly for that kind (WELL_FORMED).
 * 4. ISSUER_AUTHORISED, then VALIDITY_WINDOW, STATUS and HOLDER_MATCH.
 *
 * Limitations: certificates must be valid at the time of verification (the
 * shell model): a licence outlives its signing certificate only if it is
 * re-signed. Status is only as fresh as the resolver's list; use
 * `maxStatusAgeSeconds` to refuse old lists.
 */
import { DEFAULT_MAX_BYTES, verifyLicenseJws, type ChainCheckName, type JwsFailure, type TrustStore } from '../crypto/index.js';
import { headerEntry } from '../crypto/jws/decode-segments.js';
import { chinaDayEnd, chinaDayStart } from './china-time.js';
import { CheckRecorder } from './check-recorder.js';
import { LicenseTokenError } from './errors.js';
import { parsePayload, type LicenseSummary, type ParsedPayload } from './license-claims.js';

export type { LicenseClaims, LicenseSummary, StatusRef } from './license-claims.js';
import { kindOfTyp, TYP_OF_KIND } from './license-token.js';
import type { LicenseCheckName, LicenseVerification, VerifyLicenseOptions } from './verification.js';

export {
  LICENSE_CHECKS,
  VERDICT_PRECEDENCE,
  type IssuerAuthority,
  type IssuerSigner,
  type LicenseCheck,
  type LicenseCheckName,
  type LicenseVerification,
  type StatusAnswer,
  type StatusResolver,
  type Verdict,
  type VerifyLicenseOptions,
} from './verification.js';

/** Chain checks about the path and trust (CHAIN); every other chain check is about a certificate itself (CERTIFICATE). */
const PATH_CHECKS: ReadonlySet<ChainCheckName> = new Set(['PATH', 'TRUSTED_ROOT', 'REVOKED_CERT']);
const REQUIRED: readonly LicenseCheckName[] = ['WELL_FORMED', 'SIGNATURE', 'CHAIN', 'CERTIFICATE', 'ISSUER_AUTHORISED', 'VALIDITY_WINDOW', 'STATUS'];
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type Peek = { ok: true; kind: 'LICENSE' | 'QR' | 'COPY'; header: Record<string, unknown> } | { ok: false; reason: string };

/** Size first, then just enough decoding to read `typ`. The header read here chooses a typ; it is trusted for nothing. */
function peek(token: unknown, maxBytes: number): Peek {
  let text: string;
  if (typeof token === 'string') {
    if (token.length > maxBytes) return { ok: false, reason: `token is longer than ${maxBytes} bytes` };
    text = token;
  } else if (token instanceof Uint8Array) {
    if (token.byteLength > maxBytes) return { ok: false, reason: `token is longer than ${maxBytes} bytes` };
    try {
      text = utf8.decode(token);
    } catch {
      return { ok: false, reason: 'token is not UTF-8' };
    }
  } else {
    return { ok: false, reason: 'token is neither a string nor bytes' };
  }
  const dot = text.indexOf('.');
  if (dot <= 0) return { ok: false, reason: 'not a compact JWS with a base64url header' };
  // The header as verifyLicenseJws will read it, from the same cache: decoded and parsed once per signer, not twice per token.
  const entry = headerEntry(text.slice(0, dot));
  if (!entry.ok) return { ok: false, reason: entry.reason };
  const header: unknown = entry.header;
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return { ok: false, reason: 'the header is not a JSON object' };
  const typ = (header as Record<string, unknown>).typ;
  const kind = kindOfTyp(typ);
  if (kind === undefined) return { ok: false, reason: `typ ${JSON.stringify(typ)?.slice(0, 40) ?? 'missing'} is not a licence token type` };
  return { ok: true, kind, header: header as Record<string, unknown> };
}

/** A clean kid-only header whose kid names no single vouched certificate: an unknown signer, not a malformed token. */
function unknownKid(header: Record<string, unknown>, typ: string, trust: TrustStore): boolean {
  const keys = Object.keys(header);
  if (keys.length !== 3 || header.alg !== 'PS256' || header.typ !== typ || typeof header.kid !== 'string' || header.kid === '') return false;
  return trust.byKid(header.kid).filter((e) => e.kind === 'certificate').length !== 1;
}

function recordJwsFailure(rec: CheckRecorder, jws: JwsFailure, header: Record<string, unknown>, typ: string, trust: TrustStore): void {
  const reason = jws.checks[jws.checks.length - 1]?.reason ?? jws.failed;
  const notAttempted = 'not attempted: the signing certificate was not accepted';
  if (jws.failed === 'WELL_FORMED') {
    rec.fail('WELL_FORMED', 'INVALID', reason);
  } else if (jws.failed === 'HEADER') {
    if (unknownKid(header, typ, trust)) {
      rec.pass('WELL_FORMED', 'the token is well-formed; its claims were not examined');
      rec.fail('CHAIN', 'UNTRUSTED', 'the kid names no department certificate this trust store vouches for');
      rec.skip('SIGNATURE', notAttempted);
    } else {
      rec.fail('WELL_FORMED', 'INVALID', `header: ${reason}`);
    }
  } else if (jws.failed === 'CHAIN') {
    rec.pass('WELL_FORMED', 'the token is well-formed; its claims were not examined');
    rec.skip('SIGNATURE', notAttempted);
    const failed = jws.chain?.ok === false ? jws.chain.failed : undefined;
    if (failed !== undefined && !PATH_CHECKS.has(failed)) {
      // Path, trusted root and revocation run before any per-certificate check, so they passed.
      rec.pass('CHAIN');
      rec.fail('CERTIFICATE', 'UNTRUSTED', reason);
    } else {
      rec.fail('CHAIN', 'UNTRUSTED', reason);
    }
  } else {
    // SIGNATURE runs last in verifyLicenseJws: the chain and certificates passed.
    rec.pass('WELL_FORMED', 'the token is well-formed; its claims were not examined');
    rec.pass('CHAIN');
    rec.pass('CERTIFICATE');
    rec.fail('SIGNATURE', 'INVALID', reason);
  }
}

function checkValidity(rec: CheckRecorder, parsed: ParsedPayload, at: number): void {
  const { validFrom, validUntil } = parsed.summary;
  if (parsed.kind === 'COPY' && at >= parsed.copy.expiresAt.getTime()) {
    rec.fail('VALIDITY_WINDOW', 'EXPIRED', `the copy expired at ${parsed.copy.expiresAt.toISOString()}`);
  } else if (validUntil !== null && at >= chinaDayEnd(validUntil)) {
    rec.fail('VALIDITY_WINDOW', 'EXPIRED', `the licence expired at the end of ${validUntil} (China time)`);
  } else if (at < chinaDayStart(validFrom)) {
    rec.fail('VALIDITY_WINDOW', 'NOT_YET_VALID', `the licence is valid from ${validFrom} (China time)`);
  } else {
    rec.pass('VALIDITY_WINDOW');
  }
}

const STATUS_NAMES = ['VALID', 'REVOKED', 'SUSPENDED'] as const;

async function checkStatus(rec: CheckRecorder, parsed: ParsedPayload, options: VerifyLicenseOptions, at: number): Promise<LicenseVerification['status']> {
  let answer: Awaited<ReturnType<VerifyLicenseOptions['statuses']>>;
  try {
    answer = await options.statuses({ idx: parsed.status.idx, uri: parsed.status.uri });
  } catch (e) {
    // A resolver that rejects has failed to obtain the status: fail closed, as for `{ error }`.
    rec.fail('STATUS', 'UNTRUSTED', `the status could not be obtained: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  if (typeof answer !== 'object' || answer === null || 'error' in answer) {
    rec.fail('STATUS', 'UNTRUSTED', `the status could not be obtained: ${String(answer?.error ?? 'no answer')}`);
    return undefined;
  }
  const { value, listIssuedAt, source } = answer;
  const issued = listIssuedAt instanceof Date ? listIssuedAt.getTime() : Number.NaN;
  if (Number.isNaN(issued) || (source !== 'LIVE' && source !== 'CACHE') || !Number.isInteger(value)) {
    rec.fail('STATUS', 'UNTRUSTED', 'the status resolver gave a malformed answer');
    return undefined;
  }
  const name = STATUS_NAMES[value];
  if (name === undefined) {
    rec.fail('STATUS', 'UNTRUSTED', `status value ${value} has no meaning here`);
    return undefined;
  }
  const ageSeconds = Math.floor((at - issued) / 1000);
  const status = { value: name, listIssuedAt: new Date(issued).toISOString(), ageSeconds, source };
  const maxAge = options.maxStatusAgeSeconds;
  if (maxAge !== undefined && !(ageSeconds <= maxAge)) {
    rec.fail('STATUS', 'UNTRUSTED', `the status list is ${ageSeconds} s old, more than ${maxAge} s`);
  } else if (name === 'REVOKED') {
    rec.fail('STATUS', 'REVOKED', 'the licence has been revoked');
  } else if (name === 'SUSPENDED') {
    rec.fail('STATUS', 'SUSPENDED', 'the licence is suspended');
  } else {
    rec.pass('STATUS');
  }
  return status;
}

function checkHolder(rec: CheckRecorder, summary: LicenseSummary, expected: string | undefined): void {
  if (expected === undefined) return;
  const normalise = (s: string) => s.trim().toUpperCase();
  if (typeof expected === 'string' && expected.trim() !== '' && normalise(expected) === normalise(summary.holder.id)) rec.pass('HOLDER_MATCH');
  else rec.fail('HOLDER_MATCH', 'INVALID', 'the licence belongs to another holder');
}

/**
 * Verifies a licence token of any kind (full, QR, annotated copy) and answers
 * with a verdict and every check. Never throws: an unexpected error fails the
 * check it happened in, with verdict INVALID.
 *
 * Verdicts by failed check: WELL_FORMED, SIGNATURE, HOLDER_MATCH → INVALID;
 * CHAIN, CERTIFICATE, ISSUER_AUTHORISED → UNTRUSTED; VALIDITY_WINDOW →
 * EXPIRED or NOT_YET_VALID; STATUS → REVOKED, SUSPENDED, or UNTRUSTED when the
 * status cannot be obtained. Precedence: INVALID > UNTRUSTED > REVOKED >
 * SUSPENDED > EXPIRED > NOT_YET_VALID.
 *
 * @example
 * const result = await verifyLicenseToken(scanned, { trust, statuses, authority, expectedHolder: '11010519491231002x' });
 * if (result.verdict === 'VALID') show(result.summary);
 */
export async function verifyLicenseToken(token: string | Uint8Array, options: VerifyLicenseOptions): Promise<LicenseVerification> {
  const rec = new CheckRecorder();
  let kind: LicenseVerification['kind'] = 'UNKNOWN';
  const out: Omit<LicenseVerification, 'verdict' | 'kind' | 'checks'> = { at: '' };
  let stage: LicenseCheckName = 'WELL_FORMED';
  try {
    const atDate = options.at ?? new Date();
    const at = atDate instanceof Date ? atDate.getTime() : Number.NaN;
    out.at = Number.isNaN(at) ? String(atDate) : atDate.toISOString();
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (Number.isNaN(at)) {
      rec.fail('WELL_FORMED', 'INVALID', 'options.at is not a valid date');
    } else if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
      rec.fail('WELL_FORMED', 'INVALID', 'options.maxBytes is not a positive integer');
    } else {
      const peeked = peek(token, maxBytes);
      if (!peeked.ok) {
        rec.fail('WELL_FORMED', 'INVALID', peeked.reason);
      } else {
        kind = peeked.kind;
        await verifyKind(token, peeked, options, atDate, rec, out, (s) => {
          stage = s;
        });
      }
    }
  } catch (e) {
    rec.fail(stage, 'INVALID', `unexpected error: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (options?.expectedHolder === undefined) rec.skip('HOLDER_MATCH', 'no expected holder was given');
  const required = options?.expectedHolder === undefined ? REQUIRED : [...REQUIRED, 'HOLDER_MATCH' as const];
  return { verdict: rec.verdict(required), kind, checks: rec.checks(), ...out };
}

/** Steps 2–4 for a token whose typ named `peeked.kind`. */
async function verifyKind(
  token: string | Uint8Array,
  peeked: Extract<Peek, { ok: true }>,
  options: VerifyLicenseOptions,
  atDate: Date,
  rec: CheckRecorder,
  out: Omit<LicenseVerification, 'verdict' | 'kind' | 'checks'>,
  enter: (stage: LicenseCheckName) => void,
): Promise<void> {
  const typ = TYP_OF_KIND[peeked.kind];
  enter('SIGNATURE');
  const jws = verifyLicenseJws(token, { trust: options.trust, at: atDate, expectedTyp: typ, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
  if (!jws.ok) {
    recordJwsFailure(rec, jws, peeked.header, typ, options.trust);
    return;
  }
  rec.pass('SIGNATURE');
  rec.pass('CHAIN');
  rec.pass('CERTIFICATE');
  out.signer = { departmentCode: jws.departmentCode, name: jws.leaf.subject.organization ?? jws.leaf.displayName, kid: jws.leaf.kid };

  enter('WELL_FORMED');
  const parsed = parsePayload(jws.payload, peeked.kind);
  if ('error' in parsed) {
    rec.fail('WELL_FORMED', 'INVALID', `claims: ${parsed.error}`);
    return;
  }
  rec.pass('WELL_FORMED');
  out.summary = parsed.summary;
  if (parsed.claims) out.license = parsed.claims;
  if (parsed.kind === 'COPY') {
    const { purpose, recipient, madeBy, expiresAt } = parsed.copy;
    out.copy = { purpose, recipient, madeBy, expiresAt: expiresAt.toISOString() };
  }

  enter('ISSUER_AUTHORISED');
  const department = jws.departmentCode;
  const issuer = parsed.summary.issuer.code;
  if (department === undefined) {
    rec.fail('ISSUER_AUTHORISED', 'UNTRUSTED', 'the signing certificate names no department');
    return;
  }
  if (department !== issuer) {
    rec.fail('ISSUER_AUTHORISED', 'UNTRUSTED', `signed by department ${department}, but the licence names issuer ${issuer}`);
    return;
  }
  const allowed = options.authority(department, parsed.summary.typeCode, { certificate: jws.leaf });
  if (allowed !== true) {
    rec.fail('ISSUER_AUTHORISED', 'UNTRUSTED', typeof allowed === 'string' && allowed ? allowed : `department ${department} may not issue ${parsed.summary.typeCode}`);
    return;
  }
  rec.pass('ISSUER_AUTHORISED');

  const at = atDate.getTime();
  enter('VALIDITY_WINDOW');
  checkValidity(rec, parsed, at);
  enter('STATUS');
  const status = await checkStatus(rec, parsed, options, at);
  if (status) out.status = status;
  enter('HOLDER_MATCH');
  checkHolder(rec, parsed.summary, options.expectedHolder);
}

/**
 * Like {@link verifyLicenseToken}, but throws unless the verdict is VALID.
 *
 * @throws {LicenseTokenError} code BAD_USER_INPUT, `details.reason` = the verdict, `details.failed` = failed check names.
 * @example
 * const { summary } = await assertLicenseToken(token, options);
 */
export async function assertLicenseToken(token: string | Uint8Array, options: VerifyLicenseOptions): Promise<LicenseVerification> {
  const result = await verifyLicenseToken(token, options);
  if (result.verdict === 'VALID') return result;
  throw LicenseTokenError.rejected(result.verdict, result.checks.filter((c) => !c.ok && !c.skipped).map((c) => c.name));
}
