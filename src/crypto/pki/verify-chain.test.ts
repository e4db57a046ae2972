import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CertificateError, ChainError } from '../errors.js';
import { DEPT_CODE, makeTestPki, rsaKey, type TestPki } from '../testing/test-pki.js';
import type { IssuedCertificate, KeyPairInput } from './build-certificate.js';
import { createCertificateAuthority } from './create-ca.js';
import { createDepartmentCertificate } from './create-department-cert.js';
import { TrustStore } from './trust-store.js';
import { assertChain, verifyChain } from './verify-chain.js';

const DAY = 24 * 3600 * 1000;
let pki: TestPki;
let k1: KeyPairInput;
let k2: KeyPairInput;
let now: Date;

const dept = (issuer: IssuedCertificate, extra: Partial<Parameters<typeof createDepartmentCertificate>[0]> = {}) =>
  createDepartmentCertificate({ issuer, departmentCode: DEPT_CODE, departmentName: '测试部门', keyPair: k2, notBefore: new Date(now.getTime() - DAY), ...extra });
const subCa = (issuer: IssuedCertificate, extra: Partial<Parameters<typeof createCertificateAuthority>[0]> = {}) =>
  createCertificateAuthority({ commonName: 'Issuing CA', organization: 'Hub', keyPair: k1, issuer, notBefore: new Date(now.getTime() - DAY), ...extra });

beforeAll(() => {
  pki = makeTestPki(0);
  k1 = rsaKey();
  k2 = rsaKey();
  now = pki.now;
});

