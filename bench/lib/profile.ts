/**
 * Optional CPU profiling of one side of a comparison, in this process only
 * (the load generator's worker thread is not included):
 *
 *   BENCH_PROFILE=monolith BENCH_PROFILE_DIR=/tmp/prof npx tsx bench/gateway-vs-monolith.ts
 *   npx tsx bench/profile-top.ts /tmp/prof
 *
 * Every round of each side whose name contains BENCH_PROFILE (case-insensitive)
 * is profiled and written as `<side>-<n>.cpuprofile`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';

let session: Session | undefined;
let written = 0;

/** True when BENCH_PROFILE asks for this side. */
export function wantsProfile(label: string): boolean {
  const want = process.env.BENCH_PROFILE?.toLowerCase();
  return Boolean(want) && label.toLowerCase().includes(want!);
}

/** Runs `fn`, under the V8 sampling profiler when BENCH_PROFILE names `label`. */
export async function profiled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  if (!wantsProfile(label)) return fn();
  if (!session) {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
  }
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    const dir = process.env.BENCH_PROFILE_DIR ?? path.join(os.tmpdir(), 'onewindow-bench-profiles');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `${label.replace(/[^\w.-]+/g, '_')}-${(written += 1)}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    process.stderr.write(`[bench] profile written: ${file}\n`);
  }
}
