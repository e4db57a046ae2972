import { allow, type IRules } from 'graphql-shield';
import { actsForDepartment, isAdmin, isAuthenticated } from '../permissions.js';

/** Who may do what in the sharing subgraph (deny by default). */
export const sharingPermissions: IRules = {
  Query: {
    department: isAuthenticated, departments: isAuthenticated, viewer: isAuthenticated,
    catalog: isAuthenticated, sharingList: isAuthenticated, openList: isAuthenticated, accessCheck: isAuthenticated,
    sharingRequests: actsForDepartment, grants: actsForDepartment,
    // The services check the role: citizens their own log, supervisors the trail.
    myAccessLog: isAuthenticated, auditTrail: isAuthenticated, alerts: isAuthenticated,
  },
  Mutation: {
    registerDepartment: isAdmin,
    updateCatalogItem: isAdmin,
    requestSharing: actsForDepartment,
    approveSharingRequest: actsForDepartment,
    refuseSharingRequest: actsForDepartment,
    revokeGrant: actsForDepartment,
    acknowledgeAlert: isAuthenticated,
  },
  Department: allow,
  Viewer: allow,
  CatalogItem: allow,
  CatalogChange: allow,
  SharingRequest: allow,
  Grant: allow,
  AccessDecision: allow,
  AccessLogEntry: allow,
  AuditRecord: allow,
  Alert: allow,
};
