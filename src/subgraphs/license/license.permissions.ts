import { allow, type IRules } from 'graphql-shield';
import { actsForDepartment, isAdmin, isAuthenticated } from '../permissions.js';

/** Who may do what in the license subgraph (deny by default); the issuance service checks the issuer itself. */
export const licensePermissions: IRules = {
  Query: { license: isAuthenticated, licensesByHolder: isAuthenticated, licenseTypes: isAuthenticated, licenseType: isAuthenticated, verifyLicense: isAuthenticated },
  Mutation: {
    issueLicense: actsForDepartment,
    reissueLicense: actsForDepartment,
    suspendLicense: actsForDepartment,
    reinstateLicense: actsForDepartment,
    revokeLicense: actsForDepartment,
    // The holder (a citizen) or the issuer; the service checks which.
    annotateLicense: isAuthenticated,
    importTrustList: isAdmin,
    removeTrustedCertificate: isAdmin,
  },
  LicenseEvent: allow,
  LicenseVerification: allow,
  VerificationCheck: allow,
  VerifiedLicense: allow,
  VerifiedStatus: allow,
  VerifiedCopy: allow,
  AnnotatedCopy: allow,
  TrustSource: allow,
  License: allow,
  LicenseType: allow,
  DataField: allow,
  Person: allow,
  LegalEntity: allow,
  FieldProvenance: allow,
  Department: allow,
};
