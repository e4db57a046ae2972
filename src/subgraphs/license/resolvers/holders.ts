import type { LegalEntityResolvers, PersonResolvers } from '../../../__generated__/license.js';

/** `Person.licenses`: the licences held under an ID number. */
export const Person: PersonResolvers = {
  __resolveReference: (ref) => ({ idNumber: ref.idNumber }),
  licenses: (person, { status }, ctx) => ctx.licenses.byHolderOf('PERSON', person.idNumber, status),
};

/** `LegalEntity.licenses`: the licences held under a credit code. */
export const LegalEntity: LegalEntityResolvers = {
  __resolveReference: (ref) => ({ creditCode: ref.creditCode }),
  licenses: (entity, { status }, ctx) => ctx.licenses.byHolderOf('ENTITY', entity.creditCode, status),
};
