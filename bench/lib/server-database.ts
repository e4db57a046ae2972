/**
 * Throwaway databases on a PostgreSQL server for the benchmarks (when
 * `DATABASE_URL` is set): each is created under a name of its own, and
 * dropped by its `drop()`. No other database on the server is touched; the
 * URL's own database is only used to connect.
 */
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';

/** A database created for one benchmark process. */
export interface ServerDatabase {
  readonly db: Database;
  /** Its URL (for subgraph processes). */
  readonly url: string;
  /** Closes it and drops it. */
  drop(): Promise<void>;
}

let counter = 0;

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates, opens and migrates a new database on the server at `serverUrl`. */
export async function createServerDatabase(serverUrl: string): Promise<ServerDatabase> {
  const name = `onewindow_bench_${process.pid}_${Date.now()}_${counter++}`;
  await admin(serverUrl, `create database ${name}`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  let db: Database | undefined;
  try {
    db = await openDatabase({ kind: 'postgres', url });
    await db.migrate();
  } catch (error) {
    await db?.close().catch(() => undefined);
    await admin(serverUrl, `drop database if exists ${name} with (force)`).catch(() => undefined);
    throw error;
  }
  const opened = db;
  let dropped = false;
  return {
    db: opened,
    url,
    async drop() {
      if (dropped) return;
      dropped = true;
      await opened.close().catch(() => undefined);
      await admin(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
