import { databaseTarget } from '../app.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { ValidationError } from '../errors.js';
import { seedDirectory, type SeedSummary } from '../seed/load.js';
import type { CliIo } from './io.js';

function positiveInt(value: string | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new ValidationError(`--${field} must be a whole number ≥ 0`, { field, reason: 'RANGE' });
  return n;
}

/**
 * `onewindow seed`: loads deterministic synthetic data (same seed, same data)
 * into the configured database, printing progress to stderr.
 */
export async function seedCommand(config: Config, options: { persons?: string; seed?: string }, io: CliIo): Promise<SeedSummary> {
  const persons = positiveInt(options.persons, 10_000, 'persons');
  const seed = positiveInt(options.seed, 2026, 'seed');
  const db = await openDatabase(databaseTarget(config));
  try {
    await db.migrate();
    let last = 0;
    const summary = await seedDirectory(db, {
      seed,
      persons,
      onProgress: (p) => {
        const pct = Math.floor((p.persons / Math.max(1, p.total)) * 100);
        if (pct >= last + 5 || p.persons === p.total) {
          last = pct;
          io.err(`  ${String(pct).padStart(3)}%  ${p.persons} persons, ${p.entities} entities, ${p.licenses} licences`);
        }
      },
    });
    io.out(`seeded ${summary.persons} persons, ${summary.entities} legal entities, ${summary.licenses} licences, ${summary.departments} departments, ${summary.licenseTypes} licence types in ${(summary.ms / 1000).toFixed(1)} s (seed ${seed})`);
    return summary;
  } finally {
    await db.close();
  }
}
