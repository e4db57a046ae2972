/**
 * Test support for the audit tests (never imported by production code): a
 * deterministic trail, tampering helpers that act as an attacker with write
 * access to the table would, and checkpoint keys.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { AuditCheckpoint, AuditEntry, AuditRecord } from '../audit.types.js';
import { GENESIS_HASH, hashAuditRecord } from '../canonical-bytes.js';
import { chainRecords } from '../chain-records.js';
import { signCheckpoint } from '../checkpoint.js';

export const T0 = Date.UTC(2025, 0, 2, 3, 4, 5, 678);

/** The i-th (0-based) entry of a deterministic trail. */
export function entry(i: number): AuditEntry {
  return {
    at: new Date(T0 + i * 1000),
    department: '11350100MB0000001X',
    operator: `op-${i % 7}`,
    role: 'OPERATOR',
    subjectKind: i % 5 === 0 ? 'ENTITY' : 'PERSON',
    subject: i % 5 === 0 ? '91350100M000100Y43' : `1101051949123${String(1000 + (i % 9000)).padStart(4, '0')}X`,
    fields: ['Person.name', 'Person.phone'],
    purpose: i % 3 === 0 ? null : '社会救助资格审核',
    grantIds: [`grant-${i % 4}`],
    requestId: `req-${i}`,
    outcome: i % 11 === 0 ? 'DENIED' : 'READ',
  };
}

/** A trail of `n` chained records, seq 1…n. */
export function trail(n: number): AuditRecord[] {
  return chainRecords(null, Array.from({ length: n }, (_, i) => entry(i)));
}

export interface Keys {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly kid: string;
}

export function ed25519(kid = 'audit-1'): Keys {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, kid };
}

/** Signed checkpoints at the given seqs of `records`. */
export function checkpointsAt(records: readonly AuditRecord[], seqs: readonly number[], keys: Keys): AuditCheckpoint[] {
  return seqs.map((seq) => {
    const record = records[seq - 1];
    if (!record) throw new Error(`no record at seq ${seq}`);
    return signCheckpoint(record, new Date(T0 + seq * 1000 + 500), keys);
  });
}

/** Record `record` with `change` applied and its hash left as it was. */
export function edit(record: AuditRecord, change: Partial<AuditRecord>): AuditRecord {
  return { ...record, ...change };
}

/** Record `record` with `change` applied and its hash recomputed. */
export function editAndRehash(record: AuditRecord, change: Partial<AuditRecord>): AuditRecord {
  const changed = { ...record, ...change };
  return { ...changed, hash: hashAuditRecord(changed.seq, changed.prevHash, changed) };
}

/** Recomputes prevHash and hash of every record from index `from` on (a full rewrite of the tail). */
export function rechain(records: readonly AuditRecord[], from: number): AuditRecord[] {
  const out = records.slice();
  for (let i = from; i < out.length; i++) {
    const r = out[i]!;
    const prevHash = i === 0 ? r.prevHash : out[i - 1]!.hash;
    out[i] = { ...r, prevHash, hash: hashAuditRecord(r.seq, prevHash, r) };
  }
  return out;
}

/** A forged record at `seq`, hashed and linked to `prev` as a careful attacker would. */
export function forge(seq: number, prev: AuditRecord | null, change: Partial<AuditEntry> = {}): AuditRecord {
  return chainRecords({ seq: seq - 1, hash: prev?.hash ?? GENESIS_HASH }, [{ ...entry(999), subject: '110105194912310021', ...change }])[0]!;
}
