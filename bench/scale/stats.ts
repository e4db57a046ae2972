/**
 * Small statistics for the scale benchmark's latency samples.
 */
import { percentile } from '../lib/report.js';

/**
 * Splits two sample series (taken alternately, so sample i of each was taken
 * at about the same time) into `blocks` consecutive parts and returns the
 * ratio of their `p`-th percentiles in each part: if the ratios jump about,
 * the overall ratio is noise; if they drift, something grows as the run goes.
 */
export function percentileRatioByBlock(a: readonly number[], b: readonly number[], p: number, blocks: number): number[] {
  const n = Math.min(a.length, b.length);
  const size = Math.max(1, Math.floor(n / blocks));
  const out: number[] = [];
  for (let start = 0; start + size <= n && out.length < blocks; start += size) {
    out.push(percentile(a.slice(start, start + size), p) / percentile(b.slice(start, start + size), p));
  }
  return out;
}
