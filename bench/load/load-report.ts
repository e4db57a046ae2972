/**
 * The load script's output: a table per phase (count, p50/p90/p99/max latency
 * and errors per request kind), the run's timeline, every kind of problem seen
 * with examples, the verdict on each pass criterion, and one machine-readable
 * `@@bench-result {json}` line in the shape bench/run-all.ts collects.
 */
import type { LatencySummary, PhaseResult } from './protocol.js';

/** One pass criterion and whether the run met it. */
export interface Criterion {
  readonly name: string;
  readonly pass: boolean;
  readonly detail: string;
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const ms = (x: number) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

function latencyCells(l: LatencySummary): string[] {
  return [String(l.count), ms(l.p50), ms(l.p90), ms(l.p99), ms(l.max)];
}

/** Prints one phase: the per-kind table, statuses and (for an open loop) send lag and timeline. */
export function printPhase(title: string, r: PhaseResult): void {
  out(`${title}`);
  const widths = [20, 7, 8, 8, 8, 8, 7];
  out(`  ${row(['operation', 'count', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'errors'], widths)}`);
  for (const k of r.byKind) out(`  ${row([k.kind, ...latencyCells(k.latency), String(k.errors)], widths)}`);
  out(`  ${row(['all', ...latencyCells(r.overall), String(r.errors)], widths)}`);
  const statuses = Object.entries(r.statuses).sort(([a], [b]) => a.localeCompare(b)).map(([s, n]) => `${s === '0' ? 'no answer' : s}×${n}`).join(', ');
  out(`  sent ${r.sent}${r.kind === 'open' ? ` of ${r.planned} planned` : ''} in ${r.sendSeconds.toFixed(1)} s; ${r.completed} answered by ${r.elapsedSeconds.toFixed(1)} s = ${r.throughput.toFixed(1)} req/s; HTTP ${statuses || 'none'}`);
  if (r.sendLag) out(`  client send lag behind schedule: p50 ${ms(r.sendLag.p50)} ms, p99 ${ms(r.sendLag.p99)} ms, max ${ms(r.sendLag.max)} ms (included in the latencies above)`);
  if (r.aborted) out('  ABORTED: too many requests outstanding; the hub stopped keeping up');
  if (r.kind === 'open' && r.windows.length > 1) {
    out('  timeline (answers by the 10 s window they completed in):');
    for (const w of r.windows) out(`    ${String(w.fromS).padStart(4)}–${String(w.toS).padEnd(4)} s  sent ${String(w.sent).padStart(5)}  answered ${String(w.completed).padStart(5)}  p50 ${ms(w.p50).padStart(6)} ms  p99 ${ms(w.p99).padStart(6)} ms`);
  }
}

/** Prints every category of problem with its examples (nothing when there were none). */
export function printProblems(phases: readonly PhaseResult[]): void {
  const withErrors = phases.filter((p) => p.errors > 0);
  if (withErrors.length === 0) return;
  out('problems:');
  for (const p of withErrors) {
    out(`  ${p.name}: ${Object.entries(p.errorCategories).map(([c, n]) => `${c}×${n}`).join(', ')}`);
    for (const e of p.examples) {
      out(`    [${e.kind} ${e.category}${e.status ? ` HTTP ${e.status}` : ''} at ${(e.atMs / 1000).toFixed(1)} s${e.requestId ? `, x-request-id ${e.requestId}` : ''}] ${e.request}`);
      out(`      ${e.detail}`);
    }
  }
}

/** Prints the criteria, the verdict, and the machine-readable line. */
export function printVerdict(criteria: readonly Criterion[], result: { ratio: number; goal: number; details: ReadonlyArray<readonly [string, string]>; load: unknown }): boolean {
  const pass = criteria.every((c) => c.pass);
  out('criteria:');
  for (const c of criteria) out(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
  out(`load: mixed-load achieved÷target=${result.ratio.toFixed(3)} goal=≥${result.goal} ${pass ? 'PASS' : 'FAIL'}`);
  // Same shape as bench/lib/report.ts's figures (run-all.ts reads name, ratio, op, goal, details, pass), plus the load numbers.
  out(`@@bench-result ${JSON.stringify({ name: 'mixed-load', ratio: result.ratio, op: '>=', goal: result.goal, details: result.details, pass, criteria, load: result.load })}`);
  return pass;
}
