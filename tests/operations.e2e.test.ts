import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { seedCatalogue } from '../src/seed/load.js';
import { testConfig } from './fixtures/config.js';
import { createTestDatabase } from './fixtures/database.js';
import { postGraphql, startHub, type TestHub } from './fixtures/hub.js';
import { tokenMinter } from './fixtures/tokens.js';

describe('operations', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub({ prepare: (db) => seedCatalogue(db) });
  });
  afterAll(() => hub?.close());

  describe('health', () => {
    it('/healthz answers without a token', async () => {
      const res = await fetch(`${hub.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    });

    it('/readyz checks the database and the supergraph', async () => {
      const res = await fetch(`${hub.url}/readyz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ready', checks: { database: true, supergraph: true } });
    });
  });

  describe('request id', () => {
    it('echoes the caller\'s x-request-id, or makes one', async () => {
      const given = await fetch(`${hub.url}/healthz`, { headers: { 'x-request-id': 'req-123' } });
      expect(given.headers.get('x-request-id')).toBe('req-123');
      const made = await fetch(`${hub.url}/healthz`);
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('gateway authentication', () => {
    const query = '{ departments { code name } }';

    it('answers an authenticated caller', async () => {
      const res = await hub.gql<{ departments: unknown[] }>(query);
      expect(res.data?.departments.length).toBeGreaterThan(0);
    });

    it.each([
      ['no token', null],
      ['a malformed token', 'not-a-jwt'],
      ['a token with a forged signature', 'eyJhbGciOiJFZERTQSIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIn0.AAAA'],
      ['an unsigned alg:none token', 'eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4Iiwicm9sZSI6IkFETUlOIiwiZGVwdCI6IjExMTAwMDAwMDAwMDAwMDAwMCJ9.'],
    ])('refuses %s with 401 UNAUTHENTICATED and no data', async (_label, token) => {
      const res = await hub.gql(query, {}, token);
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data ?? null).toBeNull();
    });

    it('refuses a token for another audience', async () => {
      const config = testConfig({ AUTH_AUDIENCE: 'urn:other:api' });
      const token = await tokenMinter(config).department();
      const res = await hub.gql(query, {}, token);
      expect(res.status).toBe(401);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_TOKEN' });
    });
  });

  describe('errors', () => {
    it('rejects a body over the size limit before parsing it', async () => {
      const res = await fetch(`${hub.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokens.department()}` },
        body: JSON.stringify({ query: `{ departments { code } } # ${'x'.repeat(2 * 1024 * 1024)}` }),
      });
      expect(res.status).toBe(413);
    });
  });
});

describe('graceful shutdown', () => {
  it('finishes in-flight requests before closing, then refuses new connections', async () => {
    const config = testConfig();
    const db = await createTestDatabase();
    await seedCatalogue(db);
    const app = await createApp(config, { kind: 'hub' }, { db });
    // Hold every GraphQL request for a moment so one is surely in flight when close() starts.
    app.http.addHook('preHandler', async (request) => {
      if (request.url === '/graphql') await new Promise((r) => setTimeout(r, 300));
    });
    const url = await app.listen();
    const token = await tokenMinter(config).department();
    const inFlight = postGraphql<{ departments: unknown[] }>(url, '{ departments { code } }', {}, token);
    await new Promise((r) => setTimeout(r, 100));
    const closing = app.close();
    const res = await inFlight;
    await closing;
    expect(res.status).toBe(200);
    expect(res.data?.departments.length).toBeGreaterThan(0);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    await db.close();
  });
});
