import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { createSubgraph, type Subgraph, type SubgraphDeps } from '../create-subgraph.js';
import { extendSharingContext, type SharingContext } from './context.js';
import { AccessLogEntry, Alert, AuditRecord, CatalogItem, Grant, SharingRequest } from './resolvers/Catalog.js';
import { Department, Viewer } from './resolvers/Department.js';
import { Mutation } from './resolvers/Mutation.js';
import { Query } from './resolvers/Query.js';
import { sharingPermissions } from './sharing.permissions.js';

/** The sharing subgraph: the department registry (catalogue, grants and audit arrive with issue 4). */
export function createSharingSubgraph(deps: SubgraphDeps): Subgraph<SharingContext> {
  return createSubgraph<SharingContext>(
    {
      name: 'sharing',
      resolvers: { Query, Mutation, Department, Viewer, CatalogItem, SharingRequest, Grant, AuditRecord, AccessLogEntry, Alert } as GraphQLResolverMap<SharingContext>,
      permissions: sharingPermissions,
      extendContext: extendSharingContext,
    },
    deps,
  );
}
