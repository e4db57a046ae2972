import type { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { freePort } from '../net/free-port.js';

/** An embedded database served over the PostgreSQL wire protocol. */
export interface PgliteServer {
  /** A `postgres://` URL other processes connect to. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Serves an embedded PGlite to other processes (distributed mode without a
 * PostgreSQL server: each subgraph process connects to this one). PGlite runs
 * one query at a time, so connections are queued, not parallel: good for
 * development and tests, not for production, which uses a real server.
 */
export async function servePglite(pglite: PGlite, options: { host?: string; port?: number } = {}): Promise<PgliteServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freePort(host));
  const server = new PGLiteSocketServer({ db: pglite, host, port, maxConnections: 64 });
  await server.start();
  return {
    url: `postgres://postgres@${host}:${port}/postgres?sslmode=disable`,
    stop: () => server.stop(),
  };
}
