/**
 * The claim checks of a client assertion (internal), run only after its
 * signature verified. RFC 7523 §3 with a lifetime bound and required `iat` and `jti`.
 */
import { ClientAssertionError, quote } from './errors.js';
import { parseClientId } from './client-id.js';

/** What the claim checks need. */
export interface ClaimRules {
  readonly tokenEndpoint: string;
  /** The department code of the signing certificate. */
  readonly department: string;
  /** Verification time, seconds since the epoch. */
  readonly now: number;
  readonly maxLifetimeSeconds: number;
  readonly clockToleranceSeconds: number;
}

/** Claims that passed. */
export interface CheckedClaims {
  readonly clientId: string;
  readonly jti: string;
  /** `exp`, seconds since the epoch. */
  readonly exp: number;
}

/** Longest accepted `jti` (it becomes a key of the replay store). */
export const MAX_JTI_LENGTH = 256;

function numericDate(claims: Readonly<Record<string, unknown>>, name: 'exp' | 'iat' | 'nbf'): number | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw ClientAssertionError.rejected('MALFORMED', `claim "${name}" is not a NumericDate`, { claim: name });
  }
  return value;
}

function required(value: number | undefined, name: string): number {
  if (value === undefined) throw ClientAssertionError.rejected('MALFORMED', `claim "${name}" is required`, { claim: name });
  return value;
}

/**
 * Checks, in order: ISSUER_SUBJECT, CLIENT_ID, AUDIENCE, claim shapes
 * (MALFORMED), NOT_YET_VALID, EXPIRED, LIFETIME.
 *
 * @throws {ClientAssertionError} naming the first failed check.
 */
export function checkClaims(claims: Readonly<Record<string, unknown>>, rules: ClaimRules): CheckedClaims {
  const { iss, sub, aud, jti } = claims;
  if (typeof iss !== 'string' || iss.length === 0 || iss !== sub) {
    throw ClientAssertionError.rejected('ISSUER_SUBJECT', `iss ${quote(iss)} and sub ${quote(sub)} must be the same client id`);
  }
  const parts = parseClientId(iss);
  if (parts === undefined) throw ClientAssertionError.rejected('CLIENT_ID', `${quote(iss)} is not "<credit code>:<system name>"`);
  if (parts.department !== rules.department) {
    throw ClientAssertionError.rejected('CLIENT_ID', `client id department ${parts.department} is not the certificate's ${rules.department}`);
  }
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(rules.tokenEndpoint)) {
    throw ClientAssertionError.rejected('AUDIENCE', `aud ${quote(aud)} does not name this token endpoint`);
  }

  const exp = required(numericDate(claims, 'exp'), 'exp');
  const iat = required(numericDate(claims, 'iat'), 'iat');
  const nbf = numericDate(claims, 'nbf');
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > MAX_JTI_LENGTH) {
    throw ClientAssertionError.rejected('MALFORMED', `claim "jti" must be a string of 1–${MAX_JTI_LENGTH} characters`, { claim: 'jti' });
  }

  const { now, clockToleranceSeconds: tolerance } = rules;
  if (iat > now + tolerance) throw ClientAssertionError.rejected('NOT_YET_VALID', `iat is ${Math.round(iat - now)} s in the future`);
  if (nbf !== undefined && nbf > now + tolerance) throw ClientAssertionError.rejected('NOT_YET_VALID', `nbf is ${Math.round(nbf - now)} s in the future`);
  if (exp <= now - tolerance) throw ClientAssertionError.rejected('EXPIRED', `expired ${Math.round(now - exp)} s ago`);
  // Bounding exp − iat bounds how long a leaked assertion is useful and how long its jti must be remembered.
  if (exp <= iat || exp - iat > rules.maxLifetimeSeconds) {
    throw ClientAssertionError.rejected('LIFETIME', `exp − iat is ${Math.round(exp - iat)} s, not within 1…${rules.maxLifetimeSeconds} s`);
  }
  return { clientId: iss, jti, exp };
}
