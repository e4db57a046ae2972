import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustSync } from '../src/cli/trust.js';
import { verifyCommand } from '../src/cli/verify.js';
import { parseCertificate } from '../src/crypto/index.js';
import { loadOfflineStore } from '../src/licensing/offline-store.js';
import { verifyLicenseToken } from '../src/licensing/verify-license.js';
import { initCerts } from '../src/pki/keyring.js';
import { DEPARTMENTS, LICENSE_TYPES } from '../src/seed/catalogue.js';
import { seedDirectory } from '../src/seed/load.js';
import { freePort, startHub, type TestHub } from './fixtures/hub.js';

const silent = { out: () => undefined, err: () => undefined };

const ISSUE = /* GraphQL */ `
  mutation Issue($input: IssueLicenseInput!) {
    issueLicense(input: $input) { licenseId version status token holderName issuingDepartment { code } validUntil }
  }
`;
const VERIFY = /* GraphQL */ `
  query Verify($token: String!, $holder: String) {
    verifyLicense(token: $token, expectedHolder: $holder) { verdict kind checks { name ok skipped reason } license { licenseId holderName } status { value source ageSeconds } }
  }
`;
const STATUS = (op: string) => /* GraphQL */ `mutation($id: LicenseId!, $reason: String!) { ${op}(licenseId: $id, reason: $reason) { status } }`;


async function adultHolders(hub: TestHub, n: number): Promise<string[]> {
  const rows = await hub.db.orm.em.getConnection().execute<Array<{ id: string }>>(
    `select id_number as id from population.person where life_status = 'ALIVE' and birth_date < '2000-01-01' order by id_number limit ${n}`,
  );
  return rows.map((r: { id: string }) => r.id);
}

