/**
 * RFC 7523 `private_key_jwt` client authentication for the client-credentials
 * grant: a department system proves its identity with a short-lived JWT signed
 * by its department certificate's key, the certificate travelling in `x5c`.
 */
import { constants, verify, type KeyObject } from 'node:crypto';
import { AppError } from '../../errors.js';
import { Certificate, departmentCodeOf, MAX_PATH_LENGTH, verifyChain, type TrustStore } from '../../crypto/index.js';
import { checkClaims } from './check-claims.js';
import { decodeAssertion, type DecodedAssertion } from './decode-assertion.js';
import { ClientAssertionError, quote, safeText } from './errors.js';
import type { JtiStore } from './jti-store.js';

/** What an assertion is checked against. */
export interface ClientAssertionOptions {
  /** The hub root (and whatever else the hub trusts); department certificates must chain to it. */
  readonly trust: TrustStore;
  /** The token endpoint's URL: `aud` must be exactly this (or an array containing it). */
  readonly tokenEndpoint: string;
  /** Verification time; default now. */
  readonly at?: Date;
  /** Largest accepted `exp − iat`; default 300 s. */
  readonly maxLifetimeSeconds?: number;
  /** Allowed clock skew for `iat`, `nbf` and `exp`; default 30 s. */
  readonly clockToleranceSeconds?: number;
}

/** A client whose assertion verified. */
export interface AuthenticatedClient {
  /** `<credit code>:<system name>`, from `iss` = `sub`. */
  readonly clientId: string;
  /** The department's credit code, from the certificate (equal to the client id's department part). */
  readonly department: string;
  /** SHA-256 of the signing certificate's DER, lowercase hex (for audit). */
  readonly certificateFingerprint: string;
}

/** The only `alg` values accepted: RSA signatures that a department certificate's key can make. */
export const CLIENT_ASSERTION_ALGORITHMS = Object.freeze(['PS256', 'RS256'] as const);
type Algorithm = (typeof CLIENT_ASSERTION_ALGORITHMS)[number];
const isAlgorithm = (alg: unknown): alg is Algorithm => (CLIENT_ASSERTION_ALGORITHMS as readonly unknown[]).includes(alg);

/** Key-selection and processing parameters that are refused outright: the key comes from `x5c` only. */
const REFUSED_HEADER_PARAMETERS = ['jku', 'x5u', 'jwk', 'crit', 'b64', 'zip', 'enc'] as const;
/** `typ`, when present, must say "a JWT" (RFC 7519 §5.1) or "a client assertion" (draft-ietf-oauth-rfc7523bis). */
const ACCEPTED_TYP: ReadonlySet<string> = new Set(['jwt', 'application/jwt', 'client-authentication+jwt', 'application/client-authentication+jwt']);
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function checkHeader(header: Readonly<Record<string, unknown>>): Algorithm {
  const alg = header.alg;
  if (!isAlgorithm(alg)) throw ClientAssertionError.rejected('ALGORITHM', `alg ${quote(alg)} is not PS256 or RS256`);
  for (const parameter of REFUSED_HEADER_PARAMETERS) {
    if (Object.hasOwn(header, parameter)) throw ClientAssertionError.rejected('MALFORMED', `header parameter "${parameter}" is not accepted`, { parameter });
  }
  // Explicit typing keeps other JWS the department signs (e-licences, status lists) from passing as assertions.
  if (Object.hasOwn(header, 'typ') && (typeof header.typ !== 'string' || !ACCEPTED_TYP.has(header.typ.toLowerCase()))) {
    throw ClientAssertionError.rejected('MALFORMED', `typ ${quote(header.typ)} is not a JWT`, { parameter: 'typ' });
  }
  return alg;
}

function certificatesOf(x5c: unknown): Certificate[] {
  const bad = (why: string, cause?: unknown) => ClientAssertionError.rejected('CERTIFICATE', why, { check: 'X5C' }, cause);
  if (!Array.isArray(x5c) || x5c.length === 0 || x5c.length > MAX_PATH_LENGTH) throw bad(`x5c must be an array of 1…${MAX_PATH_LENGTH} certificates`);
  return x5c.map((entry: unknown, i) => {
    if (typeof entry !== 'string' || !BASE64.test(entry)) throw bad(`x5c[${i}] is not base64 DER`);
    try {
      return Certificate.fromBase64(entry);
    } catch (cause) {
      throw bad(`x5c[${i}] is not a usable certificate`, cause);
    }
  });
}

function checkSignature(decoded: DecodedAssertion, alg: Algorithm, key: KeyObject): void {
  const bad = (why: string, cause?: unknown) => ClientAssertionError.rejected('SIGNATURE', why, {}, cause);
  if (decoded.signature.length === 0) throw bad('the signature is empty');
  const type = key.asymmetricKeyType;
  if (type !== 'rsa' && !(type === 'rsa-pss' && alg === 'PS256')) throw bad(`${alg} needs an RSA key, not ${type ?? '?'}`);
  const signature = Buffer.from(decoded.signature, 'base64url');
  const modulusBytes = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
  if (signature.length !== modulusBytes) throw bad(`the signature is ${signature.length} bytes, not ${modulusBytes}`);
  let valid: boolean;
  try {
    // RFC 7518 §3.5: PS256 is RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt — exactly, not "any salt".
    const padding = alg === 'PS256'
      ? { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }
      : { padding: constants.RSA_PKCS1_PADDING };
    valid = verify('sha256', Buffer.from(decoded.signingInput, 'latin1'), { key, ...padding }, signature);
  } catch (cause) {
    throw bad('the signature cannot be checked', cause);
  }
  if (!valid) throw bad('the signature does not verify');
}

