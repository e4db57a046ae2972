import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_CATALOGUE } from '../src/access/catalogue/default-catalogue.js';
import { mask } from '../src/access/masking/index.js';
import { DEPARTMENTS } from '../src/seed/catalogue.js';
import { grantEverything } from '../src/seed/demo-grants.js';
import { seedDirectory } from '../src/seed/load.js';
import { postGraphql, startHub, type TestHub } from './fixtures/hub.js';

/**
 * Proof by matrix: every governed Person field, read through the gateway by
 * every kind of caller, has exactly the outcome the catalogue and the grants
 * say. The expected outcome is worked out here from the catalogue's own
 * attributes (an oracle independent of the enforcement code).
 */

const PERSON_FIELDS = ['name', 'gender', 'birthDate', 'ethnicity', 'nationality', 'householdAddress', 'residenceAddress', 'phone', 'maritalStatus', 'lifeStatus'] as const;
type Field = (typeof PERSON_FIELDS)[number];

const PURPOSE = 'SOCIAL_SECURITY';

interface CallerCase {
  readonly name: string;
  /** How the caller gets its token. */
  readonly token: (hub: TestHub, self: string, other: string) => Promise<string>;
  /** The person the caller asks about: 'self' or 'other' (only matters for citizens). */
  readonly about: 'self' | 'other';
  readonly purpose?: string;
  /** Expected outcome for a field: the value, the masked value, or a refusal reason. */
  expect(field: Field): { kind: 'VALUE' } | { kind: 'MASKED' } | { kind: 'FORBIDDEN'; reason: string };
}

const item = (field: Field) => BASE_CATALOGUE.Person[field]!;
const conditional = (field: Field, whenGranted: { kind: 'VALUE' } | { kind: 'MASKED' } | { kind: 'FORBIDDEN'; reason: string }) => {
  const rule = item(field);
  if (rule.sharingType === 'UNCONDITIONAL') return { kind: 'VALUE' as const };
  if (rule.sharingType === 'NOT_SHARED') return { kind: 'FORBIDDEN' as const, reason: 'NOT_SHARED' };
  return whenGranted;
};

const CALLERS: CallerCase[] = [
  {
    name: 'a department with no grant', about: 'other', purpose: PURPOSE,
    token: (hub) => hub.tokens.department(DEPARTMENTS.bjTax.code, null),
    expect: (f) => conditional(f, { kind: 'FORBIDDEN', reason: 'NO_GRANT' }),
  },
  {
    name: 'a department with a FULL grant for the purpose', about: 'other', purpose: PURPOSE,
    token: (hub) => hub.tokens.department(DEPARTMENTS.shTraffic.code, null),
    expect: (f) => conditional(f, { kind: 'VALUE' }),
  },
  {
    name: 'a department with a MASKED grant', about: 'other', purpose: PURPOSE,
    token: (hub) => hub.tokens.department(DEPARTMENTS.shHuangpuCivil.code, null),
    expect: (f) => conditional(f, { kind: 'MASKED' }),
  },
  {
    name: 'a department whose grant expired', about: 'other', purpose: PURPOSE,
    token: (hub) => hub.tokens.department(DEPARTMENTS.szAmr.code, null),
    expect: (f) => conditional(f, { kind: 'FORBIDDEN', reason: 'GRANT_EXPIRED' }),
  },
  {
    name: 'a department stating another purpose than its grant', about: 'other', purpose: 'MARKETING',
    token: (hub) => hub.tokens.department(DEPARTMENTS.fzAmr.code, null),
    expect: (f) => conditional(f, { kind: 'FORBIDDEN', reason: 'PURPOSE_MISMATCH' }),
  },
  {
    name: 'the provider', about: 'other',
    token: (hub) => hub.tokens.department(DEPARTMENTS.bjPsb.code, null),
    // Person data comes from the police's household register, marital status from civil affairs.
    expect: (f) => (item(f).providerCode === DEPARTMENTS.bjPsb.code ? { kind: 'VALUE' } : conditional(f, { kind: 'FORBIDDEN', reason: 'NO_GRANT' })),
  },
  {
    name: 'a citizen about themselves', about: 'self',
    token: (hub, self) => hub.tokens.citizen(self),
    expect: () => ({ kind: 'VALUE' }),
  },
  {
    name: 'a citizen about someone else', about: 'other',
    token: (hub, self) => hub.tokens.citizen(self),
    expect: (f) => (item(f).openAttribute === 'OPEN' ? { kind: 'VALUE' } : { kind: 'FORBIDDEN', reason: 'NOT_YOUR_RECORD' }),
  },
];

