import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { KeyObject } from 'node:crypto';
import type { AuditEntry } from '../audit/audit.types.js';
import { chainRecords } from '../audit/chain-records.js';
import { signCheckpoint } from '../audit/checkpoint.js';

/** Serialises appends to the one chain across every process (an arbitrary, fixed advisory-lock key). */
const AUDIT_LOCK = 727_001;
/** A signed checkpoint every this many records. */
const CHECKPOINT_EVERY = 1_000;
/** Joins the fields and grant lists of a row (see write()). */
const SEPARATOR = '\u001f';
/** At most this many entries go into one transaction; the rest wait for the next. */
const MAX_BATCH_ENTRIES = 5_000;

interface Waiter {
  readonly em: EntityManager;
  readonly entries: readonly AuditEntry[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Appends audit entries to the hash chain. Appends from every process are
 * serialised by a transaction-scoped advisory lock, so seq stays gapless and
 * each record links to the one before it. Every 1,000 records a checkpoint is
 * signed with the hub's key.
 *
 * Group commit: appends that arrive while a transaction is being written wait
 * and go together into the next one. One request's answer still waits for its
 * own records to be committed (`append` resolves only then, and rejects if that
 * transaction fails, so the caller can fail closed), but under load N requests
 * cost one lock, one head read and one insert instead of N of each: the
 * gateway's five subgraph fetches per nested query used to be five serial
 * transactions fighting for the same lock.
 */
export class AuditWriter {
  private queue: Waiter[] = [];
  private flushing: Promise<void> | undefined;

  constructor(private readonly signer: { privateKey: KeyObject; kid: string } | undefined) {}

  /** Appends `entries`; resolves once they are committed, rejects if they were not. */
  append(em: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ em, entries, resolve, reject });
      this.flushing ??= this.drain();
    });
  }

  /** Resolves when nothing is queued or being written (for shutdown). */
  async idle(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        try {
          await this.write(batch[0]!.em, batch.flatMap((w) => w.entries));
          for (const w of batch) w.resolve();
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  private takeBatch(): Waiter[] {
    let count = 0;
    let n = 0;
    while (n < this.queue.length && (n === 0 || count + this.queue[n]!.entries.length <= MAX_BATCH_ENTRIES)) {
      count += this.queue[n]!.entries.length;
      n += 1;
    }
    return this.queue.splice(0, n);
  }

  private async write(em: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    await em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const trx = tx.getTransactionContext<Knex.Transaction>()!;
      await connection.execute('select pg_advisory_xact_lock(?)', [AUDIT_LOCK], 'all', trx);
      const head = await connection.execute<Array<{ seq: string | number; hash: string }>>(
        'select seq, hash from sharing.audit_record order by seq desc limit 1', [], 'all', trx,
      );
      const records = chainRecords(head[0] ? { seq: Number(head[0].seq), hash: head[0].hash } : null, entries);
      const rows = records.map((r) => ({
        seq: r.seq, at: r.at.toISOString(), department: r.department, operator: r.operator, role: r.role, subject_kind: r.subjectKind, subject: r.subject,
        fields: r.fields.join(SEPARATOR), purpose: r.purpose, grant_ids: r.grantIds.join(SEPARATOR), request_id: r.requestId, outcome: r.outcome, prev_hash: r.prevHash, hash: r.hash,
      }));
      // The rows go as one bound parameter, straight to the driver: through connection.execute the
      // ORM would quote the (often 100 KiB) JSON into the SQL text, and the server would parse it back.
      // The two lists travel as text joined by the unit separator (U+001F), a control character no
      // catalogue item or grant id contains: cheaper for the server than a sub-select per row.
      await trx.raw(
        `insert into sharing.audit_record (seq, at, department, operator, role, subject_kind, subject, fields, purpose, grant_ids, request_id, outcome, prev_hash, hash)
         select seq, at, department, operator, role, subject_kind, subject, string_to_array(fields, chr(31)), purpose,
                string_to_array(grant_ids, chr(31)), request_id, outcome, prev_hash, hash
         from jsonb_to_recordset(?::jsonb) as x(seq bigint, at timestamptz, department varchar, operator varchar, role varchar, subject_kind varchar, subject varchar,
           fields text, purpose varchar, grant_ids text, request_id varchar, outcome varchar, prev_hash varchar, hash varchar)`,
        [JSON.stringify(rows)],
      );
      const last = records[records.length - 1]!;
      const first = records[0]!;
      if (this.signer && Math.floor(last.seq / CHECKPOINT_EVERY) > Math.floor((first.seq - 1) / CHECKPOINT_EVERY)) {
        const cp = signCheckpoint(last, new Date(), this.signer);
        await connection.execute('insert into sharing.audit_checkpoint (seq, hash, at, signature) values (?, ?, ?, ?)', [cp.seq, cp.hash, cp.at.toISOString(), cp.signature], 'run', trx);
      }
    });
  }

  /** Signs a checkpoint of the current head now (e.g. before verifying or on a schedule). */
  async checkpoint(em: EntityManager): Promise<number | undefined> {
    if (!this.signer) return undefined;
    const head = await em.getConnection().execute<Array<{ seq: string | number; hash: string }>>('select seq, hash from sharing.audit_record order by seq desc limit 1');
    if (!head[0]) return undefined;
    const existing = await em.getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from sharing.audit_checkpoint where seq = ?', [Number(head[0].seq)]);
    if (existing[0]?.n) return Number(head[0].seq);
    const cp = signCheckpoint({ seq: Number(head[0].seq), hash: head[0].hash }, new Date(), this.signer);
    await em.getConnection().execute('insert into sharing.audit_checkpoint (seq, hash, at, signature) values (?, ?, ?, ?)', [cp.seq, cp.hash, cp.at.toISOString(), cp.signature]);
    return cp.seq;
  }
}
