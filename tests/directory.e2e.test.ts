import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectory } from '../src/seed/load.js';
import { startHub, type TestHub } from './fixtures/hub.js';

const NESTED = /* GraphQL */ `
  query Holder($id: IdNumber!) {
    person(idNumber: $id) {
      idNumber name gender birthDate
      licenses { licenseId status type { name } holder { ... on Person { idNumber } } }
      representedEntities { creditCode name legalRepresentative { idNumber name } licenses { licenseId type { name } } }
    }
  }
`;

describe('directory through the gateway (embedded)', () => {
  let hub: TestHub;
  let representative: string;

  beforeAll(async () => {
    hub = await startHub({ prepare: (db) => seedDirectory(db, { seed: 7, persons: 300, now: new Date('2026-11-01T00:00:00Z') }) });
    const rows = await hub.db.orm.em.getConnection().execute<Array<{ legal_representative: string }>>(
      `select e.legal_representative from legal_entity.legal_entity e
       where exists (select 1 from license.license l where l.holder_id = e.credit_code)
         and not exists (select 1 from legal_entity.legal_entity o where o.legal_representative = e.legal_representative
                           and not exists (select 1 from license.license l where l.holder_id = o.credit_code))
       order by e.credit_code limit 1`,
    );
    representative = rows[0]!.legal_representative;
  });
  afterAll(() => hub?.close());

  it('returns a person with licences and represented entities in one request', async () => {
    const res = await hub.gql<{ person: any }>(NESTED, { id: representative });
    expect(res.errors).toBeUndefined();
    const person = res.data!.person;
    expect(person.idNumber).toBe(representative);
    expect(person.representedEntities.length).toBeGreaterThan(0);
    for (const e of person.representedEntities) {
      expect(e.legalRepresentative).toEqual({ idNumber: representative, name: person.name });
      expect(e.licenses.length).toBeGreaterThan(0);
    }
  });
});
