import { beforeAll, describe, expect, it } from 'vitest';
import { CertificateError } from '../errors.js';
import { DEPT_CODE, rsaKey } from '../testing/test-pki.js';
import type { KeyPairInput } from './build-certificate.js';
import { createCertificateAuthority } from './create-ca.js';
import { createDepartmentCertificate, departmentCodeOf } from './create-department-cert.js';

let keys: KeyPairInput[];
beforeAll(() => {
  keys = [rsaKey(), rsaKey(), rsaKey()];
});

const DAY = 24 * 3600 * 1000;
const codeOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e instanceof CertificateError ? e.details.reason : e;
  }
  return undefined;
};

describe('createCertificateAuthority', () => {
  it('makes a self-signed root with the CA profile', () => {
    const root = createCertificateAuthority({ commonName: 'Root', organization: 'Hub', keyPair: keys[0] });
    const c = root.certificate;
    expect(c.selfIssued).toBe(true);
    expect(c.isSignedBy(c)).toBe(true);
    expect(c.isCA).toBe(true);
    expect(c.pathLength).toBe(1);
    expect(c.keyUsage).toMatchObject({ keyCertSign: true, cRLSign: true, digitalSignature: false });
    const critical = Object.fromEntries(c.extensions.map((e) => [e.oid, e.critical]));
    expect(critical).toMatchObject({ '2.5.29.19': true, '2.5.29.15': true, '2.5.29.14': false });
    expect(c.subjectKeyIdentifier).toMatch(/^[0-9a-f]{40}$/);
    expect(c.subject).toMatchObject({ commonName: 'Root', organization: 'Hub', country: 'CN' });
    expect(root.privateKeyPem).toContain('BEGIN PRIVATE KEY');
  });

  it('uses a random positive 16-byte serial', () => {
    const a = createCertificateAuthority({ commonName: 'A', organization: 'Hub', keyPair: keys[0] }).certificate;
    const b = createCertificateAuthority({ commonName: 'A', organization: 'Hub', keyPair: keys[0] }).certificate;
    expect(a.serialNumber).toMatch(/^[0-7][0-9a-f]{31}$/);
    expect(a.serialNumber).not.toBe(b.serialNumber);
  });

  it('defaults to a 10-year lifetime', () => {
    const notBefore = new Date('2026-01-01T00:00:00Z');
    const c = createCertificateAuthority({ commonName: 'Root', organization: 'Hub', keyPair: keys[0], notBefore }).certificate;
    expect(c.notAfter.toISOString()).toBe('2036-01-01T00:00:00.000Z');
  });

  it('makes a subordinate CA when given an issuer', () => {
    const root = createCertificateAuthority({ commonName: 'Root', organization: 'Hub', keyPair: keys[0] });
    const sub = createCertificateAuthority({ commonName: 'Sub', organization: 'Hub', keyPair: keys[1], issuer: root, pathLength: 0 }).certificate;
    expect(sub.isSignedBy(root.certificate)).toBe(true);
    expect(sub.authorityKeyIdentifier).toBe(root.certificate.subjectKeyIdentifier);
    expect(sub.pathLength).toBe(0);
  });

  it('can make deliberately broken CAs for tests', () => {
    const noFlag = createCertificateAuthority({ commonName: 'R', organization: 'H', keyPair: keys[0], unsafe: { isCA: false } }).certificate;
    expect(noFlag.isCA).toBe(false);
    const noBc = createCertificateAuthority({ commonName: 'R', organization: 'H', keyPair: keys[0], unsafe: { omitBasicConstraints: true } }).certificate;
    expect(noBc.hasBasicConstraints).toBe(false);
    const wrongKu = createCertificateAuthority({ commonName: 'R', organization: 'H', keyPair: keys[0], unsafe: { keyUsage: { digitalSignature: true } } }).certificate;
    expect(wrongKu.keyUsage).toMatchObject({ digitalSignature: true, keyCertSign: false });
  });

  it('rejects bad options with INVALID_OPTION', () => {
    expect(codeOf(() => createCertificateAuthority({ commonName: ' ', organization: 'H', keyPair: keys[0] }))).toBe('INVALID_OPTION');
    expect(codeOf(() => createCertificateAuthority({ commonName: 'R', organization: 'H', keyPair: keys[0], pathLength: -1 }))).toBe('INVALID_OPTION');
    expect(codeOf(() => createCertificateAuthority({ commonName: 'R', organization: 'H', keyPair: keys[0], country: '中国' }))).toBe('INVALID_OPTION');
    const t = new Date();
    expect(codeOf(() => createCertificateAuthority({ commonName: 'R', organization: 'H', keyPair: keys[0], notBefore: t, notAfter: t }))).toBe('INVALID_OPTION');
    expect(codeOf(() => createCertificateAuthority({ commonName: 'R', organization: 'H', modulusLength: 1024 }))).toBe('INVALID_OPTION');
  });
});

