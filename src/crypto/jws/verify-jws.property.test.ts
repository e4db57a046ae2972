/**
 * Property tests (fast-check) for `verifyLicenseJws`: whatever the input
 * (arbitrary strings and bytes, tokens built from arbitrary headers and
 * payloads, any mutation of a genuine token), it never throws, never trips
 * its own "unexpected error" safety net, reports a failure in the documented
 * shape, and accepts nothing but the genuine token.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { headerFor, makeTestPki, signRaw, type TestPki } from '../testing/test-pki.js';
import { signLicenseJws } from './sign-license.js';
import { verifyLicenseJws, type JwsVerification } from './verify-jws.js';

const TYP = 'license+jwt';
const CHECK_NAMES = ['WELL_FORMED', 'HEADER', 'CHAIN', 'SIGNATURE'];
const licence = { id: 'L-0001', holder: { name: '李四', idType: '111' }, validUntil: '2030-01-01' };

let pki: TestPki;
let good: string;
let goodBytes: Uint8Array;

beforeAll(() => {
  pki = makeTestPki(0);
  good = signLicenseJws(licence, pki.signer);
  goodBytes = new TextEncoder().encode(good);
});

const verify = (token: string | Uint8Array): JwsVerification => verifyLicenseJws(token, { trust: pki.trust, expectedTyp: TYP, at: pki.now });

/** A rejection in the documented shape: checks in order, the last one the failed check, no internal error. */
function expectRejected(result: JwsVerification): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(CHECK_NAMES).toContain(result.failed);
  expect(result.payload).toBeUndefined();
  const names = result.checks.map((c) => c.name);
  expect(names).toEqual(CHECK_NAMES.slice(0, names.length));
  expect(result.checks.slice(0, -1).every((c) => c.ok)).toBe(true);
  expect(result.checks.at(-1)).toMatchObject({ name: result.failed, ok: false });
  // The catch-all turns a bug into a rejection; reaching it at all is a bug.
  expect(result.checks.at(-1)?.reason ?? '').not.toMatch(/^unexpected error/);
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const segment = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') }),
  fc.json().map(b64),
  fc.string({ unit: 'binary' }),
);

describe('verify-jws (property)', () => {
  describe(verifyLicenseJws.name, () => {
    it('rejects arbitrary strings, dotted or not, without throwing', () => {
      const token = fc.oneof(
        fc.string(),
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }),
        fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.')),
      );
      fc.assert(fc.property(token, (t) => expectRejected(verify(t))), { numRuns: 2000 });
    });

    it('rejects arbitrary bytes without throwing', () => {
      fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => expectRejected(verify(bytes))), { numRuns: 1000 });
    });

    it('rejects tokens signed by the real key over an arbitrary header, or with the real header over an arbitrary payload and signature', () => {
      const extras = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
      const header = fc.oneof(
        // The genuine header with a field replaced or added: alg, typ, kid and x5c each matter.
        fc.tuple(fc.constantFrom('alg', 'typ', 'kid', 'x5c', 'jku', 'crit', 'b64'), fc.jsonValue({ maxDepth: 2 }), extras)
          .map(([name, value, more]) => ({ ...headerFor(pki.signer), ...more, [name]: value })),
        fc.object({ maxDepth: 2 }),
      );
      fc.assert(
        fc.property(header, fc.boolean(), (h, foreign) => {
          // Signed with the department's key, or with a key no certificate vouches for in this trust store.
          const t = signRaw(h, licence, foreign ? pki.foreignDept.privateKey : pki.dept.privateKey);
          fc.pre(t !== good);
          expectRejected(verify(t));
        }),
        { numRuns: 300 },
      );
      const [h] = good.split('.');
      fc.assert(
        fc.property(fc.object({ maxDepth: 2 }), fc.uint8Array({ minLength: 256, maxLength: 256 }), (payload, signature) => {
          expectRejected(verify(`${h}.${b64(JSON.stringify(payload))}.${Buffer.from(signature).toString('base64url')}`));
        }),
        { numRuns: 500 },
      );
    });

    it('rejects every change to a genuine token: a character replaced, inserted or removed, a truncation, a segment repeated or moved', () => {
      const printable = fc.integer({ min: 0x20, max: 0x7e }).map((u) => String.fromCharCode(u));
      const mutated = fc.oneof(
        fc.tuple(fc.nat(), printable).map(([n, ch]) => {
          const at = n % good.length;
          return good.slice(0, at) + ch + good.slice(at + 1);
        }),
        fc.tuple(fc.nat(), printable).map(([n, ch]) => {
          const at = n % (good.length + 1);
          return good.slice(0, at) + ch + good.slice(at);
        }),
        fc.nat().map((n) => {
          const at = n % good.length;
          return good.slice(0, at) + good.slice(at + 1);
        }),
        fc.nat().map((n) => good.slice(0, n % good.length)),
        fc.nat().map((n) => good.slice(n % good.length)),
        fc.array(fc.nat(2), { minLength: 1, maxLength: 5 }).map((order) => order.map((i) => good.split('.')[i]).join('.')),
      );
      const caughtBy = new Map<string, number>();
      fc.assert(
        fc.property(mutated, (t) => {
          fc.pre(t !== good);
          const result = verify(t);
          expectRejected(result);
          if (result.failed) caughtBy.set(result.failed, (caughtBy.get(result.failed) ?? 0) + 1);
        }),
        { numRuns: 2000 },
      );
      // The mutations reach every stage, so the verifier is exercised past its first check.
      for (const check of ['WELL_FORMED', 'HEADER', 'SIGNATURE']) expect(caughtBy.get(check) ?? 0, check).toBeGreaterThan(0);
    });

    it('rejects every change to the bytes of a genuine token: a byte replaced, a bit flipped, a sub-array', () => {
      const mutated = fc.oneof(
        fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([n, byte]) => {
          const copy = Uint8Array.from(goodBytes);
          copy[n % copy.length] = byte;
          return copy;
        }),
        fc.tuple(fc.nat(), fc.nat(7)).map(([n, bit]) => {
          const copy = Uint8Array.from(goodBytes);
          const at = n % copy.length;
          copy[at] = (copy[at] ?? 0) ^ (1 << bit);
          return copy;
        }),
        fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => goodBytes.subarray(Math.min(a, b) % goodBytes.length, Math.max(a, b) % (goodBytes.length + 1))),
      );
      fc.assert(
        fc.property(mutated, (bytes) => {
          fc.pre(Buffer.compare(Buffer.from(bytes), Buffer.from(goodBytes)) !== 0);
          expectRejected(verify(bytes));
        }),
        { numRuns: 1000 },
      );
    });

    it('still accepts the genuine token, as text and as bytes (the properties above are not vacuous)', () => {
      expect(verify(good)).toMatchObject({ ok: true, payload: licence });
      expect(verify(goodBytes)).toMatchObject({ ok: true, payload: licence });
    });
  });
});
