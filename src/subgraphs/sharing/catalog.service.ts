import { OptimisticLockError } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import type { SubgraphContext } from '../context.js';
import { CatalogChangeEntity, CatalogItemEntity, type CatalogChange, type CatalogItem } from './catalog-item.entity.js';

/** Fields of an item an administrator may change. */
const EDITABLE = ['sharingType', 'sharingCondition', 'openAttribute', 'sensitivity', 'maskKind'] as const;

/** Marks policy as changed so every process re-reads catalogue and grants (within a second). */
export async function bumpPolicyRevision(ctx: SubgraphContext): Promise<void> {
  await ctx.em.getConnection().execute('update sharing.policy_revision set revision = revision + 1 where id = 1', [], 'run', ctx.em.getTransactionContext());
}

/** The data catalogue for one request. */
export class CatalogService {
  private readonly changes: DataLoader<string, CatalogChange[]>;

  constructor(private readonly ctx: SubgraphContext) {
    this.changes = new DataLoader(async (ids) => {
      const rows = await ctx.em.find(CatalogChangeEntity, { itemId: { $in: [...ids] } }, { orderBy: { changedAt: 'asc' } });
      return ids.map((id) => rows.filter((r) => r.itemId === id));
    });
  }

  list(filter: { resource?: string | null; sharingType?: string | null; openOnly?: boolean; sharedOnly?: boolean } = {}): Promise<CatalogItem[]> {
    const where: Record<string, unknown> = {};
    if (filter.resource) where.resource = filter.resource;
    if (filter.sharingType) where.sharingType = filter.sharingType;
    if (filter.openOnly) where.openAttribute = 'OPEN';
    if (filter.sharedOnly) where.sharingType = { $in: ['UNCONDITIONAL', 'CONDITIONAL'] };
    return this.ctx.em.find(CatalogItemEntity, where, { orderBy: { id: 'asc' } });
  }

  history(itemId: string): Promise<CatalogChange[]> {
    return this.changes.load(itemId);
  }

  /**
   * Changes an item's sharing attributes, recording before and after.
   * @throws NotFoundError, ConflictError (STALE_VERSION), ValidationError (no reason)
   */
  async update(input: { id: string; expectedVersion: number; reason: string } & Partial<Record<(typeof EDITABLE)[number], string | null>>, actor: string): Promise<CatalogItem> {
    const reason = input.reason.trim();
    if (reason.length < 2) throw new ValidationError('input.reason: say why the catalogue changes', { field: 'input.reason', reason: 'LENGTH' });
    const item = await this.ctx.em.findOne(CatalogItemEntity, { id: input.id });
    if (!item) throw NotFoundError.of('Catalogue item', input.id, 'input.id');
    if (item.version !== input.expectedVersion) throw ConflictError.staleVersion('Catalogue item', input.id, input.expectedVersion, item.version);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const key of EDITABLE) {
      const value = input[key];
      if (value === undefined || (value === null && key !== 'sharingCondition' && key !== 'maskKind')) continue;
      if ((item as Record<string, unknown>)[key] !== value) {
        before[key] = (item as Record<string, unknown>)[key];
        after[key] = value;
        (item as Record<string, unknown>)[key] = value;
      }
    }
    if (Object.keys(after).length === 0) return item;
    item.updatedAt = this.ctx.now;
    item.updatedBy = actor;
    try {
      await this.ctx.em.transactional(async (em) => {
        em.persist(em.create(CatalogChangeEntity, { id: randomUUID(), itemId: item.id, before, after, reason, changedBy: actor, changedAt: this.ctx.now }));
        await bumpPolicyRevision({ ...this.ctx, em });
      });
    } catch (error) {
      if (error instanceof OptimisticLockError) throw ConflictError.staleVersion('Catalogue item', input.id, input.expectedVersion, input.expectedVersion + 1);
      throw error;
    }
    return item;
  }
}
