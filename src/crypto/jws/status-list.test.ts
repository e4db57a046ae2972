import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { StatusListError } from '../errors.js';
import { TrustStore } from '../pki/trust-store.js';
import { headerFor, makeTestPki, signRaw, type TestPki } from '../testing/test-pki.js';
import { signLicenseJws } from './sign-license.js';
import {
  decodeStatusList,
  encodeStatusList,
  packStatusList,
  readTokenStatus,
  signStatusList,
  statusAt,
  TokenStatus,
  verifyStatusList,
  type StatusBits,
} from './status-list.js';

let pki: TestPki;
beforeAll(() => {
  pki = makeTestPki(0);
});

/** Deterministic pseudo-random statuses that fit in `bits`. */
function statuses(n: number, bits: StatusBits): Uint8Array {
  const out = new Uint8Array(n);
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    out[i] = (x >>> 0) % (1 << bits);
  }
  return out;
}

const URI = 'https://hub.example.gov.cn/status/1';

describe('encodeStatusList / decodeStatusList', () => {
  it('matches the draft\'s 1-bit example layout (index 0 in the least significant bit)', () => {
    // draft-ietf-oauth-status-list §4.1 example: statuses [1,0,0,1,1,1,0,1, 1,1,0,0,0,1,0,1] → bytes 0xB9 0xA3
    const values = Uint8Array.from([1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1]);
    expect([...packStatusList(values, 1)]).toEqual([0xb9, 0xa3]);
  });

  it('matches the draft\'s 2-bit example layout', () => {
    // §4.1 2-bit example: [1,2,0,3,0,1,0,1,1,2,3,3] → 0xC9 0x44 0xF9
    const values = Uint8Array.from([1, 2, 0, 3, 0, 1, 0, 1, 1, 2, 3, 3]);
    expect([...packStatusList(values, 2)]).toEqual([0xc9, 0x44, 0xf9]);
  });

  it.each([1, 2, 4, 8] as const)('round-trips 100,000 entries at %i bit(s)', (bits) => {
    const values = statuses(100_000, bits);
    const list = decodeStatusList(encodeStatusList(values, bits), bits);
    expect(list.size).toBeGreaterThanOrEqual(100_000);
    for (let i = 0; i < values.length; i++) {
      if (statusAt(list, i) !== values[i]) throw new Error(`index ${i}: ${statusAt(list, i)} ≠ ${values[i]}`);
    }
  });

  it('uses zlib (RFC 1950) framing, base64url without padding', () => {
    const lst = encodeStatusList(new Uint8Array(10), 1);
    expect(lst).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(lst, 'base64url')[0]).toBe(0x78);
  });

  it('rejects values too large for the bit size, and bad bit sizes', () => {
    expect(() => encodeStatusList(Uint8Array.from([2]), 1)).toThrow(StatusListError);
    expect(() => encodeStatusList(Uint8Array.from([0]), 3 as StatusBits)).toThrow(StatusListError);
  });

  it('rejects a zlib bomb beyond the size limit', () => {
    const bomb = deflateSync(Buffer.alloc(2 * 1024 * 1024)).toString('base64url');
    expect(() => decodeStatusList(bomb, 1, 1024 * 1024)).toThrow(StatusListError);
  });

  it('rejects an index out of range', () => {
    const list = decodeStatusList(encodeStatusList(new Uint8Array(8), 1), 1);
    expect(() => statusAt(list, 8)).toThrow(StatusListError);
    expect(() => statusAt(list, -1)).toThrow(StatusListError);
    expect(() => statusAt(list, 1.5)).toThrow(StatusListError);
  });
});

