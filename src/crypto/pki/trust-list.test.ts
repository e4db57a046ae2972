import { beforeAll, describe, expect, it } from 'vitest';
import { TrustListError } from '../errors.js';
import { createJwsSigner, type JwsSigner } from '../jws/sign-license.js';
import { verifyLicenseJws } from '../jws/verify-jws.js';
import { makeTestPki, OTHER_DEPT_CODE, signRaw, headerFor, type TestPki } from '../testing/test-pki.js';
import { createDepartmentCertificate } from './create-department-cert.js';
import { importTrustList, signTrustList, verifyTrustList } from './trust-list.js';
import { TrustStore } from './trust-store.js';

/*
 * Two regions: "hub:b" (the foreign PKI of the fixture) publishes a trust list
 * signed by its own hub certificate; our hub imports it against B's pinned root.
 */
let pki: TestPki;
let hubBSigner: JwsSigner;
let token: string;

beforeAll(() => {
  pki = makeTestPki(1);
  const hubB = createDepartmentCertificate({
    issuer: pki.foreignRoot,
    departmentCode: OTHER_DEPT_CODE,
    departmentName: 'Hub B trust list signer',
    keyPair: pki.keys[0],
    notBefore: new Date(pki.now.getTime() - 1000 * 3600),
  });
  hubBSigner = createJwsSigner(hubB.privateKey, [hubB.certificate, pki.foreignRoot.certificate]);
  token = signTrustList({
    issuer: 'hub:b',
    sequence: 1,
    roots: [pki.foreignRoot.certificate],
    certificates: [{ certificate: pki.foreignDept.certificate, licenseTypes: ['LT-001', 'LT-002'] }],
  }, hubBSigner);
});

describe('verifyTrustList', () => {
  it('verifies against the pinned root and reads the content', () => {
    const v = verifyTrustList(token, { pinnedRoot: pki.foreignRoot.certificate, expectedIssuer: 'hub:b' });
    expect(v.ok).toBe(true);
    expect(v.checks.map((c) => c.name)).toEqual(['WELL_FORMED', 'HEADER', 'CHAIN', 'SIGNATURE', 'CONTENT']);
    expect(v.trustList?.issuer).toBe('hub:b');
    expect(v.trustList?.sequence).toBe(1);
    expect(v.trustList?.roots.map((r) => r.fingerprint)).toEqual([pki.foreignRoot.certificate.fingerprint]);
    expect(v.trustList?.certificates[0]).toMatchObject({ departmentCode: OTHER_DEPT_CODE, licenseTypes: ['LT-001', 'LT-002'] });
    expect(v.jws?.header.typ).toBe('trustlist+jwt');
  });

  it('fails CHAIN against any other pinned root', () => {
    expect(verifyTrustList(token, { pinnedRoot: pki.root.certificate })).toMatchObject({ ok: false, failed: 'CHAIN' });
  });

  it('fails HEADER for a licence token presented as a trust list', () => {
    const licence = verifyTrustList(
      signRaw(headerFor(hubBSigner, 'license+jwt'), { iss: 'hub:b' }, hubBSigner.privateKey),
      { pinnedRoot: pki.foreignRoot.certificate },
    );
    expect(licence).toMatchObject({ ok: false, failed: 'HEADER' });
  });

  it('fails CONTENT for a wrong issuer, an expired list, or a department code that does not match the certificate', () => {
    expect(verifyTrustList(token, { pinnedRoot: pki.foreignRoot.certificate, expectedIssuer: 'hub:c' })).toMatchObject({ ok: false, failed: 'CONTENT' });
    const expired = signTrustList({ issuer: 'hub:b', sequence: 2, roots: [pki.foreignRoot.certificate], certificates: [], expiresAt: new Date(Date.now() - 1000) }, hubBSigner);
    expect(verifyTrustList(expired, { pinnedRoot: pki.foreignRoot.certificate })).toMatchObject({ ok: false, failed: 'CONTENT' });
    const lying = signTrustList({
      issuer: 'hub:b', sequence: 2, roots: [pki.foreignRoot.certificate],
      certificates: [{ certificate: pki.foreignDept.certificate, licenseTypes: [], departmentCode: '91350100M000100Y43' }],
    }, hubBSigner);
    expect(verifyTrustList(lying, { pinnedRoot: pki.foreignRoot.certificate })).toMatchObject({ ok: false, failed: 'CONTENT' });
  });
});

