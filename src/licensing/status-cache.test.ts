import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TrustStore } from '../crypto/index.js';
import { createStatusCache, type StatusCache } from './status-cache.js';
import { makeLicensingPki, STATUS_URI, statusListToken, type LicensingPki } from './testing/licensing-fixture.js';
import type { StatusAnswer } from './verification.js';

const MINUTE = 60_000;
let pki: LicensingPki;
let list: string;
let listIssuedAt: Date;

beforeAll(() => {
  pki = makeLicensingPki();
  // Whole seconds: a status list's iat is a NumericDate.
  listIssuedAt = new Date(Math.floor((pki.now.getTime() - MINUTE) / 1000) * 1000);
  list = statusListToken(pki.signer, { overrides: { 1: 1, 2: 2 }, issuedAt: listIssuedAt, ttlSeconds: 600 });
});

/** A cache over `fetchList` with a clock the test moves. */
function setup(fetchList: (uri: string) => Promise<string>, trust: TrustStore = pki.trust) {
  let t = pki.now.getTime();
  const fetch = vi.fn(fetchList);
  const cache = createStatusCache(fetch, { trust, now: () => new Date(t) });
  return { cache, fetch, advance: (ms: number) => (t += ms) };
}

const ask = (cache: StatusCache, idx: number, uri = STATUS_URI) => cache({ idx, uri });

