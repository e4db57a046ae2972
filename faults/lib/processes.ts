/**
 * OneWindow processes started by a fault script through the real command line
 * (`node bin/onewindow.js …`), so what is tested is what an operator runs.
 * Each child's stdout and stderr go to a log file in the script's work folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/onewindow.js');

/** Children still running: killed if this script exits without stopping them (a crash, a time-out). */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A child OneWindow process. */
export interface OneWindowProcess {
  readonly name: string;
  readonly child: ChildProcess;
  readonly pid: number;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  readonly logFile: string;
  /** Resolves with the exit code (or the signal's name) once the process has exited. */
  readonly exited: Promise<number | string>;
  /** True while the process runs. */
  alive(): boolean;
  /** The last `lines` lines of its log. */
  tail(lines?: number): Promise<string>;
  /** Sends a signal, if it still runs. */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts `onewindow <args>` with `env` (PORT must be set) and waits until
 * `GET <readyPath>` answers 200.
 */
export async function startOneWindow(options: {
  name: string;
  args: readonly string[];
  env: Readonly<Record<string, string>>;
  port: number;
  logDir: string;
  readyPath?: string;
  timeoutMs?: number;
}): Promise<OneWindowProcess> {
  const logFile = path.join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [BIN, ...options.args], {
    env: { ...process.env, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
  });
  // Close the log only once both pipes have drained into it.
  void Promise.all([new Promise((r) => child.stdout!.once('close', r)), new Promise((r) => child.stderr!.once('close', r))]).then(() => log.end());
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const proc: OneWindowProcess = {
    name: options.name,
    child,
    pid: child.pid!,
    baseUrl,
    logFile,
    exited,
    alive: () => child.exitCode === null && child.signalCode === null,
    tail: async (lines = 20) => (await readFile(logFile, 'utf8').catch(() => '')).trimEnd().split('\n').slice(-lines).join('\n'),
    signal(signal) {
      if (proc.alive()) child.kill(signal);
    },
    async stop(graceMs = 15_000) {
      if (!proc.alive()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => proc.signal('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
  try {
    await waitFor(`${baseUrl}${options.readyPath ?? '/readyz'}`, proc, options.timeoutMs ?? 90_000);
  } catch (error) {
    await proc.stop(2_000);
    throw new Error(`${options.name} did not become ready: ${(error as Error).message}\n--- ${logFile} ---\n${await proc.tail(30)}`);
  }
  return proc;
}

async function waitFor(url: string, proc: OneWindowProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!proc.alive()) throw new Error(`exited with ${await proc.exited} before it was ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}
