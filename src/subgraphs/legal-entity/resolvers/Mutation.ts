import type { MutationResolvers } from '../../../__generated__/legal-entity.js';
import { parseInput } from '../../../graphql/parse-input.js';
import { RegisterLegalEntitySchema, UpdateLegalEntitySchema } from '../legal-entity.input.js';

/** Writes to the legal-entity register; the caller's department is recorded as the source. */
export const Mutation: MutationResolvers = {
  registerLegalEntity: (_root, { input }, ctx) =>
    ctx.entities.register(parseInput(RegisterLegalEntitySchema, input), ctx.principal.department!),
  updateLegalEntity: (_root, { input }, ctx) =>
    ctx.entities.update(parseInput(UpdateLegalEntitySchema, input), ctx.principal.department!),
};
