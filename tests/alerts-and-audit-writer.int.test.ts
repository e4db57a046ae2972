/**
 * The audit writer's group commit and the alert rules that run after the
 * answer, against a real database.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertRules, DEFAULT_THRESHOLDS } from '../src/access/alerts/alert-rules.js';
import type { AuditEntry } from '../src/access/audit/audit.types.js';
import { AuditWriter } from '../src/access/enforcement/audit-writer.js';
import { verifyAuditTrail } from '../src/access/enforcement/audit-trail.js';
import type { Database } from '../src/db/database.js';
import { createTestDatabase } from './fixtures/database.js';

const DEPT_A = '11110000000000001A';
const DEPT_B = '11110000000000002B';

function entry(department: string, subject: string, outcome: 'READ' | 'DENIED' = 'READ', at = new Date(), grantIds: string[] = []): AuditEntry {
  return {
    at, department, operator: 'sys:test', role: 'DEPARTMENT_SYSTEM', subjectKind: 'PERSON', subject, fields: ['Person.name'],
    purpose: 'TEST', grantIds, requestId: randomUUID(), outcome,
  };
}

describe('audit writer and alert rules', () => {
  let db: Database;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => db.orm.em.getConnection().execute<T[]>(text, params);

  beforeAll(async () => {
    db = await createTestDatabase({ fixtureGrants: false });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('commits concurrent appends together, keeps one gapless chain, and resolves each caller only after its records are stored', async () => {
    const writer = new AuditWriter({ privateKey, kid: 'test' });
    const before = db.statementCount();
    const appends = Array.from({ length: 40 }, (_, i) => writer.append(db.fork(), [entry(DEPT_A, `p${i}`), entry(DEPT_A, `q${i}`)]));
    await Promise.all(appends);
    const statements = db.statementCount() - before;
    const rows = await sql<{ seq: string }>('select seq from sharing.audit_record order by seq');
    expect(rows.map((r: { seq: string }) => Number(r.seq))).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    // One transaction per append would be 40 × 5 statements; group commit needs two or three transactions.
    expect(statements).toBeLessThan(40);
    await writer.checkpoint(db.fork());
    // In a worker thread (the default) and on this thread: the same verdict.
    const verified = await verifyAuditTrail(db, publicKey);
    expect(verified).toMatchObject({ ok: true, records: 80 });
    expect(await verifyAuditTrail(db, publicKey, { inWorker: false })).toMatchObject({ ok: true, records: 80 });
  });

  it('rejects every caller of a batch that could not be committed (so each can fail closed), and keeps working after', async () => {
    const writer = new AuditWriter(undefined);
    const bad = { ...entry(DEPT_A, 'x'), department: 'D'.repeat(40) }; // too long for varchar(18)
    const results = await Promise.allSettled([writer.append(db.fork(), [bad]), writer.append(db.fork(), [entry(DEPT_A, 'y')])]);
    // The first append is written alone (nothing was queued yet); the second may join it or follow.
    expect(results[0]!.status).toBe('rejected');
    await writer.append(db.fork(), [entry(DEPT_A, 'z')]);
    const [last] = await sql<{ subject: string }>('select subject from sharing.audit_record order by seq desc limit 1');
    expect(last!.subject).toBe('z');
  });

  it('raises REPEATED_DENIALS and BULK_READ after the answer, once per open alert, and not for a department under the thresholds', async () => {
    const rules = new AlertRules({ ...DEFAULT_THRESHOLDS, bulkReadPersons: 5, deniedAttempts: 3, minIntervalMs: 0 });
    const writer = new AuditWriter(undefined);
    const denied = [1, 2, 3].map((i) => entry(DEPT_B, `d${i}`, 'DENIED'));
    const reads = Array.from({ length: 6 }, (_, i) => entry(DEPT_B, `r${i}`));
    await writer.append(db.fork(), [...denied, ...reads]);
    rules.observe(db.fork(), [...denied, ...reads]);
    // Observing never waits for the rules; they have run once idle() resolves.
    await rules.idle();
    const alerts = await sql<{ rule: string; department: string }>('select rule, department from sharing.alert order by rule');
    expect(alerts).toEqual([{ rule: 'BULK_READ', department: DEPT_B }, { rule: 'REPEATED_DENIALS', department: DEPT_B }]);
    rules.observe(db.fork(), [entry(DEPT_B, 'again', 'DENIED')]);
    await rules.idle();
    expect(await sql('select id from sharing.alert')).toHaveLength(2);
  });

  it('raises OUT_OF_HOURS for reads under a counter-service grant outside service hours only', async () => {
    const grant = randomUUID();
    const other = randomUUID();
    for (const [id, scenario] of [[grant, 'WINDOW_SERVICE'], [other, 'BATCH_CHECK']] as const) {
      await sql(
        `insert into sharing."grant" (id, consumer_code, provider_code, items, purpose, legal_basis, scenario, access_level, expires_at, granted_by, granted_at)
         values (?, ?, ?, '{Person.name}', 'TEST', 'test', ?, 'FULL', now() + interval '1 day', 'admin', now())`, [id, DEPT_A, DEPT_B, scenario],
      );
    }
    const rules = new AlertRules({ ...DEFAULT_THRESHOLDS, minIntervalMs: 0 });
    const noonChina = new Date('2026-11-25T04:00:00Z');
    const nightChina = new Date('2026-11-25T15:00:00Z');
    expect(await rules.evaluateDepartment(db.fork(), DEPT_A, [grant], noonChina)).toEqual([]);
    expect(await rules.evaluateDepartment(db.fork(), DEPT_A, [other], nightChina)).toEqual([]);
    expect(await rules.evaluateDepartment(db.fork(), DEPT_A, [grant, other], nightChina)).toEqual(['OUT_OF_HOURS']);
  });

  it('coalesces evaluations under load: many observed requests, one evaluation per interval', async () => {
    const rules = new AlertRules({ ...DEFAULT_THRESHOLDS, minIntervalMs: 60_000 });
    let evaluations = 0;
    const original = rules.evaluateDepartment.bind(rules);
    rules.evaluateDepartment = async (...args) => {
      evaluations += 1;
      return original(...args);
    };
    rules.observe(db.fork(), [entry(DEPT_A, 'first')]);
    await new Promise((r) => setTimeout(r, 50));
    expect(evaluations).toBe(1);
    for (let i = 0; i < 100; i++) rules.observe(db.fork(), [entry(DEPT_A, `n${i}`)]);
    await new Promise((r) => setTimeout(r, 50));
    // The next run waits for the interval…
    expect(evaluations).toBe(1);
    // …and then looks at all hundred at once.
    await rules.idle();
    expect(evaluations).toBe(2);
  });
});
