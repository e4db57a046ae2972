/**
 * The audit-trail part of the scale benchmark: append a large trail through
 * the hub's own AuditWriter, then time `verifyAuditTrail` (read from the
 * database, hash every record, check every link and signed checkpoint) and
 * variants of its read path, to show where the time goes.
 *
 * The variants re-implement `readAuditTrail` (src/access/enforcement/audit-trail.ts)
 * with the changes their names list (a control with none); every variant must verify the whole trail `ok`
 * against the same checkpoints, which proves it read every record exactly as
 * it was hashed.
 */
import type { KeyObject } from 'node:crypto';
import type { AuditEntry, AuditRecord } from '../../src/access/audit/audit.types.js';
import { createAuditChainVerifier, verifyAuditChain, type AuditChainVerification } from '../../src/access/audit/verify-chain.js';
import { readAuditTrail, readCheckpoints, verifyAuditTrail } from '../../src/access/enforcement/audit-trail.js';
import { AuditWriter } from '../../src/access/enforcement/audit-writer.js';
import type { Database } from '../../src/db/database.js';
import { DEPARTMENTS } from '../../src/seed/catalogue.js';
import { auditRecordFromJson } from '../../src/access/audit/record-json.js';

/** Entries per `AuditWriter.append` call: the writer signs one checkpoint per call that crosses a multiple of 1,000, so this keeps production's density. */
const APPEND_BATCH = 1_000;

const PERSON_FIELDS = [
  ['Person.name', 'Person.gender', 'Person.birthDate'],
  ['Person.name', 'Person.phone', 'Person.residenceAddress'],
  ['Person.name', 'Person.householdAddress', 'Person.maritalStatus', 'Person.lifeStatus'],
  ['License.holderName', 'License.licenseNumber'],
] as const;

/**
 * Appends `count` entries through `AuditWriter.append` (advisory lock, head
 * read, chainRecords, one multi-row INSERT, a signed checkpoint every 1,000
 * records), `APPEND_BATCH` entries per transaction.
 *
 * @returns rows appended and the time it took.
 */
export async function appendTrail(db: Database, signer: { privateKey: KeyObject; kid: string }, count: number, subjects: readonly string[], onProgress?: (done: number) => void): Promise<{ rows: number; ms: number }> {
  const writer = new AuditWriter(signer);
  const departments = Object.values(DEPARTMENTS).map((d) => d.code);
  const base = Date.UTC(2026, 0, 15, 2, 0, 0);
  const started = performance.now();
  for (let done = 0; done < count;) {
    const n = Math.min(APPEND_BATCH, count - done);
    const entries: AuditEntry[] = [];
    for (let k = 0; k < n; k += 1) {
      const i = done + k;
      const entity = i % 5 === 0;
      entries.push({
        at: new Date(base + i * 7),
        department: departments[i % departments.length]!,
        operator: `system-${i % 53}`,
        role: i % 9 === 0 ? 'OPERATOR' : 'DEPARTMENT_SYSTEM',
        subjectKind: entity ? 'ENTITY' : 'PERSON',
        subject: entity ? '91110105MA0000001X' : subjects[i % subjects.length]!,
        fields: [...PERSON_FIELDS[i % PERSON_FIELDS.length]!],
        purpose: i % 3 === 0 ? null : 'TAX_REGISTRATION',
        grantIds: [`00000000-0000-4000-8000-${String(i % 97).padStart(12, '0')}`],
        requestId: `scale-${i}`,
        outcome: i % 23 === 0 ? 'DENIED' : 'READ',
      });
    }
    await writer.append(db.fork(), entries);
    done += n;
    onProgress?.(done);
  }
  return { rows: count, ms: performance.now() - started };
}

/** One way of reading and verifying the stored trail. */
export interface VerifyVariant {
  readonly name: string;
  readonly run: (db: Database, publicKey: KeyObject) => Promise<AuditChainVerification>;
}

