import type { MutationResolvers } from '../../../__generated__/sharing.js';
import { parseInput } from '../../../graphql/parse-input.js';
import { RegisterDepartmentSchema } from '../department.input.js';

/** Changes to the department registry (administrators only, see the permissions). */
export const Mutation: MutationResolvers = {
  registerDepartment: (_root, { input }, ctx) => ctx.departments.register(parseInput(RegisterDepartmentSchema, input)),
  updateCatalogItem: (_root, { input }, ctx) => ctx.catalog.update(input, ctx.principal.subject),
  requestSharing: (_root, { input }, ctx) => ctx.sharing.request(input),
  approveSharingRequest: (_root, { input }, ctx) => ctx.sharing.approve({ id: input.id, accessLevel: input.accessLevel, expiresAt: new Date(input.expiresAt) }),
  refuseSharingRequest: (_root, { id, reason }, ctx) => ctx.sharing.refuse(id, reason),
  revokeGrant: (_root, { id, reason }, ctx) => ctx.sharing.revoke(id, reason),
  acknowledgeAlert: (_root, { id }, ctx) => ctx.audit.acknowledge(id),
};
