/**
 * How a fault script reports: one line per observation and per check, then
 * `PASS <script>` (exit 0) or `FAIL <script>: …` (exit 1). A script that
 * cannot run here (no PostgreSQL binaries…) throws {@link CannotRun}: that is
 * a failure unless `FAULTS_ALLOW_SKIP=1`, when it prints `skipped: <why>` and
 * exits 0.
 *
 * Every script has a time limit (`FAULTS_SCRIPT_TIMEOUT_MS`, default 150 s);
 * past it the script fails and its cleanups (child processes, clusters) run.
 */

/** Thrown when the script's preconditions are missing on this machine. */
export class CannotRun extends Error {
  override readonly name = 'CannotRun';
}

/** Collects checks; a script fails if any check failed. */
export class Verdict {
  private readonly failures: string[] = [];

  /** Records a check: `✓ what` or `✗ what: detail`. */
  check(ok: boolean, what: string, detail?: string): boolean {
    if (ok) out(`  ✓ ${what}`);
    else {
      out(`  ✗ ${what}${detail ? `: ${detail}` : ''}`);
      this.failures.push(what);
    }
    return ok;
  }

  /** Prints an observation (not a check). */
  note(line: string): void {
    out(`  · ${line}`);
  }

  /** Prints a heading for a step. */
  step(line: string): void {
    out(`${elapsed()} ${line}`);
  }

  get failed(): readonly string[] {
    return this.failures;
  }
}

const started = Date.now();
const cleanups: Array<() => Promise<void> | void> = [];

function elapsed(): string {
  return `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s]`;
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Registers something to undo when the script ends, however it ends (last registered, first run). */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

async function runCleanups(): Promise<void> {
  while (cleanups.length) {
    const fn = cleanups.pop()!;
    try {
      await fn();
    } catch (error) {
      out(`  (cleanup failed: ${(error as Error).message})`);
    }
  }
}

/**
 * Runs a fault script's body and exits with its verdict.
 *
 * @example
 * await runFaultScript('kill-subgraph', async (v) => { v.check(true, 'it works'); });
 */
export async function runFaultScript(name: string, body: (verdict: Verdict) => Promise<void>): Promise<never> {
  const verdict = new Verdict();
  const limitMs = Number(process.env.FAULTS_SCRIPT_TIMEOUT_MS ?? 150_000);
  out(`== ${name}`);
  let exitCode = 0;
  // Ctrl-C: clean up (children, clusters) before leaving.
  process.once('SIGINT', () => {
    out(`FAIL ${name}: interrupted`);
    void runCleanups().finally(() => process.exit(130));
  });
  const timer = setTimeout(() => {
    out(`FAIL ${name}: did not finish within ${limitMs} ms`);
    void runCleanups().finally(() => process.exit(1));
  }, limitMs);
  try {
    await body(verdict);
    if (verdict.failed.length) {
      out(`FAIL ${name}: ${verdict.failed.length} check(s) failed: ${verdict.failed.join('; ')} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      exitCode = 1;
    } else {
      out(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
  } catch (error) {
    if (error instanceof CannotRun) {
      if (process.env.FAULTS_ALLOW_SKIP === '1') out(`skipped: ${error.message}`);
      else {
        out(`FAIL ${name}: cannot run here: ${error.message} (set FAULTS_ALLOW_SKIP=1 to skip instead)`);
        exitCode = 1;
      }
    } else {
      out(`FAIL ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      exitCode = 1;
    }
  } finally {
    clearTimeout(timer);
    await runCleanups();
  }
  process.exit(exitCode);
}