/** How a variant reads the trail, in the named respects. */
interface ReadOptions {
  /**
   * `columns`: fourteen columns with `at` as `to_char(…)` text (the hub's read path before row JSON);
   * `row-json`: one `row_to_json(…)::text` per row, decoded with `JSON.parse`
   * (`at` as PostgreSQL's JSON timestamp, ISO 8601 with an offset).
   */
  readonly format: 'columns' | 'row-json';
  /**
   * `keyset`: `where seq > last order by seq limit page` (as readAuditTrail);
   * `seq-range`: `where seq > a and seq <= a + page order by seq` up to the
   * `max(seq)` read first: an index range scan whatever the planner's
   * statistics say (see README: without them, `limit` ≥ ~10,000 turns into a
   * sort of the whole table per page).
   */
  readonly pagination: 'keyset' | 'seq-range';
  readonly page: number;
  /** Ask for the next page before the current one is decoded and verified (a server then works while this thread hashes). */
  readonly prefetch: boolean;
}

const COLUMNS = 'seq, at, department, operator, role, subject_kind, subject, fields, purpose, grant_ids, request_id, outcome, prev_hash, hash';
const TO_CHAR_COLUMNS = COLUMNS.replace(' at,', ` to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,`);

function fromColumns(r: Record<string, unknown>): AuditRecord {
  return {
    seq: Number(r.seq), at: new Date(String(r.at)), department: String(r.department), operator: String(r.operator), role: String(r.role),
    subjectKind: r.subject_kind as AuditRecord['subjectKind'], subject: String(r.subject), fields: r.fields as string[],
    purpose: (r.purpose as string | null) ?? null, grantIds: r.grant_ids as string[], requestId: String(r.request_id),
    outcome: r.outcome as AuditRecord['outcome'], prevHash: String(r.prev_hash), hash: String(r.hash),
  };
}

/** Pages of the trail in seq order, read as `options` say, as the driver returns them (not decoded). */
async function* readRawPages(db: Database, options: ReadOptions): AsyncGenerator<Array<Record<string, unknown>>> {
  const connection = db.orm.em.getConnection();
  const where = options.pagination === 'keyset' ? `seq > ? order by seq limit ${options.page}` : 'seq > ? and seq <= ? order by seq';
  const sql = options.format === 'columns'
    ? `select ${TO_CHAR_COLUMNS} from sharing.audit_record where ${where}`
    : `select row_to_json(t)::text as j from (select ${COLUMNS} from sharing.audit_record where ${where}) t`;
  const fetch = (after: number) => connection.execute<Array<Record<string, unknown>>>(sql, options.pagination === 'keyset' ? [after] : [after, after + options.page]);

  if (options.pagination === 'seq-range') {
    const [head] = await connection.execute<Array<{ max: number | null }>>('select max(seq)::float8 as max from sharing.audit_record');
    const max = Number(head?.max ?? 0);
    let next = max > 0 ? fetch(0) : undefined;
    for (let after = 0; next; after += options.page) {
      const rows = await next;
      next = undefined;
      const more = after + options.page < max;
      if (more && options.prefetch) next = fetch(after + options.page);
      yield rows;
      if (more && !options.prefetch) next = fetch(after + options.page);
    }
    return;
  }
  // Keyset pagination needs the last seq of a page before the next can be asked for; with
  // prefetch the next request is sent as soon as a page arrives, before it is decoded.
  let next = fetch(0);
  for (;;) {
    const rows = await next;
    const last = rows.length === options.page ? Number(options.format === 'columns' ? rows[rows.length - 1]!.seq : auditRecordFromJson(String(rows[rows.length - 1]!.j)).seq) : undefined;
    if (last !== undefined && options.prefetch) next = fetch(last);
    yield rows;
    if (last === undefined) return;
    if (!options.prefetch) next = fetch(last);
  }
}

/** Pages of decoded records. */
async function* readPages(db: Database, options: ReadOptions): AsyncGenerator<AuditRecord[]> {
  for await (const rows of readRawPages(db, options)) {
    yield options.format === 'columns' ? rows.map(fromColumns) : rows.map((r) => auditRecordFromJson(String(r.j)));
  }
}

