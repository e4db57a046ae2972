/**
 * A throwaway OneWindow environment for one benchmark process: token keys and
 * a PKI in a temporary folder, a validated config, an in-memory PGlite loaded
 * with the deterministic demo directory, grants for one consumer department,
 * and one distinct bearer token per simulated client.
 *
 * Nothing here is measured; it only builds what the measurements run on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
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
  const workDir = await mkdtemp(path.join(tmpdir(), 'onewindow-bench-'));
  const env: Record<string, string> = {
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
  await ensureDevKeyPair(env.AUTH_PUBLIC_KEY_PATH!, env.AUTH_PRIVATE_KEY_PATH!);
  await initCerts(env.CERTS_DIR!, { hubName: 'OneWindow Bench Hub', departments: Object.values(DEPARTMENTS), rootModulusLength: 2048 });
  const config = loadConfig(env);

  const db = await openDatabase({ kind: 'pglite-memory' });
  try {
    await db.migrate();
    await seedDirectory(db, { seed: 2026, persons: options.persons ?? 2_000, now: new Date('2026-01-15T02:00:00Z') });
    await grantEverything(db, BENCH_CONSUMER, { purpose: BENCH_PURPOSE, legalBasis: 'benchmark' });

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
    note(`environment ready in ${Date.now() - started} ms (${all.length} persons, ${interesting.length} with licences and entities)`);
    return {
      workDir,
      env,
      config,
      db,
      authorizations,
      interestingIds: interesting.map((r) => r.id),
      allIds: all.map((r) => r.id),
      async close() {
        await db.close();
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
    throw error;
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
