import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { createSubgraph, type Subgraph, type SubgraphDeps } from '../create-subgraph.js';
import { entityRecord, licenseRecord, personRecord } from '../../access/enforcement/field-policy.js';
import { FieldProvenanceResolvers } from '../shared-resolvers.js';
import { extendLicenseContext, type LicenseContext } from './context.js';
import { licensePermissions } from './license.permissions.js';
import { LegalEntity, Person } from './resolvers/holders.js';
import { License, LicenseHolder } from './resolvers/License.js';
import { LicenseType } from './resolvers/LicenseType.js';
import { Mutation } from './resolvers/Mutation.js';
import { Query } from './resolvers/Query.js';
import type { LicensingRuntime } from './licensing/licensing-runtime.js';

/** The license subgraph: the licence catalogue, licence records, and the holders' `licenses`. */
export function createLicenseSubgraph(deps: SubgraphDeps & { licensing: LicensingRuntime }): Subgraph<LicenseContext> {
  return createSubgraph<LicenseContext>(
    {
      name: 'license',
      resolvers: {
        Query, Mutation, License, LicenseHolder, LicenseType, Person, LegalEntity, FieldProvenance: FieldProvenanceResolvers,
      } as GraphQLResolverMap<LicenseContext>,
      permissions: licensePermissions,
      governed: {
        License: {
          resource: 'License',
          record: licenseRecord,
          maskKind: (field, license) => (field === 'holderIdentifier' && license.holderKind === 'ENTITY' ? 'CREDIT_CODE' : undefined),
          fields: [
            'type', 'licenseNumber', 'holderKind', 'holder', 'holderIdentifier', 'holderName', 'issuingDepartment', 'issuedOn', 'validFrom', 'validUntil',
            'jurisdictionCode', 'status', 'version', 'supersedes', 'updatedAt', 'provenance', 'token', 'qrToken', 'history', 'data',
          ],
        },
        Person: { resource: 'Person', record: personRecord, fields: ['licenses'] },
        LegalEntity: { resource: 'LegalEntity', record: entityRecord, fields: ['licenses'] },
      },
      extendContext: (base) => extendLicenseContext(base, deps.licensing),
    },
    deps,
  );
}
