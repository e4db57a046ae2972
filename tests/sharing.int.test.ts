import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { creditCodeCheckCharacter } from '../src/domain/identifiers/credit-code.js';
import { idNumberCheckCharacter } from '../src/domain/identifiers/id-number.js';
import { DEPARTMENTS, organCode } from '../src/seed/catalogue.js';
import { seedCatalogue } from '../src/seed/load.js';
import { testConfig } from './fixtures/config.js';
import { createTestDatabase } from './fixtures/database.js';
import { postGraphql } from './fixtures/hub.js';
import { tokenMinter } from './fixtures/tokens.js';

/**
 * The sharing subgraph on its own over the seeded department registry: reads,
 * `viewer` for each kind of caller, and registerDepartment (administrators only).
 */

interface GqlError {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}
interface GqlResult<T> {
  readonly data?: T | null;
  readonly errors?: readonly GqlError[];
}
interface DepartmentView {
  readonly code: string;
  readonly name: string;
  readonly divisionCode: string;
  readonly version: number;
}
interface ViewerView {
  readonly subject: string;
  readonly role: string;
  readonly department: { readonly code: string; readonly name: string } | null;
}

const DEPARTMENT = `query D($code: CreditCode!) { department(code: $code) { code name divisionCode version } }`;
const DEPARTMENTS_QUERY = `{ departments { code name divisionCode version } }`;
const VIEWER = `{ viewer { subject role department { code name } } }`;
const REGISTER = `mutation R($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { code name divisionCode version } }`;

function onlyError(result: GqlResult<unknown>): Record<string, unknown> {
  expect(result.errors, JSON.stringify(result.data)?.slice(0, 300)).toHaveLength(1);
  return result.errors![0]!.extensions ?? {};
}

const CITIZEN_ID = (() => {
  const first17 = '11010519850615003';
  return first17 + idNumberCheckCharacter(first17);
})();

