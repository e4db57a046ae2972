/**
 * Figures, alternating A/B rounds, and the one output format every benchmark prints:
 *
 *     figure: <name> ratio=<x.xx> goal=<≥|≤ y> <PASS|MISS>
 *
 * followed by indented supporting numbers, and one machine-readable
 * `@@bench-result {json}` line per figure that `run-all.ts` collects.
 */
import type { LoadResult } from './load.js';
import { profiled } from './profile.js';

/** One measured ratio and the goal it is held to. */
export interface Figure {
  readonly name: string;
  readonly ratio: number;
  /** `>=`: the ratio must be at least `goal`; `<=`: at most. */
  readonly op: '>=' | '<=';
  readonly goal: number;
  /** Unit of the ratio when it is not a plain ratio (e.g. `ms`). */
  readonly unit?: string;
  /** Supporting numbers, in print order. */
  readonly details: ReadonlyArray<readonly [string, string]>;
}

/** True when the figure meets its goal. */
export function passes(f: Figure): boolean {
  return f.op === '>=' ? f.ratio >= f.goal : f.ratio <= f.goal;
}

/** Prints a figure (human line, details, and the JSON line for run-all). */
export function printFigure(f: Figure): void {
  const unit = f.unit ?? '';
  const ratio = f.unit || f.ratio < 0.1 ? f.ratio.toFixed(3) : f.ratio.toFixed(2);
  process.stdout.write(`figure: ${f.name} ratio=${ratio}${unit} goal=${f.op === '>=' ? '≥' : '≤'}${f.goal}${unit} ${passes(f) ? 'PASS' : 'MISS'}\n`);
  for (const [k, v] of f.details) process.stdout.write(`    ${k}: ${v}\n`);
  process.stdout.write(`@@bench-result ${JSON.stringify({ ...f, pass: passes(f) })}\n`);
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile of raw samples. */
export function percentile(values: readonly number[] | Float64Array, p: number): number {
  const s = Float64Array.from(values).sort();
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** One side of an alternating comparison. */
export interface Side<R> {
  readonly name: string;
  run(): Promise<R>;
}

/**
 * Runs the sides in alternating rounds, rotating which goes first each round
 * (A B C, B C A, …), so slow drift (heap growth, a table growing, a neighbour
 * on the machine) lands on every side alike. A side named by BENCH_PROFILE
 * runs under the CPU profiler (see profile.ts).
 *
 * @returns every side's results, one per round, in round order.
 */
export async function alternate<R>(sides: ReadonlyArray<Side<R>>, rounds: number, onRound?: (round: number, name: string, r: R) => void): Promise<Map<string, R[]>> {
  const out = new Map<string, R[]>(sides.map((s) => [s.name, []]));
  for (let round = 0; round < rounds; round += 1) {
    for (let k = 0; k < sides.length; k += 1) {
      const side = sides[(round + k) % sides.length]!;
      const r = await profiled(side.name, () => side.run());
      out.get(side.name)!.push(r);
      onRound?.(round, side.name, r);
    }
  }
  return out;
}

/** Median of per-round ratios a[i] / b[i] (pairing rounds cancels drift better than a ratio of medians). */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((x, i) => x / b[i]!));
}

/** Supporting numbers of a load side: median req/s, p50 and p99 over rounds. */
export function describeLoad(name: string, results: readonly LoadResult[]): Array<readonly [string, string]> {
  const rps = results.map((r) => r.rps);
  return [[
    name,
    `${median(rps).toFixed(1)} req/s (rounds: ${rps.map((x) => x.toFixed(0)).join(', ')}), p50 ${median(results.map((r) => r.p50Ms)).toFixed(2)} ms, p99 ${median(results.map((r) => r.p99Ms)).toFixed(2)} ms, ${(median(results.map((r) => r.bytesPerAnswer)) / 1024).toFixed(1)} KiB/answer`,
  ]];
}

/** Logs a round's result on stderr, so long runs show progress without polluting results. */
export function logRound(round: number, name: string, r: LoadResult): void {
  process.stderr.write(`[bench]   round ${round + 1} ${name}: ${r.rps.toFixed(1)} req/s p50 ${r.p50Ms.toFixed(2)} ms p99 ${r.p99Ms.toFixed(2)} ms\n`);
}

/** Reads a positive number from the environment (to shorten or lengthen runs), else the default. */
export function envNumber(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
