import { compactVerify, decodeProtectedHeader } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { JwsError } from '../errors.js';
import { makeTestPki, type TestPki } from '../testing/test-pki.js';
import { createJwsSigner, signLicenseJws } from './sign-license.js';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki(0);
});

const reasonOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e instanceof JwsError ? `${e.code}/${String(e.details.reason)}` : e;
  }
  return undefined;
};

describe('signLicenseJws', () => {
  it('writes { alg, typ, kid, x5c } with the leaf and intermediates but not the root', () => {
    const token = signLicenseJws({ id: 'L-1' }, pki.signer);
    const header = decodeProtectedHeader(token);
    expect(Object.keys(header)).toEqual(['alg', 'typ', 'kid', 'x5c']);
    expect(header).toEqual({ alg: 'PS256', typ: 'license+jwt', kid: pki.dept.certificate.kid, x5c: [pki.dept.certificate.base64] });
  });

  it('produces a standard PS256 JWS (jose verifies it with the certificate key)', async () => {
    const token = signLicenseJws({ id: 'L-2', holder: { name: '张三' } }, pki.signer);
    const { payload, protectedHeader } = await compactVerify(token, pki.dept.certificate.publicKey, { algorithms: ['PS256'] });
    expect(protectedHeader.alg).toBe('PS256');
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ id: 'L-2', holder: { name: '张三' } });
  });

  it('reuses the encoded header per signer and typ', () => {
    const a = signLicenseJws({ n: 1 }, pki.signer).split('.')[0];
    const b = signLicenseJws({ n: 2 }, pki.signer).split('.')[0];
    const c = signLicenseJws({ n: 3 }, pki.signer, 'statuslist+jwt').split('.')[0];
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('rejects payloads that are not JSON objects (INVALID_PAYLOAD)', () => {
    expect(reasonOf(() => signLicenseJws([1, 2] as unknown as object, pki.signer))).toBe('BAD_USER_INPUT/INVALID_PAYLOAD');
    expect(reasonOf(() => signLicenseJws({ n: 1n } as unknown as object, pki.signer))).toBe('BAD_USER_INPUT/INVALID_PAYLOAD');
  });

  it('rejects a signer whose key is not the leaf\'s, and a malformed typ (INVALID_SIGNER)', () => {
    const wrong = { privateKey: pki.foreignDept.privateKey, chain: [pki.dept.certificate] };
    expect(reasonOf(() => signLicenseJws({}, wrong))).toBe('INTERNAL_SERVER_ERROR/INVALID_SIGNER');
    expect(reasonOf(() => signLicenseJws({}, pki.signer, 'bad typ'))).toBe('INTERNAL_SERVER_ERROR/INVALID_SIGNER');
    expect(reasonOf(() => signLicenseJws({}, { privateKey: pki.dept.privateKey, chain: [] }))).toBe('INTERNAL_SERVER_ERROR/INVALID_SIGNER');
  });
});

describe('createJwsSigner', () => {
  it('accepts PEM key and PEM chain', () => {
    const signer = createJwsSigner(pki.dept.privateKeyPem, pki.dept.certificatePem + pki.root.certificatePem);
    expect(signer.chain.map((c) => c.fingerprint)).toEqual([pki.dept.certificate.fingerprint, pki.root.certificate.fingerprint]);
    expect(Object.isFrozen(signer)).toBe(true);
  });

  it('checks the key against the leaf up front', () => {
    expect(reasonOf(() => createJwsSigner(pki.root.privateKey, [pki.dept.certificate]))).toBe('INTERNAL_SERVER_ERROR/INVALID_SIGNER');
    expect(reasonOf(() => createJwsSigner('not a key', [pki.dept.certificate]))).toBe('INTERNAL_SERVER_ERROR/INVALID_SIGNER');
  });
});
