import { allow, type IRules } from 'graphql-shield';
import { actsForDepartment, isAuthenticated } from '../permissions.js';

/** Who may do what in the legal-entity subgraph (deny by default). */
export const legalEntityPermissions: IRules = {
  Query: { legalEntity: isAuthenticated, legalEntities: isAuthenticated },
  Mutation: { registerLegalEntity: actsForDepartment, updateLegalEntity: actsForDepartment },
  LegalEntity: allow,
  Person: allow,
  CodeName: allow,
  Money: allow,
  FieldProvenance: allow,
  Department: allow,
};
