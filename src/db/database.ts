import { PGlite } from '@electric-sql/pglite';
import { MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver, type SqlEntityManager } from '@mikro-orm/postgresql';
import { PGliteDriver, type PGliteConnectionConfig } from 'mikro-orm-pglite';
import { UnavailableError } from '../errors.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

/** How many recent statements a database keeps for inspection. */
const RECENT = 1_000;

/** date, timestamp, timestamptz, interval: the OIDs MikroORM's pg connection keeps as text. */
const TEXT_TYPES = [1082, 1114, 1184, 1186];

/** Where the data lives. */
export type DatabaseTarget =
  /** A PostgreSQL server, e.g. `postgres://127.0.0.1:5432/onewindow`. */
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** Embedded PGlite persisted in a directory (the `npm start` default). */
  | { kind: 'pglite-dir'; dataDir: string }
  /** Embedded PGlite in memory, optionally restored from a dump (tests). */
  | { kind: 'pglite-memory'; loadDataDir?: Blob | File };

/** An open database: the ORM plus the few things the app needs beyond it. */
export interface Database {
  readonly orm: MikroORM;
  /** A fresh entity manager for one request or job (never share one across requests). */
  fork(): SqlEntityManager;
  /** SQL statements sent since the database was opened (tests assert batching with it). */
  statementCount(): number;
  /** The text of the statements sent since `statementCount()` was `mark` (the last 1,000 at most). */
  statementsSince(mark: number): string[];
  /** True when a trivial query succeeds within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  /** Applies pending migrations; returns the names applied. */
  migrate(): Promise<string[]>;
  /** The embedded PGlite instance, when there is one (for dumping in tests). */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

/**
 * Opens the database and returns a handle. Does not migrate: callers decide
 * (`onewindow start` migrates on start; replicas in distributed mode expect
 * `onewindow migrate` to have run once).
 *
 * @example
 * const db = await openDatabase({ kind: 'pglite-memory' });
 * await db.migrate();
 */
export async function openDatabase(target: DatabaseTarget, options: { debug?: boolean } = {}): Promise<Database> {
  let statements = 0;
  const recent: string[] = [];
  let pglite: PGlite | undefined;
  const common: Options = {
    entities: ENTITIES,
    extensions: [Migrator],
    // Entities are defined with defineEntity: no reflection, no discovery cache on disk.
    discovery: { warnWhenNoEntities: true },
    metadataCache: { enabled: false },
    debug: options.debug ?? false,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    onQuery: (sql: string) => {
      recent[statements % RECENT] = sql;
      statements += 1;
      return sql;
    },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      path: 'src/db/migrations',
      pathTs: 'src/db/migrations',
      emit: 'ts',
      silent: true,
    },
  };

  let orm: MikroORM;
  try {
    if (target.kind === 'postgres') {
      orm = await MikroORM.init({
        ...common,
        driver: PostgreSqlDriver,
        clientUrl: target.url,
        pool: { min: 0, max: target.poolSize ?? 10, acquireTimeoutMillis: 5_000 },
        driverOptions: { connection: { connectionTimeoutMillis: 3_000 } },
      });
    } else {
      // Hand dates and timestamps to MikroORM as text, as its pg connection does, so
      // both drivers hydrate the same values (a `date` stays 'YYYY-MM-DD').
      const parsers = Object.fromEntries(TEXT_TYPES.map((oid) => [oid, (text: string) => text]));
      pglite = target.kind === 'pglite-dir'
        ? new PGlite(target.dataDir, { parsers })
        : new PGlite({ parsers, ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}) });
      const instance = pglite;
      orm = await MikroORM.init({
        ...common,
        driver: PGliteDriver,
        dbName: 'postgres',
        driverOptions: { connection: { pglite: () => instance } satisfies PGliteConnectionConfig },
      });
    }
  } catch (cause) {
    await pglite?.close().catch(() => undefined);
    throw new UnavailableError('The database could not be opened', { cause });
  }

  return {
    orm,
    pglite,
    fork: () => orm.em.fork() as SqlEntityManager,
    statementCount: () => statements,
    statementsSince(mark) {
      const out: string[] = [];
      for (let i = Math.max(mark, statements - RECENT); i < statements; i += 1) out.push(recent[i % RECENT]!);
      return out;
    },
    async ping(timeoutMs = 2_000) {
      const query = orm.em.getConnection().execute('select 1 as ok');
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('ping timeout')), timeoutMs).unref());
      try {
        await Promise.race([query, timeout]);
        return true;
      } catch {
        return false;
      }
    },
    async migrate() {
      const applied = await orm.getMigrator().up();
      return applied.map((m) => m.name);
    },
    async close() {
      await orm.close(true);
      await pglite?.close();
    },
  };
}
