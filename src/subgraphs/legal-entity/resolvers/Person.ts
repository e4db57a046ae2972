import type { PersonResolvers } from '../../../__generated__/legal-entity.js';

/** The part of Person this subgraph contributes: the entities a person represents. */
export const Person: PersonResolvers = {
  __resolveReference: (ref) => ({ idNumber: ref.idNumber }),
  representedEntities: (person, _args, ctx) => ctx.entities.representedBy(person.idNumber),
};
