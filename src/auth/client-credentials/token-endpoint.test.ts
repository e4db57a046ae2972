import { generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError, UnavailableError } from '../../errors.js';
import { TOKEN_ALG } from '../keys.js';
import { createTokenVerifier } from '../tokens.js';
import { createClientAssertion } from './create-assertion.js';
import { createDepartmentSystemMinter } from './department-system-minter.js';
import { ClientAssertionError } from './errors.js';
import { createMemoryJtiStore } from './jti-store.js';
import { CLIENT_ID, DEPT_CODE, makeClientFixture, TOKEN_ENDPOINT, type ClientFixture } from './testing/client-fixture.js';
import { handleTokenRequest, JWT_BEARER_ASSERTION_TYPE, type TokenEndpointDeps, type TokenRequest } from './token-endpoint.js';
import { createClientAssertionVerifier, type AuthenticatedClient } from './verify-assertion.js';

const CLIENT: AuthenticatedClient = { clientId: CLIENT_ID, department: DEPT_CODE, certificateFingerprint: 'ab'.repeat(32) };
const VALID: TokenRequest = { grant_type: 'client_credentials', client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: 'assertion' };

/** Fake dependencies: verify accepts the string `assertion`, mint returns a marker and records its arguments. */
function fakes(overrides: Partial<TokenEndpointDeps> = {}) {
  const minted: { client: AuthenticatedClient; purpose: string | undefined; ttl: number }[] = [];
  const verified: string[] = [];
  const deps: TokenEndpointDeps = {
    verify: async (assertion) => {
      verified.push(assertion);
      if (assertion !== 'assertion') throw ClientAssertionError.rejected('SIGNATURE', 'fake');
      return CLIENT;
    },
    mint: async (client, purpose, ttl) => {
      minted.push({ client, purpose, ttl });
      return 'MINTED-TOKEN';
    },
    ...overrides,
  };
  return { deps, minted, verified };
}

