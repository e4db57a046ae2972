/**
 * Runs every benchmark, one fresh process each, in sequence, and writes
 * bench/RESULTS.md from what they printed (the `@@bench-result` lines).
 *
 * The shared environment (token keys, PKI, seeded PGlite dump) is built once
 * here and restored by each benchmark process (BENCH_FIXTURE_DIR).
 *
 * Every script runs on embedded PGlite; with DATABASE_URL set, the scripts
 * whose figures touch the database run again on that PostgreSQL server (each
 * in databases of its own, created and dropped by the script).
 *
 * Run: npx tsx bench/run-all.ts   (about 3–4 minutes on 2 cores; twice that with DATABASE_URL)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSharedFixture, note } from './lib/env.js';
import type { Figure } from './lib/report.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Each script, and whether its figures depend on the database (then it runs again on a server, when one is given). */
const SCRIPTS: ReadonlyArray<{ readonly script: string; readonly database: boolean }> = [
  { script: 'gateway-vs-monolith.ts', database: true },
  { script: 'verify-vs-crypto.ts', database: false },
  { script: 'rules-on-off.ts', database: true },
  { script: 'subgraph-vs-http.ts', database: true },
  { script: 'scale.ts', database: true },
];

type Result = Figure & { pass: boolean };

interface ScriptRun {
  readonly script: string;
  /** Where the data lived: `PGlite` or `PostgreSQL server`. */
  readonly database: string;
  readonly seconds: number;
  readonly code: number | null;
  readonly figures: Result[];
  readonly stderrTail: string;
}

function runScript(script: string, database: string, env: NodeJS.ProcessEnv): Promise<ScriptRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(HERE, script)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const figures: Result[] = [];
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      let nl: number;
      while ((nl = stdout.indexOf('\n')) >= 0) {
        const line = stdout.slice(0, nl);
        stdout = stdout.slice(nl + 1);
        if (line.startsWith('@@bench-result ')) figures.push(JSON.parse(line.slice('@@bench-result '.length)) as Result);
        else process.stdout.write(`${line}\n`);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      stderr = (stderr + text).slice(-4000);
      process.stderr.write(text);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ script, database, seconds: (Date.now() - started) / 1000, code, figures, stderrTail: stderr }));
  });
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

function formatRatio(f: Result): string {
  return f.unit || f.ratio < 0.1 ? `${f.ratio.toFixed(3)}${f.unit ?? ''}` : f.ratio.toFixed(2);
}

function markdown(runs: readonly ScriptRun[], startedAt: Date, totalSeconds: number): string {
  const cpus = os.cpus();
  const lines: string[] = [
    '# Benchmark results',
    '',
    'Written by `npx tsx bench/run-all.ts` — do not edit by hand; run it again. See [README.md](README.md) for what each figure measures and how to read it.',
    '',
    `- Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; run started ${startedAt.toISOString()}, took ${totalSeconds.toFixed(0)} s`,
    '- Data: 2,000 persons / 400 entities / ~2,000 licences (seed 2026), on embedded PGlite (in memory, on the benchmark\'s own thread)' +
      (runs.some((r) => r.database !== 'PGlite') ? ', and again on a PostgreSQL server (its own processes) for the figures that touch the database' : ''),
    '',
    '| figure | database | ratio | goal | result | supporting numbers |',
    '|---|---|---|---|---|---|',
  ];
  for (const run of runs) {
    for (const f of run.figures) {
      const goal = `${f.op === '>=' ? '≥' : '≤'} ${f.goal}${f.unit ?? ''}`;
      const details = f.details.map(([k, v]) => `**${cell(k)}**: ${cell(v)}`).join('<br>');
      lines.push(`| ${f.name} | ${run.database} | ${formatRatio(f)} | ${goal} | ${f.pass ? 'PASS' : '**MISS**'} | ${details} |`);
    }
    if (run.code !== 0) lines.push(`| ${run.script} | ${run.database} | — | — | **ERROR** (exit ${run.code}) | ${cell(run.stderrTail.trim().split('\n').slice(-3).join(' / '))} |`);
  }
  lines.push('', '| script | database | wall time |', '|---|---|---|');
  for (const run of runs) lines.push(`| ${run.script} | ${run.database} | ${run.seconds.toFixed(0)} s |`);
  lines.push('');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const fixtureDir = await mkdtemp(path.join(os.tmpdir(), 'onewindow-bench-fixture-'));
  const runs: ScriptRun[] = [];
  try {
    note('building the shared environment (keys, PKI, seeded database)');
    await buildSharedFixture(fixtureDir);
    const { DATABASE_URL: serverUrl, ...withoutServer } = process.env;
    for (const { script } of SCRIPTS) {
      note(`── ${script} (PGlite)`);
      runs.push(await runScript(script, 'PGlite', { ...withoutServer, BENCH_FIXTURE_DIR: fixtureDir }));
    }
    if (serverUrl) {
      for (const { script } of SCRIPTS.filter((s) => s.database)) {
        note(`── ${script} (PostgreSQL server)`);
        runs.push(await runScript(script, 'PostgreSQL server', { ...process.env, BENCH_FIXTURE_DIR: fixtureDir }));
      }
    }
  } finally {
    await rm(fixtureDir, { recursive: true, force: true });
  }
  const totalSeconds = (Date.now() - startedAt.getTime()) / 1000;
  const out = path.join(HERE, 'RESULTS.md');
  await writeFile(out, markdown(runs, startedAt, totalSeconds));
  const figures = runs.flatMap((r) => r.figures);
  process.stdout.write(`\n${figures.filter((f) => f.pass).length}/${figures.length} figures meet their goal; wrote ${path.relative(process.cwd(), out)} (${totalSeconds.toFixed(0)} s)\n`);
  if (runs.some((r) => r.code !== 0)) process.exitCode = 1;
}

await main();
