import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import type { Config } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { creditCodeCheckCharacter } from '../src/domain/identifiers/credit-code.js';
import { idNumberCheckCharacter } from '../src/domain/identifiers/id-number.js';
import { todayInChina } from '../src/domain/values.js';
import { DEPARTMENTS } from '../src/seed/catalogue.js';
import { testConfig } from './fixtures/config.js';
import { createTestDatabase } from './fixtures/database.js';
import { postGraphql } from './fixtures/hub.js';
import { tokenMinter } from './fixtures/tokens.js';

/**
 * The legal-entity subgraph on its own over a fresh database: reads, what the
 * credit code itself says, registered capital as Money, `Person.representedEntities`
 * through `_entities`, writes with optimistic concurrency, and credit-code
 * validation at every entry point.
 */

interface GqlError {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}
interface GqlResult<T> {
  readonly data?: T | null;
  readonly errors?: readonly GqlError[];
}
interface CodeName {
  readonly code: string;
  readonly name: string;
}
interface ProvenanceEntry {
  readonly field: string;
  readonly source: { readonly code: string };
  readonly recordedAt: string;
}
interface EntityView {
  readonly creditCode: string;
  readonly name: string | null;
  readonly registrationAuthority: CodeName | null;
  readonly organisationType: CodeName | null;
  readonly divisionCode: string | null;
  readonly legalRepresentative: { readonly idNumber: string } | null;
  readonly registeredCapital: { readonly amount: string; readonly currency: string } | null;
  readonly establishedOn: string | null;
  readonly address: string | null;
  readonly businessScope: string | null;
  readonly status: string | null;
  readonly version: number;
  readonly provenance: readonly ProvenanceEntry[];
}

const ENTITY_FIELDS = `creditCode name registrationAuthority { code name } organisationType { code name } divisionCode
  legalRepresentative { idNumber } registeredCapital { amount currency } establishedOn address businessScope status version
  provenance { field source { code } recordedAt }`;
const ENTITY = `query Entity($code: CreditCode!) { legalEntity(creditCode: $code) { ${ENTITY_FIELDS} } }`;
const ENTITIES = `query Entities($codes: [CreditCode!]!) { legalEntities(creditCodes: $codes) { creditCode name } }`;
const REGISTER = `mutation Register($input: RegisterLegalEntityInput!) { registerLegalEntity(input: $input) { ${ENTITY_FIELDS} } }`;
const UPDATE = `mutation Update($input: UpdateLegalEntityInput!) { updateLegalEntity(input: $input) { ${ENTITY_FIELDS} } }`;
const REPRESENTED = `query Represented($r: [_Any!]!) {
  _entities(representations: $r) { ... on Person { idNumber representedEntities { creditCode name legalRepresentative { idNumber } } } }
}`;

/** A valid credit code from its first 17 characters. */
function creditCode(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}

function idNumber(first17: string): string {
  return first17 + idNumberCheckCharacter(first17);
}

/** A wrong check character for a valid credit code. */
function flipCheck(code: string): string {
  return code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
}

function onlyError(result: GqlResult<unknown>): Record<string, unknown> {
  expect(result.errors, JSON.stringify(result.data)?.slice(0, 300)).toHaveLength(1);
  return result.errors![0]!.extensions ?? {};
}

