/**
 * Errors thrown by `src/crypto`. All are {@link AppError}s with a stable `code`
 * and a machine-readable `details.reason`; tests and callers branch on those,
 * never on the wording.
 *
 * Verification functions do not throw: they return results with one entry per
 * check. These errors come from the `assert…()` variants, from malformed
 * certificate input, and from misconfiguration (a signer whose key does not
 * match its certificate).
 */
import { AppError, type ErrorCode, type ErrorDetails } from '../errors.js';

/** Common parent of every crypto error; `details.reason` is always set. */
export class CryptoError extends AppError {
  override readonly name: string = 'CryptoError';

  constructor(code: ErrorCode, message: string, details: ErrorDetails & { reason: string }, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

/** A certificate (or certificate-building option) that cannot be used. */
export class CertificateError extends CryptoError {
  override readonly name = 'CertificateError';

  /** The bytes are not a parseable X.509 certificate (reason `CERTIFICATE_MALFORMED`). */
  static malformed(why: string, cause?: unknown): CertificateError {
    return new CertificateError('BAD_USER_INPUT', `Not a usable X.509 certificate: ${why}`, { reason: 'CERTIFICATE_MALFORMED' }, { cause });
  }

  /** An option given to a certificate factory is invalid (reason `INVALID_OPTION`). */
  static invalidOption(field: string, why: string): CertificateError {
    return new CertificateError('BAD_USER_INPUT', `${field}: ${why}`, { field, reason: 'INVALID_OPTION' });
  }
}

/**
 * A certificate chain failed validation. `details.reason` is the failed check
 * (`PATH`, `SIGNATURE`, `VALIDITY`, `CA_FLAG`, …).
 */
export class ChainError extends CryptoError {
  override readonly name = 'ChainError';

  static failed(check: string, why: string | undefined, certificate: string | undefined): ChainError {
    return new ChainError(
      'BAD_USER_INPUT',
      `Certificate chain is not trusted: ${check}${why ? ` (${why})` : ''}`,
      { reason: check, ...(certificate === undefined ? {} : { certificate }) },
    );
  }
}

/**
 * A JWS could not be produced or did not verify. For verification failures
 * `details.reason` is the failed check (`WELL_FORMED`, `HEADER`, `CHAIN`, `SIGNATURE`).
 */
export class JwsError extends CryptoError {
  override readonly name = 'JwsError';

  static failed(check: string, why: string | undefined): JwsError {
    return new JwsError('BAD_USER_INPUT', `JWS rejected: ${check}${why ? ` (${why})` : ''}`, { reason: check });
  }

  /** The signer is misconfigured (key does not match certificate, wrong key type…): a server fault. */
  static invalidSigner(why: string, cause?: unknown): JwsError {
    return new JwsError('INTERNAL_SERVER_ERROR', `Signer is not usable: ${why}`, { reason: 'INVALID_SIGNER' }, { cause });
  }

  /** The payload to sign is not a JSON object. */
  static invalidPayload(why: string, cause?: unknown): JwsError {
    return new JwsError('BAD_USER_INPUT', `Payload cannot be signed: ${why}`, { reason: 'INVALID_PAYLOAD' }, { cause });
  }
}

/** A trust list was rejected or could not be applied. */
export class TrustListError extends CryptoError {
  override readonly name = 'TrustListError';

  static failed(check: string, why: string | undefined): TrustListError {
    return new TrustListError('BAD_USER_INPUT', `Trust list rejected: ${check}${why ? ` (${why})` : ''}`, { reason: check });
  }

  /** A list whose sequence number is not newer than the one already imported (a replay or rollback). */
  static stale(issuer: string, sequence: number, current: number): TrustListError {
    return new TrustListError(
      'CONFLICT',
      `Trust list from ${issuer} has sequence ${sequence}, but ${current} is already imported`,
      { reason: 'STALE_SEQUENCE', issuer, sequence, current },
    );
  }

  static invalidContent(why: string): TrustListError {
    return new TrustListError('BAD_USER_INPUT', `Trust list content is invalid: ${why}`, { reason: 'INVALID_CONTENT' });
  }
}

/** A status list that cannot be built, decoded or read. */
export class StatusListError extends CryptoError {
  override readonly name = 'StatusListError';

  static invalid(reason: string, why: string, cause?: unknown): StatusListError {
    return new StatusListError('BAD_USER_INPUT', `Status list: ${why}`, { reason }, { cause });
  }

  static indexOutOfRange(index: number, size: number): StatusListError {
    return new StatusListError('BAD_USER_INPUT', `Status list index ${index} is outside 0…${size - 1}`, {
      reason: 'INDEX_OUT_OF_RANGE',
      index,
      size,
    });
  }
}
