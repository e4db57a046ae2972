import { beforeAll, describe, expect, it } from 'vitest';
import { AuditError } from './audit.errors.js';
import type { AuditCheckpoint, AuditRecord } from './audit.types.js';
import { hashAuditRecord } from './canonical-bytes.js';
import { signCheckpoint } from './checkpoint.js';
import { assertAuditChain, createAuditChainVerifier, verifyAuditChain, type AuditChainVerification } from './verify-chain.js';
import { checkpointsAt, ed25519, edit, editAndRehash, forge, rechain, T0, trail, type Keys } from './testing/audit-fixtures.js';

const N = 20;
let keys: Keys;
let records: AuditRecord[];
/** Checkpoints at 10 and 20: the whole trail is vouched for. */
let cps: AuditCheckpoint[];

beforeAll(() => {
  keys = ed25519();
  records = trail(N);
  cps = checkpointsAt(records, [10, 20], keys);
});

/** `[problem, seq]` pairs, in the order reported. */
const found = (result: AuditChainVerification): Array<[string, number]> => result.problems.map((p) => [p.problem, p.seq]);

const at = (seq: number): AuditRecord => records[seq - 1]!;
/** The trail with the record at `seq` replaced. */
const replace = (seq: number, by: AuditRecord): AuditRecord[] => records.map((r) => (r.seq === seq ? by : r));
/** The trail in the given seq order (storage order by insertion id). */
const order = (seqs: number[]): AuditRecord[] => seqs.map(at);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

async function verify(input: Iterable<AuditRecord> | AsyncIterable<AuditRecord>, checkpoints = cps, window?: number): Promise<AuditChainVerification> {
  return verifyAuditChain(input, checkpoints, keys.publicKey, window === undefined ? {} : { reorderWindow: window });
}

