/**
 * The byte encoding an audit record's hash is computed over.
 *
 * **Format (version 1).** The UTF-8 bytes of one JSON object with exactly
 * these thirteen members, keys in ascending UTF-16 code-unit order, no
 * whitespace:
 *
 * `{"at":…,"department":…,"fields":[…],"grantIds":[…],"operator":…,"outcome":…,"prevHash":…,"purpose":…,"requestId":…,"role":…,"seq":…,"subject":…,"subjectKind":…}`
 *
 * - `at` is `Date#toISOString()` — UTC, millisecond precision, e.g. `"2025-01-02T03:04:05.678Z"`.
 * - `seq` is a JSON integer; `purpose` is a string or `null`.
 * - `fields` and `grantIds` are encoded in the order given: the hash covers
 *   the record as stored ({@link chainRecords} sorts them before hashing).
 * - Strings are escaped exactly as `JSON.stringify` escapes them.
 * - Members the entry may carry besides these (a database `id`, say) are not encoded.
 *
 * For well-formed strings this is the RFC 8785 (JCS) serialisation of the
 * object, so an auditor can recompute a hash with any JCS library and
 * SHA-256. It is unambiguous: every value is a typed JSON token and every
 * string is quoted and escaped, so no two different records encode alike.
 */
import { hash } from 'node:crypto';
import { AuditError } from './audit.errors.js';
import type { AuditEntry } from './audit.types.js';

/** `prevHash` of seq 1: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

const HEX_256 = /^[0-9a-f]{64}$/;

/** True for a lower-case hex SHA-256 digest. */
export function isHashHex(value: unknown): value is string {
  return typeof value === 'string' && value.length === 64 && HEX_256.test(value);
}

/** True for a positive safe integer seq. */
export function isSeq(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

function str(entry: AuditEntry, field: 'department' | 'operator' | 'role' | 'subject' | 'requestId'): string {
  const value: unknown = entry[field];
  if (typeof value !== 'string') throw AuditError.invalidEntry(field, 'must be a string');
  return JSON.stringify(value);
}

function list(entry: AuditEntry, field: 'fields' | 'grantIds'): string {
  const value: unknown = entry[field];
  if (!Array.isArray(value)) throw AuditError.invalidEntry(field, 'must be an array of strings');
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'string') throw AuditError.invalidEntry(`${field}[${i}]`, 'must be a string');
    out += i === 0 ? JSON.stringify(item) : `,${JSON.stringify(item)}`;
  }
  return `${out}]`;
}

/**
 * The canonical text of a record (see the module comment); its UTF-8 bytes
 * are {@link canonicalAuditBytes}. Internal fast path: hashing the string
 * directly saves a Buffer per record.
 *
 * @throws {AuditError} `INVALID_ENTRY` when a member has the wrong type, the date is invalid, or seq/prevHash are malformed.
 */
export function canonicalAuditText(seq: number, prevHash: string, entry: AuditEntry): string {
  if (!isSeq(seq)) throw AuditError.invalidEntry('seq', 'must be a positive safe integer');
  if (!isHashHex(prevHash)) throw AuditError.invalidEntry('prevHash', 'must be 64 lower-case hex digits');
  const at: unknown = entry.at;
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw AuditError.invalidEntry('at', 'must be a valid Date');
  const { subjectKind, outcome, purpose } = entry;
  if (subjectKind !== 'PERSON' && subjectKind !== 'ENTITY') throw AuditError.invalidEntry('subjectKind', 'must be PERSON or ENTITY');
  if (outcome !== 'READ' && outcome !== 'DENIED') throw AuditError.invalidEntry('outcome', 'must be READ or DENIED');
  if (purpose !== null && typeof purpose !== 'string') throw AuditError.invalidEntry('purpose', 'must be a string or null');
  return (
    `{"at":"${at.toISOString()}"` +
    `,"department":${str(entry, 'department')}` +
    `,"fields":${list(entry, 'fields')}` +
    `,"grantIds":${list(entry, 'grantIds')}` +
    `,"operator":${str(entry, 'operator')}` +
    `,"outcome":"${outcome}"` +
    `,"prevHash":"${prevHash}"` +
    `,"purpose":${purpose === null ? 'null' : JSON.stringify(purpose)}` +
    `,"requestId":${str(entry, 'requestId')}` +
    `,"role":${str(entry, 'role')}` +
    `,"seq":${seq}` +
    `,"subject":${str(entry, 'subject')}` +
    `,"subjectKind":"${subjectKind}"}`
  );
}

/**
 * The deterministic bytes a record's hash covers (format in the module comment).
 *
 * @throws {AuditError} `INVALID_ENTRY` for a malformed entry, seq or prevHash.
 * @example
 * const digest = createHash('sha256').update(canonicalAuditBytes(1, GENESIS_HASH, entry)).digest('hex');
 */
export function canonicalAuditBytes(seq: number, prevHash: string, entry: AuditEntry): Buffer {
  return Buffer.from(canonicalAuditText(seq, prevHash, entry), 'utf8');
}

/**
 * `hex(sha256(canonicalAuditBytes(seq, prevHash, entry)))`.
 *
 * @throws {AuditError} `INVALID_ENTRY` for a malformed entry, seq or prevHash.
 */
export function hashAuditRecord(seq: number, prevHash: string, entry: AuditEntry): string {
  // One-shot crypto.hash (Node ≥ 20.12) is several times faster than a Hash object per record.
  return hash('sha256', canonicalAuditText(seq, prevHash, entry), 'hex');
}
