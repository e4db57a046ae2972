import type { QueryResolvers } from '../../../__generated__/sharing.js';

/** Reads of the department registry, and who the caller is. */
export const Query: QueryResolvers = {
  department: (_root, { code }, ctx) => ctx.departments.get(code),
  departments: (_root, _args, ctx) => ctx.departments.list(),
  viewer: (_root, _args, ctx) => ctx.principal,
};