/** `YYYY-MM-DD` shifted by whole days. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const DEPT_A = DEPARTMENTS.bjAmr.code;
const DEPT_B = DEPARTMENTS.shAmr.code;

const ZHANG = idNumber('11010519800101001');
const LI = idNumber('31010119750505002');
const NOBODY = idNumber('44030419900909003');

const ENTERPRISE = '91350100M000100Y43'; // 9/1: 工商 / 企业, division 350100
const ENTERPRISE_2 = creditCode('91110105MA01ABCD1'); // 9/1, division 110105
const SOLE_TRADER = creditCode('92310101MA1FL0001'); // 9/2: 工商 / 个体工商户
const SOCIETY = creditCode('51110000500000001'); // 5/1: 民政 / 社会团体
const UNKNOWN = creditCode('91440300MA5FXXXX1');

describe('legal-entity subgraph', () => {
  let config: Config;
  let db: Database;
  let app: App;
  let url: string;
  let tokens: ReturnType<typeof tokenMinter>;
  let deptA: string;
  let deptB: string;

  async function exec<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
    const subgraph = app.subgraphs.get('legal-entity')!;
    const contextValue = await subgraph.createContext({ authorization: `Bearer ${token ?? deptA}` });
    const response = await subgraph.server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GqlResult<T>;
  }

  const baseInput = (code: string, overrides: Record<string, unknown> = {}) => ({
    creditCode: code,
    name: '北京测试科技有限公司',
    legalRepresentative: ZHANG,
    establishedOn: '2015-06-01',
    address: '北京市朝阳区建国路1号',
    ...overrides,
  });

  async function register(input: Record<string, unknown>, token?: string): Promise<GqlResult<{ registerLegalEntity: EntityView }>> {
    return exec<{ registerLegalEntity: EntityView }>(REGISTER, { input }, token);
  }

  async function readEntity(code: string): Promise<EntityView | null> {
    const res = await exec<{ legalEntity: EntityView | null }>(ENTITY, { code });
    expect(res.errors).toBeUndefined();
    return res.data!.legalEntity;
  }

  async function rowCount(code: string): Promise<number> {
    const rows = await db.orm.em.getConnection().execute<Array<{ n: string | number }>>(
      'select count(*) as n from legal_entity.legal_entity where credit_code = ?', [code],
    );
    return Number(rows[0]!.n);
  }

  beforeAll(async () => {
    config = testConfig();
    db = await createTestDatabase();
    app = await createApp(config, { kind: 'subgraph', name: 'legal-entity' }, { db });
    url = await app.listen();
    tokens = tokenMinter(config);
    deptA = await tokens.department(DEPT_A);
    deptB = await tokens.department(DEPT_B);

    for (const input of [
      baseInput(ENTERPRISE_2, { name: '北京二号科技有限公司', registeredCapital: { amount: '1234567.89', currency: 'CNY' }, businessScope: '技术开发' }),
      baseInput(ENTERPRISE, { name: '福州一号贸易有限公司', address: '福州市鼓楼区五四路1号' }),
      baseInput(SOLE_TRADER, { name: '上海李记小吃店', legalRepresentative: LI, address: '上海市黄浦区南京东路1号' }),
      baseInput(SOCIETY, { name: '北京市测试协会', status: 'SUSPENDED' }),
    ]) {
      const res = await register(input);
      expect(res.errors, input.creditCode).toBeUndefined();
    }
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  describe('legalEntity', () => {
    it('returns a stored entity', async () => {
      expect(await readEntity(ENTERPRISE_2)).toMatchObject({
        creditCode: ENTERPRISE_2,
        name: '北京二号科技有限公司',
        legalRepresentative: { idNumber: ZHANG },
        establishedOn: '2015-06-01',
        businessScope: '技术开发',
        status: 'ACTIVE',
        version: 1,
      });
    });

    it('returns null for an unknown (valid) credit code', async () => {
      expect(await readEntity(UNKNOWN)).toBeNull();
    });

    it('finds an entity asked for in lower case', async () => {
      expect((await readEntity(ENTERPRISE_2.toLowerCase()))?.creditCode).toBe(ENTERPRISE_2);
    });

    it.each([
      [ENTERPRISE, { code: '9', name: '工商' }, { code: '1', name: '企业' }, '350100'],
      [SOLE_TRADER, { code: '9', name: '工商' }, { code: '2', name: '个体工商户' }, '310101'],
      [SOCIETY, { code: '5', name: '民政' }, { code: '1', name: '社会团体' }, '110000'],
    ])('derives authority, organisation type and division from %s', async (code, authority, type, division) => {
      expect(await readEntity(code)).toMatchObject({ registrationAuthority: authority, organisationType: type, divisionCode: division });
    });

    it('exposes registered capital as Money with an exact amount and currency', async () => {
      expect((await readEntity(ENTERPRISE_2))!.registeredCapital).toEqual({ amount: '1234567.89', currency: 'CNY' });
    });

    it('answers null registered capital when none was registered', async () => {
      expect((await readEntity(ENTERPRISE))!.registeredCapital).toBeNull();
    });
  });

  describe('legalEntities', () => {
    it('answers in the order asked, with null for unknown codes', async () => {
      const res = await exec<{ legalEntities: Array<{ creditCode: string } | null> }>(ENTITIES, { codes: [SOCIETY, UNKNOWN, ENTERPRISE, SOCIETY] });
      expect(res.errors).toBeUndefined();
      expect(res.data!.legalEntities.map((e) => e?.creditCode ?? null)).toEqual([SOCIETY, null, ENTERPRISE, SOCIETY]);
    });

    const many = (n: number) => Array.from({ length: n }, (_, i) => creditCode(`91110105MA${String(i).padStart(7, '0')}`));

    it('accepts exactly 500 codes', async () => {
      const res = await exec<{ legalEntities: unknown[] }>(ENTITIES, { codes: many(500) });
      expect(res.errors).toBeUndefined();
      expect(res.data!.legalEntities).toHaveLength(500);
    });

    it('refuses more than 500 codes with BAD_USER_INPUT TOO_MANY on creditCodes', async () => {
      const res = await exec(ENTITIES, { codes: many(501) });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY', field: 'creditCodes' });
    });
  });

  describe('Person.representedEntities (_entities)', () => {
    it('answers several persons in one call, each with the entities they represent, ordered by code', async () => {
      const res = await exec<{ _entities: Array<{ idNumber: string; representedEntities: Array<{ creditCode: string; legalRepresentative: { idNumber: string } }> }> }>(REPRESENTED, {
        r: [ZHANG, NOBODY, LI].map((idNumber) => ({ __typename: 'Person', idNumber })),
      });
      expect(res.errors).toBeUndefined();
      const [zhang, nobody, li] = res.data!._entities;
      expect(zhang!.idNumber).toBe(ZHANG);
      expect(zhang!.representedEntities.map((e) => e.creditCode)).toEqual([SOCIETY, ENTERPRISE, ENTERPRISE_2].sort());
      for (const e of zhang!.representedEntities) expect(e.legalRepresentative).toEqual({ idNumber: ZHANG });
      expect(nobody).toEqual({ idNumber: NOBODY, representedEntities: [] });
      expect(li!.representedEntities.map((e) => e.creditCode)).toEqual([SOLE_TRADER]);
    });

    it('resolves LegalEntity representations to the stored entities', async () => {
      const res = await exec<{ _entities: Array<{ creditCode: string; name: string } | null> }>(
        `query E($r: [_Any!]!) { _entities(representations: $r) { ... on LegalEntity { creditCode name organisationType { name } } } }`,
        { r: [{ __typename: 'LegalEntity', creditCode: SOLE_TRADER }, { __typename: 'LegalEntity', creditCode: UNKNOWN }] },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([{ creditCode: SOLE_TRADER, name: '上海李记小吃店', organisationType: { name: '个体工商户' } }, null]);
    });
  });

  describe('registerLegalEntity', () => {
    it('registers an entity, derives what the code says and records the caller as the source', async () => {
      const code = creditCode('91310101MA1GQ0001');
      const res = await register(baseInput(code, { registeredCapital: { amount: '500000.50', currency: 'USD' } }), deptB);
      expect(res.errors).toBeUndefined();
      const entity = res.data!.registerLegalEntity;
      expect(entity).toMatchObject({
        creditCode: code,
        registrationAuthority: { code: '9', name: '工商' },
        organisationType: { code: '1', name: '企业' },
        divisionCode: '310101',
        registeredCapital: { amount: '500000.50', currency: 'USD' },
        status: 'ACTIVE',
        version: 1,
      });
      expect(entity.provenance.length).toBeGreaterThan(0);
      for (const entry of entity.provenance) expect(entry.source.code).toBe(DEPT_B);
      expect(entity.provenance.map((p) => p.field)).toEqual(expect.arrayContaining(['creditCode', 'name', 'legalRepresentative', 'establishedOn', 'address', 'registeredCapital']));
      expect(entity.provenance.map((p) => p.field)).not.toContain('businessScope');
      expect(await readEntity(code)).toMatchObject({ registeredCapital: { amount: '500000.50', currency: 'USD' }, version: 1 });
    });

    it('normalises a lower-case code and stores it upper case', async () => {
      const code = creditCode('91110105MA01QWER1');
      const res = await register(baseInput(code.toLowerCase()));
      expect(res.errors).toBeUndefined();
      expect(res.data!.registerLegalEntity.creditCode).toBe(code);
      expect(await rowCount(code)).toBe(1);
    });

    it('returns the same registered capital (numerically) on registration as on a later read', async () => {
      const code = creditCode('91110105MA01CAP01');
      const res = await register(baseInput(code, { registeredCapital: { amount: '1000000', currency: 'CNY' } }));
      expect(res.errors).toBeUndefined();
      const read = await readEntity(code);
      expect(Number(res.data!.registerLegalEntity.registeredCapital!.amount)).toBe(1_000_000);
      expect(Number(read!.registeredCapital!.amount)).toBe(1_000_000);
      expect(read!.registeredCapital!.currency).toBe('CNY');
    });

    // Regression: amounts past 2 decimals were stored rounded while the mutation echoed them unrounded.
    it('never stores an amount other than the one it reports (no silent rounding)', async () => {
      const code = creditCode('91110105MA01CAP02');
      const res = await register(baseInput(code, { registeredCapital: { amount: '1000000.555', currency: 'CNY' } }));
      if (res.errors) {
        expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.registeredCapital.amount' });
        expect(await rowCount(code)).toBe(0);
        return;
      }
      const stored = await readEntity(code);
      expect(stored!.registeredCapital!.amount).toBe(res.data!.registerLegalEntity.registeredCapital!.amount);
    });

    it('refuses a second registration of the same code with CONFLICT, keeping the first', async () => {
      const res = await register(baseInput(ENTERPRISE, { name: '冒名顶替有限公司' }), deptB);
      expect(onlyError(res)).toMatchObject({ code: 'CONFLICT', field: 'input.creditCode' });
      expect(await readEntity(ENTERPRISE)).toMatchObject({ name: '福州一号贸易有限公司', version: 1 });
    });

    it('accepts an entity established today (China time)', async () => {
      const code = creditCode('91110105MA01TDY01');
      const res = await register(baseInput(code, { establishedOn: todayInChina() }));
      expect(res.errors).toBeUndefined();
    });

    it('refuses an establishment date in the future with BAD_USER_INPUT on input.establishedOn and writes nothing', async () => {
      const code = creditCode('91110105MA01FUT01');
      const res = await register(baseInput(code, { establishedOn: addDays(todayInChina(), 1) }));
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FUTURE_DATE', field: 'input.establishedOn' });
      expect(await rowCount(code)).toBe(0);
    });

    it.each([
      ['establishedOn', { establishedOn: '2015-02-30' }, 'DATE'],
      ['establishedOn', { establishedOn: '2015/02/01' }, 'FORMAT'],
      ['registeredCapital.amount', { registeredCapital: { amount: '12,000', currency: 'CNY' } }, 'FORMAT'],
    ])('refuses a malformed %s before any resolver runs (%s)', async (_field, bad, reason) => {
      const code = creditCode('91110105MA01BAD01');
      const res = await register(baseInput(code, bad));
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason });
      expect(await rowCount(code)).toBe(0);
    });

    it.each([
      ['registeredCapital.amount', { registeredCapital: { amount: '-1', currency: 'CNY' } }],
      ['registeredCapital.currency', { registeredCapital: { amount: '1', currency: 'cny' } }],
      ['name', { name: '甲' }],
      ['address', { address: '   ' }],
    ])('refuses a bad %s with BAD_USER_INPUT naming that input field and writes nothing', async (field, bad) => {
      const code = creditCode('91110105MA01BAD02');
      const res = await register(baseInput(code, bad));
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
      expect(await rowCount(code)).toBe(0);
    });

    it('refuses a CITIZEN with FORBIDDEN and writes nothing', async () => {
      const code = creditCode('91110105MA01CTN01');
      const res = await register(baseInput(code), await tokens.citizen(ZHANG));
      expect(onlyError(res)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await rowCount(code)).toBe(0);
    });
  });

  describe('invalid credit codes', () => {
    const base = creditCode('91110105MA01XYWY1');
    const cases: ReadonlyArray<readonly [string, string]> = [
      ['CHECK_CHARACTER', flipCheck(base)],
      ...['I', 'O', 'S', 'V', 'Z'].map((letter) => ['CHARACTER', `${base.slice(0, 10)}${letter}${base.slice(11)}`] as const),
      ['CHARACTER', `${base.slice(0, 17)} `],
      ['LENGTH', base.slice(0, 17)],
      ['LENGTH', `${base}0`],
      ['REGISTRATION_AUTHORITY', creditCode(`B${base.slice(1, 17)}`)],
      ['ORGANISATION_TYPE', creditCode(`94${base.slice(2, 17)}`)],
      ['DIVISION', creditCode(`91A10105${base.slice(8, 17)}`)],
    ];

    it('accepts the valid code the cases are made from (control)', async () => {
      const res = await exec(`{ legalEntity(creditCode: "${base}") { creditCode } }`);
      expect(res.errors).toBeUndefined();
    });

    it.each(cases)('refuses %s as an argument literal, naming the argument', async (reason, bad) => {
      const res = await exec(`{ legalEntity(creditCode: ${JSON.stringify(bad)}) { creditCode } }`);
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'creditCode' });
    });

    it.each(cases)('refuses %s as a variable', async (reason, bad) => {
      const res = await exec(ENTITY, { code: bad });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    });

    it.each(cases)('refuses %s inside an input object literal, naming input.creditCode', async (reason, bad) => {
      const res = await exec(`mutation { registerLegalEntity(input: {
        creditCode: ${JSON.stringify(bad)}, name: "测试有限公司", legalRepresentative: "${ZHANG}", establishedOn: "2015-06-01", address: "北京"
      }) { creditCode } }`);
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'input.creditCode' });
    });

    it.each(cases)('refuses %s inside an input object variable', async (reason, bad) => {
      const res = await register(baseInput(bad));
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason });
      expect(await rowCount(bad.trim().toUpperCase())).toBe(0);
    });

    it('refuses an invalid legal representative ID number inside the input', async () => {
      const res = await register(baseInput(creditCode('91110105MA01REP01'), { legalRepresentative: `${ZHANG.slice(0, 17)}${ZHANG.endsWith('1') ? '2' : '1'}` }));
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_CHARACTER' });
    });
  });

  describe('updateLegalEntity', () => {
    it('applies a change at the expected version, bumps the version and moves only the changed fields to the caller', async () => {
      const code = creditCode('91110105MA01UPD01');
      const created = await register(baseInput(code, { registeredCapital: { amount: '100.00', currency: 'CNY' }, businessScope: '零售' }), deptA);
      expect(created.errors).toBeUndefined();
      const before = created.data!.registerLegalEntity;
      await new Promise((r) => setTimeout(r, 5));

      const res = await exec<{ updateLegalEntity: EntityView }>(UPDATE, {
        input: { creditCode: code, expectedVersion: 1, registeredCapital: { amount: '200.00', currency: 'CNY' }, address: before.address, status: 'SUSPENDED' },
      }, deptB);
      expect(res.errors).toBeUndefined();
      const after = res.data!.updateLegalEntity;
      expect(after).toMatchObject({ version: 2, status: 'SUSPENDED', registeredCapital: { amount: '200.00', currency: 'CNY' }, address: before.address, businessScope: '零售' });

      const old = new Map(before.provenance.map((p) => [p.field, p]));
      const now = new Map(after.provenance.map((p) => [p.field, p]));
      // Amount and currency are one field: no separate capitalCurrency entry appears.
      expect([...now.keys()].sort()).toEqual([...old.keys()].sort());
      for (const field of ['registeredCapital', 'status']) {
        expect(now.get(field)!.source.code, field).toBe(DEPT_B);
        expect(Date.parse(now.get(field)!.recordedAt)).toBeGreaterThan(Date.parse(old.get(field)!.recordedAt));
      }
      for (const field of ['creditCode', 'name', 'address', 'businessScope', 'legalRepresentative', 'establishedOn']) {
        expect(now.get(field), field).toEqual(old.get(field));
      }
      const stored = await readEntity(code);
      expect(stored).toMatchObject({ version: 2, status: 'SUSPENDED', registeredCapital: { amount: '200.00', currency: 'CNY' } });
      expect(stored!.provenance).toEqual(after.provenance);
    });

    it('changes nothing (same version, same provenance) when every given field is equal to the stored one', async () => {
      const before = await readEntity(ENTERPRISE_2);
      const res = await exec<{ updateLegalEntity: EntityView }>(UPDATE, {
        input: { creditCode: ENTERPRISE_2, expectedVersion: before!.version, name: before!.name, registeredCapital: before!.registeredCapital },
      }, deptB);
      expect(res.errors).toBeUndefined();
      expect(res.data!.updateLegalEntity).toEqual(before);
      expect(await readEntity(ENTERPRISE_2)).toEqual(before);
    });

    // Regression: '100' vs a stored '100.00' used to count as a change.
    it('treats the same amount written differently (100 vs 100.00) as unchanged', async () => {
      const code = creditCode('91110105MA01UPD04');
      const created = await register(baseInput(code, { registeredCapital: { amount: '100.00', currency: 'CNY' } }), deptA);
      expect(created.errors).toBeUndefined();
      const res = await exec<{ updateLegalEntity: EntityView }>(UPDATE, {
        input: { creditCode: code, expectedVersion: 1, registeredCapital: { amount: '100', currency: 'CNY' } },
      }, deptB);
      expect(res.errors).toBeUndefined();
      const after = await readEntity(code);
      expect(after!.version).toBe(1);
      expect(after!.provenance.find((p) => p.field === 'registeredCapital')?.source.code).toBe(DEPT_A);
    });

    it('refuses a stale expectedVersion with CONFLICT STALE_VERSION and leaves the row as it was', async () => {
      const code = creditCode('91110105MA01UPD02');
      expect((await register(baseInput(code))).errors).toBeUndefined();
      expect((await exec(UPDATE, { input: { creditCode: code, expectedVersion: 1, name: '第二个名字有限公司' } })).errors).toBeUndefined();
      const before = await readEntity(code);

      const res = await exec(UPDATE, { input: { creditCode: code, expectedVersion: 1, name: '过时的名字有限公司', status: 'REVOKED' } }, deptB);
      expect(onlyError(res)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION', field: 'expectedVersion' });
      expect(await readEntity(code)).toEqual(before);
      expect(before).toMatchObject({ name: '第二个名字有限公司', status: 'ACTIVE', version: 2 });
    });

    it('lets exactly one of several concurrent updates at the same version win', async () => {
      const code = creditCode('91110105MA01UPD03');
      expect((await register(baseInput(code))).errors).toBeUndefined();
      const names = ['并发一有限公司', '并发二有限公司', '并发三有限公司', '并发四有限公司'];
      const results = await Promise.all(names.map((name, i) => exec<{ updateLegalEntity: EntityView }>(UPDATE, { input: { creditCode: code, expectedVersion: 1, name } }, i % 2 ? deptB : deptA)));
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => r.errors)) expect(onlyError(loser)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
      expect(await readEntity(code)).toMatchObject({ version: 2, name: winners[0]!.data!.updateLegalEntity.name });
    });

    it('refuses moving the establishment date into the future and changes nothing', async () => {
      const res = await exec(UPDATE, { input: { creditCode: SOCIETY, expectedVersion: 1, establishedOn: addDays(todayInChina(), 30) } });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FUTURE_DATE', field: 'input.establishedOn' });
      expect(await readEntity(SOCIETY)).toMatchObject({ establishedOn: '2015-06-01', version: 1 });
    });

    it('answers NOT_FOUND for an unknown entity and creates nothing', async () => {
      const res = await exec(UPDATE, { input: { creditCode: UNKNOWN, expectedVersion: 1, name: '不存在有限公司' } });
      expect(onlyError(res)).toMatchObject({ code: 'NOT_FOUND', field: 'input.creditCode' });
      expect(await rowCount(UNKNOWN)).toBe(0);
    });

    it('refuses a CITIZEN with FORBIDDEN and changes nothing', async () => {
      const res = await exec(UPDATE, { input: { creditCode: SOCIETY, expectedVersion: 1, name: '被改名协会' } }, await tokens.citizen(ZHANG));
      expect(onlyError(res)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await readEntity(SOCIETY)).toMatchObject({ name: '北京市测试协会', version: 1 });
    });
  });

  describe('authentication over HTTP', () => {
    const OPERATIONS: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
      ['legalEntity', `query Q($code: CreditCode!) { legalEntity(creditCode: $code) { creditCode name } }`, { code: ENTERPRISE }],
      ['_entities', REPRESENTED, { r: [{ __typename: 'Person', idNumber: ZHANG }] }],
      ['_service', '{ _service { sdl } }', {}],
    ];

    it.each(OPERATIONS)('answers %s with a valid token (control)', async (_name, query, variables) => {
      const res = await postGraphql(url, query, variables, deptA);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data).toBeTruthy();
    });

    it.each(OPERATIONS)('refuses %s without a token or with a garbage one: HTTP 401 UNAUTHENTICATED', async (_name, query, variables) => {
      for (const token of [null, 'garbage.token.here']) {
        const res = await postGraphql(url, query, variables, token);
        expect(res.status).toBe(401);
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    });
  });
});
