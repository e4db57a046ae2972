import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One published Token Status List per issuing department. `nextIndex` hands
 * out positions to new licences; `revision` moves on every status change so
 * every process knows when its signed copy of the list is stale.
 */
export const StatusListEntity = defineEntity({
  name: 'StatusList',
  schema: 'license',
  tableName: 'status_list',
  properties: {
    issuerCode: p.string().length(18).primary(),
    nextIndex: p.integer().default(0),
    revision: p.integer().default(0),
    updatedAt: p.datetime(),
  },
});

/** A loaded or new StatusList row. */
export type StatusList = InferEntity<typeof StatusListEntity>;
