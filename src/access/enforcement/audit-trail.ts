import type { KeyObject } from 'node:crypto';
import type { Database } from '../../db/database.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AuditCheckpoint, AuditRecord } from '../audit/audit.types.js';
import { auditRecordFromJson } from '../audit/record-json.js';
import { createAuditChainVerifier, type AuditChainVerification } from '../audit/verify-chain.js';

const PAGE = 5_000;

/** Streams the stored trail in seq order, one record at a time (keyset pagination: memory stays flat). */
export async function* readAuditTrail(db: Database): AsyncGenerator<AuditRecord> {
  for await (const page of readAuditPages(db)) for (const text of page) yield auditRecordFromJson(text);
}

/** Every stored checkpoint. */
export async function readCheckpoints(db: Database): Promise<AuditCheckpoint[]> {
  const rows = await db.orm.em.getConnection().execute<Array<Record<string, unknown>>>(
    `select seq, hash, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, signature from sharing.audit_checkpoint order by seq`,
  );
  return rows.map((r: Record<string, unknown>) => ({ seq: Number(r.seq), hash: String(r.hash), at: new Date(String(r.at)), signature: String(r.signature) }));
}

/** One page of stored records in seq order, as JSON text (see {@link auditRecordFromJson}). */
async function pageAfter(db: Database, after: number): Promise<string[]> {
  const rows = await db.orm.em.getConnection().execute<Array<{ j: string }>>(
    `select row_to_json(t)::text as j from (
       select seq, at, department, operator, role, subject_kind, subject, fields, purpose, grant_ids, request_id, outcome, prev_hash, hash
       from sharing.audit_record where seq > ? order by seq limit ${PAGE}) t`, [after],
  );
  return rows.map((r: { j: string }) => r.j);
}

/**
 * The trail's pages in seq order, each requested as soon as the previous one
 * arrived, so the database reads the next page while the caller verifies this one.
 */
async function* readAuditPages(db: Database): AsyncGenerator<string[]> {
  let next = pageAfter(db, 0);
  for (;;) {
    const page = await next;
    if (page.length === PAGE) next = pageAfter(db, auditRecordFromJson(page[page.length - 1]!).seq);
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
  }
}

/** Pages posted to the worker and not yet verified, at most: bounds memory. */
const PAGES_IN_FLIGHT = 3;

/**
 * Verifies in a worker thread: this thread reads pages while the worker
 * decodes and hashes them, so both cores work (about 2–3× the rows/s of one
 * thread; bench/scale measures it).
 */
async function verifyInWorker(db: Database, checkpoints: AuditCheckpoint[], publicKey: KeyObject): Promise<AuditChainVerification> {
  // Run from TypeScript sources (tsx), a worker must register tsx's loader itself: Node 20 workers do not inherit it.
  const workerUrl = new URL(`./audit-verify-worker${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url).href;
  const source = import.meta.url.endsWith('.ts')
    ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); })`
    : `import(${JSON.stringify(workerUrl)})`;
  const worker = new Worker(source, { eval: true, workerData: { checkpoints, publicKey } });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the audit verification worker exited (${code})`)));
  });
  failed.catch(() => undefined);
  let outstanding = 0;
  let wake: (() => void) | undefined;
  let finish: ((result: AuditChainVerification) => void) | undefined;
  worker.on('message', (m: { ack?: true; result?: AuditChainVerification }) => {
    if (m.ack) {
      outstanding -= 1;
      wake?.();
    } else if (m.result) {
      finish?.(m.result);
    }
  });
  try {
    for await (const page of readAuditPages(db)) {
      while (outstanding >= PAGES_IN_FLIGHT) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), failed]);
      outstanding += 1;
      worker.postMessage({ page });
    }
    const result = new Promise<AuditChainVerification>((resolve) => (finish = resolve));
    worker.postMessage({ done: true });
    return await Promise.race([result, failed]);
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}

/**
 * `onewindow audit verify`: checks the whole trail — every hash link, gapless
 * seq, and every signed checkpoint — and says what is wrong where (EDITED,
 * DELETED, INSERTED, REORDERED, TRUNCATED, CHECKPOINT_MISMATCH…). Decoding and
 * hashing run in a worker thread while this one reads; `inWorker: false` does
 * it all on this thread.
 */
export async function verifyAuditTrail(db: Database, publicKey: KeyObject, options: { inWorker?: boolean } = {}): Promise<AuditChainVerification> {
  const checkpoints = await readCheckpoints(db);
  if (options.inWorker ?? true) return verifyInWorker(db, checkpoints, publicKey);
  const verifier = createAuditChainVerifier(checkpoints, publicKey);
  for await (const record of readAuditTrail(db)) verifier.push(record);
  return verifier.finish();
}
