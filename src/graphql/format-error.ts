import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { HTTP_STATUS, isAppError, type AppError } from '../errors.js';

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

/** Finds the AppError behind a GraphQL error, however deeply graphql-js or Apollo wrapped it. */
export function findAppError(error: unknown): AppError | undefined {
  let current: unknown = unwrapResolverError(error);
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (isAppError(current)) return current;
    const next = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
    if (next === current) break;
    current = next;
  }
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
    const app = findAppError(error);
    const base = { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
    if (app) {
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
