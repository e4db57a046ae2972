/**
 * Property tests (fast-check) for `verifyLicenseToken`: whatever it is given
 * (arbitrary strings and bytes, any mutation or splice of genuine LICENSE, QR
 * and COPY tokens, arbitrary claims under a genuine signature) it never
 * rejects, never trips its own "unexpected error" safety net, answers with
 * every check in order, and says VALID for nothing but a genuine token.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrustStore } from '../crypto/index.js';
import { headerFor, signRaw } from '../crypto/testing/test-pki.js';
import {
  buildCopyPayload,
  buildLicensePayload,
  buildQrPayload,
  LICENSE_COPY_TYP,
  LICENSE_QR_TYP,
  LICENSE_TYP,
  signLicenseToken,
} from './license-token.js';
import {
  DEPT_CODE,
  ENTITY_ID,
  fixedStatus,
  licenceClaims,
  makeLicensingPki,
  PERSON_ID,
  STATUS_REF,
  type LicensingPki,
} from './testing/licensing-fixture.js';
import { LICENSE_CHECKS, VERDICT_PRECEDENCE, verifyLicenseToken, type LicenseVerification } from './verify-license.js';

let pki: LicensingPki;
let trust: TrustStore;
let now: Date;
let payloads: { LICENSE: Record<string, unknown>; QR: Record<string, unknown>; COPY: Record<string, unknown> };
/** The genuine LICENSE, QR and COPY tokens. */
let genuine: [string, string, string];

beforeAll(() => {
  // Seven RSA-2048 keys: built once for the file.
  pki = makeLicensingPki();
  trust = pki.trustWithVouched();
  now = pki.now;
  const claims = licenceClaims(now);
  payloads = {
    LICENSE: buildLicensePayload(claims, STATUS_REF, now),
    QR: buildQrPayload(claims, STATUS_REF, now),
    COPY: buildCopyPayload(claims, STATUS_REF, {
      purpose: '办理变更登记', recipient: ENTITY_ID, madeBy: { department: DEPT_CODE, subject: 'user:1' }, expiresAt: new Date(now.getTime() + 86_400_000),
    }, now),
  };
  genuine = [signLicenseToken('LICENSE', payloads.LICENSE, pki.signer), signLicenseToken('QR', payloads.QR, pki.signer), signLicenseToken('COPY', payloads.COPY, pki.signer)];
});

const verify = (token: string | Uint8Array, expectedHolder?: string): Promise<LicenseVerification> =>
  verifyLicenseToken(token, {
    trust, statuses: fixedStatus(now), authority: pki.authority, at: now, ...(expectedHolder === undefined ? {} : { expectedHolder }),
  });

/** The answer is in the documented shape, and the catch-all for unexpected errors was not reached. */
function expectWellShaped(r: LicenseVerification): void {
  expect(['VALID', ...VERDICT_PRECEDENCE]).toContain(r.verdict);
  expect(r.checks.map((c) => c.name)).toEqual(LICENSE_CHECKS);
  for (const check of r.checks) expect(check.reason ?? '').not.toMatch(/^unexpected error/);
  if (r.verdict !== 'VALID') expect(r.checks.some((c) => !c.ok && !c.skipped)).toBe(true);
  // Nothing read from the token is handed back unless its signature verified.
  if (r.checks.find((c) => c.name === 'SIGNATURE')?.ok !== true) {
    expect(r.license).toBeUndefined();
    expect(r.summary).toBeUndefined();
  }
}

