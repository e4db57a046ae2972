/**
 * Errors thrown by `src/licensing`. Verification itself never throws (it
 * returns a {@link LicenseVerification}); these come from building and signing
 * tokens, rendering QR codes, the offline store, and `assertLicenseToken`.
 * Tests and callers branch on `code` and `details.reason`, never on wording.
 */
import { AppError, type ErrorCode, type ErrorDetails } from '../errors.js';

/** A licence token could not be built, signed, rendered or accepted. */
export class LicenseTokenError extends AppError {
  override readonly name = 'LicenseTokenError';

  constructor(code: ErrorCode, message: string, details: ErrorDetails & { reason: string }, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }

  /** Claims that break the token format (reason `INVALID_CLAIMS`; `field` is the payload path). */
  static invalidClaims(why: string, field?: string): LicenseTokenError {
    return new LicenseTokenError('BAD_USER_INPUT', `Licence claims cannot be signed: ${why}`, {
      reason: 'INVALID_CLAIMS',
      ...(field === undefined ? {} : { field }),
    });
  }

  /**
   * A token too long for a QR code (reason `QR_TOO_LARGE`). INTERNAL_SERVER_ERROR:
   * the hub built the token from its own records, so the caller cannot fix it by
   * changing its input; the issuance path must keep QR tokens short.
   */
  static qrTooLarge(bytes: number, max: number): LicenseTokenError {
    return new LicenseTokenError('INTERNAL_SERVER_ERROR', `A ${bytes}-byte token does not fit a QR code (limit ${max} bytes)`, {
      reason: 'QR_TOO_LARGE',
      bytes,
      max,
    });
  }

  /** The verifier rejected a token (reason = the verdict; `failed` = the failed check names). */
  static rejected(verdict: string, failed: readonly string[]): LicenseTokenError {
    return new LicenseTokenError('BAD_USER_INPUT', `The licence token is ${verdict}${failed.length ? ` (${failed.join(', ')})` : ''}`, {
      reason: verdict,
      failed: [...failed],
    });
  }
}

/** The on-disk offline verification store is missing, inconsistent, or was given bad content. */
export class OfflineStoreError extends AppError {
  override readonly name = 'OfflineStoreError';

  constructor(code: ErrorCode, message: string, details: ErrorDetails & { reason: string }, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }

  /** No store in `dir` (reason `OFFLINE_STORE_MISSING`): run `onewindow trust sync` first. */
  static missing(dir: string, cause?: unknown): OfflineStoreError {
    return new OfflineStoreError('NOT_FOUND', `No offline verification store in ${dir}; run a trust sync first`, { reason: 'OFFLINE_STORE_MISSING' }, { cause });
  }

  /** Files that do not match their manifest or do not parse (reason `OFFLINE_STORE_CORRUPT`): sync again. */
  static corrupt(dir: string, why: string, cause?: unknown): OfflineStoreError {
    return new OfflineStoreError('SERVICE_UNAVAILABLE', `The offline verification store in ${dir} is unusable: ${why}; sync again`, {
      reason: 'OFFLINE_STORE_CORRUPT',
    }, { cause });
  }

  /** Content given to `writeOfflineStore` that does not verify or is malformed (reason `INVALID_CONTENT`). */
  static invalidContent(field: string, why: string): OfflineStoreError {
    return new OfflineStoreError('BAD_USER_INPUT', `${field}: ${why}`, { reason: 'INVALID_CONTENT', field });
  }
}
