import { beforeAll, describe, expect, it } from 'vitest';
import { DEPT_CODE, makeTestPki, type TestPki } from '../testing/test-pki.js';
import { TrustStore } from './trust-store.js';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki(0);
});

describe(TrustStore.name, () => {
  describe('roots', () => {
    it('adds, looks up and removes roots', () => {
      const store = new TrustStore({ roots: [pki.root.certificate] });
      const fp = pki.root.certificate.fingerprint;
      expect(store.root(fp)?.certificate).toBe(pki.root.certificate);
      expect(store.root(fp.toUpperCase())?.kind).toBe('root');
      expect(store.byFingerprint(fp)?.kind).toBe('root');
      expect(store.byKid(pki.root.certificate.kid).map((e) => e.kind)).toEqual(['root']);
      expect(store.rootsForIssuer(pki.dept.certificate.issuerId)).toHaveLength(1);
      expect(store.removeRoot(pki.root.certificate)).toBe(true);
      expect(store.removeRoot(pki.root.certificate)).toBe(false);
      expect(store.root(fp)).toBeUndefined();
      expect(store.rootsForIssuer(pki.dept.certificate.issuerId)).toHaveLength(0);
      expect(store.byKid(pki.root.certificate.kid)).toHaveLength(0);
    });
  });

  describe('certificates', () => {
    it('vouches for a certificate with department code and licence types', () => {
      const store = new TrustStore().addCertificate(pki.dept.certificate, { departmentCode: DEPT_CODE, licenseTypes: ['A', 'B'] });
      const entry = store.certificate(pki.dept.certificate);
      expect(entry).toMatchObject({ kind: 'certificate', departmentCode: DEPT_CODE, licenseTypes: ['A', 'B'] });
      expect(Object.isFrozen(entry?.licenseTypes)).toBe(true);
      expect(store.byKid(pki.dept.certificate.kid)).toHaveLength(1);
    });

    it('remembers a removed certificate as revoked until it is added again', () => {
      const store = new TrustStore().addCertificate(pki.dept.certificate);
      store.removeCertificate(pki.dept.certificate.fingerprint);
      expect(store.certificate(pki.dept.certificate)).toBeUndefined();
      expect(store.isRevoked(pki.dept.certificate)).toBe(true);
      store.addCertificate(pki.dept.certificate);
      expect(store.isRevoked(pki.dept.certificate)).toBe(false);
    });
  });

  describe('revision', () => {
    it('increases on every change', () => {
      const store = new TrustStore();
      const r0 = store.revision;
      store.addRoot(pki.root.certificate);
      store.addCertificate(pki.dept.certificate);
      store.removeCertificate(pki.dept.certificate);
      expect(store.revision).toBe(r0 + 3);
    });
  });

  describe('replaceSource', () => {
    it('replaces one source\'s entries, revokes dropped certificates, and leaves other sources alone', () => {
      const store = new TrustStore().addRoot(pki.root.certificate);
      store.replaceSource('hub:b', 1, [pki.foreignRoot.certificate], [{ certificate: pki.foreignDept.certificate, licenseTypes: ['X'] }]);
      expect(store.root(pki.foreignRoot.certificate)).toMatchObject({ source: 'hub:b', requireListedCertificates: true });
      expect(store.certificate(pki.foreignDept.certificate)?.source).toBe('hub:b');
      expect(store.sequenceOf('hub:b')).toBe(1);

      store.replaceSource('hub:b', 2, [pki.foreignRoot.certificate], []);
      expect(store.certificate(pki.foreignDept.certificate)).toBeUndefined();
      expect(store.isRevoked(pki.foreignDept.certificate)).toBe(true);
      expect(store.root(pki.root.certificate)?.source).toBeUndefined();

      // A list cannot take over a root added locally.
      store.replaceSource('hub:c', 1, [pki.root.certificate], []);
      expect(store.root(pki.root.certificate)).toMatchObject({ source: undefined, requireListedCertificates: false });

      store.removeSource('hub:b');
      expect(store.root(pki.foreignRoot.certificate)).toBeUndefined();
      expect(store.sequenceOf('hub:b')).toBeUndefined();
    });
  });
});
