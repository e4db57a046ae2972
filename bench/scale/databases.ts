/**
 * Throwaway databases for the scale benchmark, one per data set:
 *
 * - without `DATABASE_URL`: embedded PGlite persisted in a folder under the
 *   work directory (`pglite-dir`, as `npm start` runs it). In memory, 1M
 *   persons with their entities and licences (~3 GB of tables) would take
 *   several times that in JS heap.
 * - with `DATABASE_URL`: a new database `onewindow_scale_<pid>_<label>` on that
 *   server, created here and dropped (`with (force)`) by `drop()`. No other
 *   database is touched; the URL's own database is only used to connect.
 */
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';

/** One throwaway database. */
export interface ScaleDatabase {
  readonly label: string;
  /** `PGlite (folder)` or `PostgreSQL <version> (database name)`. */
  readonly where: string;
  readonly db: Database;
  /** Closes it and deletes it (the PGlite folder goes with the work directory). */
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates, opens and migrates a database named after `label` (letters, digits, `_`).
 *
 * @example
 * const small = await createScaleDatabase('10k', { workDir, serverUrl: process.env.DATABASE_URL });
 * try { ... } finally { await small.drop(); }
 */
export async function createScaleDatabase(label: string, options: { workDir: string; serverUrl?: string }): Promise<ScaleDatabase> {
  if (!/^[a-z0-9_]+$/.test(label)) throw new Error(`database label ${label} must be [a-z0-9_]+`);
  const serverUrl = options.serverUrl;
  if (!serverUrl) {
    const dataDir = path.join(options.workDir, `pglite-${label}`);
    const db = await openDatabase({ kind: 'pglite-dir', dataDir });
    try {
      await db.migrate();
    } catch (error) {
      await db.close().catch(() => undefined);
      throw error;
    }
    let closed = false;
    return {
      label, where: `PGlite ${(await db.pglite!.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? ''} (${dataDir})`, db,
      async drop() {
        if (closed) return;
        closed = true;
        await db.close();
      },
    };
  }
  const name = `onewindow_scale_${process.pid}_${label}`;
  await admin(serverUrl, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  let db: Database | undefined;
  try {
    db = await openDatabase({ kind: 'postgres', url: withDatabase(serverUrl, name), poolSize: 4 });
    await db.migrate();
    const [row] = await db.orm.em.getConnection().execute<Array<{ v: string }>>("select current_setting('server_version') as v");
    const opened = db;
    let dropped = false;
    return {
      label, where: `PostgreSQL ${row?.v ?? ''} (database ${name})`, db: opened,
      async drop() {
        if (dropped) return;
        dropped = true;
        await opened.close().catch(() => undefined);
        await admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    await admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).catch(() => undefined);
    throw error;
  }
}
