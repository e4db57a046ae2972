import { allow, type IRules } from 'graphql-shield';
import { isAdmin, isAuthenticated } from '../permissions.js';

/** Who may do what in the sharing subgraph (deny by default). */
export const sharingPermissions: IRules = {
  Query: { department: isAuthenticated, departments: isAuthenticated, viewer: isAuthenticated },
  Mutation: { registerDepartment: isAdmin },
  Department: allow,
  Viewer: allow,
};