describe('signStatusList / verifyStatusList', () => {
  it('signs and verifies a list, then reads statuses from it', () => {
    const values = new Uint8Array(100_000);
    values[7] = TokenStatus.INVALID;
    values[99_999] = TokenStatus.SUSPENDED;
    const token = signStatusList({ uri: URI, statuses: values, bits: 2, ttlSeconds: 3600, expiresAt: new Date(Date.now() + 86_400_000) }, pki.signer);
    const [header] = token.split('.');
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({ typ: 'statuslist+jwt', alg: 'PS256' });
    const v = verifyStatusList(token, { trust: pki.trust, uri: URI });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    expect(v.ttlSeconds).toBe(3600);
    expect(v.jws.payload).toMatchObject({ sub: URI, status_list: { bits: 2 } });
    expect(statusAt(v.list, 7)).toBe(TokenStatus.INVALID);
    expect(statusAt(v.list, 99_999)).toBe(TokenStatus.SUSPENDED);
    expect(statusAt(v.list, 8)).toBe(TokenStatus.VALID);
  });

  it('fails HEADER for a licence token (wrong typ)', () => {
    const token = signLicenseJws({ sub: URI, iat: 1, status_list: { bits: 1, lst: encodeStatusList(new Uint8Array(8), 1) } }, pki.signer);
    expect(verifyStatusList(token, { trust: pki.trust, uri: URI })).toMatchObject({ ok: false, failed: 'HEADER' });
  });

  it('fails CHAIN for a list signed under an untrusted root', () => {
    const token = signStatusList({ uri: URI, statuses: new Uint8Array(8), bits: 1 }, pki.foreignSigner);
    expect(verifyStatusList(token, { trust: pki.trust, uri: URI })).toMatchObject({ ok: false, failed: 'CHAIN' });
  });

  it('fails CLAIMS for another uri, an expired list, or a malformed status_list', () => {
    const ok = signStatusList({ uri: URI, statuses: new Uint8Array(8), bits: 1 }, pki.signer);
    expect(verifyStatusList(ok, { trust: pki.trust, uri: `${URI}x` })).toMatchObject({ ok: false, failed: 'CLAIMS' });
    const expired = signStatusList({ uri: URI, statuses: new Uint8Array(8), bits: 1, expiresAt: new Date(Date.now() - 1000) }, pki.signer);
    expect(verifyStatusList(expired, { trust: pki.trust, uri: URI })).toMatchObject({ ok: false, failed: 'CLAIMS' });
    const header = headerFor(pki.signer, 'statuslist+jwt');
    for (const status_list of [{ bits: 3, lst: 'eNoDAAAAAAE' }, { bits: 1, lst: 'not zlib' }, { bits: 1 }, 'x']) {
      const token = signRaw(header, { sub: URI, iat: 1, status_list }, pki.dept.privateKey);
      expect(verifyStatusList(token, { trust: pki.trust, uri: URI })).toMatchObject({ ok: false, failed: 'CLAIMS' });
    }
  });
});

describe('readTokenStatus', () => {
  it('verifies the list and reads the referenced status; an index outside the list fails STATUS', () => {
    const values = new Uint8Array(16);
    values[3] = TokenStatus.SUSPENDED;
    const token = signStatusList({ uri: URI, statuses: values, bits: 2, ttlSeconds: 60 }, pki.signer);
    expect(readTokenStatus(token, { idx: 3, uri: URI }, { trust: pki.trust })).toMatchObject({ ok: true, status: TokenStatus.SUSPENDED, ttlSeconds: 60 });
    expect(readTokenStatus(token, { idx: 4, uri: URI }, { trust: pki.trust })).toMatchObject({ ok: true, status: TokenStatus.VALID });
    expect(readTokenStatus(token, { idx: 16, uri: URI }, { trust: pki.trust })).toMatchObject({ ok: false, failed: 'STATUS' });
    expect(readTokenStatus(token, { idx: 3, uri: `${URI}/other` }, { trust: pki.trust })).toMatchObject({ ok: false, failed: 'CLAIMS' });
    expect(readTokenStatus(token, { idx: 3, uri: URI }, { trust: new TrustStore() })).toMatchObject({ ok: false, failed: 'CHAIN' });
  });
});
