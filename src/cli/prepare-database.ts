import type { Database } from '../db/database.js';
import type { Logger } from '../logging.js';
import { installDefaultCatalogue } from '../access/catalogue/install.js';
import { DEMO_CONSUMER, grantEverything } from '../seed/demo-grants.js';
import { seedDirectory } from '../seed/load.js';

/** The demo data set `npm start` loads on first run. */
export const DEMO_SEED = { seed: 2026, persons: 2_000 } as const;

/** True when the directory holds no person yet. */
export async function isDirectoryEmpty(db: Database): Promise<boolean> {
  const rows = await db.orm.em.getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from (select 1 from population.person limit 1) x');
  return rows[0]?.n === 0;
}

/** Applies migrations and, on an empty directory, loads the demo data set. */
export async function prepareDatabase(db: Database, options: { migrate: boolean; seedDemo: boolean; logger: Logger }): Promise<void> {
  if (options.migrate) {
    const applied = await db.migrate();
    if (applied.length) options.logger.info({ applied }, 'database migrated');
  }
  if (options.seedDemo && (await isDirectoryEmpty(db))) {
    options.logger.info(DEMO_SEED, 'empty directory: loading demo data');
    const summary = await seedDirectory(db, DEMO_SEED);
    await grantEverything(db, DEMO_CONSUMER.department.code, { purpose: DEMO_CONSUMER.purpose });
    options.logger.info(summary, 'demo data loaded');
  }
  // The default data catalogue ships with the hub; items an administrator changed are kept.
  const added = await installDefaultCatalogue(db);
  if (added) options.logger.info({ added }, 'default data catalogue installed');
}

/** A person with licences and represented entities, for the sample query the banner prints. */
export async function sampleIdNumber(db: Database): Promise<string | undefined> {
  const rows = await db.orm.em.getConnection().execute<Array<{ id: string }>>(
    `select e.legal_representative as id from legal_entity.legal_entity e
      where exists (select 1 from license.license l where l.holder_id = e.legal_representative)
        and exists (select 1 from license.license l where l.holder_id = e.credit_code)
      order by e.credit_code limit 1`,
  );
  return rows[0]?.id;
}
