/**
 * The token endpoint of the client-credentials grant (RFC 6749 §4.4) with
 * `private_key_jwt` client authentication (RFC 7523 §2.2), independent of any
 * HTTP framework: the caller parses the form body and writes the result.
 */
import { AppError, isAppError } from '../../errors.js';
import type { AuthenticatedClient } from './verify-assertion.js';

/** `client_assertion_type` for JWT client assertions (RFC 7523 §2.2). */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Longest stated purpose, in characters (code points). */
export const MAX_PURPOSE_LENGTH = 200;

/**
 * The parsed `application/x-www-form-urlencoded` body. Values are `unknown`:
 * a repeated parameter arrives as an array (and is refused), anything but a string is refused.
 */
export interface TokenRequest {
  grant_type?: unknown;
  client_assertion_type?: unknown;
  client_assertion?: unknown;
  scope?: unknown;
  /** OneWindow extension: the purpose of use the token will carry (matched against data-sharing grants). */
  purpose?: unknown;
}

/** A successful response (RFC 6749 §5.1). */
export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope?: string;
}

/** RFC 6749 §5.2 error codes this endpoint answers with. */
export type TokenErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope';

/** An error response (RFC 6749 §5.2). */
export interface TokenErrorResponse {
  error: TokenErrorCode;
  error_description: string;
}

/** What the caller may log about one request: no assertion, no token; excerpts of input are escaped and bounded. */
export interface TokenRequestLog {
  readonly outcome: 'issued' | 'refused';
  readonly error?: TokenErrorCode;
  /** The failed check: a client-assertion reason (`AUDIENCE`, `REPLAY`, …) or a request rule (`DUPLICATE_PARAMETER`, …). */
  readonly reason?: string;
  /** For `CERTIFICATE` refusals: the failed chain check. */
  readonly check?: string;
  /** The detailed, log-safe message. */
  readonly detail?: string;
  /** Set once the client is authenticated. */
  readonly clientId?: string;
  readonly department?: string;
  readonly certificateFingerprint?: string;
}

/** The answer to write: status, JSON body, headers, and a log record (never sent to the client). */
export interface TokenEndpointResult {
  readonly status: number;
  readonly body: TokenResponse | TokenErrorResponse;
  /** `Cache-Control: no-store` and `Pragma: no-cache` (RFC 6749 §5.1), on every answer. */
  readonly headers: Readonly<Record<string, string>>;
  readonly log: TokenRequestLog;
}

/** Dependencies of {@link handleTokenRequest}. */
export interface TokenEndpointDeps {
  /** Authenticates the client assertion; throws an `UNAUTHENTICATED` AppError on refusal (see `createClientAssertionVerifier`). */
  readonly verify: (assertion: string) => Promise<AuthenticatedClient>;
  /** Mints the access token (see `createDepartmentSystemMinter`). */
  readonly mint: (client: AuthenticatedClient, purpose: string | undefined, ttlSeconds: number) => Promise<string>;
  /** Access-token lifetime; default 600 s (10 minutes), at most 3600. */
  readonly ttlSeconds?: number;
}

const HEADERS: Readonly<Record<string, string>> = Object.freeze({ 'cache-control': 'no-store', pragma: 'no-cache' });
const PARAMETERS = ['grant_type', 'client_assertion_type', 'client_assertion', 'scope', 'purpose'] as const;
/** Control, format (bidi overrides, zero-width), line/paragraph separators, lone surrogates: unsafe in logs and audit records. */
const UNSAFE_TEXT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
/** The one description of every client-authentication failure: which check failed is for the log only. */
const CLIENT_AUTHENTICATION_FAILED = 'Client authentication failed';

class Refusal {
  constructor(readonly status: number, readonly error: TokenErrorCode, readonly description: string, readonly log: Omit<TokenRequestLog, 'outcome' | 'error'>) {}
}

const invalidRequest = (reason: string, description: string) => new Refusal(400, 'invalid_request', description, { reason });
const invalidClient = (reason: string, detail?: string, check?: string) =>
  new Refusal(401, 'invalid_client', CLIENT_AUTHENTICATION_FAILED, { reason, ...(detail ? { detail } : {}), ...(check ? { check } : {}) });

/** Reads the parameters: each absent or exactly one string. */
function readParameters(body: unknown): Partial<Record<(typeof PARAMETERS)[number], string>> | Refusal {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return invalidRequest('BODY', 'The request body must be a form');
  const out: Partial<Record<(typeof PARAMETERS)[number], string>> = {};
  for (const name of PARAMETERS) {
    const value = Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
    if (value === undefined) continue;
    // RFC 6749 §3.2: "Request and response parameters MUST NOT be included more than once."
    if (Array.isArray(value)) return invalidRequest('DUPLICATE_PARAMETER', `Parameter ${name} is repeated`);
    if (typeof value !== 'string') return invalidRequest('PARAMETER_TYPE', `Parameter ${name} must be a string`);
    out[name] = value;
  }
  return out;
}

