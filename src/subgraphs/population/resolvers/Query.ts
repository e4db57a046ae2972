import type { QueryResolvers } from '../../../__generated__/population.js';

/** Reads of the population directory. */
export const Query: QueryResolvers = {
  person: (_root, { idNumber }, ctx) => ctx.persons.get(idNumber),
  persons: (_root, { idNumbers }, ctx) => ctx.persons.getMany(idNumbers),
};