describe('field-level access matrix (Person, through the gateway)', () => {
  let hub: TestHub;
  let self: string;
  let other: string;
  let truth: Record<string, Record<Field, unknown>>;

  beforeAll(async () => {
    hub = await startHub({
      // Only the grants below: no department starts with the fixture grants.
      fixtureGrants: false,
      prepare: async (db) => {
        await seedDirectory(db, { seed: 31, persons: 50, now: new Date('2026-11-01T00:00:00Z') });
        await grantEverything(db, DEPARTMENTS.shTraffic.code, { purpose: PURPOSE, level: 'FULL' });
        await grantEverything(db, DEPARTMENTS.shHuangpuCivil.code, { purpose: PURPOSE, level: 'MASKED' });
        await grantEverything(db, DEPARTMENTS.szAmr.code, { purpose: PURPOSE, expiresAt: '2020-01-01T00:00:00Z' });
        await grantEverything(db, DEPARTMENTS.fzAmr.code, { purpose: PURPOSE });
      },
    });
    const rows = await hub.db.orm.em.getConnection().execute<Array<Record<string, unknown>>>(
      `select id_number, name, gender, birth_date, ethnicity, nationality, household_address, residence_address, phone, marital_status, life_status
       from population.person where phone is not null and marital_status is not null order by id_number limit 2`,
    );
    const toTruth = (r: Record<string, unknown>): Record<Field, unknown> => ({
      name: r.name, gender: r.gender, birthDate: r.birth_date, ethnicity: r.ethnicity, nationality: r.nationality, householdAddress: r.household_address,
      residenceAddress: r.residence_address, phone: r.phone, maritalStatus: r.marital_status, lifeStatus: r.life_status,
    });
    self = String(rows[0]!.id_number);
    other = String(rows[1]!.id_number);
    truth = { [self]: toTruth(rows[0]!), [other]: toTruth(rows[1]!) };
  });
  afterAll(() => hub?.close());

  const matrix = CALLERS.flatMap((caller) => PERSON_FIELDS.map((field) => [caller.name, field, caller] as const));

  it.each(matrix)('%s reading Person.%s gets exactly what the catalogue and grants say', async (_name, field, caller) => {
    const subject = caller.about === 'self' ? self : other;
    const token = await caller.token(hub, self, other);
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(caller.purpose ? { 'x-purpose': caller.purpose } : {}) },
      body: JSON.stringify({ query: `query($id: IdNumber!) { person(idNumber: $id) { idNumber ${field} } }`, variables: { id: subject } }),
    });
    const body = (await res.json()) as { data?: { person: Record<string, unknown> | null }; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> };
    expect(res.status).toBe(200);
    const expected = caller.expect(field);
    const actual = body.data?.person?.[field];
    const real = truth[subject]![field];
    if (expected.kind === 'VALUE') {
      expect(body.errors).toBeUndefined();
      expect(actual).toEqual(real);
    } else if (expected.kind === 'MASKED') {
      expect(body.errors).toBeUndefined();
      const kind = item(field).maskKind;
      expect(actual).toEqual(kind && typeof real === 'string' ? mask(kind, real) : null);
      if (typeof real === 'string' && real.length > 2) expect(actual).not.toEqual(real);
    } else {
      expect(actual ?? null).toBeNull();
      expect(body.errors).toHaveLength(1);
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'FORBIDDEN', reason: expected.reason, item: `Person.${field}` });
      expect(body.errors![0]!.path).toEqual(['person', field]);
      // Never the value, never a hint of it.
      if (typeof real === 'string' && real.length > 1) expect(JSON.stringify(body)).not.toContain(real);
    }
  });

  describe('no query shape gets round the rules', () => {
    const noGrant = (hub: TestHub) => hub.tokens.department(DEPARTMENTS.bjTax.code, null);

    it.each([
      ['an alias', 'query($id: IdNumber!) { person(idNumber: $id) { n: name p: phone } }'],
      ['a fragment', 'fragment F on Person { name phone } query($id: IdNumber!) { person(idNumber: $id) { ...F } }'],
      ['an inline fragment', 'query($id: IdNumber!) { person(idNumber: $id) { ... on Person { name phone } } }'],
      ['a batch', 'query($id: IdNumber!) { persons(idNumbers: [$id, $id]) { name phone } }'],
      ['a nested path', 'query($id: IdNumber!) { person(idNumber: $id) { representedEntities { legalRepresentative { name phone } } licenses { holderName holder { ... on Person { name phone } } } } }'],
    ])('%s', async (_label, query) => {
      const res = await postGraphql(hub.url, query, { id: other }, await noGrant(hub));
      const text = JSON.stringify(res.data ?? null);
      expect(text).not.toContain(String(truth[other]!.name));
      expect(text).not.toContain(String(truth[other]!.phone));
    });

    it('a direct _entities call to the population subgraph is held to the same rules', async () => {
      const { createApp } = await import('../src/app.js');
      const population = await createApp({ ...hub.config, port: 0 }, { kind: 'subgraph', name: 'population' }, { db: hub.db });
      try {
        const url = await population.listen();
        const res = await postGraphql<{ _entities: Array<Record<string, unknown> | null> }>(
          url, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber name phone gender } } }',
          { r: [{ __typename: 'Person', idNumber: other }] }, await noGrant(hub),
        );
        expect(res.data?._entities[0]).toMatchObject({ idNumber: other, name: null, phone: null, gender: truth[other]!.gender });
        expect(res.errors?.map((e) => e.extensions?.reason)).toEqual(['NO_GRANT', 'NO_GRANT']);
      } finally {
        await population.close();
      }
    });
  });
});
