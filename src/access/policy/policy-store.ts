import type { EntityManager } from '@mikro-orm/postgresql';
import type { PolicyGrant, PolicyItem } from './decide.js';

/** A catalogue item with what enforcement needs beyond the decision. */
export interface EnforcedItem extends PolicyItem {
  readonly personal: boolean;
  readonly maskKind: string | null;
}

/** Catalogue and grants as one process sees them right now. */
export interface PolicySnapshot {
  readonly revision: number;
  readonly items: ReadonlyMap<string, EnforcedItem>;
  /** Consumer department → its grants (live or not: the decision tells expired from missing). */
  readonly grantsByConsumer: ReadonlyMap<string, readonly PolicyGrant[]>;
}

/** How often a process asks the database whether policy moved. */
const RECHECK_MS = 250;

/**
 * The catalogue and grants every subgraph enforces. A process keeps one
 * snapshot and re-reads it when `sharing.policy_revision` moves, checking at
 * most every 250 ms, so a grant or catalogue change reaches every process,
 * embedded or distributed, within a second. This reads the sharing schema
 * from every subgraph: policy is the one thing all of them must agree on.
 */
export class PolicyStore {
  private current: PolicySnapshot | undefined;
  private checkedAt = 0;
  private loading: Promise<PolicySnapshot> | undefined;

  async snapshot(em: EntityManager): Promise<PolicySnapshot> {
    const now = Date.now();
    if (this.current && now - this.checkedAt < RECHECK_MS) return this.current;
    this.loading ??= this.refresh(em).finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  private async refresh(em: EntityManager): Promise<PolicySnapshot> {
    const connection = em.getConnection();
    const head = await connection.execute<Array<{ revision: string | number }>>('select revision from sharing.policy_revision where id = 1');
    const revision = Number(head[0]?.revision ?? 0);
    this.checkedAt = Date.now();
    if (this.current && this.current.revision === revision) return this.current;
    const itemRows = await connection.execute<Array<Record<string, unknown>>>(
      'select id, sharing_type, provider_code, open_attribute, personal, mask_kind from sharing.catalog_item',
    );
    const grantRows = await connection.execute<Array<Record<string, unknown>>>(
      'select id, consumer_code, provider_code, items, purpose, access_level, expires_at, revoked_at from sharing."grant"',
    );
    const items = new Map<string, EnforcedItem>();
    for (const r of itemRows) {
      items.set(String(r.id), {
        id: String(r.id), sharingType: r.sharing_type as EnforcedItem['sharingType'], providerCode: (r.provider_code as string | null) ?? null,
        openAttribute: r.open_attribute as EnforcedItem['openAttribute'], personal: Boolean(r.personal), maskKind: (r.mask_kind as string | null) ?? null,
      });
    }
    const grantsByConsumer = new Map<string, PolicyGrant[]>();
    for (const r of grantRows) {
      const grant: PolicyGrant = {
        id: String(r.id), providerCode: String(r.provider_code), items: r.items as string[], purpose: String(r.purpose),
        accessLevel: r.access_level as PolicyGrant['accessLevel'], expiresAt: new Date(String(r.expires_at)), revokedAt: r.revoked_at ? new Date(String(r.revoked_at)) : null,
      };
      const consumer = String(r.consumer_code);
      grantsByConsumer.set(consumer, [...(grantsByConsumer.get(consumer) ?? []), grant]);
    }
    this.current = { revision, items, grantsByConsumer };
    return this.current;
  }
}
