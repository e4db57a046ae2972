import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CertificateError } from '../errors.js';
import { DEPT_CODE, makeTestPki, type TestPki } from '../testing/test-pki.js';
import { Certificate, parseCertificate, parseCertificateChain } from './certificate.js';
import { departmentCodeOf, isUnifiedSocialCreditCode } from './department-code.js';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki(0);
});

describe(Certificate.name, () => {
  describe('parsing', () => {
    it('reads subject, issuer, flags and identifiers of a department certificate', () => {
      const c = pki.dept.certificate;
      expect(c.subject.organization).toBe('测试市市场监督管理局');
      expect(c.subject.serialNumber).toBe(DEPT_CODE);
      expect(c.subject.organizationalUnit).toBe(DEPT_CODE);
      expect(c.subject.country).toBe('CN');
      expect(c.issuer.commonName).toBe('Test Hub Root CA');
      expect(c.isCA).toBe(false);
      expect(c.hasBasicConstraints).toBe(true);
      expect(c.keyUsage?.digitalSignature).toBe(true);
      expect(c.keyUsage?.nonRepudiation).toBe(true);
      expect(c.keyUsage?.keyCertSign).toBe(false);
      expect(c.authorityKeyIdentifier).toBe(pki.root.certificate.subjectKeyIdentifier);
      expect(c.issuerId).toBe(pki.root.certificate.subjectId);
      expect(c.selfIssued).toBe(false);
      expect(c.version).toBe(3);
    });

    it('computes the SHA-256 fingerprint and the DCC-style kid from the DER', () => {
      const c = pki.dept.certificate;
      const digest = createHash('sha256').update(c.der).digest();
      expect(c.fingerprint).toBe(digest.toString('hex'));
      expect(c.kid).toBe(digest.subarray(0, 8).toString('base64url'));
      expect(c.kid).toHaveLength(11);
    });

    it('round-trips through PEM, base64 and DER to the same certificate', () => {
      const c = pki.root.certificate;
      for (const again of [parseCertificate(c.pem), parseCertificate(c.base64), parseCertificate(c.der), Certificate.fromBase64(c.base64)]) {
        expect(again.fingerprint).toBe(c.fingerprint);
      }
    });

    it('parses a PEM bundle in order', () => {
      const chain = parseCertificateChain(pki.dept.certificatePem + pki.root.certificatePem);
      expect(chain.map((c) => c.fingerprint)).toEqual([pki.dept.certificate.fingerprint, pki.root.certificate.fingerprint]);
    });

    it('is immutable', () => {
      const c = pki.dept.certificate;
      expect(Object.isFrozen(c)).toBe(true);
      expect(Object.isFrozen(c.subject)).toBe(true);
      c.notBefore.setTime(0);
      expect(c.notBefore.getTime()).not.toBe(0);
      c.der[0] = 0;
      expect(c.der[0]).toBe(0x30);
    });

    it.each([
      ['garbage text', 'not a certificate'],
      ['empty bytes', new Uint8Array(0)],
      ['truncated DER', new Uint8Array([0x30, 0x82, 0x01])],
      ['non-canonical base64', 'MIIB====='],
    ])('rejects %s with CERTIFICATE_MALFORMED', (_label, input) => {
      const error = (() => {
        try {
          parseCertificate(input);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(CertificateError);
      expect((error as CertificateError).code).toBe('BAD_USER_INPUT');
      expect((error as CertificateError).details.reason).toBe('CERTIFICATE_MALFORMED');
    });

    it('rejects a bundle passed where one certificate is expected', () => {
      expect(() => Certificate.fromPem(pki.dept.certificatePem + pki.root.certificatePem)).toThrow(CertificateError);
    });
  });

  describe('isValidAt', () => {
    it('is inclusive of notBefore and notAfter', () => {
      const c = pki.dept.certificate;
      expect(c.isValidAt(c.notBefore)).toBe(true);
      expect(c.isValidAt(c.notAfter)).toBe(true);
      expect(c.isValidAt(c.notAfterTime + 1)).toBe(false);
      expect(c.isValidAt(c.notBeforeTime - 1)).toBe(false);
    });
  });
});

describe('departmentCodeOf', () => {
  it('reads the USCC back from the subject serialNumber', () => {
    expect(departmentCodeOf(pki.dept.certificate)).toBe(DEPT_CODE);
  });

  it('is undefined for a certificate without one', () => {
    expect(departmentCodeOf(pki.root.certificate)).toBeUndefined();
  });
});

describe('isUnifiedSocialCreditCode', () => {
  it('accepts the worked example of GB 32100-2015', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('rejects a wrong check character unless told not to check it', () => {
    expect(isUnifiedSocialCreditCode('91350100M000100Y44')).toBe(false);
    expect(isUnifiedSocialCreditCode('91350100M000100Y44', { checkCharacter: false })).toBe(true);
  });

  it.each(['91350100M000100Y4', '91350100M000100Y43X', '91350100I000100Y43', '91350100m000100y43'])('rejects %s', (code) => {
    expect(isUnifiedSocialCreditCode(code, { checkCharacter: false })).toBe(false);
  });
});
