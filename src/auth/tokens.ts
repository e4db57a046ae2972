import { randomUUID } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT, type CryptoKey } from 'jose';
import { AuthenticationError } from '../errors.js';
import { TOKEN_ALG } from './keys.js';
import { ROLES, type Principal, type Role } from './principal.js';

/** What a token is checked against. */
export interface TokenSettings {
  readonly issuer: string;
  readonly audience: string;
}

/** Claims a caller asks for when minting. */
export interface TokenRequest {
  readonly subject: string;
  readonly role: Role;
  readonly department?: string;
  readonly purpose?: string;
  /** Lifetime in seconds (default 3600). */
  readonly ttlSeconds?: number;
}

/**
 * Mints a signed access token.
 *
 * @example
 * const token = await mintToken(privateKey, { issuer, audience }, { subject: 'tax-system', role: 'DEPARTMENT_SYSTEM', department: code });
 */
export async function mintToken(privateKey: CryptoKey, settings: TokenSettings, request: TokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { role: request.role };
  if (request.department) claims.dept = request.department;
  if (request.purpose) claims.purpose = request.purpose;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_ALG, typ: 'at+jwt' })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(request.subject)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 3600}s`)
    .sign(privateKey);
}

/** Verifies an `Authorization` header value into a principal. */
export type TokenVerifier = (authorization: string | undefined) => Promise<Principal>;

const CACHE_LIMIT = 10_000;

/**
 * Creates the verifier every hop uses. The algorithm, issuer, audience, `typ`
 * and expiry are all checked; the role must be known and department roles must
 * name a department.
 *
 * Verified tokens are cached until they expire (bounded), because the same
 * token is verified again at the gateway and at each subgraph it reaches.
 */
export function createTokenVerifier(publicKey: CryptoKey, settings: TokenSettings): TokenVerifier {
  const cache = new Map<string, Principal>();
  return async (authorization) => {
    if (!authorization) throw AuthenticationError.missing();
    const match = /^Bearer ([A-Za-z0-9_.-]{1,4096})$/.exec(authorization);
    if (!match?.[1]) throw AuthenticationError.invalid('the Authorization header must be "Bearer <token>"');
    const token = match[1];
    const cached = cache.get(token);
    if (cached) {
      if (cached.expiresAt.getTime() > Date.now()) return cached;
      cache.delete(token);
    }
    let payload;
    try {
      ({ payload } = await jwtVerify(token, publicKey, {
        algorithms: [TOKEN_ALG],
        issuer: settings.issuer,
        audience: settings.audience,
        typ: 'at+jwt',
        requiredClaims: ['sub', 'exp', 'jti', 'iat'],
        clockTolerance: 30,
      }));
    } catch (cause) {
      const why = cause instanceof joseErrors.JWTExpired ? 'it has expired'
        : cause instanceof joseErrors.JWTClaimValidationFailed ? `claim "${cause.claim}" ${cause.reason === 'check_failed' ? 'does not match' : 'is missing or malformed'}`
        : cause instanceof joseErrors.JOSEAlgNotAllowed ? 'its algorithm is not allowed'
        : 'its signature or format is invalid';
      throw AuthenticationError.invalid(why, cause);
    }
    const role = payload.role;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) throw AuthenticationError.invalid('claim "role" is missing or unknown');
    const department = typeof payload.dept === 'string' ? payload.dept : undefined;
    if (role !== 'CITIZEN' && !department) throw AuthenticationError.invalid(`a ${role} token must name its department ("dept")`);
    const principal: Principal = Object.freeze({
      subject: String(payload.sub),
      role: role as Role,
      department,
      purpose: typeof payload.purpose === 'string' ? payload.purpose : undefined,
      tokenId: String(payload.jti),
      expiresAt: new Date(Number(payload.exp) * 1000),
    });
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(token, principal);
    return principal;
  };
}
