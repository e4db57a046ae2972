/**
 * Runs every fault script in sequence, each in its own process, and exits
 * non-zero if any failed. Token keys and the PKI are made once and shared
 * (FAULTS_FIXTURE_DIR). Ends with one line: `faults: N passed, N failed, N skipped`.
 *
 * Usage: `npx tsx faults/run-all.ts [script …]` (default: all; about 1.5 minutes on 2 cores).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureKeysAndCerts } from './lib/material.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCRIPTS = ['kill-subgraph', 'postgres-restart', 'sigterm-drain'] as const;

const chosen = process.argv.slice(2);
const unknown = chosen.filter((s) => !(SCRIPTS as readonly string[]).includes(s));
if (unknown.length) {
  process.stderr.write(`unknown fault script(s): ${unknown.join(', ')}; choose from ${SCRIPTS.join(', ')}\n`);
  process.exit(2);
}
const scripts = chosen.length ? chosen : [...SCRIPTS];

const started = Date.now();
const fixtureDir = await mkdtemp(path.join(tmpdir(), 'onewindow-faults-fixture-'));
const results: Array<{ script: string; outcome: 'passed' | 'failed' | 'skipped'; seconds: number }> = [];
try {
  process.stdout.write('making token keys and the PKI shared by the fault scripts…\n');
  await ensureKeysAndCerts(fixtureDir);
  for (const script of scripts) {
    const t0 = Date.now();
    const { code, skipped } = await runScript(path.join(HERE, `${script}.ts`), { ...process.env, FAULTS_FIXTURE_DIR: fixtureDir });
    results.push({ script, outcome: code !== 0 ? 'failed' : skipped ? 'skipped' : 'passed', seconds: (Date.now() - t0) / 1000 });
  }
} finally {
  await rm(fixtureDir, { recursive: true, force: true });
}

process.stdout.write('\n== fault scripts\n');
for (const r of results) process.stdout.write(`  ${r.outcome.padEnd(8)} ${r.script.padEnd(18)} ${r.seconds.toFixed(1)} s\n`);
process.stdout.write(`  total ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
const count = (o: string) => results.filter((r) => r.outcome === o).length;
process.stdout.write(`faults: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped\n`);
process.exit(count('failed') ? 1 : 0);

/** Runs one script under tsx, echoing its output; notes whether it said it skipped. */
function runScript(file: string, env: NodeJS.ProcessEnv): Promise<{ code: number; skipped: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let skipped = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (/^skipped: /m.test(chunk)) skipped = true;
      process.stdout.write(chunk);
    });
    child.once('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), skipped }));
  });
}
