import { beforeAll, describe, expect, it } from 'vitest';
import { JwsError } from '../errors.js';
import { TrustStore } from '../pki/trust-store.js';
import { DEPT_CODE, makeTestPki, signRaw, type TestPki } from '../testing/test-pki.js';
import { signLicenseJws } from './sign-license.js';
import { assertLicenseJws, verifyLicenseJws } from './verify-jws.js';

let pki: TestPki;
const licence = { id: '1.2.156.3005.2.11100000000013338W001.11350100MB00000012.0001.001.X', holder: { name: '张三', idType: '111' }, validUntil: '2030-01-01' };
const opts = () => ({ trust: pki.trust, expectedTyp: 'license+jwt' });

beforeAll(() => {
  pki = makeTestPki(0);
});

describe('verifyLicenseJws', () => {
  it('accepts a correctly signed licence and returns its payload, header, leaf and department', () => {
    const token = signLicenseJws(licence, pki.signer);
    const result = verifyLicenseJws(token, opts());
    expect(result.ok).toBe(true);
    expect(result.checks).toEqual([
      { name: 'WELL_FORMED', ok: true },
      { name: 'HEADER', ok: true },
      { name: 'CHAIN', ok: true },
      { name: 'SIGNATURE', ok: true },
    ]);
    expect(result.payload).toEqual(licence);
    expect(result.header).toMatchObject({ alg: 'PS256', typ: 'license+jwt', kid: pki.dept.certificate.kid });
    expect(result.leaf?.fingerprint).toBe(pki.dept.certificate.fingerprint);
    expect(result.departmentCode).toBe(DEPT_CODE);
    expect(result.chain?.ok).toBe(true);
  });

  it('accepts the token as UTF-8 bytes', () => {
    const token = signLicenseJws(licence, pki.signer);
    expect(verifyLicenseJws(new TextEncoder().encode(token), opts()).ok).toBe(true);
  });

  it('reuses parsed certificates across verifications (no re-parsing on the hot path)', () => {
    const a = verifyLicenseJws(signLicenseJws({ n: 1 }, pki.signer), opts());
    const b = verifyLicenseJws(signLicenseJws({ n: 2 }, pki.signer), opts());
    expect(a.leaf).toBeDefined();
    expect(b.leaf).toBe(a.leaf);
    expect(b.chain).toBe(a.chain);
  });

  it('returns a frozen header that callers cannot use to poison the cache', () => {
    const token = signLicenseJws(licence, pki.signer);
    const result = verifyLicenseJws(token, opts());
    expect(Object.isFrozen(result.header)).toBe(true);
    expect(Object.isFrozen(result.header?.x5c)).toBe(true);
  });

  it('accepts a kid-only token when the trust store vouches for that certificate', () => {
    const token = signRaw({ alg: 'PS256', typ: 'license+jwt', kid: pki.dept.certificate.kid }, licence, pki.dept.privateKey);
    expect(verifyLicenseJws(token, opts())).toMatchObject({ ok: false, failed: 'HEADER' });
    const trust = new TrustStore().addRoot(pki.root.certificate).addCertificate(pki.dept.certificate, { departmentCode: DEPT_CODE, licenseTypes: ['T'] });
    const result = verifyLicenseJws(token, { trust, expectedTyp: 'license+jwt' });
    expect(result.ok).toBe(true);
    expect(result.chain?.ok && result.chain.vouched?.licenseTypes).toEqual(['T']);
  });

  it('checks certificate validity at the given time', () => {
    const token = signLicenseJws(licence, pki.signer);
    const later = new Date(pki.dept.certificate.notAfterTime + 1000);
    expect(verifyLicenseJws(token, { ...opts(), at: later })).toMatchObject({ ok: false, failed: 'CHAIN' });
  });

  it('rejects a token after its department certificate is removed from the trust store', () => {
    const trust = new TrustStore().addRoot(pki.root.certificate);
    const token = signLicenseJws(licence, pki.signer);
    expect(verifyLicenseJws(token, { trust, expectedTyp: 'license+jwt' }).ok).toBe(true);
    trust.removeCertificate(pki.dept.certificate);
    const result = verifyLicenseJws(token, { trust, expectedTyp: 'license+jwt' });
    expect(result).toMatchObject({ ok: false, failed: 'CHAIN' });
    expect(result.chain?.failed).toBe('REVOKED_CERT');
  });
});

describe('assertLicenseJws', () => {
  it('returns the success result or throws a JwsError naming the check', () => {
    expect(assertLicenseJws(signLicenseJws(licence, pki.signer), opts()).payload).toEqual(licence);
    try {
      assertLicenseJws('x.y.z', opts());
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JwsError);
      expect((e as JwsError).code).toBe('BAD_USER_INPUT');
      expect((e as JwsError).details.reason).toBe('WELL_FORMED');
    }
  });
});
