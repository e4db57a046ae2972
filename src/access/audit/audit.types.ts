/**
 * The shapes of OneWindow's access-transparency audit trail: what a caller
 * records for one read, what is stored (the entry plus its place in the hash
 * chain), the signed checkpoints, and the verification result.
 *
 * An entry says *who* read *which fields* of *whose* record, *when* and *why*
 * — never the values read (Estonia's Data Tracker lesson: log fields and
 * purpose, not data).
 */

/** What the caller records for one read (or refused read) of one subject's personal data. */
export interface AuditEntry {
  /** When the read happened (stored as `timestamptz`; hashed at millisecond precision). */
  readonly at: Date;
  /** The reading department's unified social credit code. */
  readonly department: string;
  /** The access token's subject (system or operator id). */
  readonly operator: string;
  /** The caller's role, e.g. `OPERATOR`. */
  readonly role: string;
  readonly subjectKind: 'PERSON' | 'ENTITY';
  /** The citizen ID number or credit code whose data was read. */
  readonly subject: string;
  /** Catalogue item ids read, e.g. `['Person.name', 'Person.phone']`; {@link chainRecords} sorts and de-duplicates them. */
  readonly fields: readonly string[];
  /** The purpose stated on the request, if any. */
  readonly purpose: string | null;
  /** Grants the read relied on; {@link chainRecords} sorts and de-duplicates them. */
  readonly grantIds: readonly string[];
  /** Correlates with the request log. */
  readonly requestId: string;
  readonly outcome: 'READ' | 'DENIED';
}

/** A stored audit record: the entry and its link in the hash chain. */
export interface AuditRecord extends AuditEntry {
  /** 1, 2, 3… without gaps. */
  readonly seq: number;
  /** Lower-case hex SHA-256 of the previous record; 64 zeros ({@link GENESIS_HASH}) for seq 1. */
  readonly prevHash: string;
  /** Lower-case hex SHA-256 of {@link canonicalAuditBytes}(seq, prevHash, entry). */
  readonly hash: string;
}

/** A signed statement "the record at `seq` has hash `hash`", made at `at`. */
export interface AuditCheckpoint {
  readonly seq: number;
  readonly hash: string;
  readonly at: Date;
  /** Compact JWS whose payload is exactly `{"at":…,"hash":…,"seq":…}` for the three fields above. */
  readonly signature: string;
}

/**
 * What verification can find, each located at a seq:
 * - `EDITED` — the record's content (any field, including its seq) no longer matches its hash,
 *   or it was re-hashed after editing so its successor no longer links to it.
 * - `DELETED` — seqs missing from the chain (reported once per missing range, at its first seq).
 * - `INSERTED` — a record that is not part of the chain: a second record claiming a seq, or a
 *   record slipped in with the following records renumbered.
 * - `REORDERED` — a genuine record stored out of its chain position.
 * - `CHECKPOINT_MISMATCH` — a validly signed checkpoint disagrees with the record at its seq.
 * - `BAD_CHECKPOINT_SIGNATURE` — a checkpoint whose signature does not verify (ignored otherwise).
 * - `TRUNCATED` — the chain ends before the seq a valid checkpoint vouches for.
 */
export type AuditProblem =
  | 'EDITED'
  | 'DELETED'
  | 'INSERTED'
  | 'REORDERED'
  | 'CHECKPOINT_MISMATCH'
  | 'BAD_CHECKPOINT_SIGNATURE'
  | 'TRUNCATED';

/** One finding. `detail` is for people (log-safe: it names seqs, positions and hashes, never entry values). */
export interface AuditFinding {
  readonly problem: AuditProblem;
  readonly seq: number;
  readonly detail: string;
}

/** The outcome of {@link verifyAuditChain}: `ok` exactly when `problems` is empty. */
export interface AuditVerification {
  readonly ok: boolean;
  /** Records read from the input. */
  readonly records: number;
  /** Checkpoints given (valid or not). */
  readonly checkpoints: number;
  /** Records verified per second of wall time, for monitoring. */
  readonly rowsPerSecond?: number;
  /** Findings ordered by seq. */
  readonly problems: AuditFinding[];
}
