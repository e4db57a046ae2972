import type { MutationResolvers } from '../../../__generated__/population.js';
import { parseInput } from '../../../graphql/parse-input.js';
import { RegisterPersonSchema, UpdatePersonSchema } from '../person.input.js';

/** Writes to the population directory; the caller's department is recorded as the source. */
export const Mutation: MutationResolvers = {
  registerPerson: (_root, { input }, ctx) =>
    ctx.persons.register(parseInput(RegisterPersonSchema, input), ctx.principal.department!),
  updatePerson: (_root, { input }, ctx) =>
    ctx.persons.update(parseInput(UpdatePersonSchema, input), ctx.principal.department!),
};