describe('verifyAuditChain', () => {
  describe('an intact trail', () => {
    it('verifies, from an array or an async stream, and reports its rate', async () => {
      const result = await verify(records);
      expect(result).toMatchObject({ ok: true, records: N, checkpoints: 2, problems: [], problemsOmitted: 0 });
      expect(result.rowsPerSecond).toBeGreaterThan(0);
      async function* stream(): AsyncGenerator<AuditRecord> {
        for (const r of records) yield r;
      }
      expect(await verify(stream())).toMatchObject({ ok: true, records: N });
    });

    it('verifies an empty trail without checkpoints', async () => {
      expect(await verify([], [])).toMatchObject({ ok: true, records: 0, problems: [] });
    });

    it('verifies with the streaming verifier fed page by page', () => {
      const v = createAuditChainVerifier(cps, keys.publicKey);
      for (let i = 0; i < records.length; i += 7) records.slice(i, i + 7).forEach((r) => v.push(r));
      expect(v.finish().ok).toBe(true);
    });
  });

  describe('EDITED', () => {
    it('finds a record edited with its hash left as it was', async () => {
      const result = await verify(replace(8, edit(at(8), { subject: '110105194912310021' })));
      expect(found(result)).toEqual([['EDITED', 8]]);
      expect(result.ok).toBe(false);
    });

    it('finds any member edited, including fields, purpose, time and prevHash', async () => {
      const changes: Array<Partial<AuditRecord>> = [
        { fields: ['Person.name'] }, { purpose: null }, { at: new Date(T0) }, { outcome: 'DENIED' }, { prevHash: 'f'.repeat(64) }, { hash: 'e'.repeat(64) },
      ];
      for (const change of changes) expect(found(await verify(replace(8, edit(at(8), change))))).toEqual([['EDITED', 8]]);
    });

    it('finds an edited and re-hashed record because the next one no longer links to it', async () => {
      const result = await verify(replace(8, editAndRehash(at(8), { purpose: '无' })));
      expect(found(result)).toEqual([['EDITED', 8]]);
      expect(result.problems[0]!.detail).toMatch(/re-hashed/);
    });

    it('finds an edited and re-hashed last record by its checkpoint', async () => {
      expect(found(await verify(replace(20, editAndRehash(at(20), { purpose: '无' }))))).toEqual([['CHECKPOINT_MISMATCH', 20]]);
    });

    it('cannot see a re-hashed last record that no checkpoint covers (stated limitation)', async () => {
      expect((await verify(replace(20, editAndRehash(at(20), { purpose: '无' })), checkpointsAt(records, [10], keys))).ok).toBe(true);
    });

    it('names both the link and the checkpoint when a checkpointed record is re-hashed', async () => {
      expect(found(await verify(replace(10, editAndRehash(at(10), { role: 'ADMIN' }))))).toEqual([['EDITED', 10], ['CHECKPOINT_MISMATCH', 10]]);
    });

    it('finds a rewrite that re-hashes the whole tail only by the checkpoints after it', async () => {
      const rewritten = rechain(replace(5, edit(at(5), { subject: '110105194912310021' })), 4);
      const result = await verify(rewritten);
      expect(found(result)).toEqual([['CHECKPOINT_MISMATCH', 10], ['CHECKPOINT_MISMATCH', 20]]);
    });

    it('finds a changed seq column', async () => {
      const moved = records.map((r) => (r.seq === 5 ? { ...r, seq: 50 } : r));
      expect(found(await verify(moved))).toEqual([['EDITED', 5]]);
    });

    it('finds a first record that does not start from the genesis hash', async () => {
      expect(found(await verify(rechain(replace(1, editAndRehash(at(1), { prevHash: 'a'.repeat(64) })), 1)))).toEqual([
        ['EDITED', 1], ['CHECKPOINT_MISMATCH', 10], ['CHECKPOINT_MISMATCH', 20],
      ]);
    });

    it('reports malformed rows instead of throwing', async () => {
      const broken = [
        { ...at(3), at: new Date('nope') },
        { ...at(4), fields: null },
        { ...at(5), seq: 'five' },
      ] as unknown as AuditRecord[];
      const input = [...records.slice(0, 2), ...broken, ...records.slice(5)];
      expect(found(await verify(input))).toEqual([['EDITED', 3], ['EDITED', 4], ['EDITED', 5]]);
    });
  });

  describe('DELETED', () => {
    it('finds a deleted record by the gap in seqs', async () => {
      const result = await verify(records.filter((r) => r.seq !== 8));
      expect(found(result)).toEqual([['DELETED', 8]]);
    });

    it('reports a deleted range once, even across a checkpoint', async () => {
      const result = await verify(records.filter((r) => r.seq < 8 || r.seq > 11));
      expect(found(result)).toEqual([['DELETED', 8]]);
      expect(result.problems[0]!.detail).toMatch(/8…11/);
    });

    it('finds the first record deleted', async () => {
      expect(found(await verify(records.slice(1)))).toEqual([['DELETED', 1]]);
    });

    it('finds a deletion hidden by renumbering the rest', async () => {
      const renumbered = records.filter((r) => r.seq !== 8).map((r) => (r.seq > 8 ? { ...r, seq: r.seq - 1 } : r));
      const result = await verify(renumbered);
      expect(found(result)).toEqual([['DELETED', 8]]);
      expect(result.problems[0]!.detail).toMatch(/renumbered/);
    });

    it('finds a deletion with a small reorder window', async () => {
      expect(found(await verify(records.filter((r) => r.seq !== 3), cps, 2))).toEqual([['DELETED', 3]]);
    });
  });

  describe('INSERTED', () => {
    it('finds a forged record with a taken seq, appended in insertion order', async () => {
      const fake = forge(8, at(7));
      expect(found(await verify([...records, fake]))).toEqual([['INSERTED', 8]]);
    });

    it('finds a forged record with a taken seq next to the genuine one, in seq order (either side)', async () => {
      const fake = forge(8, at(7));
      const before = [...order(range(1, 7)), fake, ...order(range(8, N))];
      const after = [...order(range(1, 8)), fake, ...order(range(9, N))];
      expect(found(await verify(before))).toEqual([['INSERTED', 8]]);
      expect(found(await verify(after))).toEqual([['INSERTED', 8]]);
    });

    it('finds a forged record at the last seq, using the checkpoint to tell which one is genuine', async () => {
      const fake = forge(20, at(19));
      const result = await verify([...order(range(1, 19)), fake, at(20)]);
      expect(found(result)).toEqual([['INSERTED', 20]]);
      expect(result.problems[0]!.detail).toMatch(/position 20 is not part/);
    });

    it('finds a forged record slipped in with the rest renumbered (seq order)', async () => {
      const fake = forge(8, at(7));
      const renumbered = [...order(range(1, 7)), fake, ...order(range(8, N)).map((r) => ({ ...r, seq: r.seq + 1 }))];
      const result = await verify(renumbered);
      expect(found(result)).toEqual([['INSERTED', 8]]);
      expect(result.problems[0]!.detail).toMatch(/renumbered/);
    });

    it('finds a forged record slipped in with the rest renumbered (insertion order: the fake is last)', async () => {
      const fake = forge(8, at(7));
      const renumbered = [...order(range(1, 7)), ...order(range(8, N)).map((r) => ({ ...r, seq: r.seq + 1 })), fake];
      expect(found(await verify(renumbered))).toEqual([['INSERTED', 8]]);
    });

    it('finds a duplicated row', async () => {
      expect(found(await verify([...records, at(4)]))).toEqual([['INSERTED', 4]]);
    });

    it('cannot tell a record appended after the last checkpoint from a genuine one (stated limitation)', async () => {
      expect((await verify([...records, forge(21, at(20))])).ok).toBe(true);
    });
  });

  describe('REORDERED', () => {
    it('finds two adjacent records swapped in storage order', async () => {
      const swapped = order([...range(1, 4), 6, 5, ...range(7, N)]);
      expect(found(await verify(swapped))).toEqual([['REORDERED', 5], ['REORDERED', 6]]);
    });

    it('finds two distant records swapped, naming only those two', async () => {
      const swapped = order([...range(1, 4), 12, ...range(6, 11), 5, ...range(13, N)]);
      expect(found(await verify(swapped))).toEqual([['REORDERED', 5], ['REORDERED', 12]]);
    });

    it('finds two records whose contents were swapped under their seqs (seq order)', async () => {
      const swapped = records.map((r) => (r.seq === 5 ? { ...at(6), seq: 5 } : r.seq === 6 ? { ...at(5), seq: 6 } : r));
      expect(found(await verify(swapped))).toEqual([['REORDERED', 5], ['REORDERED', 6]]);
    });

    it('finds a record moved further than the reorder window', async () => {
      const moved = [...records.filter((r) => r.seq !== 3), at(3)];
      const result = await verify(moved, cps, 4);
      expect(found(result)).toEqual([['REORDERED', 3]]);
    });

    it('finds a far-moved record that was also re-hashed', async () => {
      const moved = [...records.filter((r) => r.seq !== 3), editAndRehash(at(3), { role: 'ADMIN' })];
      expect(found(await verify(moved, cps, 4))).toEqual([['REORDERED', 3], ['EDITED', 3]]);
    });
  });

  describe('checkpoints', () => {
    it('finds the tail deleted after a checkpoint', async () => {
      const result = await verify(records.slice(0, 17));
      expect(found(result)).toEqual([['TRUNCATED', 18]]);
      expect(result.problems[0]!.detail).toMatch(/18…20/);
    });

    it('finds an emptied trail', async () => {
      expect(found(await verify([]))).toEqual([['TRUNCATED', 1]]);
    });

    it('cannot see a tail deleted when no checkpoint covers it (stated limitation)', async () => {
      expect((await verify(records.slice(0, 17), checkpointsAt(records, [10], keys))).ok).toBe(true);
    });

    it('reports a forged checkpoint and ignores it', async () => {
      const mallory = ed25519('audit-1');
      const forged = signCheckpoint({ seq: 15, hash: at(15).hash }, new Date(T0), mallory);
      const result = await verify(records, [...cps, forged]);
      expect(found(result)).toEqual([['BAD_CHECKPOINT_SIGNATURE', 15]]);
      // A forged checkpoint cannot make a truncation look complete, nor a tampered record look right.
      const lying = signCheckpoint({ seq: 8, hash: 'b'.repeat(64) }, new Date(T0), mallory);
      expect(found(await verify(records, [...cps, lying]))).toEqual([['BAD_CHECKPOINT_SIGNATURE', 8]]);
    });

    it('reports a checkpoint whose fields were altered after signing', async () => {
      const altered = { ...cps[0]!, hash: at(11).hash };
      expect(found(await verify(records, [altered, cps[1]!]))).toEqual([['BAD_CHECKPOINT_SIGNATURE', 10]]);
    });
  });

  describe('limits', () => {
    it('keeps at most maxProblems findings and counts the rest', async () => {
      const vandalised = records.map((r) => edit(r, { role: 'X' }));
      const result = await verifyAuditChain(vandalised, [], keys.publicKey, { maxProblems: 5 });
      expect(result.problems).toHaveLength(5);
      expect(result.problemsOmitted).toBe(N - 5);
    });

    it('detects every single-record deletion, insertion and swap anywhere in the trail', async () => {
      for (let s = 1; s <= N; s++) {
        expect(found(await verify(records.filter((r) => r.seq !== s)))).toContainEqual(s === N ? ['TRUNCATED', N] : ['DELETED', s]);
        expect(found(await verify([...records, forge(s, s > 1 ? at(s - 1) : null)]))).toContainEqual(['INSERTED', s]);
        expect(found(await verify(replace(s, edit(at(s), { operator: 'mallory' }))))).toEqual([['EDITED', s]]);
        if (s < N) {
          const swapped = order(range(1, N).map((x) => (x === s ? s + 1 : x === s + 1 ? s : x)));
          expect(found(await verify(swapped))).toEqual([['REORDERED', s], ['REORDERED', s + 1]]);
        }
      }
    });
  });
});

describe('assertAuditChain', () => {
  it('returns the verification of an intact trail', async () => {
    await expect(assertAuditChain(records, cps, keys.publicKey)).resolves.toMatchObject({ ok: true });
  });

  it('throws AUDIT_CHAIN_BROKEN with the findings', async () => {
    const tampered = replace(3, { ...at(3), hash: hashAuditRecord(3, at(3).prevHash, { ...at(3), subject: 'x' }) });
    const error = await assertAuditChain(tampered, cps, keys.publicKey).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).details).toMatchObject({ reason: 'AUDIT_CHAIN_BROKEN', problems: [{ problem: 'EDITED', seq: 3 }] });
  });
});