async function expectNotValid(token: string | Uint8Array): Promise<void> {
  const r = await verify(token);
  expectWellShaped(r);
  expect(r.verdict).not.toBe('VALID');
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');
const printable = fc.integer({ min: 0x20, max: 0x7e }).map((u) => String.fromCharCode(u));
const genuineIndex = fc.nat(2);

describe('verify-license (property)', () => {
  describe(verifyLicenseToken.name, () => {
    it('verifies the genuine tokens (control: the properties below are not vacuous)', async () => {
      for (const token of genuine) expect((await verify(token)).verdict).toBe('VALID');
      for (const token of genuine) expect((await verify(new TextEncoder().encode(token))).verdict).toBe('VALID');
    });

    it('never throws and never says VALID for arbitrary strings, including dotted base64url of JSON', async () => {
      const segment = fc.oneof(fc.json().map(b64), fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') }));
      const typedHeader = fc
        .tuple(fc.constantFrom(LICENSE_TYP, LICENSE_QR_TYP, LICENSE_COPY_TYP), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }))
        .map(([typ, rest]) => b64(JSON.stringify({ alg: 'PS256', ...rest, typ })));
      const token = fc.oneof(
        fc.string(),
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }),
        fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.')),
        fc.tuple(typedHeader, fc.array(segment, { minLength: 0, maxLength: 3 })).map(([h, rest]) => [h, ...rest].join('.')),
      );
      await fc.assert(fc.asyncProperty(token, expectNotValid), { numRuns: 1500 });
    });

    it('never throws and never says VALID for arbitrary bytes', async () => {
      await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), expectNotValid), { numRuns: 1000 });
    });

    it('never says VALID for a changed token: a character replaced, inserted or removed, a truncation', async () => {
      const mutation = fc.tuple(genuineIndex, fc.nat(), printable, fc.constantFrom('replace', 'insert', 'remove', 'head', 'tail')).map(([k, n, ch, how]) => {
        const token = genuine[k] ?? '';
        const at = n % token.length;
        const changed = how === 'replace' ? token.slice(0, at) + ch + token.slice(at + 1)
          : how === 'insert' ? token.slice(0, at) + ch + token.slice(at)
            : how === 'remove' ? token.slice(0, at) + token.slice(at + 1)
              : how === 'head' ? token.slice(0, at) : token.slice(at + 1);
        return { token, changed };
      });
      await fc.assert(
        fc.asyncProperty(mutation, async ({ token, changed }) => {
          const r = await verify(changed);
          expectWellShaped(r);
          if (changed !== token) expect(r.verdict).not.toBe('VALID');
        }),
        { numRuns: 2000 },
      );
    });

    it('never says VALID for a sub-sequence of a token\'s characters, or for changed bytes', async () => {
      const subsequence = genuineIndex.chain((k) => {
        const token = genuine[k] ?? '';
        // Deleting characters from a window keeps the generated arrays small; the window moves over the whole token.
        return fc.tuple(fc.constant(token), fc.nat(token.length - 1)).chain(([t, start]) => {
          const window = [...t.slice(start, start + 64)];
          return fc.subarray(window).map((kept) => t.slice(0, start) + kept.join('') + t.slice(start + 64));
        }).map((changed) => ({ token: new TextEncoder().encode(token), changed: new TextEncoder().encode(changed) }));
      });
      const bytes = fc.tuple(genuineIndex, fc.nat(), fc.integer({ min: 0, max: 255 })).map(([k, n, value]) => {
        const token = new TextEncoder().encode(genuine[k] ?? '');
        const changed = Uint8Array.from(token);
        changed[n % changed.length] = value;
        return { token, changed };
      });
      await fc.assert(
        fc.asyncProperty(fc.oneof(subsequence, bytes), async ({ token, changed }) => {
          const r = await verify(changed);
          expectWellShaped(r);
          if (Buffer.compare(Buffer.from(token), Buffer.from(changed)) !== 0) expect(r.verdict).not.toBe('VALID');
        }),
        { numRuns: 1000 },
      );
    });

    it('never says VALID for segments repeated, dropped, reordered or spliced across genuine tokens', async () => {
      const splice = fc.array(fc.tuple(genuineIndex, fc.nat(2)), { minLength: 1, maxLength: 5 }).map((picks) =>
        picks.map(([k, i]) => (genuine[k] ?? '').split('.')[i] ?? '').join('.'));
      await fc.assert(
        fc.asyncProperty(splice, async (changed) => {
          const r = await verify(changed);
          expectWellShaped(r);
          if (!genuine.includes(changed)) expect(r.verdict).not.toBe('VALID');
        }),
        { numRuns: 1000 },
      );
    });

    it('never throws on arbitrary claims under a genuine signature, and never says VALID for claims of no kind', async () => {
      const kind = fc.constantFrom(['LICENSE', LICENSE_TYP] as const, ['QR', LICENSE_QR_TYP] as const, ['COPY', LICENSE_COPY_TYP] as const);
      const claims = fc.oneof(
        // Not a licence at all.
        fc.object({ maxDepth: 2 }).map((payload) => ({ payload, mayBeValid: false })),
        // A genuine payload with one claim replaced by any JSON value or removed: may still be a valid licence.
        fc.tuple(kind, fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined })).map(([[name], n, value]) => {
          const payload: Record<string, unknown> = { ...payloads[name] };
          const keys = Object.keys(payload);
          const key = keys[n % keys.length] ?? '';
          if (value === undefined) delete payload[key];
          else payload[key] = value;
          return { payload, mayBeValid: true };
        }),
      );
      let signatureVerified = 0;
      await fc.assert(
        fc.asyncProperty(kind, claims, async ([name, typ], { payload, mayBeValid }) => {
          const header = name === 'QR' ? { alg: 'PS256', typ, kid: pki.dept.certificate.kid } : headerFor(pki.signer, typ);
          const r = await verify(signRaw(header, payload, pki.dept.privateKey));
          expectWellShaped(r);
          if (r.checks.find((c) => c.name === 'SIGNATURE')?.ok) signatureVerified += 1;
          if (!mayBeValid) expect(r.verdict).not.toBe('VALID');
        }),
        { numRuns: 400 },
      );
      // The claims parser, not only the JWS layer, was exercised.
      expect(signatureVerified).toBeGreaterThan(200);
    });

    it('matches the holder exactly when the expected holder is the licence holder up to case and surrounding space', async () => {
      const holder = fc.oneof(
        fc.string(),
        fc.tuple(fc.constantFrom('', ' ', '\t'), fc.mixedCase(fc.constant(PERSON_ID)), fc.constantFrom('', ' ', '\n')).map(([a, id, b]) => a + id + b),
        fc.tuple(fc.nat(17), fc.constantFrom(...'0123456789X')).map(([at, ch]) => PERSON_ID.slice(0, at) + ch + PERSON_ID.slice(at + 1)),
      );
      await fc.assert(
        fc.asyncProperty(genuineIndex, holder, async (k, expected) => {
          const r = await verify(genuine[k] ?? '', expected);
          expectWellShaped(r);
          const same = expected.trim().toUpperCase() === PERSON_ID;
          expect(r.verdict).toBe(same ? 'VALID' : 'INVALID');
          expect(r.checks.find((c) => c.name === 'HOLDER_MATCH')).toMatchObject({ ok: same });
        }),
        { numRuns: 500 },
      );
    });
  });
});
