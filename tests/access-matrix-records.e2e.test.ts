import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_CATALOGUE } from '../src/access/catalogue/default-catalogue.js';
import { mask } from '../src/access/masking/index.js';
import { DEPARTMENTS, LICENSE_TYPES } from '../src/seed/catalogue.js';
import { grantEverything } from '../src/seed/demo-grants.js';
import { seedDirectory } from '../src/seed/load.js';
import { startHub, type TestHub } from './fixtures/hub.js';

/**
 * The access matrix for licence and legal-entity fields: the licence's issuer
 * is its provider, its individual holder reads it as their own, and the
 * entity register's open items are readable by anyone. Expectations are
 * worked out from the catalogue's attributes, independently of the enforcement code.
 */

const PURPOSE = 'SOCIAL_SECURITY';
type Outcome = { kind: 'VALUE' } | { kind: 'MASKED' } | { kind: 'FORBIDDEN'; reason: string };
type Rule = (typeof BASE_CATALOGUE)['License'][string];

const LICENSE_FIELDS = ['licenseNumber', 'holderKind', 'holderIdentifier', 'holderName', 'issuedOn', 'validFrom', 'validUntil', 'jurisdictionCode', 'status', 'version', 'token'] as const;
const ENTITY_FIELDS = ['name', 'address', 'businessScope', 'establishedOn', 'status', 'divisionCode'] as const;

function byRule(rule: Rule, granted: Outcome): Outcome {
  if (rule.sharingType === 'UNCONDITIONAL') return { kind: 'VALUE' };
  if (rule.sharingType === 'NOT_SHARED') return { kind: 'FORBIDDEN', reason: 'NOT_SHARED' };
  return granted;
}

interface Caller {
  readonly name: string;
  readonly department?: string;
  readonly citizen?: 'holder' | 'stranger';
  readonly purpose?: string;
  outcome(rule: Rule, isProvider: boolean): Outcome;
}

const CALLERS: Caller[] = [
  { name: 'a department with no grant', department: DEPARTMENTS.bjTax.code, purpose: PURPOSE, outcome: (r) => byRule(r, { kind: 'FORBIDDEN', reason: 'NO_GRANT' }) },
  { name: 'a department with a FULL grant', department: DEPARTMENTS.shTraffic.code, purpose: PURPOSE, outcome: (r) => byRule(r, { kind: 'VALUE' }) },
  { name: 'a department with a MASKED grant', department: DEPARTMENTS.shHuangpuCivil.code, purpose: PURPOSE, outcome: (r) => byRule(r, { kind: 'MASKED' }) },
  { name: 'a department whose grant expired', department: DEPARTMENTS.szAmr.code, purpose: PURPOSE, outcome: (r) => byRule(r, { kind: 'FORBIDDEN', reason: 'GRANT_EXPIRED' }) },
  { name: 'a department stating another purpose', department: DEPARTMENTS.fzAmr.code, purpose: 'MARKETING', outcome: (r) => byRule(r, { kind: 'FORBIDDEN', reason: 'PURPOSE_MISMATCH' }) },
  { name: 'the issuing department (provider)', department: 'ISSUER', outcome: () => ({ kind: 'VALUE' }) },
  { name: 'the holder (a citizen)', citizen: 'holder', outcome: () => ({ kind: 'VALUE' }) },
  { name: 'another citizen', citizen: 'stranger', outcome: (r) => (r.openAttribute === 'OPEN' ? { kind: 'VALUE' } : { kind: 'FORBIDDEN', reason: 'NOT_YOUR_RECORD' }) },
];

