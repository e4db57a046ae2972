import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { formatLicenseId } from '../src/domain/identifiers/license-id.js';
import { todayInChina } from '../src/domain/values.js';
import { DEPARTMENTS, LICENSE_TYPES } from '../src/seed/catalogue.js';
import { seedDirectory } from '../src/seed/load.js';
import { testConfig } from './fixtures/config.js';
import { createTestDatabase } from './fixtures/database.js';
import { postGraphql } from './fixtures/hub.js';
import { tokenMinter } from './fixtures/tokens.js';

/**
 * The license subgraph on its own over a small seeded directory: licences by
 * identifier and by holder, the effective status (EXPIRED derived from
 * validUntil), the holders' `licenses` through `_entities`, and the catalogue.
 */

interface GqlError {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}
interface GqlResult<T> {
  readonly data?: T | null;
  readonly errors?: readonly GqlError[];
}
interface LicenseView {
  readonly licenseId: string;
  readonly type: { readonly code: string; readonly name: string };
  readonly licenseNumber: string | null;
  readonly holderKind: string;
  readonly holder: { readonly __typename: string; readonly idNumber?: string; readonly creditCode?: string } | null;
  readonly holderIdentifier: string | null;
  readonly holderName: string | null;
  readonly issuingDepartment: { readonly code: string } | null;
  readonly issuedOn: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly jurisdictionCode: string | null;
  readonly status: string;
  readonly version: number;
  readonly supersedes: string | null;
  readonly data: Record<string, unknown> | null;
  readonly provenance: ReadonlyArray<{ readonly field: string; readonly source: { readonly code: string } }>;
}
interface LicenseRow {
  readonly license_id: string;
  readonly type_code: string;
  readonly license_number: string;
  readonly holder_kind: string;
  readonly holder_id: string;
  readonly holder_name: string;
  readonly issuer_code: string;
  readonly issued_on: string;
  readonly valid_until: string | null;
  readonly jurisdiction_code: string;
}

const LICENSE_FIELDS = `licenseId type { code name } licenseNumber holderKind
  holder { __typename ... on Person { idNumber } ... on LegalEntity { creditCode } }
  holderIdentifier holderName issuingDepartment { code } issuedOn validFrom validUntil jurisdictionCode status version supersedes data
  provenance { field source { code } }`;
const LICENSE = `query License($id: LicenseId!) { license(licenseId: $id) { ${LICENSE_FIELDS} } }`;
const BY_HOLDER = `query ByHolder($idNumber: IdNumber, $creditCode: CreditCode, $status: [LicenseStatus!]) {
  licensesByHolder(idNumber: $idNumber, creditCode: $creditCode, status: $status) { licenseId status holderKind holderIdentifier }
}`;
const HOLDER_ENTITIES = `query Holders($r: [_Any!]!, $status: [LicenseStatus!]) {
  _entities(representations: $r) {
    ... on Person { idNumber licenses(status: $status) { licenseId status } }
    ... on LegalEntity { creditCode licenses(status: $status) { licenseId status } }
  }
}`;
const TYPE_FIELDS = `code name holderKind definingAuthority { code } issuingDepartments { code } validityYears
  dataFields { name label type required values maxLength }`;

const NOW = new Date('2026-11-01T00:00:00Z');

