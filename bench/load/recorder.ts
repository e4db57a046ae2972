/**
 * Collects what one phase of the load measured: latency per request kind,
 * answers by HTTP status, problems by category (with a few examples each), and
 * ten-second windows of throughput and latency, so drift during a run shows.
 */
import { OP_KINDS, type KindSummary, type LatencySummary, type OpKind, type PhaseResult, type Problem, type WindowSummary } from './protocol.js';

/** Examples kept per request kind and category. */
const EXAMPLES_PER_KIND = 3;
/** Width of a timeline window. */
const WINDOW_MS = 10_000;

/** Nearest-rank percentile of sorted samples. */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** p50/p90/p99/max/mean of raw samples. */
export function summarise(samples: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(samples).sort();
  const mean = samples.length ? samples.reduce((a, b) => a + b, 0) / samples.length : Number.NaN;
  return {
    count: samples.length,
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p99: percentileOfSorted(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    mean,
  };
}

/** One phase's measurements. */
export class Recorder {
  private readonly latencies = new Map<OpKind, number[]>(OP_KINDS.map((k) => [k, []]));
  private readonly errorsByKind = new Map<OpKind, number>();
  private readonly statuses: Record<string, number> = {};
  private readonly categories: Record<string, number> = {};
  private readonly examples: Problem[] = [];
  private readonly lags: number[] = [];
  /** Per window: sends, and latencies of the answers that completed in it. */
  private readonly windows: Array<{ sent: number; latencies: number[] }> = [];
  sent = 0;
  completed = 0;
  lastCompletionMs = 0;

  private window(atMs: number): { sent: number; latencies: number[] } {
    const i = Math.max(0, Math.floor(atMs / WINDOW_MS));
    while (this.windows.length <= i) this.windows.push({ sent: 0, latencies: [] });
    return this.windows[i]!;
  }

  /** A request left (at `atMs` since the phase started; `lagMs`: how late against its schedule). */
  onSend(atMs: number, lagMs?: number): void {
    this.sent += 1;
    this.window(atMs).sent += 1;
    if (lagMs !== undefined) this.lags.push(lagMs);
  }

  /** An answer (or its absence: status 0) came back after `latencyMs`; `problem` when it was not as expected. */
  onAnswer(kind: OpKind, status: number, latencyMs: number, atMs: number, problem?: Omit<Problem, 'kind' | 'atMs'>): void {
    this.completed += 1;
    this.lastCompletionMs = Math.max(this.lastCompletionMs, atMs);
    this.latencies.get(kind)!.push(latencyMs);
    this.window(atMs).latencies.push(latencyMs);
    this.statuses[String(status)] = (this.statuses[String(status)] ?? 0) + 1;
    if (!problem) return;
    this.errorsByKind.set(kind, (this.errorsByKind.get(kind) ?? 0) + 1);
    this.categories[problem.category] = (this.categories[problem.category] ?? 0) + 1;
    const seen = this.examples.filter((e) => e.kind === kind && e.category === problem.category).length;
    if (seen < EXAMPLES_PER_KIND) this.examples.push({ kind, atMs: Math.round(atMs), ...problem });
  }

  /** The phase's result. */
  result(meta: { name: string; kind: PhaseResult['kind']; planned: number; sendSeconds: number; aborted: boolean; state: PhaseResult['state'] }): PhaseResult {
    const all = [...this.latencies.values()].flat();
    const byKind: KindSummary[] = OP_KINDS
      .filter((k) => this.latencies.get(k)!.length > 0 || this.errorsByKind.has(k))
      .map((k) => ({ kind: k, latency: summarise(this.latencies.get(k)!), errors: this.errorsByKind.get(k) ?? 0 }));
    const windows: WindowSummary[] = this.windows.map((w, i) => {
      const s = summarise(w.latencies);
      return { fromS: (i * WINDOW_MS) / 1000, toS: ((i + 1) * WINDOW_MS) / 1000, sent: w.sent, completed: w.latencies.length, p50: s.p50, p99: s.p99 };
    });
    const elapsedSeconds = Math.max(meta.sendSeconds, this.lastCompletionMs / 1000);
    return {
      name: meta.name,
      kind: meta.kind,
      planned: meta.planned,
      sent: this.sent,
      completed: this.completed,
      sendSeconds: meta.sendSeconds,
      elapsedSeconds,
      throughput: elapsedSeconds > 0 ? this.completed / elapsedSeconds : 0,
      overall: summarise(all),
      byKind,
      statuses: { ...this.statuses },
      errors: [...this.errorsByKind.values()].reduce((a, b) => a + b, 0),
      errorCategories: { ...this.categories },
      examples: [...this.examples],
      ...(this.lags.length ? { sendLag: summarise(this.lags) } : {}),
      aborted: meta.aborted,
      windows,
      state: meta.state,
    };
  }
}
