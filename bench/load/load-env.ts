/**
 * The environment of one load run: throwaway token keys and PKI in a temporary
 * folder, a known free port (licences carry status-list URIs with the hub's
 * public URL), and a database of its own with the benchmark fixture loaded —
 * the deterministic demo directory (seed 2026, 2,000 persons, as bench/lib/env.ts
 * loads it) and FULL grants for the reading departments.
 *
 * Without DATABASE_URL the database is an in-memory PGlite. With it, a fresh
 * database `onewindow_load_<pid>_<time>` is created on that server, migrated
 * and seeded, and dropped again on close; no other database is touched.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPrivateKey } from '../../src/auth/keys.js';
import { mintToken, type TokenRequest } from '../../src/auth/tokens.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { freePort } from '../../src/net/free-port.js';
import { grantEverything } from '../../src/seed/demo-grants.js';
import { seedDirectory } from '../../src/seed/load.js';
import { BENCH_CONSUMER, BENCH_PURPOSE, benchEnvVars, makeKeysAndCerts, note } from '../lib/env.js';
import { createServerDatabase, type ServerDatabase } from '../lib/server-database.js';

/** What {@link prepareLoadEnv} builds. */
export interface LoadEnv {
  readonly config: Config;
  readonly db: Database;
  /** `PGlite (in memory)` or `PostgreSQL <host>/<database>`. */
  readonly databaseLabel: string;
  /** Persons who hold a licence and represent an entity, then every person. */
  readonly interestingIds: readonly string[];
  readonly allIds: readonly string[];
  /** Alive persons born before 2000 (adults who may hold a driving licence). */
  readonly adultIds: readonly string[];
  /** Mints a token with this run's key (3 hours: longer than any run). */
  mint(request: TokenRequest): Promise<string>;
  close(): Promise<void>;
}

/** Options of {@link prepareLoadEnv}. */
export interface LoadEnvOptions {
  /** A PostgreSQL server to create the run's database on; absent: PGlite in memory. */
  readonly databaseUrl?: string | undefined;
  /** Persons in the directory (default 2,000: the demo size). */
  readonly persons?: number;
  /**
   * Departments that read the directory, each granted FULL access to every conditional item for
   * its purpose (default: the benchmark consumer, the Beijing tax bureau, for TAX_REGISTRATION).
   */
  readonly readers?: ReadonlyArray<{ readonly department: string; readonly purpose: string }>;
  /** Extra environment for the hub's config (e.g. RATE_LIMIT_PER_MINUTE). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Builds the environment (about 10 s: RSA keys for every department, migrations, seeding).
 *
 * @example
 * const env = await prepareLoadEnv({ databaseUrl: process.env.DATABASE_URL });
 * try { ... } finally { await env.close(); }
 */
export async function prepareLoadEnv(options: LoadEnvOptions = {}): Promise<LoadEnv> {
  const started = Date.now();
  const workDir = await mkdtemp(path.join(tmpdir(), 'onewindow-load-'));
  let server: ServerDatabase | undefined;
  let db: Database | undefined;
  try {
    const port = await freePort();
    const vars: Record<string, string> = { ...benchEnvVars(workDir), PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ...options.env };
    await makeKeysAndCerts(vars);

    let databaseLabel = 'PGlite (in memory)';
    if (options.databaseUrl) {
      server = await createServerDatabase(options.databaseUrl);
      db = server.db;
      vars.DATABASE_URL = server.url;
      databaseLabel = `PostgreSQL ${new URL(server.url).host}${new URL(server.url).pathname}`;
    } else {
      db = await openDatabase({ kind: 'pglite-memory' });
      await db.migrate();
    }
    await seedDirectory(db, { seed: 2026, persons: options.persons ?? 2_000, now: new Date('2026-01-15T02:00:00Z') });
    for (const r of options.readers ?? [{ department: BENCH_CONSUMER, purpose: BENCH_PURPOSE }]) {
      await grantEverything(db, r.department, { purpose: r.purpose, legalBasis: 'load test' });
    }
    const config = loadConfig(vars);

    const connection = db.orm.em.getConnection();
    const ids = async (sql: string) => (await connection.execute<Array<{ id: string }>>(sql)).map((r: { id: string }) => r.id);
    const interestingIds = await ids(
      `select p.id_number as id from population.person p
        where exists (select 1 from license.license l where l.holder_id = p.id_number)
          and exists (select 1 from legal_entity.legal_entity e where e.legal_representative = p.id_number)
        order by p.id_number`,
    );
    const allIds = await ids('select id_number as id from population.person order by id_number');
    const adultIds = await ids(`select id_number as id from population.person where life_status = 'ALIVE' and birth_date < '2000-01-01' order by id_number`);
    const key = await loadPrivateKey(config.auth.privateKeyPath);
    note(`load environment built in ${Date.now() - started} ms on ${databaseLabel} (${allIds.length} persons, ${interestingIds.length} with licences and entities, ${adultIds.length} adults)`);

    const opened = db;
    const ownServer = server;
    return {
      config,
      db: opened,
      databaseLabel,
      interestingIds,
      allIds,
      adultIds,
      mint: (request) => mintToken(key, config.auth, { ttlSeconds: 3 * 3600, ...request }),
      async close() {
        if (ownServer) await ownServer.drop().catch((e: unknown) => note(`dropping ${ownServer.url} failed: ${String(e)}`));
        else await opened.close().catch((e: unknown) => note(`closing the database failed: ${String(e)}`));
        await rm(workDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    await server?.drop().catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}
