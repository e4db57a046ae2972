import type { AuditRecord } from './audit.types.js';

/** The audit columns, as `row_to_json` names them. */
interface JsonRow {
  seq: number; at: string; department: string; operator: string; role: string; subject_kind: AuditRecord['subjectKind']; subject: string;
  fields: string[]; purpose: string | null; grant_ids: string[]; request_id: string; outcome: AuditRecord['outcome']; prev_hash: string; hash: string;
}

/**
 * Decodes one stored record read as `row_to_json(…)::text`: one string per
 * row is far cheaper for the driver than fourteen typed columns, and
 * `JSON.parse` is the fastest decoder JavaScript has. `at` is PostgreSQL's
 * JSON rendering of a timestamptz (ISO 8601 with the session's offset), the
 * same instant whatever the session time zone, at the millisecond precision it
 * was hashed at.
 */
export function auditRecordFromJson(text: string): AuditRecord {
  const r = JSON.parse(text) as JsonRow;
  return {
    seq: Number(r.seq), at: new Date(r.at), department: r.department, operator: r.operator, role: r.role, subjectKind: r.subject_kind, subject: r.subject,
    fields: r.fields, purpose: r.purpose, grantIds: r.grant_ids, requestId: r.request_id, outcome: r.outcome, prevHash: r.prev_hash, hash: r.hash,
  };
}