describe('importTrustList', () => {
  const licence = (signer: JwsSigner) =>
    signRaw(headerFor(signer), { id: 'L-1' }, signer.privateKey);

  it('makes the listed department trusted; a newer list without it makes its tokens untrusted again', () => {
    const trust = new TrustStore().addRoot(pki.root.certificate);
    const foreignToken = licence(pki.foreignSigner);
    expect(verifyLicenseJws(foreignToken, { trust, expectedTyp: 'license+jwt' })).toMatchObject({ ok: false, failed: 'CHAIN' });

    const v1 = verifyTrustList(token, { pinnedRoot: pki.foreignRoot.certificate });
    if (!v1.ok) throw new Error('list 1 should verify');
    importTrustList(trust, v1.trustList);
    const accepted = verifyLicenseJws(foreignToken, { trust, expectedTyp: 'license+jwt' });
    expect(accepted.ok).toBe(true);
    expect(accepted.chain?.ok && accepted.chain.vouched?.licenseTypes).toEqual(['LT-001', 'LT-002']);
    expect(accepted.departmentCode).toBe(OTHER_DEPT_CODE);

    const list2 = signTrustList({ issuer: 'hub:b', sequence: 2, roots: [pki.foreignRoot.certificate], certificates: [] }, hubBSigner);
    const v2 = verifyTrustList(list2, { pinnedRoot: pki.foreignRoot.certificate });
    if (!v2.ok) throw new Error('list 2 should verify');
    importTrustList(trust, v2.trustList);
    const rejected = verifyLicenseJws(foreignToken, { trust, expectedTyp: 'license+jwt' });
    expect(rejected).toMatchObject({ ok: false, failed: 'CHAIN' });
    expect(rejected.chain?.failed).toBe('REVOKED_CERT');

    // Our own departments are unaffected.
    expect(verifyLicenseJws(licence(pki.signer), { trust, expectedTyp: 'license+jwt' }).ok).toBe(true);
  });

  it('refuses a list that is not newer than the imported one (CONFLICT / STALE_SEQUENCE)', () => {
    const trust = new TrustStore();
    const v = verifyTrustList(token, { pinnedRoot: pki.foreignRoot.certificate });
    if (!v.ok) throw new Error('should verify');
    importTrustList(trust, v.trustList);
    try {
      importTrustList(trust, v.trustList);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TrustListError);
      expect((e as TrustListError).code).toBe('CONFLICT');
      expect((e as TrustListError).details.reason).toBe('STALE_SEQUENCE');
    }
  });

  it('removing the source makes its departments untrusted', () => {
    const trust = new TrustStore();
    const v = verifyTrustList(token, { pinnedRoot: pki.foreignRoot.certificate });
    if (!v.ok) throw new Error('should verify');
    importTrustList(trust, v.trustList);
    expect(verifyLicenseJws(licence(pki.foreignSigner), { trust, expectedTyp: 'license+jwt' }).ok).toBe(true);
    trust.removeSource('hub:b');
    expect(verifyLicenseJws(licence(pki.foreignSigner), { trust, expectedTyp: 'license+jwt' })).toMatchObject({ ok: false, failed: 'CHAIN' });
  });
});

describe('signTrustList', () => {
  it('rejects a negative sequence and a certificate without a department code', () => {
    expect(() => signTrustList({ issuer: 'hub:b', sequence: -1, roots: [], certificates: [] }, hubBSigner)).toThrow(TrustListError);
    expect(() => signTrustList({ issuer: 'hub:b', sequence: 1, roots: [], certificates: [{ certificate: pki.root.certificate, licenseTypes: [] }] }, hubBSigner)).toThrow(TrustListError);
  });
});
