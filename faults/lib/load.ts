/**
 * A GraphQL client and a closed-loop load driver that keep every answer, so a
 * fault script can say what clients saw in each phase of a fault.
 *
 * Every answer is classified as
 * - `ok`: HTTP 200, `data` present, no `errors` (and the script's own check passed);
 * - `partial`: some `data` and some `errors` (a degraded answer);
 * - `error`: no data at all — an error answer, a refused connection or a timeout.
 */
import { randomUUID } from 'node:crypto';

/** How an answer is classified. */
export type AnswerKind = 'ok' | 'partial' | 'error';

/** One GraphQL error as it arrived. */
export interface WireError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

/** One request and what came back. */
export interface Answer {
  /** The phase the driver was in when the request was sent. */
  readonly phase: string;
  /** The operation's label (see {@link Operation.label}). */
  readonly label: string;
  readonly requestId: string;
  /** `Date.now()` when sent. */
  readonly sentAt: number;
  readonly ms: number;
  /** HTTP status; 0 when there was no HTTP answer (refused, reset, timed out). */
  readonly status: number;
  readonly kind: AnswerKind;
  readonly data: Record<string, unknown> | null;
  readonly errors: readonly WireError[];
  /** Why there was no HTTP answer, if there was none. */
  readonly transportError?: string;
  /** What the script's own check found wrong with `data`, if anything. */
  readonly checkFailure?: string;
}

/** One GraphQL operation. */
export interface Operation {
  /** A short name for reports, e.g. `nested-person`. */
  readonly label?: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** Bearer token (without `Bearer `). */
  readonly token?: string;
  /** Sent as `x-request-id`; one is made when absent. */
  readonly requestId?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Posts one operation and classifies the answer. Never throws. */
export async function send(url: string, op: Operation, options: { phase?: string; timeoutMs?: number; check?: (label: string, data: Record<string, unknown>) => string | undefined } = {}): Promise<Answer> {
  const requestId = op.requestId ?? randomUUID();
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-request-id': requestId, ...op.headers };
  if (op.token) headers.authorization = `Bearer ${op.token}`;
  const sentAt = Date.now();
  const label = op.label ?? 'operation';
  const base = { phase: options.phase ?? '', label, requestId, sentAt };
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: op.query, variables: op.variables ?? {} }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    const text = await res.text();
    const ms = Date.now() - sentAt;
    let body: { data?: Record<string, unknown> | null; errors?: WireError[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return { ...base, ms, status: res.status, kind: 'error', data: null, errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
    }
    const data = body.data ?? null;
    const errors = body.errors ?? [];
    const checkFailure = data && errors.length === 0 && options.check ? options.check(label, data) : undefined;
    const kind: AnswerKind = !data || hasNoValue(data) ? 'error' : errors.length ? 'partial' : checkFailure ? 'error' : res.status === 200 ? 'ok' : 'error';
    return { ...base, ms, status: res.status, kind, data, errors, ...(checkFailure ? { checkFailure } : {}) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const transportError = (error as Error).name === 'TimeoutError' ? 'TIMEOUT' : cause?.code ?? cause?.message ?? (error as Error).message;
    return { ...base, ms: Date.now() - sentAt, status: 0, kind: 'error', data: null, errors: [], transportError };
  }
}

/** True when every top-level field of `data` is null (nothing useful came back). */
function hasNoValue(data: Record<string, unknown>): boolean {
  return Object.values(data).every((v) => v === null || v === undefined);
}

/** A steady, closed-loop load: `clients` loops, each sending its next request as soon as the last is answered. */
export interface LoadDriver {
  /** The phase new requests are labelled with. */
  phase: string;
  readonly answers: readonly Answer[];
  /** Stops sending and resolves once every request in flight is answered. */
  stop(): Promise<void>;
}

/**
 * Starts the load.
 *
 * @param next builds client `client`'s next operation.
 * @param check finds what is wrong with a complete answer's data (undefined: nothing).
 */
export function startLoad(options: {
  url: string;
  clients: number;
  next: (client: number, n: number) => Operation;
  check?: (label: string, data: Record<string, unknown>) => string | undefined;
  timeoutMs?: number;
  /** Pause between a client's requests, so a small machine is loaded, not saturated (default 0). */
  thinkMs?: number;
}): LoadDriver {
  const answers: Answer[] = [];
  let running = true;
  const driver: LoadDriver = {
    phase: 'before',
    answers,
    async stop() {
      running = false;
      await loops;
    },
  };
  const loop = async (client: number) => {
    for (let n = 0; running; n += 1) {
      const answer = await send(options.url, options.next(client, n), { phase: driver.phase, timeoutMs: options.timeoutMs, check: options.check });
      answers.push(answer);
      // A refused connection answers at once: pause so an outage is sampled, not spun on.
      const pause = answer.status === 0 ? 50 : options.thinkMs ?? 0;
      if (pause) await new Promise((r) => setTimeout(r, pause));
    }
  };
  const loops = Promise.all(Array.from({ length: options.clients }, (_, i) => loop(i))).then(() => undefined);
  return driver;
}

/** Counts of each kind of answer, plus latency figures. */
export interface PhaseSummary {
  readonly phase: string;
  readonly total: number;
  readonly ok: number;
  readonly partial: number;
  readonly error: number;
  readonly p50Ms: number;
  readonly maxMs: number;
  /** Error codes seen (extensions.code, or the transport error), with counts. */
  readonly codes: Readonly<Record<string, number>>;
}

/** Summarises the answers of one phase (and one operation label, if given). */
export function summarise(phase: string, answers: readonly Answer[], label?: string): PhaseSummary {
  const mine = answers.filter((a) => a.phase === phase && (label === undefined || a.label === label));
  const sorted = mine.map((a) => a.ms).sort((a, b) => a - b);
  const codes: Record<string, number> = {};
  for (const a of mine) {
    const seen = new Set<string>();
    if (a.transportError) seen.add(`transport:${a.transportError}`);
    if (a.checkFailure) seen.add('CHECK_FAILED');
    for (const e of a.errors) seen.add(String(e.extensions?.code ?? 'NO_CODE'));
    for (const c of seen) codes[c] = (codes[c] ?? 0) + 1;
  }
  return {
    phase: label ? `${phase}/${label}` : phase,
    total: mine.length,
    ok: mine.filter((a) => a.kind === 'ok').length,
    partial: mine.filter((a) => a.kind === 'partial').length,
    error: mine.filter((a) => a.kind === 'error').length,
    p50Ms: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : 0,
    maxMs: sorted.length ? sorted[sorted.length - 1]! : 0,
    codes,
  };
}

/** One line per phase: `phase  total  ok  partial  error  p50  max  codes`. */
export function formatSummary(s: PhaseSummary): string {
  const codes = Object.entries(s.codes).map(([c, n]) => `${c}×${n}`).join(' ') || '-';
  return `${s.phase.padEnd(24)} answers=${String(s.total).padStart(4)}  ok=${String(s.ok).padStart(4)}  partial=${String(s.partial).padStart(4)}  error=${String(s.error).padStart(4)}  p50=${String(s.p50Ms).padStart(5)} ms  max=${String(s.maxMs).padStart(5)} ms  codes: ${codes}`;
}