describe('field-level access matrix (License and LegalEntity, through the gateway)', () => {
  let hub: TestHub;
  let license: Record<string, unknown>;
  let entity: Record<string, unknown>;
  let stranger: string;

  beforeAll(async () => {
    hub = await startHub({
      fixtureGrants: false,
      prepare: async (db) => {
        await seedDirectory(db, { seed: 51, persons: 80, now: new Date('2026-11-01T00:00:00Z') });
        await grantEverything(db, DEPARTMENTS.shTraffic.code, { purpose: PURPOSE, level: 'FULL' });
        await grantEverything(db, DEPARTMENTS.shHuangpuCivil.code, { purpose: PURPOSE, level: 'MASKED' });
        await grantEverything(db, DEPARTMENTS.szAmr.code, { purpose: PURPOSE, expiresAt: '2020-01-01T00:00:00Z' });
        await grantEverything(db, DEPARTMENTS.fzAmr.code, { purpose: PURPOSE });
      },
    });
    // A driving licence issued by the Beijing traffic police, read as issued (with a token so `token` has a value).
    const issuer = await hub.tokens.department(DEPARTMENTS.bjTraffic.code, null);
    const [holder] = await hub.db.orm.em.getConnection().execute<Array<{ id: string }>>(
      "select id_number as id from population.person where life_status = 'ALIVE' and birth_date < '2000-01-01' order by id_number limit 1",
    );
    const issued = await hub.gql<{ issueLicense: { licenseId: string } }>(
      'mutation($input: IssueLicenseInput!) { issueLicense(input: $input) { licenseId } }',
      { input: { idempotencyKey: 'matrix-licence-1', typeCode: LICENSE_TYPES.drivingLicense.code, holderIdNumber: holder!.id, data: { drivingClass: 'C1', firstIssueDate: '2012-03-04' } } },
      issuer,
    );
    const [row] = await hub.db.orm.em.getConnection().execute<Array<Record<string, unknown>>>(
      'select * from license.license where license_id = ?', [issued.data!.issueLicense.licenseId],
    );
    license = row!;
    const [e] = await hub.db.orm.em.getConnection().execute<Array<Record<string, unknown>>>('select * from legal_entity.legal_entity order by credit_code limit 1');
    entity = e!;
    const [s] = await hub.db.orm.em.getConnection().execute<Array<{ id: string }>>('select id_number as id from population.person where id_number <> ? order by id_number limit 1', [holder!.id]);
    stranger = s!.id;
  });
  afterAll(() => hub?.close());

  async function ask(caller: Caller, query: string, variables: Record<string, unknown>, issuerCode: string) {
    const token = caller.citizen
      ? await hub.tokens.citizen(caller.citizen === 'holder' ? String(license.holder_id) : stranger)
      : await hub.tokens.department(caller.department === 'ISSUER' ? issuerCode : caller.department!, null);
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(caller.purpose ? { 'x-purpose': caller.purpose } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { data?: Record<string, Record<string, unknown> | null>; errors?: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }> };
  }

  function check(body: Awaited<ReturnType<typeof ask>>, root: string, field: string, expected: Outcome, real: unknown, maskKind: string | null, item: string) {
    const actual = body.data?.[root]?.[field];
    if (expected.kind === 'VALUE') {
      expect(body.errors).toBeUndefined();
      expect(actual).toEqual(real);
    } else if (expected.kind === 'MASKED') {
      expect(body.errors).toBeUndefined();
      expect(actual).toEqual(maskKind && typeof real === 'string' ? mask(maskKind as never, real) : null);
    } else {
      expect(actual ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: expected.reason, item });
      // Never the value (unless the caller itself sent it: a licence number may be the serial in the identifier it asked by).
      if (typeof real === 'string' && real.length > 3 && !String(license.license_id).includes(real)) expect(JSON.stringify(body)).not.toContain(real);
    }
  }

  const licenseTruth = (field: string): unknown => ({
    licenseNumber: license.license_number, holderKind: license.holder_kind, holderIdentifier: license.holder_id, holderName: license.holder_name,
    issuedOn: license.issued_on, validFrom: license.valid_from, validUntil: license.valid_until, jurisdictionCode: license.jurisdiction_code,
    status: license.status, version: license.edition, token: license.signed_token,
  } as Record<string, unknown>)[field];

  it.each(CALLERS.flatMap((c) => LICENSE_FIELDS.map((f) => [c.name, f, c] as const)))('%s reading License.%s', async (_n, field, caller) => {
    const body = await ask(caller, `query($id: LicenseId!) { license(licenseId: $id) { licenseId ${field} } }`, { id: license.license_id }, String(license.issuer_code));
    const rule = BASE_CATALOGUE.License[field]!;
    check(body, 'license', field, caller.outcome(rule, caller.department === 'ISSUER'), licenseTruth(field), rule.maskKind, `License.${field}`);
  });

  it.each(CALLERS.map((c) => [c.name, c] as const))('%s reading License.data (each key its own item)', async (_n, caller) => {
    const body = await ask(caller, 'query($id: LicenseId!) { license(licenseId: $id) { data } }', { id: license.license_id }, String(license.issuer_code));
    const data = body.data?.license?.data as Record<string, unknown> | null | undefined;
    const full = license.data as Record<string, unknown>;
    const outcome = caller.outcome({ ...BASE_CATALOGUE.License.holderName!, sharingType: 'CONDITIONAL', openAttribute: 'NOT_OPEN' }, caller.department === 'ISSUER');
    if (outcome.kind === 'VALUE') expect(data).toEqual(full);
    else if (outcome.kind === 'MASKED') expect(data).toEqual({ drivingClass: null, firstIssueDate: mask('DATE', String(full.firstIssueDate)) });
    else {
      expect(data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: outcome.reason });
    }
  });

  /** For a legal entity no citizen is the owner: citizens read its open items only. */
  const entityOutcome = (caller: Caller, rule: Rule): Outcome =>
    caller.citizen ? (rule.openAttribute === 'OPEN' ? { kind: 'VALUE' } : { kind: 'FORBIDDEN', reason: 'NOT_YOUR_RECORD' }) : caller.outcome(rule, false);

  const entityTruth = (field: string): unknown => ({
    name: entity.name, address: entity.address, businessScope: entity.business_scope, establishedOn: entity.established_on, status: entity.status, divisionCode: entity.division_code,
  } as Record<string, unknown>)[field];

  it.each(CALLERS.filter((c) => c.department !== 'ISSUER').flatMap((c) => ENTITY_FIELDS.map((f) => [c.name, f, c] as const)))('%s reading LegalEntity.%s', async (_n, field, caller) => {
    const body = await ask(caller, `query($c: CreditCode!) { legalEntity(creditCode: $c) { creditCode ${field} } }`, { c: entity.credit_code }, '');
    const rule = BASE_CATALOGUE.LegalEntity[field]!;
    check(body, 'legalEntity', field, entityOutcome(caller, rule), entityTruth(field), rule.maskKind, `LegalEntity.${field}`);
  });

  it.each(CALLERS.filter((c) => c.department !== 'ISSUER').map((c) => [c.name, c] as const))('%s reading LegalEntity.legalRepresentative (conditional)', async (_n, caller) => {
    const body = await ask(caller, 'query($c: CreditCode!) { legalEntity(creditCode: $c) { legalRepresentative { idNumber } } }', { c: entity.credit_code }, '');
    const outcome = entityOutcome(caller, BASE_CATALOGUE.LegalEntity.legalRepresentative!);
    const actual = body.data?.legalEntity?.legalRepresentative as { idNumber: string } | null | undefined;
    if (outcome.kind === 'VALUE') expect(actual).toEqual({ idNumber: entity.legal_representative });
    else if (outcome.kind === 'MASKED') expect(actual ?? null).toBeNull();
    else {
      expect(actual ?? null).toBeNull();
      expect(JSON.stringify(body)).not.toContain(String(entity.legal_representative));
    }
  });
});
