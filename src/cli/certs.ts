import type { Database } from '../db/database.js';
import { initCerts, HUB_OPERATOR } from '../pki/keyring.js';
import { DEPARTMENTS } from '../seed/catalogue.js';

/**
 * `onewindow certs init`: the hub root, the trust-list signer and an issuing
 * certificate for every registered department that has none (the demo
 * catalogue's departments when the registry is empty). Safe to run again.
 */
export async function certsInit(db: Database, certsDir: string, hubName: string): Promise<string[]> {
  const rows = await db.orm.em.getConnection().execute<Array<{ code: string; name: string }>>('select code, name from sharing.department order by code');
  const departments: Array<{ code: string; name: string }> = rows.length ? rows : Object.values(DEPARTMENTS).map((d) => ({ code: d.code, name: d.name }));
  return initCerts(certsDir, { hubName, departments: departments.filter((d) => d.code !== HUB_OPERATOR.code) });
}