describe('createDepartmentCertificate', () => {
  let root: ReturnType<typeof createCertificateAuthority>;
  beforeAll(() => {
    root = createCertificateAuthority({ commonName: '测试根 CA', organization: '测试大数据管理局', keyPair: keys[0] });
  });

  it('makes an end-entity signing certificate carrying the USCC', () => {
    const dept = createDepartmentCertificate({ issuer: root, departmentCode: DEPT_CODE, departmentName: '福州市市场监督管理局', keyPair: keys[1] });
    const c = dept.certificate;
    expect(c.isCA).toBe(false);
    expect(c.hasBasicConstraints).toBe(true);
    expect(c.keyUsage).toMatchObject({ digitalSignature: true, nonRepudiation: true, keyCertSign: false });
    expect(c.extensions.find((e) => e.oid === '2.5.29.15')?.critical).toBe(true);
    expect(c.extensions.find((e) => e.oid === '2.5.29.19')?.critical).toBe(true);
    expect(c.extendedKeyUsage).toBeUndefined();
    expect(c.authorityKeyIdentifier).toBe(root.certificate.subjectKeyIdentifier);
    expect(departmentCodeOf(c)).toBe(DEPT_CODE);
    expect(c.subject.organization).toBe('福州市市场监督管理局');
    // A UTF-8 issuer name must be copied byte for byte, or path building fails.
    expect(c.issuerId).toBe(root.certificate.subjectId);
    expect(c.isSignedBy(root.certificate)).toBe(true);
    expect(dept.privateKey).toBe(keys[1]?.privateKey);
  });

  it('defaults to a 2-year lifetime and writes extKeyUsage when asked', () => {
    const notBefore = new Date('2026-03-01T00:00:00Z');
    const c = createDepartmentCertificate({
      issuer: root, departmentCode: DEPT_CODE, departmentName: 'D', keyPair: keys[1], notBefore,
      extendedKeyUsage: ['1.3.6.1.5.5.7.3.4', '1.2.156.3005.2.99'], nonRepudiation: false,
    }).certificate;
    expect(c.notAfter.toISOString()).toBe('2028-03-01T00:00:00.000Z');
    expect(c.extendedKeyUsage).toEqual(['1.3.6.1.5.5.7.3.4', '1.2.156.3005.2.99']);
    expect(c.keyUsage?.nonRepudiation).toBe(false);
  });

  it('honours explicit validity dates (for expired and not-yet-valid test certificates)', () => {
    const notBefore = new Date(Date.now() - 30 * DAY);
    const notAfter = new Date(Date.now() - DAY);
    const c = createDepartmentCertificate({ issuer: root, departmentCode: DEPT_CODE, departmentName: 'D', keyPair: keys[1], notBefore, notAfter }).certificate;
    expect(c.notAfterTime).toBe(Math.floor(notAfter.getTime() / 1000) * 1000);
    expect(c.isValidAt(new Date())).toBe(false);
  });

  it('can sign with a key other than the issuer\'s (a forged link, for tests)', () => {
    const c = createDepartmentCertificate({ issuer: root, departmentCode: DEPT_CODE, departmentName: 'D', keyPair: keys[1], unsafe: { signWith: keys[2]?.privateKey } }).certificate;
    expect(c.issuerId).toBe(root.certificate.subjectId);
    expect(c.isSignedBy(root.certificate)).toBe(false);
  });

  it('rejects a malformed or mis-checked USCC, and accepts a pilot-era one only when allowed', () => {
    const base = { issuer: root, departmentName: 'D', keyPair: keys[1] };
    expect(codeOf(() => createDepartmentCertificate({ ...base, departmentCode: 'ABC' }))).toBe('INVALID_OPTION');
    expect(codeOf(() => createDepartmentCertificate({ ...base, departmentCode: '91350100M000100Y44' }))).toBe('INVALID_OPTION');
    const pilot = createDepartmentCertificate({ ...base, departmentCode: '91350100M000100Y44', allowFailedCheckCharacter: true });
    expect(departmentCodeOf(pilot.certificate)).toBe('91350100M000100Y44');
  });

  it('rejects an issuer whose key does not match its certificate', () => {
    expect(codeOf(() => createDepartmentCertificate({
      issuer: { certificatePem: root.certificatePem, privateKeyPem: keys[2]?.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() ?? '' },
      departmentCode: DEPT_CODE, departmentName: 'D', keyPair: keys[1],
    }))).toBe('INVALID_OPTION');
  });

  it('rejects extKeyUsage entries that are not OIDs', () => {
    expect(codeOf(() => createDepartmentCertificate({ issuer: root, departmentCode: DEPT_CODE, departmentName: 'D', keyPair: keys[1], extendedKeyUsage: ['serverAuth'] }))).toBe('INVALID_OPTION');
  });
});
