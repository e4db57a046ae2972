import { describe, expect, it } from 'vitest';
import { AuditError } from './audit.errors.js';
import { GENESIS_HASH, hashAuditRecord } from './canonical-bytes.js';
import { chainRecords } from './chain-records.js';
import { entry } from './testing/audit-fixtures.js';

function reasonOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    if (e instanceof AuditError) return e.details.reason;
    throw e;
  }
  return undefined;
}

describe('chainRecords', () => {
  it('starts at seq 1 from the genesis hash and links each record to the previous', () => {
    const records = chainRecords(null, [entry(0), entry(1), entry(2)]);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 0; i < records.length; i++) {
      const r = records[i]!;
      expect(r.hash).toBe(hashAuditRecord(r.seq, r.prevHash, r));
      if (i > 0) expect(r.prevHash).toBe(records[i - 1]!.hash);
    }
  });

  it('continues after a head, as one chain', () => {
    const all = chainRecords(null, [entry(0), entry(1), entry(2), entry(3)]);
    const first = chainRecords(null, [entry(0), entry(1)]);
    const rest = chainRecords(first[1]!, [entry(2), entry(3)]);
    expect([...first, ...rest]).toEqual(all);
    expect(chainRecords({ seq: 0, hash: GENESIS_HASH }, [entry(0)])).toEqual(chainRecords(null, [entry(0)]));
    expect(chainRecords(first[1]!, [])).toEqual([]);
  });

  it('sorts and de-duplicates fields and grantIds, and copies the entry', () => {
    const e = { ...entry(0), fields: ['Person.phone', 'Person.name', 'Person.phone'], grantIds: ['g2', 'g1'], extra: 'not stored' };
    const [r] = chainRecords(null, [e]);
    expect(r!.fields).toEqual(['Person.name', 'Person.phone']);
    expect(r!.grantIds).toEqual(['g1', 'g2']);
    expect(r).not.toHaveProperty('extra');
    expect(r!.at).not.toBe(e.at);
    expect(r!.at.getTime()).toBe(e.at.getTime());
  });

  it('rejects a malformed head with INVALID_HEAD', () => {
    expect(reasonOf(() => chainRecords({ seq: -1, hash: GENESIS_HASH }, [entry(0)]))).toBe('INVALID_HEAD');
    expect(reasonOf(() => chainRecords({ seq: 3, hash: 'nope' }, [entry(0)]))).toBe('INVALID_HEAD');
    expect(reasonOf(() => chainRecords({ seq: 0, hash: 'a'.repeat(64) }, [entry(0)]))).toBe('INVALID_HEAD');
  });

  it('rejects what the database could not store as hashed (NUL, unpaired surrogates) with INVALID_ENTRY', () => {
    expect(reasonOf(() => chainRecords(null, [{ ...entry(0), subject: 'a\0b' }]))).toBe('INVALID_ENTRY');
    expect(reasonOf(() => chainRecords(null, [{ ...entry(0), purpose: 'x\ud800' }]))).toBe('INVALID_ENTRY');
    expect(reasonOf(() => chainRecords(null, [{ ...entry(0), fields: ['\udc00'] }]))).toBe('INVALID_ENTRY');
    expect(reasonOf(() => chainRecords(null, [{ ...entry(0), at: new Date('x') }]))).toBe('INVALID_ENTRY');
    // A well-formed astral character is fine.
    expect(chainRecords(null, [{ ...entry(0), purpose: '𠮷野家' }])[0]!.purpose).toBe('𠮷野家');
  });
});
