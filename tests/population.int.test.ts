import { generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { loadPrivateKey } from '../src/auth/keys.js';
import type { Config } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { idNumberCheckCharacter } from '../src/domain/identifiers/id-number.js';
import { todayInChina } from '../src/domain/values.js';
import { DEPARTMENTS } from '../src/seed/catalogue.js';
import { testConfig } from './fixtures/config.js';
import { FIXTURE_PURPOSE } from './fixtures/grants.js';
import { createTestDatabase } from './fixtures/database.js';
import { postGraphql } from './fixtures/hub.js';
import { tokenMinter } from './fixtures/tokens.js';

/**
 * The population subgraph on its own (distributed-mode role) over a fresh
 * database: reads, writes with optimistic concurrency, provenance, identifier
 * validation at every entry point, and authentication at the subgraph itself.
 */

interface GqlError {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly extensions?: Record<string, unknown>;
}
interface GqlResult<T> {
  readonly data?: T | null;
  readonly errors?: readonly GqlError[];
}
interface ProvenanceEntry {
  readonly field: string;
  readonly source: { readonly code: string };
  readonly recordedAt: string;
}
interface PersonView {
  readonly idNumber: string;
  readonly name: string | null;
  readonly gender: string | null;
  readonly birthDate: string | null;
  readonly ethnicity: string | null;
  readonly nationality: string | null;
  readonly phone: string | null;
  readonly residenceAddress: string | null;
  readonly maritalStatus: string | null;
  readonly lifeStatus: string | null;
  readonly version: number;
  readonly provenance: readonly ProvenanceEntry[];
}

const PERSON_FIELDS = 'idNumber name gender birthDate ethnicity nationality phone residenceAddress maritalStatus lifeStatus version provenance { field source { code } recordedAt }';
const PERSON = `query Person($id: IdNumber!) { person(idNumber: $id) { ${PERSON_FIELDS} } }`;
const PERSONS = `query Persons($ids: [IdNumber!]!) { persons(idNumbers: $ids) { idNumber name } }`;
const ENTITIES = `query Entities($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${PERSON_FIELDS} } } }`;
const REGISTER = `mutation Register($input: RegisterPersonInput!) { registerPerson(input: $input) { ${PERSON_FIELDS} } }`;
const UPDATE = `mutation Update($input: UpdatePersonInput!) { updatePerson(input: $input) { ${PERSON_FIELDS} } }`;

/** A valid ID number from its first 17 digits (the check character is computed). */
function idNumber(first17: string): string {
  return first17 + idNumberCheckCharacter(first17);
}

/** The first valid ID number of a birth date whose check character is X (to test lowercase x). */
function idNumberEndingInX(prefix14: string): string {
  for (let seq = 0; seq < 1000; seq += 1) {
    const first17 = `${prefix14}${String(seq).padStart(3, '0')}`;
    if (idNumberCheckCharacter(first17) === 'X') return `${first17}X`;
  }
  throw new Error(`no ID number ending in X under ${prefix14}`);
}

/** A wrong check character for a valid ID number. */
function flipCheck(id: string): string {
  return id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The one error of a result, asserting there is exactly one and no data for it. */
function onlyError(result: GqlResult<unknown>): Record<string, unknown> {
  expect(result.errors, JSON.stringify(result.data)?.slice(0, 300)).toHaveLength(1);
  return result.errors![0]!.extensions ?? {};
}

const DEPT_A = DEPARTMENTS.bjAmr.code; // the default test token's department
const DEPT_B = DEPARTMENTS.bjPsb.code;

// Fixed identities used across the file.
const FEMALE_1949 = '11010519491231002X'; // sequence 002: female, born 1949-12-31
const MALE_1990 = idNumber('11010519900307001'); // sequence 001: male, born 1990-03-07
const LOWER_X = idNumberEndingInX('31010119850615');
const UNKNOWN = idNumber('11010520000101123');

describe('population subgraph', () => {
  let config: Config;
  let db: Database;
  let app: App;
  let url: string;
  let tokens: ReturnType<typeof tokenMinter>;
  let deptA: string;
  let deptB: string;

  /** Runs an operation in-process, authenticated exactly as an HTTP request would be. */
  async function exec<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
    const subgraph = app.subgraphs.get('population')!;
    const contextValue = await subgraph.createContext({ authorization: `Bearer ${token ?? deptA}` });
    const response = await subgraph.server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GqlResult<T>;
  }

  async function register(input: Record<string, unknown>, token?: string): Promise<GqlResult<{ registerPerson: PersonView }>> {
    return exec<{ registerPerson: PersonView }>(REGISTER, { input }, token);
  }

  async function readPerson(id: string): Promise<PersonView | null> {
    const res = await exec<{ person: PersonView | null }>(PERSON, { id });
    expect(res.errors).toBeUndefined();
    return res.data!.person;
  }

  async function rowCount(id: string): Promise<number> {
    const rows = await db.orm.em.getConnection().execute<Array<{ n: string | number }>>(
      'select count(*) as n from population.person where id_number = ?', [id],
    );
    return Number(rows[0]!.n);
  }

  beforeAll(async () => {
    config = testConfig();
    db = await createTestDatabase();
    app = await createApp(config, { kind: 'subgraph', name: 'population' }, { db });
    url = await app.listen();
    tokens = tokenMinter(config);
    deptA = await tokens.department(DEPT_A);
    deptB = await tokens.department(DEPT_B);

    for (const input of [
      { idNumber: FEMALE_1949, name: '王秀英', ethnicity: '汉族', phone: '13800138000', maritalStatus: 'WIDOWED' },
      { idNumber: MALE_1990, name: '李伟', residenceAddress: '北京市朝阳区建国路1号' },
      { idNumber: LOWER_X, name: '张三' },
    ]) {
      const res = await register(input);
      expect(res.errors).toBeUndefined();
    }
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  describe('person', () => {
    it('returns a stored person with gender and birth date derived from the ID number', async () => {
      const person = await readPerson(FEMALE_1949);
      expect(person).toMatchObject({ idNumber: FEMALE_1949, name: '王秀英', gender: 'FEMALE', birthDate: '1949-12-31', version: 1 });
    });

    it('returns null for an unknown (valid) ID number', async () => {
      expect(await readPerson(UNKNOWN)).toBeNull();
    });

    it('finds a person when asked with a lowercase x', async () => {
      const person = await readPerson(LOWER_X.toLowerCase());
      expect(person?.idNumber).toBe(LOWER_X);
    });
  });

  describe('persons', () => {
    it('answers in the order asked, with null for unknown numbers and repeats kept', async () => {
      const res = await exec<{ persons: Array<{ idNumber: string } | null> }>(PERSONS, { ids: [MALE_1990, UNKNOWN, FEMALE_1949, MALE_1990] });
      expect(res.errors).toBeUndefined();
      expect(res.data!.persons.map((p) => p?.idNumber ?? null)).toEqual([MALE_1990, null, FEMALE_1949, MALE_1990]);
    });

    const many = (n: number) => Array.from({ length: n }, (_, i) => idNumber(`11010519900101${String(i).padStart(3, '0')}`));

    it('accepts exactly 500 numbers', async () => {
      const res = await exec<{ persons: unknown[] }>(PERSONS, { ids: many(500) });
      expect(res.errors).toBeUndefined();
      expect(res.data!.persons).toHaveLength(500);
    });

    it('refuses more than 500 numbers with BAD_USER_INPUT TOO_MANY on idNumbers', async () => {
      const res = await exec(PERSONS, { ids: many(501) });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY', field: 'idNumbers' });
      expect(res.data).toBeNull();
    });
  });

  describe('_entities', () => {
    it('resolves Person representations to the stored persons, in order, null for unknown', async () => {
      const res = await exec<{ _entities: Array<PersonView | null> }>(ENTITIES, {
        r: [
          { __typename: 'Person', idNumber: MALE_1990 },
          { __typename: 'Person', idNumber: UNKNOWN },
          { __typename: 'Person', idNumber: FEMALE_1949 },
        ],
      });
      expect(res.errors).toBeUndefined();
      const [male, unknown, female] = res.data!._entities;
      expect(male).toMatchObject({ idNumber: MALE_1990, name: '李伟', gender: 'MALE', birthDate: '1990-03-07' });
      expect(unknown).toBeNull();
      expect(female).toMatchObject({ idNumber: FEMALE_1949, name: '王秀英', ethnicity: '汉族', phone: '13800138000' });
    });

    const tooMany = Array.from({ length: 1001 }, () => ({ __typename: 'Person', idNumber: FEMALE_1949 }));

    it('refuses more than 1000 representations with FORBIDDEN TOO_MANY (as the gateway names the variable)', async () => {
      const res = await exec(`query E($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { idNumber } } }`, { representations: tooMany });
      expect(onlyError(res)).toMatchObject({ code: 'FORBIDDEN', reason: 'TOO_MANY', field: 'representations' });
      expect(res.data ?? null).toBeNull();
    });

    // Regression: the bound used to be read from a variable named `representations` only.
    it('refuses more than 1000 representations whatever the variable is called', async () => {
      const res = await exec(`query E($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber } } }`, { r: tooMany });
      expect(onlyError(res)).toMatchObject({ code: 'FORBIDDEN', reason: 'TOO_MANY', field: 'representations' });
    });
  });

  describe('registerPerson', () => {
    it('derives gender and birth date and records the caller as the source of each given field', async () => {
      const id = idNumber('44030419781122035');
      const res = await register({ idNumber: id, name: '陈建国', phone: '0755-88881234', nationality: 'CHN' });
      expect(res.errors).toBeUndefined();
      const person = res.data!.registerPerson;
      expect(person).toMatchObject({ idNumber: id, gender: 'MALE', birthDate: '1978-11-22', version: 1, lifeStatus: 'ALIVE', ethnicity: null });
      expect(person.provenance.map((p) => p.field)).toEqual(['birthDate', 'gender', 'idNumber', 'name', 'nationality', 'phone']);
      for (const entry of person.provenance) expect(entry.source.code).toBe(DEPT_A);
      expect(await readPerson(id)).toMatchObject({ name: '陈建国', phone: '0755-88881234', version: 1 });
    });

    it('accepts a stated gender and birth date that agree with the ID number', async () => {
      const id = idNumber('11010819950228004');
      const res = await register({ idNumber: id, name: '赵敏', gender: 'FEMALE', birthDate: '1995-02-28' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.registerPerson).toMatchObject({ gender: 'FEMALE', birthDate: '1995-02-28' });
    });

    it('normalises a lowercase x and stores the upper-case number', async () => {
      const id = idNumberEndingInX('32010219700101');
      const res = await register({ idNumber: id.toLowerCase(), name: '周杰' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.registerPerson.idNumber).toBe(id);
      expect(await rowCount(id)).toBe(1);
    });

    it.each([
      ['gender', { gender: 'FEMALE' }, 'input.gender'],
      ['birthDate', { birthDate: '1980-01-02' }, 'input.birthDate'],
    ])('refuses a stated %s that contradicts the ID number (ID_NUMBER_MISMATCH) and writes nothing', async (_label, stated, field) => {
      const id = idNumber('11010519800101011'); // male, 1980-01-01
      const res = await register({ idNumber: id, name: '孙立', ...stated });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ID_NUMBER_MISMATCH', field });
      expect(await rowCount(id)).toBe(0);
    });

    it('accepts a person born today (China time) and refuses one born tomorrow with FUTURE_DATE', async () => {
      const day = (offset: number) => todayInChina(new Date(Date.now() + offset * 86_400_000)).replaceAll('-', '');
      const today = idNumber(`110105${day(0)}001`);
      const tomorrow = idNumber(`110105${day(1)}001`);
      expect((await register({ idNumber: today, name: '新生儿' })).errors).toBeUndefined();
      const res = await register({ idNumber: tomorrow, name: '未生儿' });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FUTURE_DATE' });
      expect(await rowCount(tomorrow)).toBe(0);
    });

    it('lets exactly one of two concurrent registrations of the same number succeed', async () => {
      const id = idNumber('11010519720202022');
      const results = await Promise.all([
        register({ idNumber: id, name: '甲' }, deptA),
        register({ idNumber: id, name: '乙' }, deptB),
      ]);
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => r.errors)) expect(onlyError(loser)).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
      expect(await rowCount(id)).toBe(1);
      expect((await readPerson(id))!.name).toBe(winners[0]!.data!.registerPerson.name);
    });

    it('refuses a second registration of the same number with CONFLICT, keeping the first', async () => {
      const res = await register({ idNumber: FEMALE_1949, name: '冒名者' }, deptB);
      expect(onlyError(res)).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
      expect(await readPerson(FEMALE_1949)).toMatchObject({ name: '王秀英', version: 1 });
    });

    it('refuses a duplicate given with a lowercase x as a CONFLICT too', async () => {
      const res = await register({ idNumber: LOWER_X.toLowerCase(), name: '张三' });
      expect(onlyError(res)).toMatchObject({ code: 'CONFLICT', field: 'input.idNumber' });
    });

    it.each([
      ['phone', { phone: '12345' }],
      ['phone', { phone: '1380013800a' }],
      ['ethnicity', { ethnicity: '火星族' }],
      ['name', { name: 'Bob123' }],
      ['name', { name: '   ' }],
      ['name', { name: '名'.repeat(101) }],
      ['nationality', { nationality: 'cn' }],
      ['residenceAddress', { residenceAddress: 'x'.repeat(301) }],
    ])('refuses a bad %s with BAD_USER_INPUT naming that input field and writes nothing', async (field, bad) => {
      const id = idNumber('11010519850505021');
      const res = await register({ idNumber: id, name: '钱多多', ...bad });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
      expect(await rowCount(id)).toBe(0);
    });

    it('refuses a CITIZEN with FORBIDDEN and writes nothing', async () => {
      const id = idNumber('11010519660606061');
      const res = await register({ idNumber: id, name: '刘备' }, await tokens.citizen(id));
      expect(onlyError(res)).toMatchObject({ code: 'FORBIDDEN' });
      expect(res.data).toBeNull();
      expect(await rowCount(id)).toBe(0);
    });

    it('refuses a SUPERVISOR (a department role that may not write) with FORBIDDEN', async () => {
      const id = idNumber('11010519660606062');
      const token = await tokens.mint({ subject: 'supervisor:1', role: 'SUPERVISOR', department: DEPT_A });
      const res = await register({ idNumber: id, name: '关羽' }, token);
      expect(onlyError(res)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await rowCount(id)).toBe(0);
    });
  });

  describe('invalid ID numbers', () => {
    const valid = idNumber('11010519800808081');
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['LENGTH', valid.slice(0, 17)],
      ['LENGTH', `${valid}1`],
      ['CHARACTER', `${valid.slice(0, 10)}A${valid.slice(11)}`],
      ['CHARACTER', `${valid.slice(0, 17)}Y`],
      ['CHARACTER', ` ${valid.slice(1)}`],
      ['DATE', idNumber('11010519900230001')],
      ['DATE', idNumber('11010518991231001')],
      ['CHECK_CHARACTER', flipCheck(valid)],
      ['FUTURE_DATE', idNumber('11010520990101001')],
      ['DIVISION', idNumber('99010519800808081')],
    ];

    it('accepts the valid number the cases are made from (control)', async () => {
      const res = await exec(`{ person(idNumber: "${valid}") { idNumber } }`);
      expect(res.errors).toBeUndefined();
    });

    it.each(cases)('refuses %s as an argument literal, naming the argument', async (reason, bad) => {
      const res = await exec(`{ person(idNumber: ${JSON.stringify(bad)}) { idNumber } }`);
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'idNumber' });
    });

    it.each(cases)('refuses %s as a variable', async (reason, bad) => {
      const res = await exec(PERSON, { id: bad });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    });

    it.each(cases)('refuses %s inside a list variable', async (reason, bad) => {
      const res = await exec(PERSONS, { ids: [valid, bad] });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    });

    it.each(cases)('refuses %s inside a list literal, naming the argument', async (reason, bad) => {
      const res = await exec(`{ persons(idNumbers: ["${valid}", ${JSON.stringify(bad)}]) { idNumber } }`);
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'idNumbers' });
    });

    it.each(cases)('refuses %s inside an input object literal, naming input.idNumber, and writes nothing', async (reason, bad) => {
      const res = await exec(`mutation { registerPerson(input: { idNumber: ${JSON.stringify(bad)}, name: "测试" }) { idNumber } }`);
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'input.idNumber' });
      expect(await rowCount(bad.toUpperCase())).toBe(0);
    });

    it.each(cases)('refuses %s inside an input object variable', async (reason, bad) => {
      const res = await register({ idNumber: bad, name: '测试' });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    });
  });

  describe('updatePerson', () => {
    it('applies a change at the expected version, bumps the version and moves only the changed fields to the caller', async () => {
      const id = idNumber('11010519770707071');
      const created = await register({ idNumber: id, name: '吴刚', phone: '13911112222', ethnicity: '汉族' }, deptA);
      expect(created.errors).toBeUndefined();
      const before = created.data!.registerPerson;
      await new Promise((r) => setTimeout(r, 5)); // a distinct request time

      const res = await exec<{ updatePerson: PersonView }>(UPDATE, { input: { idNumber: id, expectedVersion: 1, phone: '13933334444', name: '吴刚' } }, deptB);
      expect(res.errors).toBeUndefined();
      const after = res.data!.updatePerson;
      expect(after).toMatchObject({ phone: '13933334444', name: '吴刚', ethnicity: '汉族', version: 2 });

      const old = new Map(before.provenance.map((p) => [p.field, p]));
      const now = new Map(after.provenance.map((p) => [p.field, p]));
      expect([...now.keys()].sort()).toEqual([...old.keys()].sort());
      // Changed: the phone. Given but equal: the name, which keeps its source.
      expect(now.get('phone')!.source.code).toBe(DEPT_B);
      expect(Date.parse(now.get('phone')!.recordedAt)).toBeGreaterThan(Date.parse(old.get('phone')!.recordedAt));
      for (const field of ['idNumber', 'name', 'gender', 'birthDate', 'ethnicity']) {
        expect(now.get(field), field).toEqual(old.get(field));
        expect(now.get(field)!.source.code).toBe(DEPT_A);
      }

      const stored = await readPerson(id);
      expect(stored).toMatchObject({ phone: '13933334444', version: 2 });
      expect(stored!.provenance).toEqual(after.provenance);
    });

    it('changes nothing (same version, same provenance) when every given field equals the stored one', async () => {
      const before = await readPerson(FEMALE_1949);
      const res = await exec<{ updatePerson: PersonView }>(UPDATE, {
        input: { idNumber: FEMALE_1949, expectedVersion: before!.version, name: before!.name, phone: before!.phone, ethnicity: before!.ethnicity },
      }, deptB);
      expect(res.errors).toBeUndefined();
      expect(res.data!.updatePerson).toEqual(before);
      expect(await readPerson(FEMALE_1949)).toEqual(before);
    });

    it('clears an optional field given as null and records who cleared it', async () => {
      const id = idNumber('11010519770707082');
      expect((await register({ idNumber: id, name: '郑和', phone: '13911112222' })).errors).toBeUndefined();
      const res = await exec<{ updatePerson: PersonView }>(UPDATE, { input: { idNumber: id, expectedVersion: 1, phone: null } }, deptB);
      expect(res.errors).toBeUndefined();
      expect(res.data!.updatePerson).toMatchObject({ phone: null, version: 2 });
      expect(res.data!.updatePerson.provenance.find((p) => p.field === 'phone')?.source.code).toBe(DEPT_B);
    });

    it('refuses a stale expectedVersion with CONFLICT STALE_VERSION and leaves the row as it was', async () => {
      const id = idNumber('11010519770707093');
      expect((await register({ idNumber: id, name: '林冲', phone: '13911112222' })).errors).toBeUndefined();
      const first = await exec(UPDATE, { input: { idNumber: id, expectedVersion: 1, phone: '13955556666' } });
      expect(first.errors).toBeUndefined();
      const before = await readPerson(id);

      const res = await exec(UPDATE, { input: { idNumber: id, expectedVersion: 1, phone: '13977778888', name: '林教头' } }, deptB);
      expect(onlyError(res)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', field: 'expectedVersion' });
      expect(res.data).toBeNull();
      expect(await readPerson(id)).toEqual(before);
      expect(before).toMatchObject({ name: '林冲', phone: '13955556666', version: 2 });
    });

    it('refuses an expectedVersion ahead of the stored one as STALE_VERSION too', async () => {
      const res = await exec(UPDATE, { input: { idNumber: MALE_1990, expectedVersion: 7, name: '李未来' } });
      expect(onlyError(res)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
      expect(await readPerson(MALE_1990)).toMatchObject({ name: '李伟', version: 1 });
    });

    it('lets exactly one of several concurrent updates at the same version win', async () => {
      const id = idNumber('11010519770707104');
      expect((await register({ idNumber: id, name: '宋江', phone: '13911112222' })).errors).toBeUndefined();
      const phones = ['13100000001', '13100000002', '13100000003', '13100000004'];
      const results = await Promise.all(
        phones.map((phone, i) => exec<{ updatePerson: PersonView }>(UPDATE, { input: { idNumber: id, expectedVersion: 1, phone } }, i % 2 ? deptB : deptA)),
      );
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(phones.length - 1);
      for (const loser of losers) expect(onlyError(loser)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
      const won = winners[0]!.data!.updatePerson;
      expect(won.version).toBe(2);
      expect(await readPerson(id)).toMatchObject({ version: 2, phone: won.phone });
    });

    it('refuses an expectedVersion below 1 with BAD_USER_INPUT on input.expectedVersion', async () => {
      const res = await exec(UPDATE, { input: { idNumber: MALE_1990, expectedVersion: 0, name: '李零' } });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expectedVersion' });
      expect(await readPerson(MALE_1990)).toMatchObject({ name: '李伟', version: 1 });
    });

    it('answers NOT_FOUND for an unknown person and creates nothing', async () => {
      const res = await exec(UPDATE, { input: { idNumber: UNKNOWN, expectedVersion: 1, name: '无名' } });
      expect(onlyError(res)).toMatchObject({ code: 'NOT_FOUND', field: 'input.idNumber' });
      expect(await rowCount(UNKNOWN)).toBe(0);
    });

    it('refuses a CITIZEN, even updating their own record, and changes nothing', async () => {
      const res = await exec(UPDATE, { input: { idNumber: MALE_1990, expectedVersion: 1, phone: '13800000000' } }, await tokens.citizen(MALE_1990));
      expect(onlyError(res)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await readPerson(MALE_1990)).toMatchObject({ phone: null, version: 1 });
    });

    it('refuses a bad phone with BAD_USER_INPUT on input.phone and changes nothing', async () => {
      const res = await exec(UPDATE, { input: { idNumber: MALE_1990, expectedVersion: 1, phone: 'call me' } });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.phone' });
      expect(await readPerson(MALE_1990)).toMatchObject({ phone: null, version: 1 });
    });
  });

  describe('authentication over HTTP', () => {
    const OPERATIONS: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
      ['person', PERSON.replace(PERSON_FIELDS, 'idNumber name'), { id: FEMALE_1949 }],
      ['_entities', `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber name } } }`, { r: [{ __typename: 'Person', idNumber: FEMALE_1949 }] }],
      ['_service', '{ _service { sdl } }', {}],
    ];

    let privateKey: CryptoKey;

    /**
     * A token exactly like a valid one (same claims, header and key as the
     * control below) except for what `change` alters, so each refusal is caused
     * by that one difference.
     */
    const signed = (
      key: CryptoKey,
      change: { claims?: Record<string, unknown>; typ?: string; build?: (jwt: SignJWT) => SignJWT } = {},
    ): Promise<string> => {
      const jwt = new SignJWT(change.claims ?? { role: 'DEPARTMENT_SYSTEM', dept: DEPT_A, purpose: FIXTURE_PURPOSE })
        .setProtectedHeader({ alg: 'EdDSA', typ: change.typ ?? 'at+jwt' })
        .setIssuer(config.auth.issuer)
        .setAudience(config.auth.audience)
        .setSubject(`system:${DEPT_A}`)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('1h');
      return (change.build ?? ((j) => j))(jwt).sign(key);
    };

    const badTokens: Record<string, () => Promise<string | null>> = {
      'no token': async () => null,
      'a garbage token': async () => 'not-a-jwt',
      'a token signed by another key': async () => signed((await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey),
      'an expired token': async () => {
        const now = Math.floor(Date.now() / 1000);
        // Well past the verifier's 30 s clock tolerance.
        return signed(privateKey, { build: (j) => j.setIssuedAt(now - 7200).setExpirationTime(now - 3600) });
      },
      'an alg: none token': async () => {
        const now = Math.floor(Date.now() / 1000);
        const payload = { role: 'DEPARTMENT_SYSTEM', dept: DEPT_A, iss: config.auth.issuer, aud: config.auth.audience, sub: `system:${DEPT_A}`, jti: randomUUID(), iat: now, exp: now + 3600 };
        return `${base64url({ alg: 'none', typ: 'at+jwt' })}.${base64url(payload)}.`;
      },
      'a token for another audience': async () => signed(privateKey, { build: (j) => j.setAudience('urn:onewindow:elsewhere') }),
      'a token from another issuer': async () => signed(privateKey, { build: (j) => j.setIssuer('urn:someone:else') }),
      'a token of another type (typ JWT)': async () => signed(privateKey, { typ: 'JWT' }),
      'a token with an unknown role': async () => signed(privateKey, { claims: { role: 'ROOT', dept: DEPT_A } }),
      'a department token without a department': async () => signed(privateKey, { claims: { role: 'DEPARTMENT_SYSTEM' } }),
      'a token not valid yet (nbf in an hour)': async () => signed(privateKey, { build: (j) => j.setNotBefore('1h') }),
    };

    beforeAll(async () => {
      privateKey = await loadPrivateKey(config.auth.privateKeyPath);
    });

    it.each(OPERATIONS)('answers %s over HTTP with a valid token (control)', async (_name, query, variables) => {
      for (const token of [deptA, await signed(privateKey)]) {
        const res = await postGraphql(url, query, variables, token);
        expect(res.status).toBe(200);
        expect(res.errors).toBeUndefined();
        expect(res.data).toBeTruthy();
      }
    });

    const matrix = OPERATIONS.flatMap(([name, query, variables]) => Object.keys(badTokens).map((why) => [name, why, query, variables] as const));

    it.each(matrix)('refuses %s with %s: HTTP 401 UNAUTHENTICATED and no data', async (_name, why, query, variables) => {
      const res = await postGraphql(url, query, variables, await badTokens[why]!());
      expect(res.status).toBe(401);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: why === 'no token' ? 'MISSING_TOKEN' : 'INVALID_TOKEN' });
    });

    it('refuses a malformed Authorization header (not "Bearer <token>") with 401', async () => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
        body: JSON.stringify({ query: '{ _service { sdl } }' }),
      });
      expect(res.status).toBe(401);
      const body = (await res.json()) as GqlResult<unknown>;
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
    });

    it('refuses registerPerson without a token and writes nothing', async () => {
      const id = idNumber('11010519880808088');
      const res = await postGraphql(url, REGISTER, { input: { idNumber: id, name: '无证' } }, null);
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await rowCount(id)).toBe(0);
    });
  });

  describe('provenance', () => {
    it('exposes one entry per stored field with its source department and time', async () => {
      const res = await postGraphql<{ person: PersonView }>(url, PERSON, { id: FEMALE_1949 }, deptB);
      expect(res.status).toBe(200);
      const provenance = res.data!.person.provenance;
      expect(provenance.map((p) => p.field)).toEqual(['birthDate', 'ethnicity', 'gender', 'idNumber', 'maritalStatus', 'name', 'phone']);
      for (const entry of provenance) {
        expect(entry.source).toEqual({ code: DEPT_A });
        expect(Number.isNaN(Date.parse(entry.recordedAt))).toBe(false);
      }
    });
  });
});
