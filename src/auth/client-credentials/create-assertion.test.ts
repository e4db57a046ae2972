import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { createClientAssertion } from './create-assertion.js';
import { createMemoryJtiStore } from './jti-store.js';
import { CLIENT_ID, makeClientFixture, OTHER_DEPT_CODE, TOKEN_ENDPOINT, type ClientFixture } from './testing/client-fixture.js';
import { verifyClientAssertion } from './verify-assertion.js';

const decode = (segment: string | undefined): Record<string, unknown> => JSON.parse(Buffer.from(segment ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

function reasonOf(fn: () => unknown): string {
  try {
    fn();
    return 'ACCEPTED';
  } catch (error) {
    return error instanceof AppError ? `${error.code}/${String(error.details.reason)}` : 'NOT_APP_ERROR';
  }
}

describe(createClientAssertion.name, () => {
  let f: ClientFixture;
  beforeAll(() => {
    f = makeClientFixture();
  });

  describe('claims and header', () => {
    it('signs PS256 with x5c (no root), iss = sub = client id, aud, a 60 s lifetime and a random jti', () => {
      const assertion = createClientAssertion({ clientId: CLIENT_ID, tokenEndpoint: TOKEN_ENDPOINT, signer: f.signer, now: f.now });
      const [head, body] = assertion.split('.');
      expect(decode(head)).toEqual({ alg: 'PS256', typ: 'JWT', kid: f.dept.certificate.kid, x5c: [f.dept.certificate.base64] });
      const iat = Math.floor(f.now.getTime() / 1000);
      expect(decode(body)).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: TOKEN_ENDPOINT, iat, exp: iat + 60 });
      const again = createClientAssertion({ clientId: CLIENT_ID, tokenEndpoint: TOKEN_ENDPOINT, signer: f.signer, now: f.now });
      expect(decode(again.split('.')[1]).jti).not.toBe(decode(body).jti);
    });

    it('makes assertions the hub verifies', async () => {
      const assertion = createClientAssertion({ clientId: CLIENT_ID, tokenEndpoint: TOKEN_ENDPOINT, signer: f.signer, lifetimeSeconds: 300 });
      const client = await verifyClientAssertion(assertion, { trust: f.trust, tokenEndpoint: TOKEN_ENDPOINT, jti: createMemoryJtiStore() });
      expect(client.clientId).toBe(CLIENT_ID);
    });
  });

  describe('options', () => {
    it('refuses a malformed client id, one of another department, a missing endpoint and a bad lifetime', () => {
      const base = { clientId: CLIENT_ID, tokenEndpoint: TOKEN_ENDPOINT, signer: f.signer };
      expect(reasonOf(() => createClientAssertion({ ...base, clientId: 'tax-gateway' }))).toBe('BAD_USER_INPUT/CLIENT_ID');
      expect(reasonOf(() => createClientAssertion({ ...base, clientId: `${OTHER_DEPT_CODE}:tax-gateway` }))).toBe('BAD_USER_INPUT/CLIENT_ID');
      expect(reasonOf(() => createClientAssertion({ ...base, tokenEndpoint: '' }))).toBe('BAD_USER_INPUT/TOKEN_ENDPOINT');
      expect(reasonOf(() => createClientAssertion({ ...base, lifetimeSeconds: 0 }))).toBe('BAD_USER_INPUT/LIFETIME');
      expect(reasonOf(() => createClientAssertion({ ...base, lifetimeSeconds: 1.5 }))).toBe('BAD_USER_INPUT/LIFETIME');
    });
  });
});
