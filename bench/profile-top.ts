/**
 * Prints the top self-time functions of V8 CPU profiles (`node --cpu-prof`),
 * to see where a missed figure's time goes.
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/rules-on-off.ts
 *   npx tsx bench/profile-top.ts /tmp/prof [count=25]
 *
 * Self time is attributed to `function (file:line)`; `(program)`, `(idle)` and
 * `(garbage collector)` are V8's own buckets. A second table groups self time
 * by package (node_modules/<name>) or by src/ folder.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function place(url: string): string {
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = clean.indexOf('/src/');
  if (src >= 0) return `src/${clean.slice(src + 5).split('/').slice(0, -1).join('/') || '.'}`;
  const bench = clean.indexOf('/bench/');
  if (bench >= 0) return 'bench';
  if (clean.startsWith('node:')) return 'node (core)';
  return clean === '' ? '(native/V8)' : path.basename(clean);
}

async function main(): Promise<void> {
  const target = process.argv[2];
  const count = Number(process.argv[3] ?? 25);
  if (!target) throw new Error('usage: profile-top.ts <file.cpuprofile | dir> [count]');
  const files = (await stat(target)).isDirectory()
    ? (await readdir(target)).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(target, f))
    : [target];
  const byFunction = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let total = 0;
  for (const file of files) {
    const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
    for (let i = 0; i < profile.samples.length; i += 1) {
      const node = nodes.get(profile.samples[i]!)!;
      const dt = profile.timeDeltas[i] ?? 0;
      const { functionName, url, lineNumber } = node.callFrame;
      const where = url ? `${url.replace(/^file:\/\/.*?\/(node_modules|src|bench)\//, '$1/')}:${lineNumber + 1}` : '';
      const key = `${functionName || '(anonymous)'}${where ? ` (${where})` : ''}`;
      byFunction.set(key, (byFunction.get(key) ?? 0) + dt);
      const p = functionName === '(idle)' || functionName === '(program)' || functionName === '(garbage collector)' ? functionName : place(url);
      byPlace.set(p, (byPlace.get(p) ?? 0) + dt);
      total += dt;
    }
  }
  const print = (title: string, map: Map<string, number>, n: number) => {
    process.stdout.write(`\n${title} (of ${(total / 1e6).toFixed(1)} s sampled in ${files.length} profile(s))\n`);
    for (const [k, v] of [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      process.stdout.write(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${(v / 1e3).toFixed(0).padStart(7)} ms  ${k}\n`);
    }
  };
  print('top self time by function', byFunction, count);
  print('self time by package / src folder', byPlace, 20);
}

await main();
