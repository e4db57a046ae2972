import type { DepartmentResolvers, ViewerResolvers } from '../../../__generated__/sharing.js';

/** The federation entry point for Department. */
export const Department: DepartmentResolvers = {
  __resolveReference: (ref, ctx) => ctx.departments.get(ref.code!),
};

/** The caller's own department, resolved from the registry. */
export const Viewer: ViewerResolvers = {
  department: (principal, _args, ctx) => (principal.department ? ctx.departments.get(principal.department) : null),
};
