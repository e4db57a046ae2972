import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { createSubgraph, type Subgraph, type SubgraphDeps } from '../create-subgraph.js';
import { entityRecord, personRecord } from '../../access/enforcement/field-policy.js';
import { FieldProvenanceResolvers } from '../shared-resolvers.js';
import { extendLegalEntityContext, type LegalEntityContext } from './context.js';
import { legalEntityPermissions } from './legal-entity.permissions.js';
import { LegalEntity } from './resolvers/LegalEntity.js';
import { Mutation } from './resolvers/Mutation.js';
import { Person } from './resolvers/Person.js';
import { Query } from './resolvers/Query.js';

/** The legal-entity subgraph: entities keyed by credit code, and `Person.representedEntities`. */
export function createLegalEntitySubgraph(deps: SubgraphDeps): Subgraph<LegalEntityContext> {
  return createSubgraph<LegalEntityContext>(
    {
      name: 'legal-entity',
      resolvers: { Query, Mutation, LegalEntity, Person, FieldProvenance: FieldProvenanceResolvers } as GraphQLResolverMap<LegalEntityContext>,
      permissions: legalEntityPermissions,
      governed: {
        LegalEntity: {
          resource: 'LegalEntity',
          record: entityRecord,
          fields: ['name', 'registrationAuthority', 'organisationType', 'divisionCode', 'legalRepresentative', 'registeredCapital', 'establishedOn', 'address', 'businessScope', 'status', 'provenance'],
        },
        Person: { resource: 'Person', record: personRecord, fields: ['representedEntities'] },
      },
      extendContext: extendLegalEntityContext,
    },
    deps,
  );
}
