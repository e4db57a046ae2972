import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../db/connection-errors.js';
import { HTTP_STATUS, isAppError, UnavailableError, type AppError } from '../errors.js';

/**
 * Codes a client may see as they are. Anything else is a bug and is masked.
 * Apollo's own request-shape codes are included so malformed requests say why.
 */
const PUBLIC_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Finds the AppError behind a GraphQL error, however deeply graphql-js or Apollo wrapped it.
 *
 * This is also the one place where a failure that is not an AppError but is
 * not a bug either gets its code: a refused or dropped database connection
 * (see {@link isDatabaseUnavailable}) becomes SERVICE_UNAVAILABLE
 * (`reason: DATABASE_UNAVAILABLE`), so clients retry instead of reporting a bug.
 */
export function findAppError(error: unknown): AppError | undefined {
  return locateAppError(error)?.error;
}

/** {@link findAppError}, also saying whether the AppError was thrown (`thrown`) or made here from a driver error. */
function locateAppError(error: unknown): { error: AppError; thrown: boolean } | undefined {
  let current: unknown = unwrapResolverError(error);
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (isAppError(current)) return { error: current, thrown: true };
    const next = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    if (next === current) break;
    current = next;
  }
  if (isDatabaseUnavailable(error)) return { error: UnavailableError.database(error), thrown: false };
  return undefined;
}

/**
 * Turns an AppError into a GraphQLError. With `requestLevel` (authentication in
 * a context function, a refused operation) it also sets the HTTP status; a
 * field-level error leaves it alone, since the rest of the answer still stands.
 */
export function toGraphQLError(error: AppError, options: { requestLevel?: boolean } = {}): GraphQLError {
  const { field, reason, ...rest } = error.details;
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: {
      code: error.code,
      ...(field ? { field } : {}),
      ...(reason ? { reason } : {}),
      ...rest,
      ...(options.requestLevel ? { http: { status: HTTP_STATUS[error.code] } } : {}),
    },
  });
}

/**
 * The edge's error formatter: AppErrors become `extensions.code` (+ field and
 * reason), known request errors pass, everything else is masked as
 * "Unexpected error." so no stack trace, SQL or internal message leaks.
 *
 * @param exposeInternal show the original message of unexpected errors (development only).
 */
export function createFormatError(exposeInternal: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const located = locateAppError(error);
    const base = { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (located) {
      const app = located.error;
      // A driver error's own message holds SQL and addresses: only ours may leave.
      if (!located.thrown) base.message = app.message;
      const { field, reason, ...rest } = app.details;
      // graphql-js prefixes variable errors with the variable and path; keep that, it names the field.
      const code = app.code;
      return {
        ...base,
        extensions: {
          code,
          ...(field ? { field } : {}),
          ...(reason ? { reason } : {}),
          ...rest,
          ...(formatted.extensions?.serviceName ? { serviceName: formatted.extensions.serviceName } : {}),
        },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions };
    }
    return {
      ...base,
      message: exposeInternal ? `Unexpected error: ${formatted.message}` : 'Unexpected error.',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
