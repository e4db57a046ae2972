/**
 * A throwaway OneWindow environment for one benchmark process: token keys and
 * a PKI in a temporary folder, a validated config, an in-memory PGlite loaded
 * with the deterministic demo directory, grants for one consumer department,
 * and one distinct bearer token per simulated client.
 *
 * Nothing here is measured; it only builds what the measurements run on.
 *
 * Building takes ~8 s (16 RSA keys, PGlite, migrations, seeding). `run-all.ts`
 * builds it once into `BENCH_FIXTURE_DIR` (keys, certificates and a PGlite
 * dump) and each benchmark process restores it from there in about a second.
 *
 * With `DATABASE_URL` set, the directory lives on that PostgreSQL server
 * instead: each benchmark process creates (and finally drops) databases of
 * its own there and seeds them the same way, so the database engine runs in
 * its own processes, as in production, rather than on the benchmark's thread.
 */
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPrivateKey } from '../../src/auth/keys.js';
import { ensureDevKeyPair } from '../../src/auth/keys.js';
import { mintToken } from '../../src/auth/tokens.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { initCerts } from '../../src/pki/keyring.js';
import { DEPARTMENTS } from '../../src/seed/catalogue.js';
import { grantEverything } from '../../src/seed/demo-grants.js';
import { seedDirectory } from '../../src/seed/load.js';
import { createServerDatabase, type ServerDatabase } from './server-database.js';

/** The consumer department every benchmark client acts for, and the purpose its grants are bound to. */
export const BENCH_CONSUMER = DEPARTMENTS.bjTax.code;
export const BENCH_PURPOSE = 'TAX_REGISTRATION';

/** What {@link prepareEnv} builds. */
export interface BenchEnv {
  readonly workDir: string;
  /** The environment a subgraph child process needs (DATABASE_URL and PORT are added by the spawner). */
  readonly env: Record<string, string>;
  readonly config: Config;
  readonly db: Database;
  /** `Bearer …` header values, one per simulated client. */
  readonly authorizations: readonly string[];
  /** Person ID numbers with at least one licence and one represented entity, then the rest of the directory. */
  readonly interestingIds: readonly string[];
  readonly allIds: readonly string[];
  /** Another database with the same data (an empty audit trail again). Closed (and dropped) by `close()`. */
  freshDatabase(): Promise<Database>;
  /** `PGlite (in process)` or `PostgreSQL server`. */
  readonly where: string;
  /** The URL subgraph processes reach `db` at; undefined for PGlite (serve it with servePglite). */
  urlOf(db: Database): string | undefined;
  close(): Promise<void>;
}

/** Options of {@link prepareEnv}. */
export interface PrepareOptions {
  /** Persons in the directory (default 2,000: the `npm start` demo size). */
  readonly persons?: number;
  /** Distinct tokens to mint (default 8). */
  readonly clients?: number;
}

/** Logs a setup step on stderr (stdout carries only results). */
export function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Builds the environment. The seed is fixed, so every run measures the same data.
 *
 * @example
 * const env = await prepareEnv({ persons: 2_000 });
 * try { ... } finally { await env.close(); }
 */