describe('sharing subgraph', () => {
  let db: Database;
  let app: App;
  let url: string;
  let tokens: ReturnType<typeof tokenMinter>;
  let admin: string;
  let system: string;

  async function exec<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GqlResult<T>> {
    const subgraph = app.subgraphs.get('sharing')!;
    const contextValue = await subgraph.createContext({ authorization: `Bearer ${token ?? system}` });
    const response = await subgraph.server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GqlResult<T>;
  }

  async function rowCount(code: string): Promise<number> {
    const rows = await db.orm.em.getConnection().execute<Array<{ n: string | number }>>('select count(*) as n from sharing.department where code = ?', [code]);
    return Number(rows[0]!.n);
  }

  beforeAll(async () => {
    const config = testConfig();
    db = await createTestDatabase();
    await seedCatalogue(db, new Date('2026-11-01T00:00:00Z'));
    app = await createApp(config, { kind: 'subgraph', name: 'sharing' }, { db });
    url = await app.listen();
    tokens = tokenMinter(config);
    admin = await tokens.admin();
    system = await tokens.department();
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  describe('departments', () => {
    it('lists every registered department ordered by code', async () => {
      const res = await exec<{ departments: DepartmentView[] }>(DEPARTMENTS_QUERY);
      expect(res.errors).toBeUndefined();
      const expected = Object.values(DEPARTMENTS)
        .map((d) => ({ code: d.code, name: d.name, divisionCode: d.divisionCode, version: 1 }))
        .sort((a, b) => (a.code < b.code ? -1 : 1));
      // Other tests in this file may register more; the seeded ones come in code order among them.
      const seeded = res.data!.departments.filter((d) => expected.some((e) => e.code === d.code));
      expect(seeded).toEqual(expected);
      const codes = res.data!.departments.map((d) => d.code);
      expect(codes).toEqual([...codes].sort());
    });
  });

  describe('department', () => {
    it('returns one department by its code', async () => {
      const res = await exec<{ department: DepartmentView }>(DEPARTMENT, { code: DEPARTMENTS.bjPsb.code });
      expect(res.errors).toBeUndefined();
      expect(res.data!.department).toEqual({ code: DEPARTMENTS.bjPsb.code, name: '北京市公安局', divisionCode: '110000', version: 1 });
    });

    it('finds a department asked for in lower case', async () => {
      const res = await exec<{ department: DepartmentView | null }>(DEPARTMENT, { code: DEPARTMENTS.samr.code.toLowerCase() });
      expect(res.data!.department?.code).toBe(DEPARTMENTS.samr.code);
    });

    it('returns null for an unknown (valid) code', async () => {
      const res = await exec<{ department: DepartmentView | null }>(DEPARTMENT, { code: organCode('110000', '00000098X') });
      expect(res.errors).toBeUndefined();
      expect(res.data!.department).toBeNull();
    });

    it('refuses an invalid code as a literal (naming the argument) and as a variable', async () => {
      const bad = DEPARTMENTS.bjPsb.code.slice(0, 17) + (DEPARTMENTS.bjPsb.code.endsWith('0') ? '1' : '0');
      const literal = await exec(`{ department(code: "${bad}") { code } }`);
      expect(onlyError(literal)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_CHARACTER', field: 'code' });
      const variable = await exec(DEPARTMENT, { code: bad });
      expect(onlyError(variable)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_CHARACTER' });
    });
  });

  describe('viewer', () => {
    it('describes a department system and resolves its department', async () => {
      const res = await exec<{ viewer: ViewerView }>(VIEWER, {}, await tokens.department(DEPARTMENTS.shTraffic.code));
      expect(res.errors).toBeUndefined();
      expect(res.data!.viewer).toEqual({
        subject: `system:${DEPARTMENTS.shTraffic.code}`,
        role: 'DEPARTMENT_SYSTEM',
        department: { code: DEPARTMENTS.shTraffic.code, name: '上海市公安局交通警察总队' },
      });
    });

    it('describes a citizen, who acts for no department', async () => {
      const res = await exec<{ viewer: ViewerView }>(VIEWER, {}, await tokens.citizen(CITIZEN_ID));
      expect(res.errors).toBeUndefined();
      expect(res.data!.viewer).toEqual({ subject: CITIZEN_ID, role: 'CITIZEN', department: null });
    });

    it('describes an administrator with the department named in the token', async () => {
      const res = await exec<{ viewer: ViewerView }>(VIEWER, {}, admin);
      expect(res.data!.viewer).toEqual({ subject: 'admin:1', role: 'ADMIN', department: { code: DEPARTMENTS.bjTax.code, name: '国家税务总局北京市税务局' } });
    });

    it('answers a null department for a token naming a department the hub does not know', async () => {
      const unknown = organCode('110000', '00000097W');
      const res = await exec<{ viewer: ViewerView }>(VIEWER, {}, await tokens.mint({ subject: 'op:7', role: 'OPERATOR', department: unknown }));
      expect(res.errors).toBeUndefined();
      expect(res.data!.viewer).toEqual({ subject: 'op:7', role: 'OPERATOR', department: null });
    });
  });

  describe('registerDepartment', () => {
    const input = (code: string, overrides: Record<string, unknown> = {}) => ({ code, name: '北京市朝阳区测试局', divisionCode: '110105', ...overrides });

    it('lets an administrator register a department, which is then readable', async () => {
      const code = organCode('110105', '00000090Q');
      const res = await exec<{ registerDepartment: DepartmentView }>(REGISTER, { input: input(code) }, admin);
      expect(res.errors).toBeUndefined();
      expect(res.data!.registerDepartment).toEqual({ code, name: '北京市朝阳区测试局', divisionCode: '110105', version: 1 });
      const read = await exec<{ department: DepartmentView }>(DEPARTMENT, { code });
      expect(read.data!.department).toEqual(res.data!.registerDepartment);
      const list = await exec<{ departments: DepartmentView[] }>(DEPARTMENTS_QUERY);
      expect(list.data!.departments.map((d) => d.code)).toContain(code);
    });

    it('stores a code given in lower case in upper case', async () => {
      const code = organCode('110105', '00000091R');
      const res = await exec<{ registerDepartment: DepartmentView }>(REGISTER, { input: input(code.toLowerCase()) }, admin);
      expect(res.errors).toBeUndefined();
      expect(res.data!.registerDepartment.code).toBe(code);
      expect(await rowCount(code)).toBe(1);
    });

    it.each([
      ['DEPARTMENT_SYSTEM', () => tokens.department()],
      ['OPERATOR', () => tokens.mint({ subject: 'op:1', role: 'OPERATOR', department: DEPARTMENTS.bjAmr.code })],
      ['SUPERVISOR', () => tokens.mint({ subject: 'sup:1', role: 'SUPERVISOR', department: DEPARTMENTS.bjAmr.code })],
      ['CITIZEN', () => tokens.citizen(CITIZEN_ID)],
    ])('refuses a %s with FORBIDDEN and writes nothing', async (_role, mint) => {
      const code = organCode('110105', '00000092T');
      const res = await exec(REGISTER, { input: input(code) }, await mint());
      expect(onlyError(res)).toMatchObject({ code: 'FORBIDDEN' });
      expect(res.data).toBeNull();
      expect(await rowCount(code)).toBe(0);
    });

    it('refuses a code with a wrong check character with BAD_USER_INPUT (as a variable and as a literal)', async () => {
      const code = organCode('110105', '00000093U');
      const bad = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
      const variable = await exec(REGISTER, { input: input(bad) }, admin);
      expect(onlyError(variable)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_CHARACTER' });
      const literal = await exec(`mutation { registerDepartment(input: { code: "${bad}", name: "测试局", divisionCode: "110105" }) { code } }`, {}, admin);
      expect(onlyError(literal)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_CHARACTER', field: 'input.code' });
      expect(await rowCount(code)).toBe(0);
    });

    it('refuses a valid credit code that is not a government organ (authority 1) with BAD_USER_INPUT on input.code', async () => {
      const first17 = '91110105MA01DEPT1'.replace('T', 'W');
      const enterprise = first17 + creditCodeCheckCharacter(first17);
      const res = await exec(REGISTER, { input: input(enterprise) }, admin);
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REGISTRATION_AUTHORITY', field: 'input.code' });
      expect(await rowCount(enterprise)).toBe(0);
    });

    it.each([
      ['divisionCode', { divisionCode: '11010' }],
      ['divisionCode', { divisionCode: '11010A' }],
      ['name', { name: '局' }],
      ['name', { name: '局'.repeat(201) }],
    ])('refuses a bad %s with BAD_USER_INPUT naming that input field and writes nothing', async (field, bad) => {
      const code = organCode('110105', '00000094W');
      const res = await exec(REGISTER, { input: input(code, bad) }, admin);
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', field: `input.${field}` });
      expect(await rowCount(code)).toBe(0);
    });

    it('refuses registering a known code again with CONFLICT and keeps the stored department', async () => {
      const res = await exec(REGISTER, { input: input(DEPARTMENTS.bjAmr.code, { name: '冒名市场监管局' }) }, admin);
      expect(onlyError(res)).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
      const read = await exec<{ department: DepartmentView }>(DEPARTMENT, { code: DEPARTMENTS.bjAmr.code });
      expect(read.data!.department).toMatchObject({ name: '北京市市场监督管理局', version: 1 });
    });

    it('lets exactly one of two concurrent registrations of the same code succeed', async () => {
      const code = organCode('110105', '00000095X');
      const results = await Promise.all([
        exec<{ registerDepartment: DepartmentView }>(REGISTER, { input: input(code, { name: '并发甲局' }) }, admin),
        exec<{ registerDepartment: DepartmentView }>(REGISTER, { input: input(code, { name: '并发乙局' }) }, admin),
      ]);
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((r) => r.errors)) expect(onlyError(loser)).toMatchObject({ code: 'CONFLICT' });
      expect(await rowCount(code)).toBe(1);
      const read = await exec<{ department: DepartmentView }>(DEPARTMENT, { code });
      expect(read.data!.department.name).toBe(winners[0]!.data!.registerDepartment.name);
    });
  });

  describe('_entities', () => {
    it('resolves Department representations, in order, null for unknown codes', async () => {
      const unknown = organCode('110000', '00000096Y');
      const res = await exec<{ _entities: Array<DepartmentView | null> }>(
        `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Department { code name divisionCode } } }`,
        { r: [DEPARTMENTS.mca.code, unknown, DEPARTMENTS.fzAmr.code].map((code) => ({ __typename: 'Department', code })) },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([
        { code: DEPARTMENTS.mca.code, name: '中华人民共和国民政部', divisionCode: '100000' },
        null,
        { code: DEPARTMENTS.fzAmr.code, name: '福州市市场监督管理局', divisionCode: '350100' },
      ]);
    });
  });

  describe('authentication over HTTP', () => {
    const OPERATIONS: ReadonlyArray<readonly [string, string, Record<string, unknown>]> = [
      ['departments', DEPARTMENTS_QUERY, {}],
      ['viewer', VIEWER, {}],
      ['_entities', `query E($r: [_Any!]!) { _entities(representations: $r) { ... on Department { code name } } }`, { r: [{ __typename: 'Department', code: DEPARTMENTS.mps.code }] }],
      ['_service', '{ _service { sdl } }', {}],
    ];

    it.each(OPERATIONS)('answers %s with a valid token (control)', async (_name, query, variables) => {
      const res = await postGraphql(url, query, variables, system);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(res.data).toBeTruthy();
    });

    it.each(OPERATIONS)('refuses %s without a token or with a garbage one: HTTP 401 UNAUTHENTICATED', async (_name, query, variables) => {
      for (const token of [null, 'garbage']) {
        const res = await postGraphql(url, query, variables, token);
        expect(res.status).toBe(401);
        expect(res.data ?? null).toBeNull();
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    });

    it('refuses registerDepartment to an unauthenticated caller and writes nothing', async () => {
      const code = organCode('110105', '00000099Y');
      const res = await postGraphql(url, REGISTER, { input: { code, name: '无证局', divisionCode: '110105' } }, null);
      expect(res.status).toBe(401);
      expect(await rowCount(code)).toBe(0);
    });

    it('answers FORBIDDEN for a department system over HTTP too', async () => {
      const code = organCode('110105', '00000092T');
      const res = await postGraphql(url, REGISTER, { input: { code, name: '越权局', divisionCode: '110105' } }, system);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(await rowCount(code)).toBe(0);
    });
  });
});