function validTtl(ttl: number | undefined): number {
  const value = ttl ?? 600;
  if (!Number.isInteger(value) || value < 1 || value > 3600) {
    throw new AppError('INTERNAL_SERVER_ERROR', 'Token endpoint ttlSeconds must be a whole number of seconds in 1…3600', { reason: 'CONFIG', field: 'ttlSeconds' });
  }
  return value;
}

/**
 * Answers one token request of the client-credentials grant.
 *
 * In order: every parameter absent or one string (`invalid_request`);
 * `grant_type` present (`invalid_request`) and `client_credentials`
 * (`unsupported_grant_type`); client authentication present — neither
 * `client_assertion_type` nor `client_assertion` is `invalid_client` ("no
 * client authentication included", RFC 6749 §5.2), only one of them
 * `invalid_request`, another assertion type `invalid_client` (unsupported
 * method); `scope` absent or empty (`invalid_scope`: the hub issues no scopes —
 * access is decided by grants on department and purpose); `purpose` 1–200
 * characters without control or format characters (`invalid_request`); then
 * `deps.verify` (any `UNAUTHENTICATED` refusal is `invalid_client` with one
 * generic description — the failed check is in `log`), then `deps.mint`.
 * Cheap checks run first so a bad request does not spend the assertion's `jti`.
 *
 * Errors other than `UNAUTHENTICATED` from `verify` or `mint` (a replay store
 * that is down, a missing key) are rethrown for the HTTP edge to mask.
 *
 * @example
 * const result = await handleTokenRequest(request.body, { verify, mint });
 * request.log.info(result.log, 'token request');
 * reply.code(result.status).headers(result.headers).send(result.body);
 */
export async function handleTokenRequest(body: TokenRequest, deps: TokenEndpointDeps): Promise<TokenEndpointResult> {
  const ttlSeconds = validTtl(deps.ttlSeconds);
  const refuse = (r: Refusal): TokenEndpointResult => ({
    status: r.status,
    body: { error: r.error, error_description: r.description },
    headers: HEADERS,
    log: { outcome: 'refused', error: r.error, ...r.log },
  });

  const params = readParameters(body);
  if (params instanceof Refusal) return refuse(params);
  const { grant_type: grantType, client_assertion_type: assertionType, client_assertion: assertion, scope, purpose } = params;

  if (grantType === undefined) return refuse(invalidRequest('MISSING_PARAMETER', 'Parameter grant_type is required'));
  if (grantType !== 'client_credentials') {
    return refuse(new Refusal(400, 'unsupported_grant_type', 'Only the client_credentials grant is supported', { reason: 'GRANT_TYPE' }));
  }
  if (assertionType === undefined && assertion === undefined) return refuse(invalidClient('NO_CLIENT_AUTHENTICATION'));
  if (assertionType === undefined) return refuse(invalidRequest('MISSING_PARAMETER', 'Parameter client_assertion_type is required'));
  if (assertion === undefined) return refuse(invalidRequest('MISSING_PARAMETER', 'Parameter client_assertion is required'));
  if (assertionType !== JWT_BEARER_ASSERTION_TYPE) return refuse(invalidClient('ASSERTION_TYPE'));
  if (scope !== undefined && scope.trim() !== '') {
    return refuse(new Refusal(400, 'invalid_scope', 'This endpoint issues no scopes; state a purpose instead', { reason: 'SCOPE' }));
  }
  if (purpose !== undefined) {
    const length = [...purpose].length;
    if (length === 0 || length > MAX_PURPOSE_LENGTH || purpose.trim() === '' || UNSAFE_TEXT.test(purpose)) {
      return refuse(invalidRequest('PURPOSE', `Parameter purpose must be 1–${MAX_PURPOSE_LENGTH} characters without control characters`));
    }
  }

  let client: AuthenticatedClient;
  try {
    client = await deps.verify(assertion);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'UNAUTHENTICATED') throw error;
    const check = error.details.check;
    return refuse(invalidClient(String(error.details.reason ?? 'UNAUTHENTICATED'), error.message, typeof check === 'string' ? check : undefined));
  }

  const accessToken = await deps.mint(client, purpose, ttlSeconds);
  return {
    status: 200,
    body: { access_token: accessToken, token_type: 'Bearer', expires_in: ttlSeconds },
    headers: HEADERS,
    log: { outcome: 'issued', clientId: client.clientId, department: client.department, certificateFingerprint: client.certificateFingerprint },
  };
}