export async function prepareEnv(options: PrepareOptions = {}): Promise<BenchEnv> {
  const started = Date.now();
  const persons = options.persons ?? 2_000;
  const shared = process.env.BENCH_FIXTURE_DIR;
  const reuse = shared !== undefined && (await access(path.join(shared, 'ready')).then(() => true, () => false));
  const workDir = shared ?? (await mkdtemp(path.join(tmpdir(), 'onewindow-bench-')));
  const env = benchEnvVars(workDir);
  const serverUrl = process.env.DATABASE_URL;
  const servers: ServerDatabase[] = [];
  const seededOnServer = async () => {
    const created = await createServerDatabase(serverUrl!);
    servers.push(created);
    await seedBench(created.db, persons);
    return created.db;
  };
  let db: Database | undefined;
  try {
    let dump: Blob | undefined;
    if (serverUrl) {
      if (!reuse) await makeKeysAndCerts(env);
      db = await seededOnServer();
    } else if (reuse) {
      dump = new Blob([await readFile(path.join(workDir, 'pglite.tar'))]);
      db = await openDatabase({ kind: 'pglite-memory', loadDataDir: dump });
    } else {
      db = await buildFixture(env, persons);
      dump = await db.pglite!.dumpDataDir('none');
      if (shared !== undefined) await writeFixture(workDir, dump);
    }
    const config = loadConfig(env);
    const key = await loadPrivateKey(config.auth.privateKeyPath);
    const authorizations: string[] = [];
    for (let i = 0; i < (options.clients ?? 8); i += 1) {
      const token = await mintToken(key, config.auth, { subject: `bench-client-${i}`, role: 'DEPARTMENT_SYSTEM', department: BENCH_CONSUMER, purpose: BENCH_PURPOSE, ttlSeconds: 3 * 3600 });
      authorizations.push(`Bearer ${token}`);
    }

    const connection = db.orm.em.getConnection();
    const interesting = await connection.execute<Array<{ id: string }>>(
      `select p.id_number as id from population.person p
        where exists (select 1 from license.license l where l.holder_id = p.id_number)
          and exists (select 1 from legal_entity.legal_entity e where e.legal_representative = p.id_number)
        order by p.id_number`,
    );
    const all = await connection.execute<Array<{ id: string }>>('select id_number as id from population.person order by id_number');
    note(`environment ${reuse ? 'restored' : 'built'} in ${Date.now() - started} ms (${all.length} persons, ${interesting.length} with licences and entities)`);
    const opened = db;
    const freshOnes: Database[] = [];
    return {
      workDir,
      env,
      config,
      db: opened,
      authorizations,
      interestingIds: interesting.map((r: { id: string }) => r.id),
      allIds: all.map((r: { id: string }) => r.id),
      where: serverUrl ? 'PostgreSQL server' : 'PGlite (in process)',
      urlOf: (d) => servers.find((s) => s.db === d)?.url,
      freshDatabase: async () => {
        if (serverUrl) return seededOnServer();
        const fresh = await openDatabase({ kind: 'pglite-memory', loadDataDir: dump! });
        freshOnes.push(fresh);
        return fresh;
      },
      async close() {
        for (const fresh of freshOnes) await fresh.close().catch(() => undefined);
        if (servers.length) for (const s of servers) await s.drop();
        else await opened.close();
        // A shared fixture belongs to run-all, which removes it.
        if (shared === undefined) await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (servers.length) for (const s of servers) await s.drop().catch(() => undefined);
    else await db?.close().catch(() => undefined);
    if (shared === undefined) await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}

/** The environment variables of a benchmark process (and of the subgraph processes it spawns). */
export function benchEnvVars(workDir: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    ONEWINDOW_DATA_DIR: workDir,
    AUTH_PUBLIC_KEY_PATH: path.join(workDir, 'auth-public.jwk.json'),
    AUTH_PRIVATE_KEY_PATH: path.join(workDir, 'auth-private.jwk.json'),
    CERTS_DIR: path.join(workDir, 'certs'),
    MIGRATE_ON_START: 'false',
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
  };
}

/** Token keys and the PKI (a hub root and every demo department), at the paths `env` names. */
export async function makeKeysAndCerts(env: Record<string, string>): Promise<void> {
  await ensureDevKeyPair(env.AUTH_PUBLIC_KEY_PATH!, env.AUTH_PRIVATE_KEY_PATH!);
  await initCerts(env.CERTS_DIR!, { hubName: 'OneWindow Bench Hub', departments: Object.values(DEPARTMENTS), rootModulusLength: 2048 });
}

/** The benchmark data set: the deterministic directory and the consumer's grants. */
async function seedBench(db: Database, persons: number): Promise<void> {
  await seedDirectory(db, { seed: 2026, persons, now: new Date('2026-01-15T02:00:00Z') });
  await grantEverything(db, BENCH_CONSUMER, { purpose: BENCH_PURPOSE, legalBasis: 'benchmark' });
}

/** Keys, certificates, and a migrated, seeded in-memory database with the consumer's grants. */
async function buildFixture(env: Record<string, string>, persons: number): Promise<Database> {
  await makeKeysAndCerts(env);
  const db = await openDatabase({ kind: 'pglite-memory' });
  try {
    await db.migrate();
    await seedBench(db, persons);
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

async function writeFixture(workDir: string, dump: Blob): Promise<void> {
  await writeFile(path.join(workDir, 'pglite.tar'), Buffer.from(await dump.arrayBuffer()));
  await writeFile(path.join(workDir, 'ready'), new Date().toISOString());
}

/**
 * Builds the shared fixture into `dir` (for run-all): afterwards, processes
 * started with `BENCH_FIXTURE_DIR=dir` restore it instead of building it.
 */
export async function buildSharedFixture(dir: string, persons = 2_000): Promise<void> {
  await mkdir(dir, { recursive: true });
  const db = await buildFixture(benchEnvVars(dir), persons);
  try {
    await writeFixture(dir, await db.pglite!.dumpDataDir('none'));
  } finally {
    await db.close();
  }
}

/**
 * `count` id lists of `size` ids each, drawn from the persons who hold a
 * licence and represent an entity (so every nested field has data), rotated
 * so consecutive requests ask for different persons; when there are not
 * enough such persons, from the whole directory.
 */
export function idSets(env: BenchEnv, count: number, size: number): string[][] {
  const pool = env.interestingIds.length >= size ? env.interestingIds : env.allIds;
  const sets: string[][] = [];
  for (let i = 0; i < count; i += 1) {
    const set: string[] = [];
    const offset = (i * size) % pool.length;
    for (let j = 0; j < size; j += 1) set.push(pool[(offset + j) % pool.length]!);
    sets.push(set);
  }
  return sets;
}
