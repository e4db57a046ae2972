/**
 * Throughput of audit verification on one core: 200,000 records with a
 * checkpoint every 1,000, fed as an array and as an async stream (as a
 * database cursor would). Prints the rate; does not assert timing (CI
 * machines vary) — the target is ≥ 100,000 records/s.
 */
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from './audit.types.js';
import { chainRecords } from './chain-records.js';
import { verifyAuditChain } from './verify-chain.js';
import { checkpointsAt, ed25519, entry } from './testing/audit-fixtures.js';

const COUNT = 200_000;

describe(`verifyAuditChain (${COUNT.toLocaleString('en')} records)`, () => {
  it('verifies at the measured rate', async () => {
    const keys = ed25519();
    const entries = Array.from({ length: COUNT }, (_, i) => entry(i));
    let started = performance.now();
    const records = chainRecords(null, entries);
    const writeRate = Math.round(COUNT / ((performance.now() - started) / 1000));
    const checkpoints = checkpointsAt(records, Array.from({ length: COUNT / 1000 }, (_, i) => (i + 1) * 1000), keys);

    // Warm-up (JIT), then measure.
    await verifyAuditChain(records.slice(0, 5_000), [], keys.publicKey);
    started = performance.now();
    const fromArray = await verifyAuditChain(records, checkpoints, keys.publicKey);
    const arrayRate = Math.round(COUNT / ((performance.now() - started) / 1000));

    async function* cursor(batch = 500): AsyncGenerator<AuditRecord> {
      for (let i = 0; i < records.length; i += batch) {
        await Promise.resolve(); // one round trip per page
        yield* records.slice(i, i + batch);
      }
    }
    started = performance.now();
    const fromStream = await verifyAuditChain(cursor(), checkpoints, keys.publicKey);
    const streamRate = Math.round(COUNT / ((performance.now() - started) / 1000));

    // A tampered trail costs extra hashes only where records fail.
    const tampered = records.slice();
    tampered.splice(100_000, 1);
    started = performance.now();
    const broken = await verifyAuditChain(tampered, checkpoints, keys.publicKey);
    const tamperedRate = Math.round((COUNT - 1) / ((performance.now() - started) / 1000));

    console.log(
      `audit chain, ${COUNT} records, ${checkpoints.length} checkpoints: ` +
      `verify ${arrayRate.toLocaleString('en')} records/s (array), ${streamRate.toLocaleString('en')} records/s (async stream), ` +
      `${tamperedRate.toLocaleString('en')} records/s (one deletion); chainRecords ${writeRate.toLocaleString('en')} records/s; ` +
      `reported rowsPerSecond ${fromArray.rowsPerSecond?.toLocaleString('en')}`,
    );
    expect(fromArray).toMatchObject({ ok: true, records: COUNT, checkpoints: COUNT / 1000 });
    expect(fromStream.ok).toBe(true);
    expect(broken.problems.map((p) => [p.problem, p.seq])).toEqual([['DELETED', 100_001]]);
  }, 120_000);
});
