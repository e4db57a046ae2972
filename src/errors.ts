/**
 * The one error root of OneWindow.
 *
 * Every expected failure is an {@link AppError} with a stable `code`; tests and
 * clients branch on the code, never on the wording. Only the GraphQL and HTTP
 * edges (see `src/graphql/format-error.ts`) turn these into wire errors; any
 * other thrown value is treated as a bug and masked there.
 */

/** Stable error codes, shared with GraphQL `extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/** Extra, client-safe facts about an error (never secrets, never data the caller may not see). */
export interface ErrorDetails {
  /** The input field or argument path the error is about, e.g. `input.idNumber`. */
  readonly field?: string;
  /** A machine-readable reason within the code, e.g. `CHECK_CHARACTER`. */
  readonly reason?: string;
  readonly [key: string]: unknown;
}

/** HTTP status each code maps to when an edge answers over plain HTTP. */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = Object.freeze({
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
});

/**
 * Base class of every expected error.
 *
 * @example
 * throw new AppError('CONFLICT', 'Person 110105194912310021 is at version 3, not 2', { field: 'expectedVersion' });
 */
export class AppError extends Error {
  override readonly name: string = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Input that breaks a rule. `reason` names the rule (LENGTH, CHARACTER, DATE, CHECK_CHARACTER, …). */
export class ValidationError extends AppError {
  override readonly name = 'ValidationError';

  constructor(message: string, details: ErrorDetails & { reason: string }, options?: { cause?: unknown }) {
    super('BAD_USER_INPUT', message, details, options);
  }

  /** Prefixes the field path, so a validator's error names where in the input it happened. */
  at(field: string): ValidationError {
    const inner = this.details.field;
    return new ValidationError(this.message.startsWith(`${field}:`) ? this.message : `${field}: ${this.message}`, {
      ...this.details,
      reason: String(this.details.reason),
      field: inner ? `${field}.${inner}` : field,
    }, { cause: this });
  }
}

/** Missing or invalid credentials. */
export class AuthenticationError extends AppError {
  override readonly name = 'AuthenticationError';

  constructor(message: string, reason: string, options?: { cause?: unknown }) {
    super('UNAUTHENTICATED', message, { reason }, options);
  }

  static missing(): AuthenticationError {
    return new AuthenticationError('A bearer token is required', 'MISSING_TOKEN');
  }

  static invalid(why: string, cause?: unknown): AuthenticationError {
    return new AuthenticationError(`The bearer token is not valid: ${why}`, 'INVALID_TOKEN', { cause });
  }
}

/** The caller is known but may not do this. */
export class ForbiddenError extends AppError {
  override readonly name = 'ForbiddenError';

  constructor(message: string, details: ErrorDetails = {}) {
    super('FORBIDDEN', message, details);
  }
}

/** A record that does not exist (or that the caller may not know exists: the two read the same). */
export class NotFoundError extends AppError {
  override readonly name = 'NotFoundError';

  static of(kind: string, key: string, field?: string): NotFoundError {
    return new NotFoundError('NOT_FOUND', `${kind} ${key} was not found`, field ? { field } : {});
  }
}

/** A write that lost a race or contradicts stored state; nothing was written. */
export class ConflictError extends AppError {
  override readonly name = 'ConflictError';

  static staleVersion(kind: string, key: string, expected: number, actual: number): ConflictError {
    return new ConflictError(
      'CONFLICT',
      `${kind} ${key} is at version ${actual}, not the expected ${expected}; reload it and try again`,
      { field: 'expectedVersion', reason: 'STALE_VERSION', expected, actual },
    );
  }

  static exists(kind: string, key: string, field?: string): ConflictError {
    return new ConflictError('CONFLICT', `${kind} ${key} already exists`, { reason: 'ALREADY_EXISTS', ...(field ? { field } : {}) });
  }
}

/** A dependency (database, another subgraph) is down; the request may succeed later. */
export class UnavailableError extends AppError {
  override readonly name = 'UnavailableError';

  constructor(message: string, options?: { cause?: unknown }, details: ErrorDetails = {}) {
    super('SERVICE_UNAVAILABLE', message, details, options);
  }

  /** The database refused or dropped the connection (server stopped, restarting, failing over). */
  static database(cause: unknown): UnavailableError {
    return new UnavailableError('The database is unavailable; try again shortly', { cause }, { reason: 'DATABASE_UNAVAILABLE' });
  }

  /**
   * A subgraph could not be reached. `serviceName` names it, as the gateway
   * names the service of errors a subgraph returned itself.
   */
  static service(serviceName: string, cause: unknown): UnavailableError {
    return new UnavailableError(`The ${serviceName} service is unavailable`, { cause }, { reason: 'SERVICE_UNREACHABLE', serviceName });
  }
}

/** True when `value` is an {@link AppError}. */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
