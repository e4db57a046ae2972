/**
 * The error thrown when a client assertion is refused.
 */
import { AppError, type ErrorDetails } from '../../errors.js';

/**
 * Which check refused a client assertion (`details.reason`).
 *
 * - `MALFORMED`: not a size-bounded compact JWS of strict-JSON header and claims, a refused
 *   header parameter (`jku`, `x5u`, `jwk`, `crit`, …) or `typ`, or a required claim missing or mistyped;
 * - `ALGORITHM`: `alg` is not PS256 or RS256;
 * - `CERTIFICATE`: `x5c` is missing or unreadable, the chain does not validate (`details.check`
 *   names the failed chain check), or the certificate names no department;
 * - `SIGNATURE`: the signature does not verify with the certificate's key;
 * - `ISSUER_SUBJECT`: `iss` and `sub` are not the same non-empty string;
 * - `CLIENT_ID`: the client id is not `<credit code>:<system>` or names another department than the certificate;
 * - `AUDIENCE`: `aud` does not name the token endpoint;
 * - `EXPIRED`, `NOT_YET_VALID` (`iat` or `nbf` in the future), `LIFETIME` (`exp` too far after `iat`);
 * - `REPLAY`: the `jti` was used before.
 */
export type ClientAssertionFailure =
  | 'MALFORMED'
  | 'ALGORITHM'
  | 'CERTIFICATE'
  | 'SIGNATURE'
  | 'ISSUER_SUBJECT'
  | 'AUDIENCE'
  | 'EXPIRED'
  | 'LIFETIME'
  | 'NOT_YET_VALID'
  | 'REPLAY'
  | 'CLIENT_ID';

/** Log-safe facts about a refusal: no assertion content beyond short, escaped excerpts. */
export interface ClientAssertionErrorDetails extends ErrorDetails {
  readonly reason: ClientAssertionFailure;
  /** For `CERTIFICATE`: the failed chain check (`TRUSTED_ROOT`, `VALIDITY`, …), or `X5C` / `DEPARTMENT_CODE`. */
  readonly check?: string;
  /** For `MALFORMED`: the claim or header parameter at fault. */
  readonly claim?: string;
  readonly parameter?: string;
  /** For `CERTIFICATE`: the subject CN of the certificate that failed. */
  readonly certificate?: string;
}

/**
 * A client assertion was refused: code `UNAUTHENTICATED`, `details.reason` the
 * failed check. The message is detailed and log-safe; it is for logs, not for
 * the client (the token endpoint answers every refusal with one generic
 * `invalid_client` description).
 */
export class ClientAssertionError extends AppError {
  override readonly name = 'ClientAssertionError';
  declare readonly details: ClientAssertionErrorDetails;

  constructor(message: string, details: ClientAssertionErrorDetails, options?: { cause?: unknown }) {
    super('UNAUTHENTICATED', message, details, options);
  }

  /** The assertion failed `reason`, because `why`. */
  static rejected(reason: ClientAssertionFailure, why: string, extra: Omit<ClientAssertionErrorDetails, 'reason'> = {}, cause?: unknown): ClientAssertionError {
    return new ClientAssertionError(`Client assertion rejected: ${reason} (${why})`, { ...extra, reason }, { cause });
  }
}

/** Echoes an attacker-supplied value into a message: JSON-escaped (no control characters) and bounded. */
export function quote(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? 'missing';
  } catch {
    text = 'unprintable';
  }
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** Text that may come from an untrusted certificate (a CN, an issuer name): control characters replaced, bounded. */
export function safeText(text: string, max = 160): string {
  const clean = text.replace(UNSAFE, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
