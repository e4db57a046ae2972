import type { QueryResolvers } from '../../../__generated__/legal-entity.js';

/** Reads of the legal-entity register. */
export const Query: QueryResolvers = {
  legalEntity: (_root, { creditCode }, ctx) => ctx.entities.get(creditCode),
  legalEntities: (_root, { creditCodes }, ctx) => ctx.entities.getMany(creditCodes),
};
