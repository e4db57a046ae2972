import type { KeyObject } from 'node:crypto';
import type { Database } from '../../db/database.js';
import type { AuditCheckpoint, AuditRecord } from '../audit/audit.types.js';
import { verifyAuditChain, type AuditChainVerification } from '../audit/verify-chain.js';

const PAGE = 5_000;

/** Streams the stored trail in seq order, a page at a time (keyset pagination: memory stays flat). */
export async function* readAuditTrail(db: Database): AsyncGenerator<AuditRecord> {
  const connection = db.orm.em.getConnection();
  let after = 0;
  for (;;) {
    const rows = await connection.execute<Array<Record<string, unknown>>>(
      // The timestamp as ISO text with milliseconds, the precision it was hashed at, on both drivers.
      `select seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, department, operator, role, subject_kind, subject, fields, purpose, grant_ids, request_id, outcome, prev_hash, hash
       from sharing.audit_record where seq > ? order by seq limit ${PAGE}`, [after],
    );
    for (const r of rows) {
      yield {
        seq: Number(r.seq), at: new Date(String(r.at)), department: String(r.department), operator: String(r.operator), role: String(r.role),
        subjectKind: r.subject_kind as AuditRecord['subjectKind'], subject: String(r.subject), fields: r.fields as string[],
        purpose: (r.purpose as string | null) ?? null, grantIds: r.grant_ids as string[], requestId: String(r.request_id),
        outcome: r.outcome as AuditRecord['outcome'], prevHash: String(r.prev_hash), hash: String(r.hash),
      };
    }
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}

/** Every stored checkpoint. */
export async function readCheckpoints(db: Database): Promise<AuditCheckpoint[]> {
  const rows = await db.orm.em.getConnection().execute<Array<Record<string, unknown>>>(
    `select seq, hash, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, signature from sharing.audit_checkpoint order by seq`,
  );
  return rows.map((r: Record<string, unknown>) => ({ seq: Number(r.seq), hash: String(r.hash), at: new Date(String(r.at)), signature: String(r.signature) }));
}

/**
 * `onewindow audit verify`: checks the whole trail — every hash link, gapless
 * seq, and every signed checkpoint — and says what is wrong where (EDITED,
 * DELETED, INSERTED, REORDERED, TRUNCATED, CHECKPOINT_MISMATCH…).
 */
export async function verifyAuditTrail(db: Database, publicKey: KeyObject): Promise<AuditChainVerification> {
  return verifyAuditChain(readAuditTrail(db), await readCheckpoints(db), publicKey);
}
