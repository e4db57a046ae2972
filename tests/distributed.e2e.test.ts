import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../src/seed/catalogue.js';
import { grantEverything } from '../src/seed/demo-grants.js';
import { seedDirectory } from '../src/seed/load.js';
import { startDistributed, type DistributedHub } from './fixtures/distributed.js';
import { postGraphql } from './fixtures/hub.js';

const NESTED = /* GraphQL */ `
  query Holder($id: IdNumber!) {
    person(idNumber: $id) {
      idNumber name
      licenses { licenseId status type { name } }
      representedEntities { creditCode name legalRepresentative { idNumber name } licenses { licenseId } }
    }
  }
`;

describe('distributed mode (each subgraph its own process)', () => {
  let hub: DistributedHub;
  let representative: string;

  beforeAll(async () => {
    hub = await startDistributed(async (db) => {
      await seedDirectory(db, { seed: 5, persons: 300, now: new Date('2026-11-01T00:00:00Z') });
      const rows = await db.orm.em.getConnection().execute<Array<{ id: string }>>(
        `select e.legal_representative as id from legal_entity.legal_entity e
          where exists (select 1 from license.license l where l.holder_id = e.legal_representative)
            and exists (select 1 from license.license l where l.holder_id = e.credit_code)
          order by e.credit_code limit 1`,
      );
      representative = rows[0]!.id;
    });
  }, 120_000);
  afterAll(() => hub?.close());

  it('answers the nested person → licences + entities → representative query across processes', async () => {
    const res = await hub.gql<{ person: any }>(NESTED, { id: representative });
    expect(res.errors).toBeUndefined();
    const person = res.data!.person;
    expect(person.licenses.length).toBeGreaterThan(0);
    expect(person.representedEntities.length).toBeGreaterThan(0);
    for (const e of person.representedEntities) expect(e.legalRepresentative).toEqual({ idNumber: representative, name: person.name });
    expect(person.representedEntities.some((e: { licenses: unknown[] }) => e.licenses.length > 0)).toBe(true);
  });

  it('refuses a bad ID number at the gateway with BAD_USER_INPUT', async () => {
    const res = await hub.gql(NESTED, { id: '110105194912310021' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_CHARACTER' });
    expect(res.data ?? null).toBeNull();
  });

  it('refuses a request without a token at the gateway', async () => {
    const res = await hub.gql(NESTED, { id: representative }, null);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each(['population', 'legal-entity', 'license', 'sharing'])('the %s subgraph refuses direct calls without a token, _entities and _service included', async (name) => {
    const base = hub.subgraphUrls[name]!.replace(/\/graphql$/, '');
    for (const query of ['{ _service { sdl } }', 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }']) {
      const res = await postGraphql(base, query, { r: [{ __typename: 'Department', code: '11100000000000000X' }] }, null);
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    }
  });

  it('a grant made anywhere reaches the subgraph processes within a second', async () => {
    const tax = await hub.tokens.department(DEPARTMENTS.bjTax.code, 'POLICY_TEST');
    const query = 'query($id: IdNumber!) { person(idNumber: $id) { name } }';
    const before = await hub.gql<{ person: { name: string | null } }>(query, { id: representative }, tax);
    expect(before.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_GRANT' });
    await grantEverything(hub.db, DEPARTMENTS.bjTax.code, { purpose: 'POLICY_TEST' });
    const granted = Date.now();
    let name: string | null | undefined;
    while (!name && Date.now() - granted < 1_000) {
      name = (await hub.gql<{ person: { name: string | null } }>(query, { id: representative }, tax)).data?.person.name;
      if (!name) await new Promise((r) => setTimeout(r, 50));
    }
    expect(name).toBeTruthy();
  });

  it('a subgraph answers a direct call that carries a valid token', async () => {
    const base = hub.subgraphUrls.population!.replace(/\/graphql$/, '');
    const res = await postGraphql<{ person: { idNumber: string } }>(base, 'query($id: IdNumber!) { person(idNumber: $id) { idNumber } }', { id: representative }, await hub.tokens.department());
    expect(res.data?.person.idNumber).toBe(representative);
  });
});
