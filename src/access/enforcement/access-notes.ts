import type { AuditEntry } from '../audit/audit.types.js';
import type { RequestAccess } from './request-access.js';

/**
 * A request's access notes as audit entries: one per subject and outcome, with
 * the items read (never the values), the purpose and the grants.
 */
export function auditEntries(access: RequestAccess, requestId: string, at: Date): AuditEntry[] {
  const p = access.principal;
  return [...access.noted()].map((g) => ({
    at, department: p.department ?? '', operator: p.subject, role: p.role, subjectKind: g.subject.kind, subject: g.subject.id,
    fields: [...g.items], purpose: access.purpose ?? null, grantIds: [...g.grantIds], requestId, outcome: g.outcome,
  }));
}
