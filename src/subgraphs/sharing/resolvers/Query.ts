import type { QueryResolvers } from '../../../__generated__/sharing.js';

/** Reads of the department registry, and who the caller is. */
export const Query: QueryResolvers = {
  department: (_root, { code }, ctx) => ctx.departments.get(code),
  departments: (_root, _args, ctx) => ctx.departments.list(),
  viewer: (_root, _args, ctx) => ctx.principal,
  catalog: (_root, { resource, sharingType }, ctx) => ctx.catalog.list({ resource, sharingType }),
  sharingList: (_root, _args, ctx) => ctx.catalog.list({ sharedOnly: true }),
  openList: (_root, _args, ctx) => ctx.catalog.list({ openOnly: true }),
  accessCheck: async (_root, { items, purpose }, ctx) =>
    (await ctx.sharing.accessCheck(items, purpose)).map(({ item, decision }) =>
      decision.allow
        ? { item, allowed: true, level: decision.level, reason: decision.basis, message: null, grantId: decision.grantId ?? null }
        : { item, allowed: false, level: null, reason: decision.reason, message: decision.message, grantId: null }),
  sharingRequests: (_root, { status }, ctx) => ctx.sharing.requests(status),
  grants: (_root, { activeOnly }, ctx) => ctx.sharing.grants(activeOnly),
  myAccessLog: (_root, { from, to }, ctx) => ctx.audit.myAccessLog(from ? new Date(from) : null, to ? new Date(to) : null),
  auditTrail: (_root, { department, subject, from, to, limit }, ctx) =>
    ctx.audit.trail({ department, subject, from: from ? new Date(from) : null, to: to ? new Date(to) : null, limit }),
  alerts: (_root, { acknowledged }, ctx) => ctx.audit.alerts(acknowledged),
};
