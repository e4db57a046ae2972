import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Sharing attribute of an information item (national catalogue compilation guide). */
export const SHARING_TYPES = ['UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED'] as const;
export type SharingType = (typeof SHARING_TYPES)[number];
/** Open attribute: whether the item may be published to the public. */
export const OPEN_ATTRIBUTES = ['OPEN', 'CONDITIONALLY_OPEN', 'NOT_OPEN'] as const;
export const SENSITIVITIES = ['PUBLIC', 'INTERNAL', 'SENSITIVE', 'HIGHLY_SENSITIVE'] as const;
export const UPDATE_CYCLES = ['REAL_TIME', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'ON_CHANGE'] as const;
export const MASK_KINDS = ['ID_NUMBER', 'CREDIT_CODE', 'PHONE', 'NAME', 'ADDRESS', 'DATE', 'TEXT'] as const;

/**
 * One information item of the government data resource catalogue: a field of
 * Person, LegalEntity or License, or one data field of a licence type
 * (`License.data.<type code>.<field>`). `provider` null on a License item means
 * "the department that issued that licence".
 */
export const CatalogItemEntity = defineEntity({
  name: 'CatalogItem',
  schema: 'sharing',
  tableName: 'catalog_item',
  properties: {
    id: p.string().length(200).primary(),
    resource: p.string().length(20),
    field: p.string().length(150),
    label: p.string().length(100),
    providerCode: p.string().length(18).nullable(),
    sharingType: p.enum([...SHARING_TYPES]),
    sharingCondition: p.text().nullable(),
    openAttribute: p.enum([...OPEN_ATTRIBUTES]),
    sensitivity: p.enum([...SENSITIVITIES]),
    updateCycle: p.enum([...UPDATE_CYCLES]),
    /** True when the item is personal data: reads are audited. */
    personal: p.boolean(),
    /** How MASKED grants show it. */
    maskKind: p.enum([...MASK_KINDS]).nullable(),
    version: p.integer().version(),
    updatedAt: p.datetime(),
    updatedBy: p.string().length(200),
  },
});
export type CatalogItem = InferEntity<typeof CatalogItemEntity>;

/** Every change an administrator made to the catalogue (append-only). */
export const CatalogChangeEntity = defineEntity({
  name: 'CatalogChange',
  schema: 'sharing',
  tableName: 'catalog_change',
  properties: {
    id: p.uuid().primary(),
    itemId: p.string().length(200).index(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>(),
    reason: p.text(),
    changedBy: p.string().length(200),
    changedAt: p.datetime(),
  },
});
export type CatalogChange = InferEntity<typeof CatalogChangeEntity>;
