import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A government department (an organ with its own credit code) known to the hub.
 * Later issues hang the data catalogue, grants and audit off it.
 */
export const DepartmentEntity = defineEntity({
  name: 'Department',
  schema: 'sharing',
  tableName: 'department',
  properties: {
    code: p.string().length(18).primary(),
    name: p.string().length(200),
    divisionCode: p.string().length(6),
    version: p.integer().version(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});

/** A loaded or new Department row. */
export type Department = InferEntity<typeof DepartmentEntity>;