describe('e-licences end to end', () => {
  let hub: TestHub;
  let traffic: string;
  let holders: string[];
  const drivingInput = (holder: string, key: string, data: Record<string, unknown> = { drivingClass: 'C1', firstIssueDate: '2015-06-01' }) => ({
    idempotencyKey: key, typeCode: LICENSE_TYPES.drivingLicense.code, holderIdNumber: holder, data,
  });

  beforeAll(async () => {
    hub = await startHub({ prepare: (db) => seedDirectory(db, { seed: 21, persons: 200, now: new Date('2026-11-01T00:00:00Z') }) });
    traffic = await hub.tokens.department(DEPARTMENTS.bjTraffic.code);
    holders = await adultHolders(hub, 10);
  }, 120_000);
  afterAll(() => hub?.close());

  describe('issuance', () => {
    it('issues a signed licence keyed by the holder\'s ID number, and a retry returns the same licence', async () => {
      const first = await hub.gql<{ issueLicense: { licenseId: string; token: string; version: number; status: string } }>(ISSUE, { input: drivingInput(holders[0]!, 'issue-key-0001') }, traffic);
      expect(first.errors).toBeUndefined();
      expect(first.data!.issueLicense).toMatchObject({ version: 1, status: 'VALID', issuingDepartment: { code: DEPARTMENTS.bjTraffic.code } });
      expect(first.data!.issueLicense.licenseId).toMatch(/^1\.2\.156\.3005\.2\./);
      expect(first.data!.issueLicense.token.split('.')).toHaveLength(3);
      const retry = await hub.gql<{ issueLicense: { licenseId: string } }>(ISSUE, { input: drivingInput(holders[0]!, 'issue-key-0001') }, traffic);
      expect(retry.data!.issueLicense.licenseId).toBe(first.data!.issueLicense.licenseId);
      const count = await hub.db.orm.em.getConnection().execute<Array<{ n: number }>>('select count(*)::int as n from license.issuance_record');
      expect(count[0]!.n).toBe(1);
    });

    it('refuses the same idempotency key for a different request', async () => {
      const res = await hub.gql(ISSUE, { input: drivingInput(holders[1]!, 'issue-key-0001') }, traffic);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    });

    it('refuses a department that may not issue the type, an unknown holder and bad data', async () => {
      const notIssuer = await hub.gql(ISSUE, { input: drivingInput(holders[1]!, 'issue-key-0002') }, await hub.tokens.department(DEPARTMENTS.bjAmr.code));
      expect(notIssuer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_AN_ISSUER' });
      const unknown = await hub.gql(ISSUE, { input: drivingInput('11010519491231002X', 'issue-key-0003') }, traffic);
      expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.holderIdNumber' });
      const badData = await hub.gql(ISSUE, { input: drivingInput(holders[1]!, 'issue-key-0004', { drivingClass: 'Z9', firstIssueDate: '2015-06-01' }) }, traffic);
      expect(badData.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.data.drivingClass', reason: 'VALUE' });
      const citizen = await hub.gql(ISSUE, { input: drivingInput(holders[1]!, 'issue-key-0005') }, await hub.tokens.citizen(holders[1]!));
      expect(citizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const issued = await hub.db.orm.em.getConnection().execute<Array<{ n: number }>>("select count(*)::int as n from license.license where signed_token is not null");
      expect(issued[0]!.n).toBe(1);
    });
  });

  describe('lifecycle: verify online and offline, suspend, reinstate, revoke', () => {
    it('walks issue → VALID online → VALID offline → SUSPENDED → VALID → REVOKED, with history', async () => {
      const issued = await hub.gql<{ issueLicense: { licenseId: string; token: string } }>(ISSUE, { input: drivingInput(holders[2]!, 'lifecycle-0001') }, traffic);
      const { licenseId, token } = issued.data!.issueLicense;

      const online = await hub.gql<{ verifyLicense: { verdict: string; checks: Array<{ ok: boolean; skipped: boolean; name: string }>; status: { source: string } } }>(VERIFY, { token, holder: holders[2] });
      expect(online.data!.verifyLicense.verdict).toBe('VALID');
      expect(online.data!.verifyLicense.checks.map((c) => c.name)).toEqual(['WELL_FORMED', 'SIGNATURE', 'CHAIN', 'CERTIFICATE', 'ISSUER_AUTHORISED', 'VALIDITY_WINDOW', 'STATUS', 'HOLDER_MATCH']);
      expect(online.data!.verifyLicense.checks.every((c) => c.ok && !c.skipped)).toBe(true);
      expect(online.data!.verifyLicense.status.source).toBe('LIVE');

      const plain = await fetch(`${hub.url}/verify`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, expectedHolder: holders[3] }) });
      expect(((await plain.json()) as { verdict: string }).verdict).toBe('INVALID');

      // A window syncs the trust list and status lists, then verifies with no network.
      const dir = await mkdtemp(path.join(tmpdir(), 'onewindow-window-'));
      await trustSync({ hub: hub.url, dir }, silent);
      const file = path.join(dir, 'licence.jws');
      await import('node:fs/promises').then((fs) => fs.writeFile(file, token));
      const offline = await verifyCommand({ source: file, offline: true, dir });
      expect(offline.verdict).toBe('VALID');
      expect(offline.status?.source).toBe('CACHE');
      expect(offline.status?.ageSeconds).toBeGreaterThanOrEqual(0);

      expect((await hub.gql(STATUS('suspendLicense'), { id: licenseId, reason: '驾驶证记满12分，暂扣' }, traffic)).errors).toBeUndefined();
      expect((await hub.gql<{ verifyLicense: { verdict: string } }>(VERIFY, { token })).data!.verifyLicense.verdict).toBe('SUSPENDED');
      // The window's cache still says VALID until it syncs again, and says how old it is.
      expect((await verifyCommand({ source: file, offline: true, dir })).verdict).toBe('VALID');
      await trustSync({ hub: hub.url, dir }, silent);
      expect((await verifyCommand({ source: file, offline: true, dir })).verdict).toBe('SUSPENDED');

      expect((await hub.gql(STATUS('reinstateLicense'), { id: licenseId, reason: '学习考试合格，发还' }, traffic)).errors).toBeUndefined();
      expect((await hub.gql<{ verifyLicense: { verdict: string } }>(VERIFY, { token })).data!.verifyLicense.verdict).toBe('VALID');

      expect((await hub.gql(STATUS('revokeLicense'), { id: licenseId, reason: '以欺骗手段取得' }, traffic)).errors).toBeUndefined();
      expect((await hub.gql<{ verifyLicense: { verdict: string } }>(VERIFY, { token })).data!.verifyLicense.verdict).toBe('REVOKED');
      const again = await hub.gql(STATUS('revokeLicense'), { id: licenseId, reason: '重复' }, traffic);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });

      const history = await hub.gql<{ license: { history: Array<{ kind: string; reason: string | null; department: { code: string } }> } }>(
        'query($id: LicenseId!) { license(licenseId: $id) { history { kind reason department { code } } } }', { id: licenseId }, traffic,
      );
      expect(history.data!.license.history.map((e) => e.kind)).toEqual(['ISSUED', 'SUSPENDED', 'REINSTATED', 'REVOKED']);
      expect(history.data!.license.history[1]).toMatchObject({ reason: '驾驶证记满12分，暂扣', department: { code: DEPARTMENTS.bjTraffic.code } });
    });

    it('lets only the issuing department change a licence (another reads as not found)', async () => {
      const issued = await hub.gql<{ issueLicense: { licenseId: string } }>(ISSUE, { input: drivingInput(holders[4]!, 'lifecycle-0002') }, traffic);
      const other = await hub.tokens.department(DEPARTMENTS.shTraffic.code);
      const res = await hub.gql(STATUS('suspendLicense'), { id: issued.data!.issueLicense.licenseId, reason: '试图越权' }, other);
      expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });

    it('reissues a new version that supersedes the old one', async () => {
      const issued = await hub.gql<{ issueLicense: { licenseId: string; token: string } }>(ISSUE, { input: drivingInput(holders[5]!, 'lifecycle-0003') }, traffic);
      const res = await hub.gql<{ reissueLicense: { licenseId: string; version: number; supersedes: string; token: string } }>(
        'mutation($input: ReissueLicenseInput!) { reissueLicense(input: $input) { licenseId version supersedes token } }',
        { input: { idempotencyKey: 'reissue-0001', licenseId: issued.data!.issueLicense.licenseId, reason: '换证', data: { drivingClass: 'B2', firstIssueDate: '2015-06-01' } } }, traffic,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.reissueLicense).toMatchObject({ version: 2, supersedes: issued.data!.issueLicense.licenseId });
      expect((await hub.gql<{ verifyLicense: { verdict: string } }>(VERIFY, { token: res.data!.reissueLicense.token })).data!.verifyLicense.verdict).toBe('VALID');
      expect((await hub.gql<{ verifyLicense: { verdict: string } }>(VERIFY, { token: issued.data!.issueLicense.token })).data!.verifyLicense.verdict).toBe('REVOKED');
      const old = await hub.gql<{ license: { status: string } }>('query($id: LicenseId!) { license(licenseId: $id) { status } }', { id: issued.data!.issueLicense.licenseId }, traffic);
      expect(old.data!.license.status).toBe('SUPERSEDED');
    });
  });

  describe('what a window scans', () => {
    it('serves a QR code whose payload verifies offline, to the holder but not to another citizen', async () => {
      const issued = await hub.gql<{ issueLicense: { licenseId: string } }>(ISSUE, { input: drivingInput(holders[6]!, 'qr-code-0001') }, traffic);
      expect(issued.errors).toBeUndefined();
      const id = issued.data!.issueLicense.licenseId;
      const svg = await fetch(`${hub.url}/licenses/${id}/qr.svg`, { headers: { authorization: `Bearer ${await hub.tokens.citizen(holders[6]!)}` } });
      expect(svg.status).toBe(200);
      expect(await svg.text()).toMatch(/^<svg|<\?xml/);
      const png = await fetch(`${hub.url}/licenses/${id}/qr.png`, { headers: { authorization: `Bearer ${traffic}` } });
      expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
      const stranger = await fetch(`${hub.url}/licenses/${id}/qr.svg`, { headers: { authorization: `Bearer ${await hub.tokens.citizen(holders[7]!)}` } });
      expect(stranger.status).toBe(404);
      const anonymous = await fetch(`${hub.url}/licenses/${id}/qr.svg`);
      expect(anonymous.status).toBe(401);

      const qr = await hub.gql<{ license: { qrToken: string } }>('query($id: LicenseId!) { license(licenseId: $id) { qrToken } }', { id }, traffic);
      const dir = await mkdtemp(path.join(tmpdir(), 'onewindow-qr-'));
      await trustSync({ hub: hub.url, dir }, silent);
      const store = await loadOfflineStore(dir);
      const result = await verifyLicenseToken(qr.data!.license.qrToken, { trust: store.trust, statuses: store.statuses, authority: store.authority });
      expect(result).toMatchObject({ verdict: 'VALID', kind: 'QR' });
    });

    it('makes an annotated copy for one purpose that verifies until it expires', async () => {
      const issued = await hub.gql<{ issueLicense: { licenseId: string } }>(ISSUE, { input: drivingInput(holders[8]!, 'copy-0001') }, traffic);
      expect(issued.errors).toBeUndefined();
      const copy = await hub.gql<{ annotateLicense: { token: string; expiresAt: string; recipient: { code: string } } }>(
        'mutation($input: AnnotateLicenseInput!) { annotateLicense(input: $input) { token expiresAt recipient { code } } }',
        { input: { licenseId: issued.data!.issueLicense.licenseId, purpose: '办理车辆过户', recipient: DEPARTMENTS.bjTax.code, validMinutes: 30 } },
        await hub.tokens.citizen(holders[8]!),
      );
      expect(copy.errors, JSON.stringify(copy.errors)).toBeUndefined();
      const online = await hub.gql<{ verifyLicense: { verdict: string; kind: string } }>(VERIFY, { token: copy.data!.annotateLicense.token });
      expect(online.data!.verifyLicense).toMatchObject({ verdict: 'VALID', kind: 'COPY' });
      const dir = await mkdtemp(path.join(tmpdir(), 'onewindow-copy-'));
      await trustSync({ hub: hub.url, dir }, silent);
      const store = await loadOfflineStore(dir);
      const later = new Date(Date.parse(copy.data!.annotateLicense.expiresAt) + 60_000);
      const expired = await verifyLicenseToken(copy.data!.annotateLicense.token, { trust: store.trust, statuses: store.statuses, authority: store.authority, at: later });
      expect(expired.verdict).toBe('EXPIRED');
      const stranger = await hub.gql('mutation($input: AnnotateLicenseInput!) { annotateLicense(input: $input) { token } }',
        { input: { licenseId: issued.data!.issueLicense.licenseId, purpose: '冒用', recipient: DEPARTMENTS.bjTax.code } }, await hub.tokens.citizen(holders[9]!));
      expect(stranger.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('mutual recognition', () => {
    it('a licence of another hub is UNTRUSTED until its trust list is imported, then VALID, and UNTRUSTED again once its root is removed', async () => {
      const certsB = await mkdtemp(path.join(tmpdir(), 'onewindow-hub-b-'));
      await initCerts(certsB, { hubName: 'OneWindow Hub B', departments: Object.values(DEPARTMENTS), rootModulusLength: 2048 });
      const port = await freePort();
      const hubB = await startHub({
        env: { CERTS_DIR: certsB, HUB_ID: 'hub:b', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
        prepare: (db) => seedDirectory(db, { seed: 99, persons: 50, now: new Date('2026-11-01T00:00:00Z') }),
      });
      try {
        const [holderB] = await adultHolders(hubB, 1);
        const issued = await hubB.gql<{ issueLicense: { token: string } }>(ISSUE, { input: drivingInput(holderB!, 'hub-b-0001') }, await hubB.tokens.department(DEPARTMENTS.bjTraffic.code));
        const token = issued.data!.issueLicense.token;
        expect((await hub.gql<{ verifyLicense: { verdict: string } }>(VERIFY, { token })).data!.verifyLicense.verdict).toBe('UNTRUSTED');

        const list = await (await fetch(`${hubB.url}/.well-known/onewindow/trust-list`)).text();
        const rootPem = await (await fetch(`${hubB.url}/.well-known/onewindow/root.pem`)).text();
        const IMPORT = 'mutation($input: ImportTrustListInput!) { importTrustList(input: $input) { issuer certificates } }';
        const notAdmin = await hub.gql(IMPORT, { input: { token: list, pinnedRootPem: rootPem, statusListBase: hubB.url } });
        expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const ownRoot = await readFile(path.join(hub.config.licensing.certsDir, 'hub-root.pem'), 'utf8');
        const wrongPin = await hub.gql(IMPORT, { input: { token: list, pinnedRootPem: ownRoot, statusListBase: hubB.url } }, await hub.tokens.admin());
        expect(wrongPin.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.token' });
        const imported = await hub.gql<{ importTrustList: { issuer: string } }>(IMPORT, { input: { token: list, pinnedRootPem: rootPem, statusListBase: hubB.url } }, await hub.tokens.admin());
        expect(imported.errors).toBeUndefined();
        expect(imported.data!.importTrustList.issuer).toBe('hub:b');

        const trusted = await hub.gql<{ verifyLicense: { verdict: string; status: { source: string } } }>(VERIFY, { token });
        expect(trusted.data!.verifyLicense.verdict).toBe('VALID');

        const removed = await hub.gql('mutation($fp: String!) { removeTrustedCertificate(fingerprint: $fp, reason: "互认协议终止") }', { fp: parseCertificate(rootPem).fingerprint }, await hub.tokens.admin());
        expect(removed.errors).toBeUndefined();
        expect((await hub.gql<{ verifyLicense: { verdict: string } }>(VERIFY, { token })).data!.verifyLicense.verdict).toBe('UNTRUSTED');
      } finally {
        await hubB.close();
      }
    });
  });
});
