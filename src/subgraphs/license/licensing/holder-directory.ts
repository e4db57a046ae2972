import type { EntityManager } from '@mikro-orm/postgresql';
import type { HolderKind } from '../license-type.entity.js';

/** What issuance needs to know about a holder. */
export interface HolderRecord {
  readonly name: string;
  /** False for a deceased person or an entity that is not ACTIVE. */
  readonly active: boolean;
}

/**
 * Looks holders up in the directory. This is the one place the license
 * subgraph reads another subgraph's schema: a narrow, read-only query by key,
 * because issuance must refuse a holder the directory does not know and must
 * print the name the directory holds. If the subgraphs ever get separate
 * databases, this becomes a call to the population and legal-entity services.
 */
export async function findHolder(em: EntityManager, kind: HolderKind, id: string): Promise<HolderRecord | null> {
  const connection = em.getConnection();
  const rows = kind === 'PERSON'
    ? await connection.execute<Array<{ name: string; live: string }>>('select name, life_status as live from population.person where id_number = ?', [id])
    : await connection.execute<Array<{ name: string; live: string }>>('select name, status as live from legal_entity.legal_entity where credit_code = ?', [id]);
  const row = rows[0];
  if (!row) return null;
  return { name: row.name, active: row.live === 'ALIVE' || row.live === 'ACTIVE' };
}
