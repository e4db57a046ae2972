/**
 * Appending to the audit chain: turns entries into records with gapless seqs,
 * each linked to its predecessor by hash. Pure: the caller stores the records
 * (in one transaction, after reading the head under a lock, so two writers
 * cannot both append seq n+1).
 */
import { AuditError } from './audit.errors.js';
import type { AuditEntry, AuditRecord } from './audit.types.js';
import { GENESIS_HASH, hashAuditRecord, isHashHex } from './canonical-bytes.js';

// PostgreSQL `text` rejects NUL and the driver replaces lone surrogates with U+FFFD: a string
// carrying either would be stored differently from how it was hashed, and then read as EDITED.
const UNSTORABLE = /[\0\p{Cs}]/u;

function storable(field: string, value: unknown): string {
  if (typeof value !== 'string') throw AuditError.invalidEntry(field, 'must be a string');
  if (UNSTORABLE.test(value)) throw AuditError.invalidEntry(field, 'contains NUL or an unpaired surrogate, which the database cannot store');
  return value;
}

function sortedUnique(field: 'fields' | 'grantIds', value: unknown): string[] {
  if (!Array.isArray(value)) throw AuditError.invalidEntry(field, 'must be an array of strings');
  const items = value.map((item: unknown, i) => storable(`${field}[${i}]`, item));
  // Code-unit order, the same everywhere (no locale), so re-sorting a stored record is a no-op.
  return [...new Set(items)].sort();
}

/** A defensive, normalised copy of `entry` holding exactly the {@link AuditEntry} members. */
function normalise(entry: AuditEntry): AuditEntry {
  if (!(entry.at instanceof Date) || Number.isNaN(entry.at.getTime())) throw AuditError.invalidEntry('at', 'must be a valid Date');
  return {
    at: new Date(entry.at.getTime()),
    department: storable('department', entry.department),
    operator: storable('operator', entry.operator),
    role: storable('role', entry.role),
    subjectKind: entry.subjectKind,
    subject: storable('subject', entry.subject),
    fields: sortedUnique('fields', entry.fields),
    purpose: entry.purpose === null ? null : storable('purpose', entry.purpose),
    grantIds: sortedUnique('grantIds', entry.grantIds),
    requestId: storable('requestId', entry.requestId),
    outcome: entry.outcome,
  };
}

/**
 * Appends `entries` after `head` (the stored record with the highest seq, or
 * `null` for an empty trail): seqs continue from `head.seq + 1`, each
 * `prevHash` is the previous record's hash, and each `hash` is
 * `sha256(canonicalAuditBytes(seq, prevHash, entry))`. `fields` and
 * `grantIds` are sorted and de-duplicated; the returned records are what must
 * be stored, member for member.
 *
 * @throws {AuditError} `INVALID_HEAD` for a malformed head; `INVALID_ENTRY` for an entry that cannot be hashed or stored faithfully.
 * @example
 * const head = await repo.latest(); // { seq, hash } | null
 * const records = chainRecords(head, [{ at: new Date(), department, operator, role, subjectKind: 'PERSON',
 *   subject: idNumber, fields: ['Person.phone'], purpose, grantIds: [grant.id], requestId, outcome: 'READ' }]);
 * await repo.insertAll(records);
 */
export function chainRecords(head: { readonly seq: number; readonly hash: string } | null, entries: readonly AuditEntry[]): AuditRecord[] {
  let seq = 0;
  let prevHash = GENESIS_HASH;
  if (head !== null) {
    if (!Number.isSafeInteger(head.seq) || head.seq < 0) throw AuditError.invalidHead(`seq ${String(head.seq)} is not a non-negative safe integer`);
    if (!isHashHex(head.hash)) throw AuditError.invalidHead('hash must be 64 lower-case hex digits');
    if (head.seq === 0 && head.hash !== GENESIS_HASH) throw AuditError.invalidHead('seq 0 must carry the genesis hash');
    seq = head.seq;
    prevHash = head.hash;
  }
  const records: AuditRecord[] = [];
  for (const entry of entries) {
    const normal = normalise(entry);
    seq += 1;
    const hash = hashAuditRecord(seq, prevHash, normal);
    records.push({ ...normal, seq, prevHash, hash });
    prevHash = hash;
  }
  return records;
}
