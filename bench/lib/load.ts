/**
 * A small closed-loop HTTP load generator (autocannon and undici are not
 * installed). It runs in a worker thread, so the client's own work (writing
 * requests, reading and checking answers) runs beside the server's event loop
 * instead of on it; on a 2-core machine that still shares the CPU, equally for
 * both sides of every comparison.
 *
 * Each of `connections` clients keeps one keep-alive socket (node:http Agent),
 * sends its next request as soon as the previous answer is read, and uses its
 * own `authorization` value, so no token cache is shared between clients.
 * Request bodies rotate per request. Every answer must be HTTP 200; the first
 * few answers of each run are also parsed and must carry `data` and no
 * `errors` (a benchmark of failing requests would measure the wrong thing).
 */
import { Worker } from 'node:worker_threads';

/** One measurement run. */
export interface LoadSpec {
  /** Full URL, e.g. `http://127.0.0.1:4000/graphql`. */
  readonly url: string;
  /** Request bodies, rotated per request (JSON text). Absent: GET. */
  readonly bodies?: readonly string[];
  /** One Authorization value per client; absent: none. Its length sets the connection count unless `connections` is given. */
  readonly authorizations?: readonly string[];
  readonly connections?: number;
  readonly durationMs: number;
  /** Extra headers on every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Check that the first answers carry GraphQL `data` and no `errors` (default true). */
  readonly checkGraphql?: boolean;
}

/** What a run measured. */
export interface LoadResult {
  readonly requests: number;
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  readonly errors: number;
  readonly bytesPerAnswer: number;
  /** The first problem seen, if any (status, GraphQL error…). */
  readonly firstError?: string;
}

const WORKER_SOURCE = String.raw`
const { parentPort } = require('node:worker_threads');
const http = require('node:http');

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

async function run(spec) {
  const url = new URL(spec.url);
  const auths = spec.authorizations && spec.authorizations.length ? spec.authorizations : [undefined];
  const connections = spec.connections || auths.length;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  const bodies = spec.bodies && spec.bodies.length ? spec.bodies.map((b) => Buffer.from(b)) : undefined;
  const check = spec.checkGraphql !== false;
  let checked = 0;
  let next = 0;
  let errors = 0;
  let firstError;
  let bytes = 0;
  const latencies = [];
  const deadline = Date.now() + spec.durationMs;
  const started = process.hrtime.bigint();

  const once = (auth) => new Promise((resolve) => {
    const body = bodies ? bodies[next++ % bodies.length] : undefined;
    const headers = Object.assign({}, spec.headers || {});
    if (body) { headers['content-type'] = 'application/json'; headers['content-length'] = body.length; }
    if (auth) headers.authorization = auth;
    const t0 = process.hrtime.bigint();
    const req = http.request({ agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: body ? 'POST' : 'GET', headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        const buf = Buffer.concat(chunks);
        bytes += buf.length;
        let problem;
        if (res.statusCode !== 200) problem = 'HTTP ' + res.statusCode + ': ' + buf.toString('utf8').slice(0, 300);
        else if (check && checked < 3) {
          checked += 1;
          try {
            const json = JSON.parse(buf.toString('utf8'));
            if (json.errors && json.errors.length) problem = 'GraphQL errors: ' + JSON.stringify(json.errors).slice(0, 300);
            else if (!json.data) problem = 'no data: ' + buf.toString('utf8').slice(0, 300);
          } catch (e) { problem = 'not JSON: ' + buf.toString('utf8').slice(0, 100); }
        }
        if (problem) { errors += 1; if (!firstError) firstError = problem; }
        latencies.push(ms);
        resolve();
      });
      res.on('error', (e) => { errors += 1; if (!firstError) firstError = String(e); resolve(); });
    });
    req.on('error', (e) => { errors += 1; if (!firstError) firstError = String(e); resolve(); });
    if (body) req.end(body); else req.end();
  });

  const clients = [];
  for (let c = 0; c < connections; c += 1) {
    const auth = auths[c % auths.length];
    clients.push((async () => { while (Date.now() < deadline) await once(auth); })());
  }
  await Promise.all(clients);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  const sorted = Float64Array.from(latencies).sort();
  const mean = latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length);
  return {
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    meanMs: mean,
    errors,
    bytesPerAnswer: latencies.length ? bytes / latencies.length : 0,
    firstError,
  };
}

parentPort.on('message', async ({ id, spec }) => {
  try { parentPort.postMessage({ id, result: await run(spec) }); }
  catch (e) { parentPort.postMessage({ id, error: String(e && e.stack || e) }); }
});
`;

/** A load generator worker; reuse it for every run of a process, then `close()` it. */
export interface LoadGenerator {
  run(spec: LoadSpec): Promise<LoadResult>;
  close(): Promise<void>;
}

/** Starts the worker thread. */
export function createLoadGenerator(): LoadGenerator {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();
  worker.on('message', (msg: { id: number; result?: LoadResult; error?: string }) => {
    const p = pending.get(msg.id);
    if (!p) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(msg.error));
    else p.resolve(msg.result!);
  });
  worker.on('error', (e) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  });
  return {
    run(spec) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, spec });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** Throws when a run saw errors: its numbers would describe failures, not the system. */
export function assertClean(name: string, result: LoadResult): LoadResult {
  if (result.errors > 0) throw new Error(`${name}: ${result.errors} of ${result.requests} requests failed; first: ${result.firstError}`);
  return result;
}