describe('verifyChain', () => {
  describe('a valid chain', () => {
    it('validates leaf → root with every check ok, the root supplied by the store', () => {
      const result = verifyChain([pki.dept.certificate], pki.trust, now);
      expect(result.ok).toBe(true);
      expect(result.checks.map((c) => c.name)).toEqual(['PATH', 'TRUSTED_ROOT', 'REVOKED_CERT', 'CRITICAL_EXTENSION', 'CA_FLAG', 'PATH_LENGTH', 'KEY_USAGE', 'SIGNATURE', 'VALIDITY']);
      expect(result.checks.every((c) => c.ok)).toBe(true);
      expect(result.path?.map((c) => c.fingerprint)).toEqual([pki.dept.certificate.fingerprint, pki.root.certificate.fingerprint]);
      expect(result.anchor?.certificate.fingerprint).toBe(pki.root.certificate.fingerprint);
    });

    it('accepts the root included at the end of the chain', () => {
      expect(verifyChain([pki.dept.certificate, pki.root.certificate], pki.trust, now).ok).toBe(true);
    });

    it('validates through an intermediate CA within pathLen', () => {
      const ca = subCa(pki.root, { pathLength: 0 });
      const leaf = dept(ca);
      expect(verifyChain([leaf.certificate, ca.certificate], pki.trust, now)).toMatchObject({ ok: true });
    });

    it('returns the cached result object the second time', () => {
      const a = verifyChain([pki.dept.certificate], pki.trust, now);
      const b = verifyChain([pki.dept.certificate], pki.trust, new Date(now.getTime() + 1000));
      expect(b).toBe(a);
    });
  });

  describe('failures, each naming its check', () => {
    it('CA_FLAG: the issuer is not a CA', () => {
      const notCa = subCa(pki.root, { unsafe: { isCA: false } });
      const leaf = dept(notCa);
      const result = verifyChain([leaf.certificate, notCa.certificate], pki.trust, now);
      expect(result).toMatchObject({ ok: false, failed: 'CA_FLAG' });
      expect(result.checks.at(-1)?.certificate).toBe('Issuing CA');
    });

    it('CA_FLAG: the trusted root has no basicConstraints', () => {
      const root = createCertificateAuthority({ commonName: 'Flagless Root', organization: 'X', keyPair: k1, notBefore: new Date(now.getTime() - DAY), unsafe: { omitBasicConstraints: true } });
      const leaf = dept(root);
      expect(verifyChain([leaf.certificate], new TrustStore().addRoot(root.certificate), now)).toMatchObject({ ok: false, failed: 'CA_FLAG' });
    });

    it('CA_FLAG: the leaf is itself a CA', () => {
      const ca = subCa(pki.root);
      expect(verifyChain([ca.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'CA_FLAG' });
    });

    it('KEY_USAGE: the leaf lacks digitalSignature', () => {
      const leaf = dept(pki.root, { unsafe: { keyUsage: { keyEncipherment: true } } });
      expect(verifyChain([leaf.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'KEY_USAGE' });
    });

    it('KEY_USAGE: the leaf has no keyUsage at all', () => {
      const leaf = dept(pki.root, { unsafe: { omitKeyUsage: true } });
      expect(verifyChain([leaf.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'KEY_USAGE' });
    });

    it('KEY_USAGE: the issuer lacks keyCertSign', () => {
      const ca = subCa(pki.root, { unsafe: { keyUsage: { digitalSignature: true, cRLSign: true } } });
      const leaf = dept(ca);
      expect(verifyChain([leaf.certificate, ca.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'KEY_USAGE' });
    });

    it('PATH_LENGTH: two intermediates under a root with pathLen 1', () => {
      const ca1 = subCa(pki.root, { commonName: 'CA 1', pathLength: 5 });
      const ca2 = subCa(ca1, { commonName: 'CA 2', keyPair: k2 });
      const leaf = dept(ca2, { keyPair: k1 });
      const result = verifyChain([leaf.certificate, ca2.certificate, ca1.certificate], pki.trust, now);
      expect(result).toMatchObject({ ok: false, failed: 'PATH_LENGTH' });
      expect(result.checks.at(-1)?.certificate).toBe('Test Hub Root CA');
    });

    it('PATH_LENGTH: an intermediate with pathLen 0 above another CA', () => {
      const ca1 = subCa(pki.root, { commonName: 'CA 1', pathLength: 0 });
      const ca2 = subCa(ca1, { commonName: 'CA 2', keyPair: k2 });
      const leaf = dept(ca2, { keyPair: k1 });
      const result = verifyChain([leaf.certificate, ca2.certificate, ca1.certificate], pki.trust, now);
      expect(result).toMatchObject({ ok: false, failed: 'PATH_LENGTH' });
      expect(result.checks.at(-1)?.certificate).toBe('CA 1');
    });

    it('SIGNATURE: a certificate signed by a different key than its issuer claims', () => {
      const forged = dept(pki.root, { unsafe: { signWith: k1.privateKey } });
      const result = verifyChain([forged.certificate], pki.trust, now);
      expect(result).toMatchObject({ ok: false, failed: 'SIGNATURE' });
    });

    it('SIGNATURE: a leaf with an RSA key shorter than 2048 bits', () => {
      const weak = generateKeyPairSync('rsa', { modulusLength: 1024 });
      expect(() => dept(pki.root, { keyPair: weak })).toThrow(CertificateError);
      const leaf = dept(pki.root, { keyPair: weak, unsafe: { allowWeakKey: true } });
      const result = verifyChain([leaf.certificate], pki.trust, now);
      expect(result).toMatchObject({ ok: false, failed: 'SIGNATURE' });
      expect(result.checks.at(-1)?.reason).toMatch(/1024/);
    });

    it('TRUSTED_ROOT: the chain ends in a self-signed root not in the store', () => {
      const result = verifyChain([pki.foreignDept.certificate, pki.foreignRoot.certificate], pki.trust, now);
      expect(result).toMatchObject({ ok: false, failed: 'TRUSTED_ROOT' });
    });

    it('TRUSTED_ROOT: the issuer is unknown', () => {
      expect(verifyChain([pki.foreignDept.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'TRUSTED_ROOT' });
    });

    it('TRUSTED_ROOT: an impostor root with the trusted root\'s exact name', () => {
      const impostor = createCertificateAuthority({ commonName: 'Test Hub Root CA', organization: '测试大数据管理局', keyPair: k1, notBefore: new Date(now.getTime() - DAY) });
      expect(impostor.certificate.subjectId).toBe(pki.root.certificate.subjectId);
      const leaf = dept(impostor);
      expect(verifyChain([leaf.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'TRUSTED_ROOT' });
      expect(verifyChain([leaf.certificate, impostor.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'TRUSTED_ROOT' });
    });

    it('VALIDITY: expired and not-yet-valid leaves', () => {
      const expired = dept(pki.root, { notBefore: new Date(now.getTime() - 30 * DAY), notAfter: new Date(now.getTime() - DAY) });
      const early = dept(pki.root, { notBefore: new Date(now.getTime() + DAY) });
      expect(verifyChain([expired.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'VALIDITY' });
      expect(verifyChain([early.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'VALIDITY' });
      // The cached structural result still answers correctly for a time inside the window.
      expect(verifyChain([expired.certificate], pki.trust, new Date(now.getTime() - 2 * DAY)).ok).toBe(true);
    });

    it('VALIDITY: an invalid Date', () => {
      expect(verifyChain([pki.dept.certificate], pki.trust, new Date(Number.NaN))).toMatchObject({ ok: false, failed: 'VALIDITY' });
    });

    it('CRITICAL_EXTENSION: an unrecognised critical extension', () => {
      const leaf = dept(pki.root, { unsafe: { unknownCriticalExtension: '1.3.6.1.4.1.99999.1' } });
      expect(verifyChain([leaf.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'CRITICAL_EXTENSION' });
    });

    it('PATH: empty chain, wrong order, a certificate after the anchor', () => {
      expect(verifyChain([], pki.trust, now)).toMatchObject({ ok: false, failed: 'PATH' });
      expect(verifyChain([pki.root.certificate, pki.dept.certificate], new TrustStore(), now)).toMatchObject({ ok: false, failed: 'PATH' });
      expect(verifyChain([pki.dept.certificate, pki.root.certificate, pki.foreignRoot.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'PATH' });
      expect(verifyChain([pki.dept.certificate, pki.foreignRoot.certificate], pki.trust, now)).toMatchObject({ ok: false, failed: 'PATH' });
    });

    it('stops at the first failure: later checks are not listed', () => {
      const result = verifyChain([pki.foreignDept.certificate], pki.trust, now);
      expect(result.checks.map((c) => c.name)).toEqual(['PATH', 'TRUSTED_ROOT']);
    });
  });

  describe('trust store changes', () => {
    it('REVOKED_CERT after the department certificate is removed; cached success is discarded', () => {
      const trust = new TrustStore().addRoot(pki.root.certificate);
      expect(verifyChain([pki.dept.certificate], trust, now).ok).toBe(true);
      trust.removeCertificate(pki.dept.certificate);
      expect(verifyChain([pki.dept.certificate], trust, now)).toMatchObject({ ok: false, failed: 'REVOKED_CERT' });
      trust.addCertificate(pki.dept.certificate);
      expect(verifyChain([pki.dept.certificate], trust, now).ok).toBe(true);
    });

    it('TRUSTED_ROOT after the root is removed', () => {
      const trust = new TrustStore().addRoot(pki.root.certificate);
      expect(verifyChain([pki.dept.certificate, pki.root.certificate], trust, now).ok).toBe(true);
      trust.removeRoot(pki.root.certificate.fingerprint);
      expect(verifyChain([pki.dept.certificate, pki.root.certificate], trust, now)).toMatchObject({ ok: false, failed: 'TRUSTED_ROOT' });
    });

    it('REVOKED_CERT for an unlisted leaf under a list-only root', () => {
      const trust = new TrustStore().addRoot(pki.root.certificate, { requireListedCertificates: true });
      expect(verifyChain([pki.dept.certificate], trust, now)).toMatchObject({ ok: false, failed: 'REVOKED_CERT' });
      trust.addCertificate(pki.dept.certificate, { departmentCode: DEPT_CODE, licenseTypes: ['T1'] });
      const result = verifyChain([pki.dept.certificate], trust, now);
      expect(result.ok).toBe(true);
      expect(result.vouched?.licenseTypes).toEqual(['T1']);
    });
  });
});

describe('assertChain', () => {
  it('returns the success result', () => {
    expect(assertChain([pki.dept.certificate], pki.trust, now).path).toHaveLength(2);
  });

  it('throws a ChainError whose reason is the failed check', () => {
    try {
      assertChain([pki.foreignDept.certificate], pki.trust, now);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ChainError);
      expect((e as ChainError).code).toBe('BAD_USER_INPUT');
      expect((e as ChainError).details.reason).toBe('TRUSTED_ROOT');
    }
  });
});
