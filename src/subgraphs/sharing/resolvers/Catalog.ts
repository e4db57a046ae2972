import type { AccessLogEntryResolvers, AlertResolvers, AuditRecordResolvers, CatalogItemResolvers, GrantResolvers, SharingRequestResolvers } from '../../../__generated__/sharing.js';

/** Catalogue items point at their provider and their change history. */
export const CatalogItem: CatalogItemResolvers = {
  provider: (item) => (item.providerCode ? { code: item.providerCode } as never : null),
  history: async (item, _args, ctx) => (await ctx.catalog.history(item.id!)).map((c) => ({ changedAt: c.changedAt, changedBy: c.changedBy, reason: c.reason, before: c.before ?? null, after: c.after })),
};

/** Requests point at departments and, once approved, their grant. */
export const SharingRequest: SharingRequestResolvers = {
  consumer: (r, _args, ctx) => ctx.departments.get(r.consumerCode!) as never,
  provider: (r, _args, ctx) => ctx.departments.get(r.providerCode!) as never,
  overdue: (r, _args, ctx) => r.status === 'PENDING' && r.dueAt!.getTime() < ctx.now.getTime(),
  grant: async (r, _args, ctx) => (r.grantId ? (await ctx.sharing.grants()).find((g) => g.id === r.grantId) ?? null : null),
};

/** Grants point at departments and say whether they are active now. */
export const Grant: GrantResolvers = {
  consumer: (g, _args, ctx) => ctx.departments.get(g.consumerCode!) as never,
  provider: (g, _args, ctx) => ctx.departments.get(g.providerCode!) as never,
  active: (g, _args, ctx) => ctx.sharing.active(g as never),
};

/** Audit records name the reading department. */
export const AuditRecord: AuditRecordResolvers = {
  department: (r, _args, ctx) => ctx.departments.get(r.department!).then((d) => d ?? ({ code: r.department } as never)) as never,
  seq: (r) => Number(r.seq),
};

/** A citizen's access log entry: the department's name, the items, the purpose. */
export const AccessLogEntry: AccessLogEntryResolvers = {
  department: (r, _args, ctx) => ctx.departments.get(r.department!) as never,
};

/** Alerts name the department and whether someone has seen them. */
export const Alert: AlertResolvers = {
  department: (a, _args, ctx) => ctx.departments.get(a.department!) as never,
  acknowledged: (a) => Boolean(a.acknowledgedAt),
};
