import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ensureDevKeyPair } from '../src/auth/keys.js';
import { installDefaultCatalogue } from '../src/access/catalogue/install.js';
import { openDatabase } from '../src/db/database.js';
import { initCerts } from '../src/pki/keyring.js';
import { DEPARTMENTS } from '../src/seed/catalogue.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of this run's throwaway material (token keys, PGlite dump). */
    workDir: string;
    /** PGlite data dir, migrated, to restore per test file (when no DATABASE_URL). */
    pgliteDump: string;
    /** A migrated template database to clone per test file (when DATABASE_URL is set). */
    templateDatabase: string;
  }
}

/**
 * Once per test run: makes throwaway token keys and one migrated database
 * image, so each test file starts from a fresh, migrated copy in well under a
 * second instead of migrating again.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(path.join(tmpdir(), 'onewindow-test-'));
  await ensureDevKeyPair(path.join(workDir, 'auth-public.jwk.json'), path.join(workDir, 'auth-private.jwk.json'));
  project.provide('workDir', workDir);
  // One throwaway PKI per run: the hub root, the trust-list signer and every demo department's signing key.
  await initCerts(path.join(workDir, 'certs'), { hubName: 'OneWindow Test Hub', departments: Object.values(DEPARTMENTS), rootModulusLength: 2048 });

  const url = process.env.DATABASE_URL;
  let templateDatabase = '';
  let pgliteDump = '';
  if (url) {
    templateDatabase = `onewindow_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${templateDatabase}`);
    await admin.query(`create database ${templateDatabase}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${templateDatabase}`;
    const db = await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 1 });
    await db.migrate();
    await installDefaultCatalogue(db);
    await db.close();
  } else {
    const db = await openDatabase({ kind: 'pglite-memory' });
    await db.migrate();
    await installDefaultCatalogue(db);
    const dump = await db.pglite!.dumpDataDir('none');
    pgliteDump = path.join(workDir, 'migrated.tar');
    await writeFile(pgliteDump, Buffer.from(await dump.arrayBuffer()));
    await db.close();
  }
  project.provide('pgliteDump', pgliteDump);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    if (url && templateDatabase) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      // Per-file databases cloned from the template are dropped by their files; this is the template.
      await admin.query(`drop database if exists ${templateDatabase} with (force)`).catch(() => undefined);
      await admin.end();
    }
    await rm(workDir, { recursive: true, force: true });
  };
}
