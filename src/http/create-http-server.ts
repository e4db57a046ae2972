import type { ApolloServer, BaseContext } from '@apollo/server';
import { fastifyApolloHandler } from '@as-integrations/fastify';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { findAppError } from '../graphql/format-error.js';
import type { Logger } from '../logging.js';
import type { HeaderMap } from '../subgraphs/context.js';
import { sendAppError } from './send-error.js';

/** One readiness check: a name and whether it passes now. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<boolean>;
}

/** What an HTTP front needs: a GraphQL server, how to make its context, and readiness checks. */
export interface HttpServerOptions<C extends BaseContext> {
  readonly logger: Logger;
  readonly graphql: { readonly server: ApolloServer<C>; readonly context: (headers: HeaderMap) => Promise<C> };
  readonly readiness: readonly ReadinessCheck[];
  /** Largest request body accepted, in bytes (default 1 MiB). */
  readonly bodyLimit?: number;
  /** Further routes (the licensing endpoints, where this process has the license subgraph). */
  readonly routes?: (app: FastifyInstance) => void;
  /** Requests per minute per department (per address for anonymous callers); absent: no limit. */
  readonly rateLimitPerMinute?: number;
  /** Cut off a request still running after this many milliseconds. */
  readonly requestTimeoutMs?: number;
}

/** Connections accepted so far, per server made by {@link createHttpServer} (see {@link takeInQueuedRequests}). */
const acceptedConnections = new WeakMap<FastifyInstance, { count: number }>();

/**
 * Takes in the connections and requests the kernel already holds for this
 * server (the accept queue, unread socket buffers) before a drain closes the
 * listener: it lets the event loop turn until two turns in a row accept no new
 * connection, or `maxMs` has passed.
 *
 * Why: on SIGTERM a busy event loop may not yet have read requests clients
 * sent in time, and a busy loop accepts about one queued connection per turn
 * (observed with Node 20 on Linux). Closing at once would reset those connections
 * (closing the listener drops the accept queue; `server.close()` destroys
 * connections with no request in progress) or answer them 503 (Fastify refuses
 * requests parsed while closing): an ambiguous failure, for a mutation too.
 */
export async function takeInQueuedRequests(app: FastifyInstance, options: { maxMs?: number } = {}): Promise<void> {
  const counter = acceptedConnections.get(app);
  if (!counter) return;
  const deadline = Date.now() + (options.maxMs ?? 3_000);
  let quietTurns = 0;
  // One more quiet turn after the last accept: the data of the connection accepted last is read then.
  while (quietTurns < 2 && Date.now() < deadline) {
    const before = counter.count;
    await new Promise<void>((resolve) => setImmediate(resolve));
    quietTurns = counter.count === before ? quietTurns + 1 : 0;
  }
}

/**
 * The rate-limit bucket of a request: the department its bearer token names,
 * else the caller's address. The token is only decoded here, not verified —
 * a forged token buys nothing, since every hop verifies it before answering.
 */
export function rateLimitKey(authorization: string | undefined, ip: string): string {
  const payload = authorization?.startsWith('Bearer ') ? authorization.slice(7).split('.')[1] : undefined;
  if (payload && payload.length < 4096) {
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { dept?: unknown; sub?: unknown };
      if (typeof claims.dept === 'string') return `dept:${claims.dept}`;
      if (typeof claims.sub === 'string') return `sub:${claims.sub}`;
    } catch {
      // not a JWT: fall back to the address
    }
  }
  return `ip:${ip}`;
}

/**
 * The HTTP front shared by the gateway and every standalone subgraph:
 * `POST|GET /graphql`, `/healthz` (the process is alive) and `/readyz` (its
 * dependencies answer). The request id arrives in `x-request-id` or is made
 * here, and is echoed back so a caller can quote it.
 */
export function createHttpServer<C extends BaseContext>(options: HttpServerOptions<C>): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger,
    // The gateway logs one line per GraphQL request itself, with its outcome.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // While draining on shutdown, new requests are refused with 503 instead of hanging.
    return503OnClosing: true,
    ...(options.requestTimeoutMs ? { requestTimeout: options.requestTimeoutMs } : {}),
  });
  if (options.rateLimitPerMinute) {
    void app.register(rateLimit, {
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: (request) => rateLimitKey(request.headers.authorization, request.ip),
      // Health probes are never limited.
      allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
    });
  }

  const accepted = { count: 0 };
  acceptedConnections.set(app as unknown as FastifyInstance, accepted);
  app.server.on('connection', () => {
    accepted.count += 1;
  });

  // Draining: Node closes only the connections idle when close() starts. A
  // keep-alive connection whose request finishes later would hold close() open,
  // so answers sent while closing say `connection: close` and idle sockets are shut.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async () => {
    if (closing) app.server.closeIdleConnections();
  });

  // Whatever the plain-HTTP routes (licensing, token) throw lands here: an AppError, or a
  // database outage, gets its code and status (503 for the latter, not 500),
  // Fastify's own 4xx (body too large, rate limit) pass as they are, and the rest is a bare 500
  // with the request id, never a stack or a driver message.
  app.setErrorHandler((error, request, reply) => {
    const appError = findAppError(error);
    if (appError) return sendAppError(reply, appError);
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== undefined && status >= 400 && status < 500) return reply.send(error);
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'INTERNAL_SERVER_ERROR', message: `Internal error (request ${request.id})` } });
  });

  const handler = fastifyApolloHandler(options.graphql.server, {
    context: async (request) => options.graphql.context({ ...request.headers, 'x-request-id': String(request.id) }),
  });
  // Routes live in a plugin registered after the rate limiter, so its onRoute hook sees them all.
  void app.register(async (scope) => {
    scope.route({ url: '/graphql', method: ['GET', 'POST', 'OPTIONS'], handler });
    options.routes?.(scope as unknown as FastifyInstance);
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const results = await Promise.all(options.readiness.map(async (c) => [c.name, await c.check().catch(() => false)] as const));
    const ok = results.every(([, pass]) => pass);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });

  return app as unknown as FastifyInstance;
}
