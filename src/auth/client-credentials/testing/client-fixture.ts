/**
 * Test support for the client-credentials tests (never imported by production
 * code): the crypto test PKI plus helpers that sign arbitrary assertions.
 * Build once per test file in `beforeAll` (RSA key generation is slow).
 */
import { createHmac, randomUUID, sign, type KeyObject } from 'node:crypto';
import { createJwsSigner, type JwsSigner } from '../../../crypto/index.js';
import { DEPT_CODE, headerFor, makeTestPki, signRaw, type TestPki } from '../../../crypto/testing/test-pki.js';

export { DEPT_CODE, OTHER_DEPT_CODE } from '../../../crypto/testing/test-pki.js';

/** The token endpoint the tests configure. */
export const TOKEN_ENDPOINT = 'https://hub.test/oauth/token';
/** A client id of the fixture department. */
export const CLIENT_ID = `${DEPT_CODE}:tax-gateway`;

/** Claims for `clientId` issued at `now` and valid for 60 s, with a fresh jti. */
export function claimsFor(now: Date, clientId = CLIENT_ID): Record<string, unknown> {
  const iat = Math.floor(now.getTime() / 1000);
  return { iss: clientId, sub: clientId, aud: TOKEN_ENDPOINT, iat, exp: iat + 60, jti: randomUUID() };
}

const enc = (v: object | string) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** An assertion signed with PS256 (or `alg` RS256 / HS256 as asked), with any header and claims. */
export function signAssertion(
  header: Record<string, unknown>,
  claims: Record<string, unknown> | string,
  key: KeyObject,
): string {
  if (header.alg === 'RS256') {
    const input = `${enc(header)}.${enc(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
  }
  return signRaw(header, claims, key);
}

/** An HS256 token whose HMAC secret is `secret` (the classic "public key as secret" confusion). */
export function signHs256(header: Record<string, unknown>, claims: Record<string, unknown>, secret: string): string {
  const input = `${enc(header)}.${enc(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

/** The test PKI plus the header a department system would send. */
export interface ClientFixture extends TestPki {
  /** `{ alg: 'PS256', typ: 'JWT', kid, x5c: [dept] }`. */
  readonly header: Record<string, unknown>;
  /** Signs `claims` with the department key under `header` (overridable). */
  readonly assertion: (claims: Record<string, unknown>, header?: Record<string, unknown>) => string;
  readonly signerFor: (cert: { certificatePem: string; privateKey: KeyObject }, rootPem: string) => JwsSigner;
}

/** Builds the fixture. */
export function makeClientFixture(): ClientFixture {
  const pki = makeTestPki(1);
  const header: Record<string, unknown> = { ...headerFor(pki.signer, 'JWT') };
  return {
    ...pki,
    header,
    assertion: (claims, overrides = {}) => signAssertion({ ...header, ...overrides }, claims, pki.dept.privateKey),
    signerFor: (cert, rootPem) => createJwsSigner(cert.privateKey, cert.certificatePem + rootPem),
  };
}
