import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectory } from '../src/seed/load.js';
import { startHub, type TestHub } from './fixtures/hub.js';

const NESTED = /* GraphQL */ `
  query Directory($ids: [IdNumber!]!) {
    persons(idNumbers: $ids) {
      idNumber name
      licenses { licenseId status type { name } holder { ... on Person { name } } issuingDepartment { name } }
      representedEntities {
        creditCode name
        legalRepresentative { idNumber name }
        licenses { licenseId type { name } }
      }
    }
  }
`;

describe('SQL statements per nested query', () => {
  let hub: TestHub;
  let ids: string[];

  beforeAll(async () => {
    hub = await startHub({ prepare: (db) => seedDirectory(db, { seed: 3, persons: 600, now: new Date('2026-11-01T00:00:00Z') }) });
    // Legal representatives first, so the nested lists are not empty.
    const rows = await hub.db.orm.em.getConnection().execute<Array<{ id: string }>>(
      `select p.id_number as id from population.person p
        order by exists (select 1 from legal_entity.legal_entity e where e.legal_representative = p.id_number) desc, p.id_number
        limit 200`,
    );
    ids = rows.map((r: { id: string }) => r.id);
  });
  afterAll(() => hub?.close());

  async function statementsFor(idNumbers: string[]) {
    const before = hub.db.statementCount();
    const res = await hub.gql<{ persons: Array<{ licenses: unknown[]; representedEntities: Array<{ licenses: unknown[] }> }> }>(NESTED, { ids: idNumbers });
    expect(res.errors).toBeUndefined();
    // The policy-revision check runs on a clock (at most every 250 ms per process), and the alert
    // rules after the answer (at most once a second): neither is part of the request, and either may
    // land inside the next one's count. A signed checkpoint follows every 1,000th audit record, in
    // whichever request crosses it. Leave them out so the totals compare exactly.
    const sql = hub.db.statementsSince(before).filter((q) => !/policy_revision|sharing\.alert|audit_checkpoint|count\(distinct subject\)/i.test(q));
    // Directory reads, as opposed to the audit append, alert rules and policy checks around them.
    const reads = sql.filter((q) => /^\s*select/i.test(q) && !/sharing\.|pg_advisory/i.test(q));
    return { statements: sql.length, reads: reads.length, persons: res.data!.persons };
  }

  it('stays at a small constant whatever the number of persons', async () => {
    await statementsFor(ids.slice(0, 10)); // warm-up: the first request loads the policy snapshot
    const small = await statementsFor(ids.slice(0, 10));
    const large = await statementsFor(ids);
    expect(large.persons).toHaveLength(200);
    // The data really is nested: entities with representatives and licences at every level.
    expect(large.persons.filter((p) => p.representedEntities.length > 0).length).toBeGreaterThan(50);
    expect(large.persons.flatMap((p) => p.licenses).length).toBeGreaterThan(50);
    expect(large.persons.flatMap((p) => p.representedEntities.flatMap((e) => e.licenses)).length).toBeGreaterThan(20);
    // Reads: one statement per subgraph fetch and list (persons, licences by holder, licence
    // types, entities by representative, representatives, holders, entity licences).
    // Around them, per audited fetch, one audit transaction: also a constant.
    console.info(`nested query: ${large.reads} reads / ${large.statements} SQL statements for 200 persons; ${small.reads} / ${small.statements} for 10`);
    expect(large.reads).toBeLessThanOrEqual(10);
    expect(large.reads).toBe(small.reads);
    expect(large.statements).toBe(small.statements);
  });
});
