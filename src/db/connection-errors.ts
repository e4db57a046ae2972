/**
 * Telling a database outage from a bug.
 *
 * When the PostgreSQL server stops, restarts or fails over, the driver stack
 * (pg → knex → MikroORM) throws plain errors: `ECONNREFUSED` while connecting,
 * SQLSTATE 57P01 on connections the server closed, "Connection terminated
 * unexpectedly" on a socket that died mid-query, a pool acquire timeout. None
 * of them is an {@link AppError}, so the GraphQL edge would mask them as
 * `INTERNAL_SERVER_ERROR`, telling a client "bug" when the truth is "try again
 * shortly". {@link isDatabaseUnavailable} recognises them; the edge
 * (`findAppError` in src/graphql/format-error.ts) turns them into
 * `SERVICE_UNAVAILABLE`. The pool needs no help to recover: broken connections
 * are discarded and new ones made on the next request.
 */

/**
 * SQLSTATEs meaning "the server is not there for you right now": class 08
 * (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up or shutting down), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** Socket-level failures of the connection to the server. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Messages pg and knex throw without a code when a connection dies or cannot
 * be had. Not anchored: knex prefixes the SQL (`select … - Connection terminated unexpectedly`).
 */
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i, // pg: "Connection terminated unexpectedly", "… due to connection timeout"
  /Connection ended unexpectedly/i,
  /is not queryable/i, // pg: "Client has encountered a connection error and is not queryable"
  /timeout exceeded when trying to connect/i,
  /Knex: Timeout acquiring a connection/i, // pool exhausted while the server does not answer
];

/** Errors the driver stack names as connection failures (MikroORM's ConnectionException, knex's pool timeout). */
const UNAVAILABLE_NAMES = new Set(['ConnectionException', 'KnexTimeoutError']);

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly sqlState?: unknown;
  readonly originalError?: unknown;
  readonly cause?: unknown;
}

/**
 * True when `error`, or an error it wraps (GraphQL's `originalError`, `cause`),
 * says the database cannot be reached or dropped the connection.
 *
 * A failed `fetch` (an HTTP call to another hub or service) is not a database
 * outage even though its cause carries the same socket codes, so the walk
 * stops there.
 *
 * @example
 * isDatabaseUnavailable(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })); // true
 * isDatabaseUnavailable(new TypeError("Cannot read properties of undefined")); // false
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  const seen = new Set<unknown>();
  for (let depth = 0; current && typeof current === 'object' && depth < 8 && !seen.has(current); depth += 1) {
    seen.add(current);
    const e = current as ErrorLike;
    const message = typeof e.message === 'string' ? e.message : '';
    if (e.name === 'TypeError' && message === 'fetch failed') return false;
    if (typeof e.name === 'string' && UNAVAILABLE_NAMES.has(e.name)) return true;
    for (const code of [e.code, e.sqlState]) {
      if (typeof code !== 'string') continue;
      if (code.startsWith('08') && code.length === 5) return true;
      if (UNAVAILABLE_SQLSTATES.has(code) || SOCKET_CODES.has(code)) return true;
    }
    if (UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return true;
    current = e.originalError ?? e.cause;
  }
  return false;
}
