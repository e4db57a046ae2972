import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { createMemoryJtiStore } from './jti-store.js';

describe(createMemoryJtiStore.name, () => {
  describe('claim', () => {
    it('is true the first time and false on replay until the id expires', async () => {
      let now = 1_000_000;
      const store = createMemoryJtiStore({ clock: () => now });
      const until = new Date(now + 60_000);
      expect(await store.claim('a', until)).toBe(true);
      expect(await store.claim('a', until)).toBe(false);
      expect(await store.claim('b', until)).toBe(true);
      now += 60_000;
      expect(await store.claim('a', new Date(now + 60_000))).toBe(true);
      expect(await store.claim('a', new Date(now + 60_000))).toBe(false);
    });

    it('sweeps expired ids when full, and refuses rather than forgets an unexpired id', async () => {
      let now = 0;
      const store = createMemoryJtiStore({ maxEntries: 2, clock: () => now });
      expect(await store.claim('a', new Date(10_000))).toBe(true);
      expect(await store.claim('b', new Date(20_000))).toBe(true);
      const full = await store.claim('c', new Date(30_000)).then(() => 'ACCEPTED', (e: unknown) => (e instanceof AppError ? e.code : 'OTHER'));
      expect(full).toBe('SERVICE_UNAVAILABLE');
      // Still remembered: the full store did not evict them.
      expect(await store.claim('a', new Date(10_000))).toBe(false);
      now = 10_000;
      expect(await store.claim('c', new Date(30_000))).toBe(true);
      expect(await store.claim('b', new Date(20_000))).toBe(false);
    });

    it('refuses an invalid expiry and a bad size', async () => {
      const store = createMemoryJtiStore();
      await expect(store.claim('a', new Date(Number.NaN))).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
      expect(() => createMemoryJtiStore({ maxEntries: 0 })).toThrow(AppError);
    });
  });
});
