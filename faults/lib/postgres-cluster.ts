/**
 * A private, throwaway PostgreSQL cluster for one fault script: its own data
 * directory, port and socket directory, trust authentication, fsync off. It is
 * never the shared server on 5432, so stopping it disturbs nobody else.
 *
 * PostgreSQL refuses to run as root; when this process is root the server's
 * commands run as the `postgres` user through `runuser`.
 */
import { execFile, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../src/net/free-port.js';

const run = promisify(execFile);

/** A running (or stopped) private cluster. */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  readonly url: string;
  readonly port: number;
  /** The server's log file (read it when something fails). */
  readonly logFile: string;
  /** `pg_ctl stop -m fast`: disconnects every client, as a server shutdown or failover does. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** `pg_ctl start` on the same port and data directory. */
  start(): Promise<void>;
  /** Stops the server (if running) and removes its directory. */
  destroy(): Promise<void>;
}

/** Why no cluster can be made here (no server binaries, no postgres user), or undefined when one can. */
export async function postgresUnavailableReason(): Promise<string | undefined> {
  const bin = await findBinDir();
  if (!bin) return `no PostgreSQL server binaries (looked for ${process.env.FAULTS_PG_BINDIR ? `${process.env.FAULTS_PG_BINDIR}/initdb` : '/usr/lib/postgresql/*/bin/initdb and pg_ctl on PATH'})`;
  if (process.getuid?.() === 0) {
    try {
      await run('id', ['-u', 'postgres']);
    } catch {
      return 'running as root and there is no "postgres" user to run the server as';
    }
  }
  return undefined;
}

/** The server binaries: `FAULTS_PG_BINDIR` if set, else the highest /usr/lib/postgresql/<v>/bin, else pg_ctl's folder on PATH. */
async function findBinDir(): Promise<string | undefined> {
  const chosen = process.env.FAULTS_PG_BINDIR;
  if (chosen) return (await readdir(chosen).catch(() => [] as string[])).includes('initdb') ? chosen : undefined;
  const root = '/usr/lib/postgresql';
  const versions = await readdir(root).catch(() => [] as string[]);
  // Highest major version first.
  for (const v of versions.sort((a, b) => Number(b) - Number(a))) {
    const dir = path.join(root, v, 'bin');
    if ((await readdir(dir).catch(() => [] as string[])).includes('initdb')) return dir;
  }
  try {
    const { stdout } = await run('sh', ['-c', 'command -v pg_ctl']);
    return stdout.trim() ? path.dirname(stdout.trim()) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes and starts a cluster with one database.
 *
 * @example
 * const pg = await createPostgresCluster({ database: 'onewindow' });
 * try { ... await pg.stop(); ... await pg.start(); } finally { await pg.destroy(); }
 */
export async function createPostgresCluster(options: { database?: string } = {}): Promise<PostgresCluster> {
  const bin = await findBinDir();
  if (!bin) throw new Error('no PostgreSQL server binaries found');
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(tmpdir(), 'onewindow-faults-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pgCommand = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);

  const port = await freePort();
  const database = options.database ?? 'onewindow';
  await pgCommand('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  // Loopback only, a private socket directory, and no durability (a test cluster).
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  let running = false;
  const start = async () => {
    await pgCommand('pg_ctl', ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile, '-o', serverOptions]);
    running = true;
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await pgCommand('pg_ctl', ['stop', '-D', dataDir, '-w', '-t', '60', '-m', mode]);
    running = false;
  };
  // If this script dies without destroy() (a crash, a time-out), the server must not outlive it.
  const onExit = () => {
    if (running) {
      const args = ['stop', '-D', dataDir, '-m', 'immediate'];
      if (asRoot) spawnSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args]);
      else spawnSync(path.join(bin, 'pg_ctl'), args);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on('exit', onExit);
  try {
    await start();
    await pgCommand('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database]);
  } catch (error) {
    if (running) await stop('immediate').catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
    process.off('exit', onExit);
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    port,
    logFile,
    stop,
    start,
    async destroy() {
      if (running) await stop('immediate').catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
      process.off('exit', onExit);
    },
  };
}
