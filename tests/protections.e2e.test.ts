import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../src/seed/catalogue.js';
import { seedCatalogue } from '../src/seed/load.js';
import { startHub, type TestHub } from './fixtures/hub.js';

describe('query protections at the gateway', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub({ env: { RATE_LIMIT_PER_MINUTE: '40' }, prepare: (db) => seedCatalogue(db) });
  });
  afterAll(() => hub?.close());

  it('refuses a query deeper than the limit before executing it', async () => {
    let inner = 'idNumber';
    for (let i = 0; i < 7; i += 1) inner = `representedEntities { legalRepresentative { ${inner} } }`;
    const res = await hub.gql(`{ person(idNumber: "11010519491231002X") { ${inner} } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
    expect(res.data ?? null).toBeNull();
  });

  it('refuses an alias bomb', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: departments { code }`).join(' ');
    const res = await hub.gql(`{ ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: 2_000 }, () => 'code').join(' ');
    const res = await hub.gql(`{ departments { ${fields} } }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.data ?? null).toBeNull();
  });

  it('refuses batched operations (one operation per request)', async () => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.tokens.department()}` },
      body: JSON.stringify([{ query: '{ departments { code } }' }, { query: '{ departments { code } }' }]),
    });
    expect(res.status).toBe(400);
  });

  it('limits requests per department, without touching other departments', async () => {
    const noisy = await hub.tokens.department(DEPARTMENTS.szAmr.code, null);
    const statuses: number[] = [];
    for (let i = 0; i < 45; i += 1) statuses.push((await hub.gql('{ departments { code } }', {}, noisy)).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const quiet = await hub.gql('{ departments { code } }', {}, await hub.tokens.department(DEPARTMENTS.fzAmr.code, null));
    expect(quiet.status).toBe(200);
    expect((await fetch(`${hub.url}/healthz`)).status).toBe(200);
  });
});
