import { allow, type IRules } from 'graphql-shield';
import { isAuthenticated } from '../permissions.js';

/** Who may do what in the license subgraph (deny by default). Issuance rules come with issue 3. */
export const licensePermissions: IRules = {
  Query: { license: isAuthenticated, licensesByHolder: isAuthenticated, licenseTypes: isAuthenticated, licenseType: isAuthenticated },
  License: allow,
  LicenseType: allow,
  DataField: allow,
  Person: allow,
  LegalEntity: allow,
  FieldProvenance: allow,
  Department: allow,
};
