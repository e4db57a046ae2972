/**
 * An audit record read as one `row_to_json(…)::text` per row (see audit-trail.ts).
 */
import type { AuditRecord } from '../../src/access/audit/audit.types.js';

/** The audit columns, as `row_to_json` names them. */
interface JsonRow {
  seq: number; at: string; department: string; operator: string; role: string; subject_kind: AuditRecord['subjectKind']; subject: string;
  fields: string[]; purpose: string | null; grant_ids: string[]; request_id: string; outcome: AuditRecord['outcome']; prev_hash: string; hash: string;
}

/**
 * Decodes one row. `at` is PostgreSQL's JSON rendering of a timestamptz (ISO
 * 8601 with the session's offset, e.g. `2026-01-15T10:00:00.007+08:00`), the
 * same instant whatever the session time zone.
 */
export function recordFromJson(text: string): AuditRecord {
  const r = JSON.parse(text) as JsonRow;
  return {
    seq: r.seq, at: new Date(r.at), department: r.department, operator: r.operator, role: r.role, subjectKind: r.subject_kind, subject: r.subject,
    fields: r.fields, purpose: r.purpose, grantIds: r.grant_ids, requestId: r.request_id, outcome: r.outcome, prevHash: r.prev_hash, hash: r.hash,
  };
}

/** The seq of a row without decoding the rest (keyset pagination needs only that). */
export function seqOfJson(text: string): number {
  return (JSON.parse(text) as JsonRow).seq;
}
