import type { MutationResolvers } from '../../../__generated__/sharing.js';
import { parseInput } from '../../../graphql/parse-input.js';
import { RegisterDepartmentSchema } from '../department.input.js';

/** Changes to the department registry (administrators only, see the permissions). */
export const Mutation: MutationResolvers = {
  registerDepartment: (_root, { input }, ctx) => ctx.departments.register(parseInput(RegisterDepartmentSchema, input)),
};
