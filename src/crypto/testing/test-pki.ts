/**
 * A throwaway PKI for the crypto tests (test support only; never imported by
 * production code). Build it once per test file in `beforeAll`: RSA key
 * generation costs 50–150 ms per key.
 */
import { constants, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createCertificateAuthority, type IssuedCertificate, type KeyPairInput } from '../pki/create-ca.js';
import { createDepartmentCertificate } from '../pki/create-department-cert.js';
import { TrustStore } from '../pki/trust-store.js';
import { createJwsSigner, type JwsSigner } from '../jws/sign-license.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Appends the GB 32100 check character to 17 USCC characters. */
export function uscc(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return first17 + ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** A valid USCC for the fixture's department. */
export const DEPT_CODE = uscc('11350100MB0000001');
/** A valid USCC for the fixture's foreign department. */
export const OTHER_DEPT_CODE = uscc('11330100MB0000002');

/** A fresh RSA-2048 key pair. */
export function rsaKey(): KeyPairInput {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

const YEAR = 365 * 24 * 3600 * 1000;

/** What {@link makeTestPki} builds. */
export interface TestPki {
  readonly now: Date;
  readonly root: IssuedCertificate;
  readonly dept: IssuedCertificate;
  readonly signer: JwsSigner;
  readonly foreignRoot: IssuedCertificate;
  readonly foreignDept: IssuedCertificate;
  readonly foreignSigner: JwsSigner;
  /** A store trusting `root` only. */
  readonly trust: TrustStore;
  /** Spare keys for tests that issue more certificates. */
  readonly keys: readonly KeyPairInput[];
}

/** Hub root (pathLen 1) → department; a foreign root → foreign department; a trust store with the hub root. */
export function makeTestPki(spareKeys = 2): TestPki {
  const now = new Date();
  const root = createCertificateAuthority({
    commonName: 'Test Hub Root CA',
    organization: '测试大数据管理局',
    notBefore: new Date(now.getTime() - 5 * YEAR),
    keyPair: rsaKey(),
  });
  const dept = createDepartmentCertificate({
    issuer: root,
    departmentCode: DEPT_CODE,
    departmentName: '测试市市场监督管理局',
    notBefore: new Date(now.getTime() - YEAR),
    keyPair: rsaKey(),
  });
  const foreignRoot = createCertificateAuthority({ commonName: 'Foreign Root CA', organization: 'Elsewhere', keyPair: rsaKey(), notBefore: new Date(now.getTime() - YEAR) });
  const foreignDept = createDepartmentCertificate({
    issuer: foreignRoot,
    departmentCode: OTHER_DEPT_CODE,
    departmentName: 'Foreign Licensing Office',
    notBefore: new Date(now.getTime() - YEAR),
    keyPair: rsaKey(),
  });
  return {
    now,
    root,
    dept,
    signer: createJwsSigner(dept.privateKey, [dept.certificate, root.certificate]),
    foreignRoot,
    foreignDept,
    foreignSigner: createJwsSigner(foreignDept.privateKey, [foreignDept.certificate, foreignRoot.certificate]),
    trust: new TrustStore().addRoot(root.certificate),
    keys: Array.from({ length: spareKeys }, rsaKey),
  };
}

/** Signs arbitrary header and payload text with PS256, bypassing every safeguard of signLicenseJws. */
export function signRaw(header: object | string, payload: object | string, key: KeyObject): string {
  const enc = (v: object | string) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  const input = `${enc(header)}.${enc(payload)}`;
  const sig = sign('sha256', Buffer.from(input), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
  return `${input}.${sig.toString('base64url')}`;
}

/** The standard header signLicenseJws would write for `signer`, as an object to tamper with. */
export function headerFor(signer: JwsSigner, typ = 'license+jwt'): { alg: string; typ: string; kid: string; x5c: string[] } {
  const leaf = signer.chain[0];
  if (!leaf) throw new Error('empty chain');
  return { alg: 'PS256', typ, kid: leaf.kid, x5c: signer.chain.filter((c) => !c.selfIssued).map((c) => c.base64) };
}
