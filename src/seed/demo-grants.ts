import { randomUUID } from 'node:crypto';
import { defaultCatalogue } from '../access/catalogue/default-catalogue.js';
import type { Database } from '../db/database.js';
import { DEPARTMENTS } from './catalogue.js';

/** The department and purpose of the demo's ready-made token (a consumer of directory data). */
export const DEMO_CONSUMER = { department: DEPARTMENTS.bjTax, purpose: 'TAX_REGISTRATION' } as const;

/**
 * Grants `consumer` access to every conditional item of the default catalogue,
 * from each department that provides it (licence items: every department, as
 * any may have issued a licence), for one purpose, as approved sharing would.
 * The demo uses it so its sample query shows real values; tests use it for the
 * departments the directory's own tests act as.
 */
export async function grantEverything(db: Database, consumer: string, options: { purpose: string; level?: 'FULL' | 'MASKED'; expiresAt?: string; legalBasis?: string }): Promise<number> {
  const conditional = defaultCatalogue().filter((i) => i.sharingType === 'CONDITIONAL');
  const grants = Object.values(DEPARTMENTS)
    .filter((d) => d.code !== consumer)
    .map((d) => ({ provider: d.code, items: conditional.filter((i) => i.providerCode === d.code || i.providerCode === null).map((i) => i.id) }))
    .filter((g) => g.items.length > 0);
  const connection = db.orm.em.getConnection();
  for (const g of grants) {
    await connection.execute(
      `insert into sharing."grant" (id, consumer_code, provider_code, items, purpose, legal_basis, scenario, access_level, expires_at, granted_by, granted_at)
       values (?, ?, ?, ?::text[], ?, ?, 'DEMO', ?, ?, 'system:demo', now())`,
      [randomUUID(), consumer, g.provider, `{${g.items.map((i) => `"${i}"`).join(',')}}`, options.purpose,
        options.legalBasis ?? '演示数据', options.level ?? 'FULL', options.expiresAt ?? '2099-01-01T00:00:00Z'],
    );
  }
  await connection.execute('update sharing.policy_revision set revision = revision + 1 where id = 1');
  return grants.length;
}
