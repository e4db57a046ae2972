import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from './database.js';

/**
 * Generates a migration for the difference between the entities and the
 * migrated schema, on a throwaway in-memory PGlite, then rewrites
 * `migrations/index.ts` to list every migration file in order.
 *
 * @returns the new migration's file name, or null when nothing changed.
 */
export async function createMigration(migrationsDir: string): Promise<string | null> {
  const db = await openDatabase({ kind: 'pglite-memory' });
  try {
    await db.migrate();
    const result = await db.orm.getMigrator().createMigration(migrationsDir);
    if (!result.fileName) return null;
    await writeMigrationIndex(migrationsDir);
    return result.fileName;
  } finally {
    await db.close();
  }
}

async function writeMigrationIndex(dir: string): Promise<void> {
  const files = (await readdir(dir)).filter((f) => /^Migration\d+\.ts$/.test(f)).sort();
  const names = files.map((f) => path.basename(f, '.ts'));
  const body = [
    '/**',
    ' * The migration history, in order. Listed explicitly (not discovered by glob) so',
    ' * the same list works under tsx, vitest and a bundled build. New migrations are',
    ' * generated with `onewindow db migration:create`, reviewed, then never edited.',
    ' * This file is rewritten by that command.',
    ' */',
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...names.map((n) => `import { ${n} } from './${n}.js';`),
    '',
    'export const MIGRATIONS: MigrationObject[] = [',
    ...names.map((n) => `  { name: '${n}', class: ${n} },`),
    '];',
    '',
  ].join('\n');
  await writeFile(path.join(dir, 'index.ts'), body);
}