/** The same, one record at a time (what verifyAuditChain's `for await` consumes, as verifyAuditTrail feeds it). */
async function* readRecords(db: Database, options: ReadOptions): AsyncGenerator<AuditRecord> {
  for await (const page of readPages(db, options)) yield* page;
}

/** Verifies with the streaming verifier fed page by page: one `await` per page instead of one per record. */
async function verifyByPage(db: Database, publicKey: KeyObject, options: ReadOptions): Promise<AuditChainVerification> {
  const verifier = createAuditChainVerifier(await readCheckpoints(db), publicKey);
  for await (const page of readPages(db, options)) for (const record of page) verifier.push(record);
  return verifier.finish();
}

const ROW_JSON: ReadOptions = { format: 'row-json', pagination: 'keyset', page: 5_000, prefetch: false };

/** Every way of verifying the trail the benchmark times; the first is the hub's own. */
export const VERIFY_VARIANTS: readonly VerifyVariant[] = [
  { name: 'verifyAuditTrail (D: B, decoded and verified in a worker thread)', run: (db, key) => verifyAuditTrail(db, key) },
  { name: 'the previous read path: 14 typed columns per row, one thread', run: async (db, key) => verifyAuditChain(readRecords(db, { ...ROW_JSON, format: 'columns' }), await readCheckpoints(db), key) },
  { name: 'A: one row_to_json text per row', run: async (db, key) => verifyAuditChain(readRecords(db, ROW_JSON), await readCheckpoints(db), key) },
  { name: 'B: A + prefetch next page + push per page', run: (db, key) => verifyByPage(db, key, { ...ROW_JSON, prefetch: true }) },
  { name: 'C: B with 20,000-seq ranges', run: (db, key) => verifyByPage(db, key, { ...ROW_JSON, pagination: 'seq-range', page: 20_000, prefetch: true }) },
];

/** Reads the trail with readAuditTrail (row JSON pages, decoded on this thread) into memory, without verifying: the read path alone. */
export async function readOnly(db: Database): Promise<{ records: AuditRecord[]; ms: number }> {
  const started = performance.now();
  const records: AuditRecord[] = [];
  for await (const record of readAuditTrail(db)) records.push(record);
  return { records, ms: performance.now() - started };
}

/** Verifies records already in memory: the hashing and chain walk alone (the ceiling for any read path). */
export async function verifyOnly(db: Database, records: readonly AuditRecord[], publicKey: KeyObject): Promise<{ result: AuditChainVerification; ms: number }> {
  const checkpoints = await readCheckpoints(db);
  const started = performance.now();
  const result = await verifyAuditChain(records, checkpoints, publicKey);
  return { result, ms: performance.now() - started };
}

/** Whether the planner has statistics for the trail, and the plans it picks for readAuditTrail's page query at two page sizes. */
export async function describeTrailPlans(db: Database): Promise<{ statistics: string; plans: Array<readonly [number, string]> }> {
  const connection = db.orm.em.getConnection();
  const [stats] = await connection.execute<Array<{ reltuples: number }>>(`select reltuples::float8 as reltuples from pg_class where oid = 'sharing.audit_record'::regclass`);
  const reltuples = Number(stats?.reltuples ?? -1);
  const plans: Array<readonly [number, string]> = [];
  for (const page of [5_000, 20_000]) {
    const rows: Array<{ 'QUERY PLAN': string }> = await connection.execute(`explain select ${TO_CHAR_COLUMNS} from sharing.audit_record where seq > ? order by seq limit ${page}`, [0]);
    plans.push([page, rows.map((r) => r['QUERY PLAN'].trim().replace(/\s+\(cost=.*$/, '').replace(/^->\s+/, '')).filter((l) => !/^(Sort Key|Index Cond|Filter)/.test(l)).join(' ← ')]);
  }
  return { statistics: reltuples < 0 ? 'never analyzed (pg_class.reltuples = -1)' : `analyzed (pg_class.reltuples = ${Math.round(reltuples).toLocaleString('en')})`, plans };
}