function setting(value: number | undefined, fallback: number, name: string, min: number): number {
  const n = value ?? fallback;
  if (!Number.isFinite(n) || n < min) {
    throw new AppError('INTERNAL_SERVER_ERROR', `Client assertion option ${name} must be a number ≥ ${min}`, { reason: 'CONFIG', field: name });
  }
  return n;
}

/**
 * Authenticates a department system by its client assertion
 * (RFC 7523 §2.2 / §3, RFC 7521 §4.2).
 *
 * Checks, in order, throwing at the first failure:
 * 1. MALFORMED — at most 8 KiB (before any parsing), three canonical base64url
 *    segments, header and claims strict JSON objects (duplicate keys refused);
 * 2. ALGORITHM — `alg` PS256 or RS256 (never `none`, HMAC or EC); then
 *    `jku`/`x5u`/`jwk`/`crit`/`b64`/`zip`/`enc` and any `typ` other than a JWT's are MALFORMED;
 * 3. CERTIFICATE — `x5c` (leaf first) chains to a root in `trust` at `at`
 *    ({@link verifyChain}: key usage digitalSignature, validity, revocation by
 *    removal; `details.check` is the failed chain check), and the leaf names a department;
 * 4. SIGNATURE — with the leaf's key;
 * 5. claims — ISSUER_SUBJECT (`iss` = `sub`), CLIENT_ID (its department part is the
 *    certificate's), AUDIENCE, `exp`/`iat`/`jti` present (MALFORMED), NOT_YET_VALID
 *    (`iat`/`nbf` beyond the tolerance), EXPIRED, LIFETIME (`exp − iat` ≤ `maxLifetimeSeconds`);
 * 6. REPLAY — the `jti` is claimed in the `jti` store (key `<client id> <jti>`) until `exp` + tolerance.
 *    Only an otherwise valid assertion spends its `jti`.
 *
 * Limitations: any department certificate chaining to the hub root may
 * authenticate systems of its own department (there is no per-client
 * registration or extKeyUsage requirement); no OCSP/CRL — a certificate is
 * revoked by removing it from the trust store.
 *
 * @throws {ClientAssertionError} code `UNAUTHENTICATED`, `details.reason` the failed check.
 * @example
 * const client = await verifyClientAssertion(body.client_assertion, {
 *   trust, tokenEndpoint: 'https://hub.example.gov.cn/oauth/token', jti: jtiStore,
 * });
 * client.department; // '11350100MB00000012'
 */
export async function verifyClientAssertion(assertion: string, options: ClientAssertionOptions & { readonly jti: JtiStore }): Promise<AuthenticatedClient> {
  if (typeof options.tokenEndpoint !== 'string' || options.tokenEndpoint.length === 0) {
    throw new AppError('INTERNAL_SERVER_ERROR', 'Client assertion option tokenEndpoint is required', { reason: 'CONFIG', field: 'tokenEndpoint' });
  }
  const maxLifetimeSeconds = setting(options.maxLifetimeSeconds, 300, 'maxLifetimeSeconds', 1);
  const clockToleranceSeconds = setting(options.clockToleranceSeconds, 30, 'clockToleranceSeconds', 0);
  const at = options.at ?? new Date();

  const decoded = decodeAssertion(assertion);
  const alg = checkHeader(decoded.header);

  const chain = certificatesOf(decoded.header.x5c);
  const result = verifyChain(chain, options.trust, at);
  if (!result.ok) {
    const last = result.checks[result.checks.length - 1];
    // Chain reasons quote certificate names, which an untrusted certificate chooses: keep them log-safe.
    throw ClientAssertionError.rejected('CERTIFICATE', `${result.failed}${last?.reason ? `: ${safeText(last.reason)}` : ''}`, {
      check: result.failed,
      ...(last?.certificate === undefined ? {} : { certificate: safeText(last.certificate, 64) }),
    });
  }
  const leaf = chain[0] as Certificate;
  const department = departmentCodeOf(leaf);
  const vouchedFor = result.vouched?.departmentCode;
  if (department === undefined || (vouchedFor !== undefined && vouchedFor !== department)) {
    throw ClientAssertionError.rejected('CERTIFICATE', 'the certificate names no department, or another than its trust list entry', {
      check: 'DEPARTMENT_CODE',
      certificate: safeText(leaf.displayName, 64),
    });
  }

  checkSignature(decoded, alg, leaf.publicKey);

  const claims = checkClaims(decoded.claims, {
    tokenEndpoint: options.tokenEndpoint,
    department,
    now: at.getTime() / 1000,
    maxLifetimeSeconds,
    clockToleranceSeconds,
  });

  // Namespaced by client id (which has no spaces), so one client cannot spend another's jti values.
  const fresh = await options.jti.claim(`${claims.clientId} ${claims.jti}`, new Date((claims.exp + clockToleranceSeconds) * 1000));
  if (!fresh) throw ClientAssertionError.rejected('REPLAY', `jti ${quote(claims.jti)} has been used before`);

  return Object.freeze({ clientId: claims.clientId, department, certificateFingerprint: leaf.fingerprint });
}

/**
 * Binds {@link verifyClientAssertion} to its options, for
 * `handleTokenRequest`'s `verify` dependency. The time is taken afresh
 * on each call unless `options.at` is set.
 *
 * @example
 * const verify = createClientAssertionVerifier({ trust, tokenEndpoint, jti: jtiStore });
 */
export function createClientAssertionVerifier(options: ClientAssertionOptions & { readonly jti: JtiStore }): (assertion: string) => Promise<AuthenticatedClient> {
  return (assertion) => verifyClientAssertion(assertion, options);
}
