import type { AuditEntry } from '../audit/audit.types.js';
import type { RequestAccess } from './request-access.js';

/**
 * Groups a request's access notes into audit entries: one per subject and
 * outcome, with the items read (never the values), the purpose and the grants.
 */
export function auditEntries(access: RequestAccess, requestId: string, at: Date): AuditEntry[] {
  const groups = new Map<string, { kind: 'PERSON' | 'ENTITY'; subject: string; outcome: 'READ' | 'DENIED'; fields: Set<string>; grants: Set<string> }>();
  for (const note of access.notes) {
    const key = `${note.subject.kind}|${note.subject.id}|${note.outcome}`;
    let group = groups.get(key);
    if (!group) {
      group = { kind: note.subject.kind, subject: note.subject.id, outcome: note.outcome, fields: new Set(), grants: new Set() };
      groups.set(key, group);
    }
    group.fields.add(note.item);
    if (note.grantId) group.grants.add(note.grantId);
  }
  const p = access.principal;
  return [...groups.values()].map((g) => ({
    at, department: p.department ?? '', operator: p.subject, role: p.role, subjectKind: g.kind, subject: g.subject,
    fields: [...g.fields], purpose: access.purpose ?? null, grantIds: [...g.grants], requestId, outcome: g.outcome,
  }));
}
