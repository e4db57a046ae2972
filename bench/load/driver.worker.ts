/**
 * The load driver, in a worker thread so the client's work (building,
 * sending, reading and checking requests) runs beside the hub's event loop
 * rather than on it. It holds the {@link Workload} and runs the phases the
 * main thread asks for:
 *
 * - `prime`: issue a few licences one at a time (setup, not measured);
 * - `closed`: N clients, each sending its next request when the last is
 *   answered (calibration: what the mix sustains);
 * - `open`: arrivals at a fixed rate on a schedule fixed in advance. Latency
 *   is measured from each arrival's *scheduled* time, not from when it was
 *   actually sent, so a stall of the hub (or of this client) shows up in the
 *   latency of every request it delayed instead of being hidden by sending
 *   fewer requests (coordinated omission).
 *
 * Loaded through tsx's API by driver.ts (tsx does not hook worker threads itself).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import type { ClosedPhase, DriverRequest, DriverResponse, OpenPhase, Phase, PhaseResult, PrimePhase, WorkloadPlan } from './protocol.js';
import { Recorder } from './recorder.js';
import { Workload, type Answer, type PreparedRequest } from './workload.js';

/** The hub cuts a request off after 30 s (REQUEST_TIMEOUT_MS); the client waits a little longer. */
const REQUEST_TIMEOUT_MS = 35_000;

interface Sent extends Partial<Answer> {
  readonly requestId?: string;
  readonly error?: { category: 'network' | 'timeout'; detail: string };
}

let plan: WorkloadPlan | undefined;
let workload: Workload | undefined;
// One keep-alive agent for the whole run; an open loop opens more sockets when answers are slow, as more clients would.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });

function send(request: PreparedRequest): Promise<Sent> {
  const base = new URL(plan!.baseUrl);
  return new Promise((resolve) => {
    let settled = false;
    const done = (s: Sent) => {
      if (!settled) {
        settled = true;
        resolve(s);
      }
    };
    const body = Buffer.from(request.body);
    const req = http.request(
      { agent, host: base.hostname, port: base.port, path: request.path, method: 'POST', headers: { ...request.headers, 'content-length': body.length } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const requestId = res.headers['x-request-id'];
          done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ...(typeof requestId === 'string' ? { requestId } : {}) });
        });
        res.on('error', (e) => done({ error: { category: 'network', detail: String(e) } }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => {
      done({ error: { category: 'timeout', detail: `no answer within ${REQUEST_TIMEOUT_MS} ms` } });
      req.destroy();
    });
    req.on('error', (e) => done({ error: { category: 'network', detail: String(e) } }));
    req.end(body);
  });
}

/** Sends one request and records its answer, judged by the workload. */
async function measure(rec: Recorder, request: PreparedRequest, t0: number, startMs: number): Promise<void> {
  const answer = await send(request);
  const end = performance.now();
  const latency = end - (t0 + startMs);
  const atMs = end - t0;
  if (answer.error) {
    rec.onAnswer(request.kind, 0, latency, atMs, { category: answer.error.category, status: undefined, detail: answer.error.detail, requestId: undefined, request: request.describe });
    return;
  }
  const status = answer.status ?? 0;
  let failure;
  try {
    failure = request.check({ status, body: answer.body ?? '' });
  } catch (error) {
    failure = { category: 'check', detail: `the answer could not be judged: ${String(error)} — ${String(answer.body).slice(0, 200)}` };
  }
  rec.onAnswer(request.kind, status, latency, atMs, failure ? { ...failure, status, requestId: answer.requestId, request: request.describe } : undefined);
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const state = () => workload!.state();

async function prime(phase: PrimePhase): Promise<PhaseResult> {
  const rec = new Recorder();
  const t0 = performance.now();
  for (let i = 0; i < phase.count; i += 1) {
    const start = performance.now() - t0;
    rec.onSend(start);
    await measure(rec, workload!.issue(), t0, start);
  }
  return rec.result({ name: phase.name, kind: 'prime', planned: phase.count, sendSeconds: (performance.now() - t0) / 1000, aborted: false, state: state() });
}

async function closed(phase: ClosedPhase): Promise<PhaseResult> {
  const rec = new Recorder();
  const t0 = performance.now();
  const deadline = t0 + phase.durationMs;
  const client = async () => {
    while (performance.now() < deadline) {
      const start = performance.now() - t0;
      rec.onSend(start);
      await measure(rec, workload!.next(), t0, start);
    }
  };
  await Promise.all(Array.from({ length: phase.connections }, client));
  return rec.result({ name: phase.name, kind: 'closed', planned: rec.sent, sendSeconds: phase.durationMs / 1000, aborted: false, state: state() });
}

async function open(phase: OpenPhase): Promise<PhaseResult> {
  const rec = new Recorder();
  const interval = 1000 / phase.rate;
  const planned = Math.round((phase.rate * phase.durationMs) / 1000);
  const inFlight = new Map<number, { request: PreparedRequest; promise: Promise<void> }>();
  let aborted = false;
  let i = 0;
  const t0 = performance.now();
  schedule: while (i < planned) {
    const now = performance.now() - t0;
    while (i < planned && i * interval <= now) {
      if (inFlight.size >= phase.maxOutstanding) {
        aborted = true;
        break schedule;
      }
      const scheduled = i * interval;
      const request = workload!.next();
      rec.onSend(scheduled, now - scheduled);
      const id = i;
      const promise = measure(rec, request, t0, scheduled).finally(() => inFlight.delete(id));
      inFlight.set(id, { request, promise });
      i += 1;
    }
    const wait = i * interval - (performance.now() - t0);
    // setTimeout cannot wait less than ~1 ms; for shorter gaps just let I/O run.
    if (wait >= 1) await sleep(wait);
    else await new Promise<void>((r) => setImmediate(r));
  }
  const sendSeconds = (performance.now() - t0) / 1000;
  await Promise.race([Promise.all([...inFlight.values()].map((f) => f.promise)), sleep(phase.drainMs)]);
  // Whatever is still out has no answer in time: a failure of its own kind.
  for (const { request } of inFlight.values()) {
    rec.onAnswer(request.kind, 0, performance.now() - t0, performance.now() - t0, { category: 'unanswered', status: undefined, detail: `no answer ${phase.drainMs} ms after the last arrival`, requestId: undefined, request: request.describe });
  }
  return rec.result({ name: phase.name, kind: 'open', planned, sendSeconds: aborted ? sendSeconds : phase.durationMs / 1000, aborted, state: state() });
}

function run(phase: Phase): Promise<PhaseResult> {
  switch (phase.kind) {
    case 'prime': return prime(phase);
    case 'closed': return closed(phase);
    case 'open': return open(phase);
  }
}

parentPort!.on('message', (message: DriverRequest) => {
  const reply = (r: DriverResponse) => parentPort!.postMessage(r);
  void (async () => {
    try {
      if (message.type === 'init') {
        plan = message.plan;
        workload = new Workload(message.plan);
        reply({ id: message.id, ok: true });
      } else {
        if (!workload) throw new Error('init first');
        reply({ id: message.id, ok: true, result: await run(message.phase) });
      }
    } catch (error) {
      reply({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  })();
});
