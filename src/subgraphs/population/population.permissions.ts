import { allow, type IRules } from 'graphql-shield';
import { actsForDepartment, isAuthenticated } from '../permissions.js';

/**
 * Who may do what in the population subgraph. Issue 4 replaces the blanket
 * `Person: allow` with rules generated from the data catalogue and grants.
 */
export const populationPermissions: IRules = {
  Query: { person: isAuthenticated, persons: isAuthenticated },
  Mutation: { registerPerson: actsForDepartment, updatePerson: actsForDepartment },
  Person: allow,
  FieldProvenance: allow,
  Department: allow,
};