describe(createStatusCache.name, () => {
  describe('resolve', () => {
    it('verifies the list and reads valid, revoked and suspended entries as LIVE', async () => {
      const { cache } = setup(async () => list);
      expect(await ask(cache, 0)).toEqual({ value: 0, listIssuedAt, source: 'LIVE' });
      expect(await ask(cache, 1)).toMatchObject({ value: 1 });
      expect(await ask(cache, 2)).toMatchObject({ value: 2 });
    });

    it('fetches once within the ttl, and again after it', async () => {
      const { cache, fetch, advance } = setup(async () => list);
      await ask(cache, 0);
      advance(9 * MINUTE);
      await ask(cache, 1);
      expect(fetch).toHaveBeenCalledTimes(1);
      advance(2 * MINUTE);
      expect(await ask(cache, 0)).toMatchObject({ source: 'LIVE' });
      expect(fetch).toHaveBeenCalledTimes(2);
    });

    it('keeps serving the old list as CACHE, with its real iat, when a refetch fails', async () => {
      let online = true;
      const { cache, advance } = setup(async () => {
        if (!online) throw new Error('connection refused');
        return list;
      });
      await ask(cache, 1);
      online = false;
      advance(3 * 3600_000);
      const answer = (await ask(cache, 1)) as StatusAnswer;
      expect(answer).toEqual({ value: 1, listIssuedAt, source: 'CACHE' });
    });

    it('answers { error } when nothing is cached and the fetch fails', async () => {
      const { cache } = setup(() => Promise.reject(new Error('connection refused')));
      expect(await ask(cache, 0)).toHaveProperty('error');
    });

    it('coalesces concurrent lookups of one list into one fetch', async () => {
      const { cache, fetch } = setup(async () => list);
      const answers = await Promise.all([0, 1, 2, 0].map((idx) => ask(cache, idx)));
      expect(answers.every((a) => 'value' in a)).toBe(true);
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it('rejects a list whose sub is not the URI it was fetched for', async () => {
      const { cache } = setup(async () => statusListToken(pki.signer, { uri: 'https://elsewhere.example/status/1' }));
      expect(await ask(cache, 0)).toHaveProperty('error');
    });

    it('rejects a list signed under an untrusted root', async () => {
      const { cache } = setup(async () => statusListToken(pki.foreignSigner));
      expect(await ask(cache, 0)).toHaveProperty('error');
    });

    it('rejects a token that is not a status list', async () => {
      const { cache } = setup(async () => 'not.a.token');
      expect(await ask(cache, 0)).toHaveProperty('error');
    });

    it('answers { error } for an index outside the list', async () => {
      const { cache } = setup(async () => statusListToken(pki.signer, { size: 16 }));
      expect(await ask(cache, 16)).toHaveProperty('error');
      expect(await ask(cache, -1)).toHaveProperty('error');
    });

    it('stops serving a list past its exp, even when the refetch fails', async () => {
      let online = true;
      const expiring = statusListToken(pki.signer, { expiresAt: new Date(pki.now.getTime() + 30 * MINUTE) });
      const { cache, advance } = setup(async () => {
        if (!online) throw new Error('offline');
        return expiring;
      });
      expect(await ask(cache, 0)).toMatchObject({ value: 0 });
      online = false;
      advance(31 * MINUTE);
      expect(await ask(cache, 0)).toHaveProperty('error');
    });

    it('refuses to roll back to an older list', async () => {
      const older = statusListToken(pki.signer, { issuedAt: new Date(listIssuedAt.getTime() - 3600_000) });
      let answer = list;
      const { cache, advance } = setup(async () => answer);
      await ask(cache, 1);
      answer = older;
      advance(11 * MINUTE);
      expect(await ask(cache, 1)).toEqual({ value: 1, listIssuedAt, source: 'CACHE' });
    });

    it('stops serving a cached list once its signer is removed from the trust store', async () => {
      const trust = new TrustStore().addRoot(pki.root.certificate);
      const { cache } = setup(async () => list, trust);
      await ask(cache, 0);
      trust.removeCertificate(pki.dept.certificate);
      expect(await ask(cache, 0)).toHaveProperty('error');
    });

    it('gives up on a fetch that does not answer in time', async () => {
      const cache = createStatusCache(() => new Promise<string>(() => undefined), { trust: pki.trust, fetchTimeoutMs: 20 });
      expect(await ask(cache, 0)).toHaveProperty('error');
    });

    it('never rejects, whatever the fetcher or the reference', async () => {
      const { cache } = setup(() => {
        throw new Error('synchronous throw');
      });
      await expect(ask(cache, 0)).resolves.toHaveProperty('error');
      await expect(cache(null as never)).resolves.toHaveProperty('error');
      await expect(cache({ idx: 1.5, uri: STATUS_URI })).resolves.toHaveProperty('error');
    });
  });

  describe('prime', () => {
    it('serves primed lists as CACHE without fetching while within their ttl', async () => {
      const { cache, fetch } = setup(async () => list);
      const result = cache.prime([{ uri: STATUS_URI, token: list, fetchedAt: new Date(pki.now.getTime() - MINUTE) }]);
      expect(result).toEqual({ primed: [STATUS_URI], rejected: [] });
      expect(await ask(cache, 2)).toEqual({ value: 2, listIssuedAt, source: 'CACHE' });
      expect(fetch).not.toHaveBeenCalled();
    });

    it('refetches a primed list once its ttl has passed', async () => {
      const { cache, fetch } = setup(async () => list);
      cache.prime([{ uri: STATUS_URI, token: list, fetchedAt: new Date(pki.now.getTime() - 3600_000) }]);
      expect(await ask(cache, 0)).toMatchObject({ source: 'LIVE' });
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it('rejects lists that do not verify, and malformed entries', async () => {
      const { cache } = setup(async () => list);
      const result = cache.prime([
        { uri: 'https://elsewhere.example/status/1', token: list, fetchedAt: pki.now },
        { uri: STATUS_URI, token: statusListToken(pki.foreignSigner), fetchedAt: pki.now },
        { uri: STATUS_URI, token: list, fetchedAt: new Date(Number.NaN) },
        null as never,
      ]);
      expect(result.primed).toEqual([]);
      expect(result.rejected).toHaveLength(4);
      expect(await ask(cache, 0)).toMatchObject({ source: 'LIVE' });
    });
  });

  describe('snapshot', () => {
    it('returns the cached tokens with their fetch times', async () => {
      const { cache } = setup(async () => list);
      await ask(cache, 0);
      expect(cache.snapshot()).toEqual([{ uri: STATUS_URI, token: list, fetchedAt: pki.now }]);
    });
  });
});
