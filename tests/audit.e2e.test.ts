import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditTrail } from '../src/access/enforcement/audit-trail.js';
import { createClientAssertion } from '../src/auth/client-credentials/create-assertion.js';
import { createJwsSigner } from '../src/crypto/index.js';
import { loadKeyring } from '../src/pki/keyring.js';
import { DEPARTMENTS } from '../src/seed/catalogue.js';
import { grantEverything } from '../src/seed/demo-grants.js';
import { seedDirectory } from '../src/seed/load.js';
import { postGraphql, startHub, type TestHub } from './fixtures/hub.js';

const PURPOSE = 'SOCIAL_SECURITY';

describe('audit trail, access log, early warning and client credentials', () => {
  let hub: TestHub;
  let persons: string[];
  let reader: string;

  beforeAll(async () => {
    hub = await startHub({
      fixtureGrants: false,
      prepare: async (db) => {
        await seedDirectory(db, { seed: 41, persons: 60, now: new Date('2026-11-01T00:00:00Z') });
        await grantEverything(db, DEPARTMENTS.shTraffic.code, { purpose: PURPOSE });
      },
    });
    const rows = await hub.db.orm.em.getConnection().execute<Array<{ id: string }>>('select id_number as id from population.person order by id_number limit 40');
    persons = rows.map((r: { id: string }) => r.id);
    reader = await hub.tokens.mint({ subject: 'op:zhang', role: 'OPERATOR', department: DEPARTMENTS.shTraffic.code, purpose: PURPOSE });
  });
  afterAll(() => hub?.close());

  const read = (id: string, token = reader) => postGraphql<{ person: { name: string; phone: string } }>(hub.url, 'query($id: IdNumber!) { person(idNumber: $id) { name phone gender } }', { id }, token);

  it('records every read of personal data (who, whose, which fields, why, under which grant), never the values', async () => {
    const res = await read(persons[0]!);
    expect(res.data!.person.name).toBeTruthy();
    const rows = await hub.db.orm.em.getConnection().execute<Array<Record<string, unknown>>>(
      "select department, operator, role, subject, fields, purpose, grant_ids, outcome, request_id from sharing.audit_record where subject = ? and outcome = 'READ'", [persons[0]],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ department: DEPARTMENTS.shTraffic.code, operator: 'op:zhang', role: 'OPERATOR', purpose: PURPOSE, outcome: 'READ' });
    expect(rows[0]!.fields).toEqual(['Person.gender', 'Person.name', 'Person.phone']);
    expect((rows[0]!.grant_ids as string[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(res.data!.person.name);
    expect(JSON.stringify(rows)).not.toContain(res.data!.person.phone);
  });

  it('shows the citizen who read their data, when, which fields and why', async () => {
    const log = await hub.gql<{ myAccessLog: Array<{ department: { code: string; name: string }; fields: string[]; purpose: string }> }>(
      '{ myAccessLog { at department { code name } fields purpose } }', {}, await hub.tokens.citizen(persons[0]!),
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.myAccessLog[0]).toMatchObject({ department: { code: DEPARTMENTS.shTraffic.code, name: DEPARTMENTS.shTraffic.name }, purpose: PURPOSE });
    expect(log.data!.myAccessLog[0]!.fields).toContain('Person.phone');
    const notCitizen = await hub.gql('{ myAccessLog { at } }', {}, reader);
    expect(notCitizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets supervisors query the trail by department and subject; nobody else', async () => {
    const supervisor = await hub.tokens.mint({ subject: 'sup:li', role: 'SUPERVISOR', department: DEPARTMENTS.bjTax.code });
    const trail = await hub.gql<{ auditTrail: Array<{ subject: string; department: { code: string } }> }>(
      'query($d: CreditCode, $s: String) { auditTrail(department: $d, subject: $s) { subject department { code } } }', { d: DEPARTMENTS.shTraffic.code, s: persons[0] }, supervisor,
    );
    expect(trail.data!.auditTrail.length).toBeGreaterThan(0);
    expect(trail.data!.auditTrail.every((r) => r.subject === persons[0] && r.department.code === DEPARTMENTS.shTraffic.code)).toBe(true);
    const denied = await hub.gql('{ auditTrail { seq } }', {}, reader);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('raises REPEATED_DENIALS when a department keeps reaching for what it may not read, and supervisors acknowledge it', async () => {
    const stranger = await hub.tokens.department(DEPARTMENTS.bjTax.code, null);
    await postGraphql(hub.url, 'query($ids: [IdNumber!]!) { persons(idNumbers: $ids) { name } }', { ids: persons.slice(0, 25) }, stranger);
    const supervisor = await hub.tokens.mint({ subject: 'sup:li', role: 'SUPERVISOR', department: DEPARTMENTS.bjTax.code });
    const openAlert = async () => {
      const alerts = await hub.gql<{ alerts: Array<{ id: string; rule: string; department: { code: string }; acknowledged: boolean }> }>(
        '{ alerts(acknowledged: false) { id rule department { code } acknowledged } }', {}, supervisor,
      );
      return alerts.data!.alerts.find((a) => a.rule === 'REPEATED_DENIALS' && a.department.code === DEPARTMENTS.bjTax.code);
    };
    // The rules run just after the answer (off the response path), so the alert shows up a moment later.
    await expect.poll(openAlert, { timeout: 5_000, interval: 50 }).toBeDefined();
    const alert = await openAlert();
    const ack = await hub.gql<{ acknowledgeAlert: { acknowledged: boolean } }>('mutation($id: ID!) { acknowledgeAlert(id: $id) { acknowledged } }', { id: alert!.id }, supervisor);
    expect(ack.data!.acknowledgeAlert.acknowledged).toBe(true);
  });

  describe('tamper evidence', () => {
    const verify = async () => {
      const keyring = (await loadKeyring(hub.config.licensing.certsDir))!;
      return verifyAuditTrail(hub.db, keyring.trustListSigner.chain[0]!.publicKey);
    };
    const sql = (text: string, params: unknown[] = []) => hub.db.orm.em.getConnection().execute(text, params);

    it('the trail verifies intact, and the database refuses to edit or delete a record', async () => {
      for (const id of persons.slice(1, 6)) await read(id);
      expect((await verify()).ok).toBe(true);
      await expect(sql("update sharing.audit_record set purpose = 'X' where seq = 1")).rejects.toThrow(/append-only/);
      await expect(sql('delete from sharing.audit_record where seq = 1')).rejects.toThrow(/append-only/);
    });

    it('an edit that got past the trigger is found and located', async () => {
      await sql('alter table sharing.audit_record disable trigger audit_record_append_only');
      try {
        await sql("update sharing.audit_record set fields = array['Person.gender'] where seq = 2");
        const result = await verify();
        expect(result.ok).toBe(false);
        expect(result.problems).toContainEqual(expect.objectContaining({ problem: 'EDITED', seq: 2 }));
        await sql('delete from sharing.audit_record where seq = 4');
        expect((await verify()).problems).toContainEqual(expect.objectContaining({ problem: 'DELETED', seq: 4 }));
      } finally {
        await sql('alter table sharing.audit_record enable trigger audit_record_append_only');
      }
    });
  });

  it('fails closed: when the audit record cannot be written, no data is returned', async () => {
    const sql = (text: string) => hub.db.orm.em.getConnection().execute(text);
    await sql("create or replace function sharing.test_refuse() returns trigger language plpgsql as $$ begin raise exception 'audit storage down'; end $$");
    await sql('create trigger test_refuse before insert on sharing.audit_record for each row execute function sharing.test_refuse()');
    try {
      const res = await read(persons[7]!);
      expect(res.data?.person ?? null).toBeNull();
      expect(JSON.stringify(res)).not.toMatch(new RegExp(persons[7]!.slice(0, 6) + '.*' + 'name'));
      expect(res.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE' || e.extensions?.reason === 'AUDIT_UNAVAILABLE')).toBe(true);
    } finally {
      await sql('drop trigger test_refuse on sharing.audit_record');
    }
    const after = await read(persons[7]!);
    expect(after.data!.person.name).toBeTruthy();
  });

  describe('client credentials (private_key_jwt)', () => {
    const endpoint = () => `${hub.url}/oauth/token`;
    async function assertion() {
      const dir = path.join(hub.config.licensing.certsDir, 'departments');
      const code = DEPARTMENTS.shTraffic.code;
      const signer = createJwsSigner(await readFile(path.join(dir, `${code}.key`), 'utf8'), await readFile(path.join(dir, `${code}.pem`), 'utf8'));
      return createClientAssertion({ clientId: `${code}:traffic-system`, tokenEndpoint: `${hub.config.licensing.publicUrl}/oauth/token`, signer });
    }
    const form = (a: string, purpose?: string) => new URLSearchParams({
      grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: a, ...(purpose ? { purpose } : {}),
    });

    it('exchanges a signed assertion for a short-lived token that works for that department and purpose', async () => {
      const res = await fetch(endpoint(), { method: 'POST', body: form(await assertion(), PURPOSE) });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { access_token: string; token_type: string; expires_in: number };
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 600 });
      const viewer = await hub.gql<{ viewer: { role: string; department: { code: string } } }>('{ viewer { role department { code } } }', {}, body.access_token);
      expect(viewer.data!.viewer).toEqual({ role: 'DEPARTMENT_SYSTEM', department: { code: DEPARTMENTS.shTraffic.code } });
      expect((await read(persons[8]!, body.access_token)).data!.person.phone).toBeTruthy();
    });

    it('refuses a replayed assertion and garbage', async () => {
      const a = await assertion();
      expect((await fetch(endpoint(), { method: 'POST', body: form(a) })).status).toBe(200);
      const replay = await fetch(endpoint(), { method: 'POST', body: form(a) });
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { error: string }).error).toBe('invalid_client');
      const garbage = await fetch(endpoint(), { method: 'POST', body: form('not.a.jwt') });
      expect(garbage.status).toBe(401);
    });
  });
});