describe(handleTokenRequest.name, () => {
  describe('issuance', () => {
    it('answers 200 with a Bearer token of 600 s, no-store, minted for the verified client and purpose', async () => {
      const { deps, minted } = fakes();
      const result = await handleTokenRequest({ ...VALID, purpose: '企业开办联办' }, deps);
      expect(result.status).toBe(200);
      expect(result.body).toEqual({ access_token: 'MINTED-TOKEN', token_type: 'Bearer', expires_in: 600 });
      expect(result.headers).toEqual({ 'cache-control': 'no-store', pragma: 'no-cache' });
      expect(minted).toEqual([{ client: CLIENT, purpose: '企业开办联办', ttl: 600 }]);
      expect(result.log).toMatchObject({ outcome: 'issued', clientId: CLIENT_ID, department: DEPT_CODE });
    });

    it('honours ttlSeconds, an empty scope, and no purpose', async () => {
      const { deps, minted } = fakes({ ttlSeconds: 120 });
      const result = await handleTokenRequest({ ...VALID, scope: '' }, deps);
      expect(result.body).toMatchObject({ expires_in: 120 });
      expect(minted[0]?.purpose).toBeUndefined();
      await expect(handleTokenRequest(VALID, { ...deps, ttlSeconds: 86_400 })).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    });

    it('issues a real token that verifies as a DEPARTMENT_SYSTEM principal of the department, with the purpose', async () => {
      const f: ClientFixture = makeClientFixture();
      const settings = { issuer: 'urn:test:hub', audience: 'urn:test:api' };
      const keys = await generateKeyPair(TOKEN_ALG, { crv: 'Ed25519' });
      const deps: TokenEndpointDeps = {
        verify: createClientAssertionVerifier({ trust: f.trust, tokenEndpoint: TOKEN_ENDPOINT, jti: createMemoryJtiStore() }),
        mint: createDepartmentSystemMinter(keys.privateKey, settings),
      };
      const assertion = createClientAssertion({ clientId: CLIENT_ID, tokenEndpoint: TOKEN_ENDPOINT, signer: f.signer });
      const result = await handleTokenRequest({ ...VALID, client_assertion: assertion, purpose: 'tax-reconciliation' }, deps);
      expect(result.status).toBe(200);
      if (!('access_token' in result.body)) throw new Error('expected a token');
      const principal = await createTokenVerifier(keys.publicKey, settings)(`Bearer ${result.body.access_token}`);
      expect(principal).toMatchObject({ subject: CLIENT_ID, role: 'DEPARTMENT_SYSTEM', department: DEPT_CODE, purpose: 'tax-reconciliation' });
      const lifetime = principal.expiresAt.getTime() - Date.now();
      expect(lifetime).toBeGreaterThan(590_000);
      expect(lifetime).toBeLessThanOrEqual(600_000);
      // The same assertion again is a replay: invalid_client, and the log says why.
      const replay = await handleTokenRequest({ ...VALID, client_assertion: assertion }, deps);
      expect(replay).toMatchObject({ status: 401, body: { error: 'invalid_client' }, log: { reason: 'REPLAY' } });
    });
  });

  describe('request errors', () => {
    it.each<[string, unknown]>([
      ['no body', undefined],
      ['an array body', [VALID]],
      ['a missing grant_type', { ...VALID, grant_type: undefined }],
      ['a repeated grant_type', { ...VALID, grant_type: ['client_credentials', 'client_credentials'] }],
      ['a repeated client_assertion', { ...VALID, client_assertion: ['assertion', 'assertion'] }],
      ['a non-string parameter', { ...VALID, purpose: 42 }],
      ['a missing client_assertion', { ...VALID, client_assertion: undefined }],
      ['a missing client_assertion_type', { ...VALID, client_assertion_type: undefined }],
      ['a purpose with a newline', { ...VALID, purpose: 'tax\nADMIN granted' }],
      ['a purpose with a bidi override', { ...VALID, purpose: 'tax\u202Egnp.exe' }],
      ['an empty purpose', { ...VALID, purpose: '  ' }],
      ['a purpose over 200 characters', { ...VALID, purpose: '税'.repeat(201) }],
    ])('answers invalid_request (400) to %s, without verifying', async (_name, body) => {
      const { deps, verified } = fakes();
      const result = await handleTokenRequest(body as TokenRequest, deps);
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ error: 'invalid_request' });
      expect(verified).toEqual([]);
    });

    it('accepts a purpose of exactly 200 characters', async () => {
      const result = await handleTokenRequest({ ...VALID, purpose: '税'.repeat(200) }, fakes().deps);
      expect(result.status).toBe(200);
    });

    it('answers unsupported_grant_type (400) to another grant', async () => {
      const result = await handleTokenRequest({ ...VALID, grant_type: 'password' }, fakes().deps);
      expect(result).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
    });

    it('answers invalid_scope (400) to any requested scope', async () => {
      const result = await handleTokenRequest({ ...VALID, scope: 'admin' }, fakes().deps);
      expect(result).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    });
  });

  describe('client authentication errors', () => {
    it('answers invalid_client (401) to no client authentication and to another assertion type', async () => {
      const none = await handleTokenRequest({ grant_type: 'client_credentials' }, fakes().deps);
      expect(none).toMatchObject({ status: 401, body: { error: 'invalid_client' }, log: { reason: 'NO_CLIENT_AUTHENTICATION' } });
      const saml = await handleTokenRequest({ ...VALID, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer' }, fakes().deps);
      expect(saml).toMatchObject({ status: 401, body: { error: 'invalid_client' }, log: { reason: 'ASSERTION_TYPE' } });
    });

    it('answers every assertion failure with the same generic invalid_client body; the reason is in the log only', async () => {
      const bodies = new Set<string>();
      for (const [reason, extra] of [['AUDIENCE', {}], ['EXPIRED', {}], ['REPLAY', {}], ['CERTIFICATE', { check: 'TRUSTED_ROOT' }]] as const) {
        const { deps, minted } = fakes({ verify: async () => { throw ClientAssertionError.rejected(reason, 'detail for the log', extra); } });
        const result = await handleTokenRequest(VALID, deps);
        expect(result.status).toBe(401);
        expect(result.body).toMatchObject({ error: 'invalid_client' });
        expect(JSON.stringify(result.body)).not.toMatch(new RegExp(`${reason}|detail|root`, 'i'));
        expect(result.log).toMatchObject({ outcome: 'refused', error: 'invalid_client', reason });
        expect(minted).toEqual([]);
        bodies.add(JSON.stringify(result.body));
      }
      expect(bodies.size).toBe(1);
      const { deps } = fakes({ verify: async () => { throw ClientAssertionError.rejected('CERTIFICATE', 'x', { check: 'VALIDITY' }); } });
      expect((await handleTokenRequest(VALID, deps)).log).toMatchObject({ reason: 'CERTIFICATE', check: 'VALIDITY' });
    });

    it('rethrows failures that are not the client’s (a replay store that is down)', async () => {
      const { deps } = fakes({ verify: async () => { throw new UnavailableError('database down'); } });
      await expect(handleTokenRequest(VALID, deps)).rejects.toBeInstanceOf(AppError);
      await expect(handleTokenRequest(VALID, deps)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    });
  });
});
