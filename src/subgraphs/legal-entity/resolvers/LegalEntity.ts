import type { LegalEntityResolvers } from '../../../__generated__/legal-entity.js';
import { provenanceList } from '../../../domain/provenance/provenance.js';

/** LegalEntity fields derived from the code or pointing into other subgraphs. */
export const LegalEntity: LegalEntityResolvers = {
  __resolveReference: (ref, ctx) => ctx.entities.get(ref.creditCode!),
  registrationAuthority: (e, _args, ctx) => ctx.entities.describeCode(e.creditCode!).registrationAuthority,
  organisationType: (e, _args, ctx) => ctx.entities.describeCode(e.creditCode!).organisationType,
  legalRepresentative: (e) => (e.legalRepresentative ? { idNumber: e.legalRepresentative } : null),
  registeredCapital: (e) =>
    e.registeredCapital != null && e.capitalCurrency ? { amount: String(e.registeredCapital), currency: e.capitalCurrency } : null,
  provenance: (e) => provenanceList(e.provenance),
};