function onlyError(result: GqlResult<unknown>): Record<string, unknown> {
  expect(result.errors, JSON.stringify(result.data)?.slice(0, 300)).toHaveLength(1);
  return result.errors![0]!.extensions ?? {};
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same identifier with a different (wrong) check character. */
function flipCheck(id: string): string {
  return id.slice(0, -1) + (id.endsWith('0') ? '1' : '0');
}

/** Licences newest first, ties by identifier: the order the subgraph promises. */
function newestFirst(rows: readonly LicenseRow[]): string[] {
  return [...rows]
    .sort((a, b) => (a.issued_on === b.issued_on ? (a.license_id < b.license_id ? -1 : 1) : a.issued_on < b.issued_on ? 1 : -1))
    .map((r) => r.license_id);
}

describe('license subgraph', () => {
  let db: Database;
  let app: App;
  let url: string;
  let token: string;
  let tokens: ReturnType<typeof tokenMinter>;

  let driving: LicenseRow; // a driving licence of a person
  let personHolder: string; // a person with several licences
  let entityHolder: string; // an entity with several licences
  let entityName: string;

  async function exec<T>(query: string, variables: Record<string, unknown> = {}, as?: string): Promise<GqlResult<T>> {
    const subgraph = app.subgraphs.get('license')!;
    const contextValue = await subgraph.createContext({ authorization: `Bearer ${as ?? token}` });
    const response = await subgraph.server.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as GqlResult<T>;
  }

  async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
    return db.orm.em.getConnection().execute<T[]>(query, params);
  }

  async function rowsOf(holder: string): Promise<LicenseRow[]> {
    return sql<LicenseRow>(`select license_id, type_code, license_number, holder_kind, holder_id, holder_name, issuer_code,
      issued_on::text as issued_on, valid_until::text as valid_until, jurisdiction_code from license.license where holder_id = ?`, [holder]);
  }

  async function byHolder(variables: Record<string, unknown>): Promise<GqlResult<{ licensesByHolder: Array<{ licenseId: string; status: string; holderKind: string; holderIdentifier: string }> }>> {
    return exec(BY_HOLDER, variables);
  }

  beforeAll(async () => {
    const config = testConfig();
    db = await createTestDatabase();
    await seedDirectory(db, { seed: 11, persons: 300, now: NOW });
    app = await createApp(config, { kind: 'subgraph', name: 'license' }, { db });
    url = await app.listen();
    tokens = tokenMinter(config);
    token = await tokens.department();

    const [d] = await sql<{ license_id: string }>(`select license_id from license.license where type_code = ? order by license_id limit 1`, [LICENSE_TYPES.drivingLicense.code]);
    driving = (await sql<LicenseRow>(`select license_id, type_code, license_number, holder_kind, holder_id, holder_name, issuer_code,
      issued_on::text as issued_on, valid_until::text as valid_until, jurisdiction_code from license.license where license_id = ?`, [d!.license_id]))[0]!;
    const [p] = await sql<{ holder_id: string }>(`select holder_id from license.license where holder_kind = 'PERSON' group by holder_id having count(*) >= 2 order by holder_id limit 1`);
    const [e] = await sql<{ holder_id: string; holder_name: string }>(`select holder_id, min(holder_name) as holder_name from license.license where holder_kind = 'ENTITY' group by holder_id having count(*) >= 2 order by holder_id limit 1`);
    personHolder = p!.holder_id;
    entityHolder = e!.holder_id;
    entityName = e!.holder_name;
    // The holders used for status tests start with every licence valid and unexpired.
    await sql(`update license.license set status = 'VALID', valid_until = null where holder_id in (?, ?)`, [personHolder, entityHolder]);
  });

  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  describe('license', () => {
    it('returns a licence by its identifier with every field from the record', async () => {
      const res = await exec<{ license: LicenseView }>(LICENSE, { id: driving.license_id });
      expect(res.errors).toBeUndefined();
      const license = res.data!.license;
      expect(license).toMatchObject({
        licenseId: driving.license_id,
        type: { code: LICENSE_TYPES.drivingLicense.code, name: '机动车驾驶证' },
        licenseNumber: driving.holder_id, // a driving licence's number is the holder's ID number
        holderKind: 'PERSON',
        holderIdentifier: driving.holder_id,
        holderName: driving.holder_name,
        issuingDepartment: { code: driving.issuer_code },
        issuedOn: driving.issued_on,
        validFrom: driving.issued_on,
        validUntil: driving.valid_until,
        jurisdictionCode: driving.jurisdiction_code,
        supersedes: null,
      });
      expect(Object.keys(license.data ?? {}).sort()).toEqual(['drivingClass', 'firstIssueDate']);
      expect(license.provenance.length).toBeGreaterThan(0);
      for (const p of license.provenance) expect(p.source.code).toBe(driving.issuer_code);
    });

    it("answers the identifier's version (1) as version", async () => {
      const res = await exec<{ license: { version: number } }>(LICENSE, { id: driving.license_id });
      expect(res.data!.license.version).toBe(1);
      expect(driving.license_id.split('.').at(-2)).toBe('001');
    });

    it('resolves the holder of a personal licence to a Person reference', async () => {
      const res = await exec<{ license: LicenseView }>(LICENSE, { id: driving.license_id });
      expect(res.data!.license.holder).toEqual({ __typename: 'Person', idNumber: driving.holder_id });
    });

    it('resolves the holder of a business licence to a LegalEntity reference', async () => {
      const [row] = await rowsOf(entityHolder);
      const res = await exec<{ license: LicenseView }>(LICENSE, { id: row!.license_id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.license).toMatchObject({ holderKind: 'ENTITY', holder: { __typename: 'LegalEntity', creditCode: entityHolder }, holderName: entityName });
    });

    it('finds a licence asked for in lower case', async () => {
      const res = await exec<{ license: { licenseId: string } | null }>(LICENSE, { id: driving.license_id.toLowerCase() });
      expect(res.data!.license?.licenseId).toBe(driving.license_id);
    });

    it('returns null for a well-formed identifier nobody holds', async () => {
      const id = formatLicenseId({ typeCode: LICENSE_TYPES.drivingLicense.code, issuerCode: DEPARTMENTS.bjTraffic.code, serial: 'NOSUCH0001', version: 1 });
      const res = await exec<{ license: unknown }>(LICENSE, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data!.license).toBeNull();
    });

    it('resolves License representations through _entities', async () => {
      const res = await exec<{ _entities: Array<{ licenseId: string; version: number } | null> }>(
        `query E($r: [_Any!]!) { _entities(representations: $r) { ... on License { licenseId version } } }`,
        { r: [{ __typename: 'License', licenseId: driving.license_id }] },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([{ licenseId: driving.license_id, version: 1 }]);
    });
  });

  describe('license (invalid identifiers)', () => {
    const cases = (): ReadonlyArray<readonly [string, string]> => {
      const id = driving.license_id;
      const parts = id.split('.');
      const [root, type, issuer, serial] = [parts.slice(0, 5).join('.'), parts[5]!, parts[6]!, parts[7]!];
      return [
        ['CHECK_CHARACTER', flipCheck(id)],
        ['ROOT', id.replace('1.2.156.3005.2.', '1.2.156.3005.9.')],
        ['FORMAT', parts.filter((_, i) => i !== 7).join('.')],
        ['VERSION', [root, type, issuer, serial, '000', parts[9]].join('.')],
        ['ISSUER', [root, type, flipCheck(issuer), serial, parts[8], parts[9]].join('.')],
        ['TYPE_CODE', [root, type.slice(0, 20), issuer, serial, parts[8], parts[9]].join('.')],
        ['LENGTH', `${id}${'0'.repeat(129 - id.length)}`],
      ];
    };

    it('the cases are made from an identifier that is valid (control)', async () => {
      const res = await exec(`{ license(licenseId: "${driving.license_id}") { licenseId } }`);
      expect(res.errors).toBeUndefined();
    });

    it('refuses each broken rule as a variable with BAD_USER_INPUT and its reason', async () => {
      for (const [reason, bad] of cases()) {
        const res = await exec(LICENSE, { id: bad });
        expect(onlyError(res), reason).toMatchObject({ code: 'BAD_USER_INPUT', reason });
      }
    });

    it('refuses each broken rule as an argument literal, naming the argument', async () => {
      for (const [reason, bad] of cases()) {
        const res = await exec(`{ license(licenseId: ${JSON.stringify(bad)}) { licenseId } }`);
        expect(onlyError(res), reason).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'licenseId' });
      }
    });
  });

  describe('licensesByHolder', () => {
    it("returns all of a person's licences, newest first", async () => {
      const rows = await rowsOf(personHolder);
      const res = await byHolder({ idNumber: personHolder });
      expect(res.errors).toBeUndefined();
      expect(res.data!.licensesByHolder.map((l) => l.licenseId)).toEqual(newestFirst(rows));
      for (const l of res.data!.licensesByHolder) expect(l).toMatchObject({ holderKind: 'PERSON', holderIdentifier: personHolder, status: 'VALID' });
    });

    it("returns all of an entity's licences by credit code (lower case accepted)", async () => {
      const rows = await rowsOf(entityHolder);
      const res = await byHolder({ creditCode: entityHolder.toLowerCase() });
      expect(res.errors).toBeUndefined();
      expect(res.data!.licensesByHolder.map((l) => l.licenseId)).toEqual(newestFirst(rows));
      for (const l of res.data!.licensesByHolder) expect(l.holderKind).toBe('ENTITY');
    });

    it('returns an empty list for a holder without licences', async () => {
      const [row] = await sql<{ id_number: string }>(`select id_number from population.person p
        where not exists (select 1 from license.license l where l.holder_id = p.id_number) order by id_number limit 1`);
      const res = await byHolder({ idNumber: row!.id_number });
      expect(res.errors).toBeUndefined();
      expect(res.data!.licensesByHolder).toEqual([]);
    });

    it('refuses neither idNumber nor creditCode with BAD_USER_INPUT ONE_OF', async () => {
      const res = await byHolder({});
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ONE_OF' });
    });

    it('refuses both idNumber and creditCode with BAD_USER_INPUT ONE_OF', async () => {
      const res = await byHolder({ idNumber: personHolder, creditCode: entityHolder });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ONE_OF' });
    });

    it('refuses an invalid holder identifier before looking anything up', async () => {
      const res = await byHolder({ idNumber: `${personHolder.slice(0, 17)}${personHolder.endsWith('0') ? '1' : '0'}` });
      expect(onlyError(res)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHECK_CHARACTER' });
      const res2 = await exec(`{ licensesByHolder(creditCode: "${entityHolder.slice(0, 17)}") { licenseId } }`);
      expect(onlyError(res2)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LENGTH', field: 'creditCode' });
    });
  });

  describe('effective status', () => {
    const today = () => todayInChina(new Date());

    it('derives EXPIRED from a past validUntil and filters on the effective status', async () => {
      const rows = newestFirst(await rowsOf(personHolder));
      const [expired, ...valid] = rows;
      await sql(`update license.license set valid_until = ? where license_id = ?`, [addDays(today(), -1), expired]);
      try {
        const all = await byHolder({ idNumber: personHolder });
        expect(all.data!.licensesByHolder.map((l) => [l.licenseId, l.status])).toEqual(rows.map((id) => [id, id === expired ? 'EXPIRED' : 'VALID']));

        const onlyExpired = await byHolder({ idNumber: personHolder, status: ['EXPIRED'] });
        expect(onlyExpired.data!.licensesByHolder.map((l) => l.licenseId)).toEqual([expired]);

        const onlyValid = await byHolder({ idNumber: personHolder, status: ['VALID'] });
        expect(onlyValid.data!.licensesByHolder.map((l) => l.licenseId)).toEqual(valid);

        const both = await byHolder({ idNumber: personHolder, status: ['VALID', 'EXPIRED'] });
        expect(both.data!.licensesByHolder.map((l) => l.licenseId)).toEqual(rows);

        const none = await byHolder({ idNumber: personHolder, status: ['REVOKED'] });
        expect(none.data!.licensesByHolder).toEqual([]);
      } finally {
        await sql(`update license.license set valid_until = null where license_id = ?`, [expired]);
      }
    });

    it('keeps a licence VALID through the last day of validity (China time) and EXPIRED the day after', async () => {
      const id = driving.license_id;
      try {
        await sql(`update license.license set status = 'VALID', valid_until = ? where license_id = ?`, [today(), id]);
        expect((await exec<{ license: LicenseView }>(LICENSE, { id })).data!.license).toMatchObject({ status: 'VALID', validUntil: today() });
        await sql(`update license.license set valid_until = ? where license_id = ?`, [addDays(today(), -1), id]);
        expect((await exec<{ license: LicenseView }>(LICENSE, { id })).data!.license).toMatchObject({ status: 'EXPIRED', validUntil: addDays(today(), -1) });
      } finally {
        await sql(`update license.license set valid_until = ? where license_id = ?`, [driving.valid_until, id]);
      }
    });

    it('reports a stored REVOKED or SUSPENDED status as such even after validUntil', async () => {
      const id = driving.license_id;
      try {
        for (const stored of ['REVOKED', 'SUSPENDED']) {
          await sql(`update license.license set status = ?, valid_until = '2001-01-01' where license_id = ?`, [stored, id]);
          const res = await exec<{ license: LicenseView }>(LICENSE, { id });
          expect(res.data!.license.status).toBe(stored);
          const filtered = await byHolder({ idNumber: driving.holder_id, status: ['EXPIRED'] });
          expect(filtered.data!.licensesByHolder.map((l) => l.licenseId)).not.toContain(id);
        }
      } finally {
        await sql(`update license.license set status = 'VALID', valid_until = ? where license_id = ?`, [driving.valid_until, id]);
      }
    });

    it('treats a licence without validUntil as valid until revoked', async () => {
      const res = await byHolder({ creditCode: entityHolder });
      expect(res.data!.licensesByHolder.length).toBeGreaterThan(0);
      for (const l of res.data!.licensesByHolder) expect(l.status).toBe('VALID');
    });
  });

  describe('Person.licenses and LegalEntity.licenses (_entities)', () => {
    it('answers several holders of both kinds in one call, in order', async () => {
      const [personRows, entityRows] = [await rowsOf(personHolder), await rowsOf(entityHolder)];
      const [nobody] = await sql<{ id_number: string }>(`select id_number from population.person p
        where not exists (select 1 from license.license l where l.holder_id = p.id_number) order by id_number limit 1`);
      const res = await exec<{ _entities: Array<{ idNumber?: string; creditCode?: string; licenses: Array<{ licenseId: string; status: string }> }> }>(HOLDER_ENTITIES, {
        r: [
          { __typename: 'Person', idNumber: personHolder },
          { __typename: 'LegalEntity', creditCode: entityHolder },
          { __typename: 'Person', idNumber: nobody!.id_number },
          { __typename: 'Person', idNumber: driving.holder_id },
        ],
      });
      expect(res.errors).toBeUndefined();
      const [person, entity, none, driver] = res.data!._entities;
      expect(person).toEqual({ idNumber: personHolder, licenses: newestFirst(personRows).map((licenseId) => ({ licenseId, status: 'VALID' })) });
      expect(entity).toEqual({ creditCode: entityHolder, licenses: newestFirst(entityRows).map((licenseId) => ({ licenseId, status: 'VALID' })) });
      expect(none).toEqual({ idNumber: nobody!.id_number, licenses: [] });
      expect(driver!.licenses.map((l) => l.licenseId)).toContain(driving.license_id);
    });

    it('never gives a person the licences of an entity or the other way round', async () => {
      const res = await exec<{ _entities: Array<{ licenses: unknown[] }> }>(HOLDER_ENTITIES, {
        r: [{ __typename: 'LegalEntity', creditCode: personHolder }],
      });
      // Holder lookups are keyed by kind and identifier: a person's number asked as an entity finds nothing.
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities[0]!.licenses).toEqual([]);
    });

    it('applies the status filter to the holder field', async () => {
      const rows = newestFirst(await rowsOf(entityHolder));
      await sql(`update license.license set status = 'SUSPENDED' where license_id = ?`, [rows[0]]);
      try {
        const res = await exec<{ _entities: Array<{ licenses: Array<{ licenseId: string; status: string }> }> }>(HOLDER_ENTITIES, {
          r: [{ __typename: 'LegalEntity', creditCode: entityHolder }],
          status: ['SUSPENDED'],
        });
        expect(res.errors).toBeUndefined();
        expect(res.data!._entities[0]!.licenses).toEqual([{ licenseId: rows[0], status: 'SUSPENDED' }]);
      } finally {
        await sql(`update license.license set status = 'VALID' where license_id = ?`, [rows[0]]);
      }
    });
  });

  describe('licenseTypes', () => {
    it('lists the catalogue ordered by code, with data fields and issuing departments', async () => {
      const res = await exec<{ licenseTypes: Array<{ code: string; name: string; holderKind: string; issuingDepartments: Array<{ code: string }>; dataFields: Array<{ name: string }> }> }>(
        `{ licenseTypes { ${TYPE_FIELDS} } }`,
      );
      expect(res.errors).toBeUndefined();
      const expected = Object.values(LICENSE_TYPES).sort((a, b) => (a.code < b.code ? -1 : 1));
      expect(res.data!.licenseTypes.map((t) => t.code)).toEqual(expected.map((t) => t.code));
      for (const [i, type] of expected.entries()) {
        const got = res.data!.licenseTypes[i]!;
        expect(got).toMatchObject({ name: type.name, holderKind: type.holderKind });
        expect(got.issuingDepartments).toEqual(type.issuers.map((d) => ({ code: d.code })));
        expect(got.dataFields.map((f) => f.name)).toEqual(type.dataFields.map((f) => f.name));
      }
    });
  });

  describe('licenseType', () => {
    it('returns one type with its data fields exactly as catalogued', async () => {
      const type = LICENSE_TYPES.drivingLicense;
      const res = await exec<{ licenseType: Record<string, unknown> }>(`query T($code: String!) { licenseType(code: $code) { ${TYPE_FIELDS} } }`, { code: type.code });
      expect(res.errors).toBeUndefined();
      expect(res.data!.licenseType).toEqual({
        code: type.code,
        name: '机动车驾驶证',
        holderKind: 'PERSON',
        definingAuthority: { code: DEPARTMENTS.mps.code },
        issuingDepartments: [{ code: DEPARTMENTS.bjTraffic.code }, { code: DEPARTMENTS.shTraffic.code }],
        validityYears: 6,
        dataFields: [
          { name: 'drivingClass', label: '准驾车型', type: 'ENUM', required: true, values: [...type.dataFields[0].values], maxLength: null },
          { name: 'firstIssueDate', label: '初次领证日期', type: 'DATE', required: true, values: null, maxLength: null },
        ],
      });
    });

    it('answers a type without a validity period with null validityYears', async () => {
      const res = await exec<{ licenseType: { validityYears: number | null; dataFields: Array<{ name: string; maxLength: number | null }> } }>(
        `{ licenseType(code: "${LICENSE_TYPES.businessLicense.code}") { validityYears dataFields { name maxLength } } }`,
      );
      expect(res.data!.licenseType.validityYears).toBeNull();
      expect(res.data!.licenseType.dataFields).toEqual([
        { name: 'enterpriseType', maxLength: 100 },
        { name: 'registeredCapital', maxLength: null },
        { name: 'businessScope', maxLength: 4000 },
      ]);
    });

    it('returns null for an unknown code', async () => {
      const res = await exec<{ licenseType: unknown }>(`{ licenseType(code: "${DEPARTMENTS.mps.code}999") { code } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data!.licenseType).toBeNull();
    });

    it('resolves LicenseType representations through _entities', async () => {
      const res = await exec<{ _entities: Array<{ code: string; name: string } | null> }>(
        `query E($r: [_Any!]!) { _entities(representations: $r) { ... on LicenseType { code name } } }`,
        { r: [{ __typename: 'LicenseType', code: LICENSE_TYPES.marriageCertificate.code }, { __typename: 'LicenseType', code: 'nope' }] },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toEqual([{ code: LICENSE_TYPES.marriageCertificate.code, name: '结婚证' }, null]);
    });
  });

  describe('authentication over HTTP', () => {
    const OPERATIONS = (): ReadonlyArray<readonly [string, string, Record<string, unknown>]> => [
      ['license', `query Q($id: LicenseId!) { license(licenseId: $id) { licenseId } }`, { id: driving.license_id }],
      ['_entities', HOLDER_ENTITIES, { r: [{ __typename: 'Person', idNumber: personHolder }] }],
      ['_service', '{ _service { sdl } }', {}],
    ];

    it('answers with a valid token (control) and refuses without one: HTTP 401 UNAUTHENTICATED', async () => {
      for (const [name, query, variables] of OPERATIONS()) {
        const ok = await postGraphql(url, query, variables, token);
        expect(ok.status, name).toBe(200);
        expect(ok.errors, name).toBeUndefined();
        for (const bad of [null, 'garbage']) {
          const res = await postGraphql(url, query, variables, bad);
          expect(res.status, name).toBe(401);
          expect(res.data ?? null, name).toBeNull();
          expect(res.errors?.[0]?.extensions, name).toMatchObject({ code: 'UNAUTHENTICATED' });
        }
      }
    });
  });
});
