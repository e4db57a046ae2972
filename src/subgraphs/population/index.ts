import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { createSubgraph, type Subgraph, type SubgraphDeps } from '../create-subgraph.js';
import { personRecord } from '../../access/enforcement/field-policy.js';
import { FieldProvenanceResolvers } from '../shared-resolvers.js';
import { extendPopulationContext, type PopulationContext } from './context.js';
import { populationPermissions } from './population.permissions.js';
import { Mutation } from './resolvers/Mutation.js';
import { Person } from './resolvers/Person.js';
import { Query } from './resolvers/Query.js';

/**
 * The population subgraph: persons keyed by ID number.
 *
 * @example
 * const population = createPopulationSubgraph(deps);
 * await population.server.start();
 */
export function createPopulationSubgraph(deps: SubgraphDeps): Subgraph<PopulationContext> {
  return createSubgraph<PopulationContext>(
    {
      name: 'population',
      resolvers: { Query, Mutation, Person, FieldProvenance: FieldProvenanceResolvers } as GraphQLResolverMap<PopulationContext>,
      permissions: populationPermissions,
      governed: {
        Person: {
          resource: 'Person',
          record: personRecord,
          fields: ['name', 'gender', 'birthDate', 'ethnicity', 'nationality', 'householdAddress', 'residenceAddress', 'phone', 'maritalStatus', 'lifeStatus', 'provenance'],
        },
      },
      extendContext: extendPopulationContext,
    },
    deps,
  );
}
