/**
 * Verifies the audit trail: every record against its hash, every link
 * against its predecessor, seqs for gaps, duplicates and order, and the chain
 * against signed checkpoints. Returns one finding per problem, located at a
 * seq, so a supervisor sees *what* happened *where* — not just "invalid".
 *
 * What it can and cannot tell (stated plainly):
 * - Any change to stored records below the latest valid checkpoint is
 *   detected. Records after it are protected by the chain alone: someone who
 *   can write the table can append records, or rewrite and re-hash the
 *   unsigned tail, undetectably. Checkpoint often (e.g. on every flush).
 * - A rewrite that re-hashes everything after an edit is caught only by the
 *   first checkpoint after it (CHECKPOINT_MISMATCH), which bounds *where*
 *   (after the last matching checkpoint) but cannot name the record.
 * - Records displaced by more than the reorder window are first taken for
 *   deleted, then reported as REORDERED when they turn up.
 * - Classification of several tamperings close together is best effort;
 *   detection is not.
 */
import { AuditError } from './audit.errors.js';
import type { AuditCheckpoint, AuditRecord, AuditVerification } from './audit.types.js';
import { ChainVerifier } from './chain-verifier.js';
import { checkpointFailure, type CheckpointKeys } from './checkpoint.js';

/** Options of {@link verifyAuditChain}. */
export interface VerifyAuditOptions {
  /**
   * How many records may arrive ahead of their turn before the seqs still
   * missing are declared deleted. Bounds memory; default 4096.
   */
  readonly reorderWindow?: number;
  /** Findings kept; further ones are only counted in `problemsOmitted`. Default 10,000. */
  readonly maxProblems?: number;
}

/** {@link AuditVerification} plus the count of findings beyond `maxProblems`. */
export interface AuditChainVerification extends AuditVerification {
  readonly problemsOmitted: number;
}

/** A verifier fed one record at a time, for callers that page through the table themselves. */
export interface AuditChainVerifier {
  /** Feeds the next record in storage order (by insertion id, or by seq). */
  push(record: AuditRecord): void;
  /** Ends the input; call once. */
  finish(): AuditChainVerification;
}

/**
 * Starts a streaming verification (see {@link verifyAuditChain}).
 *
 * @example
 * const v = createAuditChainVerifier(checkpoints, auditPublicKey);
 * for (let page = await repo.page(0); page.length > 0; page = await repo.page(page.at(-1)!.id)) page.forEach((r) => v.push(r));
 * const result = v.finish();
 */
export function createAuditChainVerifier(
  checkpoints: readonly AuditCheckpoint[],
  publicKey: CheckpointKeys,
  options: VerifyAuditOptions = {},
): AuditChainVerifier {
  const started = performance.now();
  const valid = new Map<number, AuditCheckpoint[]>();
  const bad: Array<{ seq: number; why: string }> = [];
  let maxSeq = 0;
  for (const cp of checkpoints) {
    const why = checkpointFailure(cp, publicKey);
    if (why !== undefined) {
      bad.push({ seq: Number.isSafeInteger(cp?.seq) ? cp.seq : 0, why });
      continue;
    }
    const list = valid.get(cp.seq);
    if (list) list.push(cp);
    else valid.set(cp.seq, [cp]);
    if (cp.seq > maxSeq) maxSeq = cp.seq;
  }
  const chain = new ChainVerifier(valid, maxSeq, {
    reorderWindow: Math.max(1, Math.floor(options.reorderWindow ?? 4096)),
    maxProblems: Math.max(1, Math.floor(options.maxProblems ?? 10_000)),
  });
  for (const { seq, why } of bad) chain.report('BAD_CHECKPOINT_SIGNATURE', seq, `checkpoint ignored: ${why}`);
  let finished: AuditChainVerification | undefined;
  return {
    push: (record) => {
      if (finished) throw new TypeError('push() after finish()');
      chain.push(record);
    },
    finish: () => {
      if (finished) return finished;
      const { problems, omitted } = chain.finish();
      const seconds = (performance.now() - started) / 1000;
      finished = {
        ok: problems.length === 0,
        records: chain.records,
        checkpoints: checkpoints.length,
        ...(seconds > 0 ? { rowsPerSecond: Math.round(chain.records / seconds) } : {}),
        problems,
        problemsOmitted: omitted,
      };
      return finished;
    },
  };
}

function isAsync<T>(input: Iterable<T> | AsyncIterable<T>): input is AsyncIterable<T> {
  return typeof (input as Partial<AsyncIterable<T>>)[Symbol.asyncIterator] === 'function';
}

/**
 * Verifies an audit trail read in storage order — `order by seq`, or by the
 * table's insertion id (then records moved out of place are found too) —
 * against `checkpoints` signed by `publicKey` (a key, or a lookup by kid).
 * Streams: memory stays bounded by the reorder window, whatever the length.
 * Never throws for bad data; every problem is a finding located at a seq.
 *
 * @example
 * const result = await verifyAuditChain(repo.streamByInsertionId(), await repo.checkpoints(), auditPublicKey);
 * if (!result.ok) for (const p of result.problems) log.error(p, 'audit trail tampered');
 */
export async function verifyAuditChain(
  records: Iterable<AuditRecord> | AsyncIterable<AuditRecord>,
  checkpoints: readonly AuditCheckpoint[],
  publicKey: CheckpointKeys,
  options: VerifyAuditOptions = {},
): Promise<AuditChainVerification> {
  const verifier = createAuditChainVerifier(checkpoints, publicKey, options);
  if (isAsync(records)) {
    for await (const record of records) verifier.push(record);
  } else {
    for (const record of records) verifier.push(record);
  }
  return verifier.finish();
}

/**
 * {@link verifyAuditChain}, throwing when the trail is not intact.
 *
 * @throws {AuditError} `AUDIT_CHAIN_BROKEN` with the first findings in `details.problems`.
 */
export async function assertAuditChain(
  records: Iterable<AuditRecord> | AsyncIterable<AuditRecord>,
  checkpoints: readonly AuditCheckpoint[],
  publicKey: CheckpointKeys,
  options?: VerifyAuditOptions,
): Promise<AuditChainVerification> {
  const result = await verifyAuditChain(records, checkpoints, publicKey, options);
  if (!result.ok) throw AuditError.broken(result.problems);
  return result;
}
