import type { PersonResolvers } from '../../../__generated__/population.js';
import { provenanceList } from '../../../domain/provenance/provenance.js';

/** Person fields that are not plain columns, and the federation entry point. */
export const Person: PersonResolvers = {
  __resolveReference: (ref, ctx) => ctx.persons.get(ref.idNumber),
  provenance: (person) => provenanceList(person.provenance),
};
