/**
 * Hostile input for verifyLicenseToken: nothing here may verify VALID, and
 * nothing may throw. Each case also asserts which check caught it.
 */
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, TrustStore, type IssuedCertificate } from '../crypto/index.js';
import { headerFor, signRaw } from '../crypto/testing/test-pki.js';
import {
  buildCopyPayload,
  buildLicensePayload,
  buildQrPayload,
  LICENSE_COPY_TYP,
  LICENSE_QR_TYP,
  LICENSE_TYP,
  signLicenseToken,
  type LicenseClaims,
} from './license-token.js';
import {
  DEPT_CODE,
  ENTITY_ID,
  fixedStatus,
  licenceClaims,
  makeLicensingPki,
  OTHER_TYPE_CODE,
  STATUS_REF,
  statusListToken,
  UNAUTHORISED_DEPT_CODE,
  type LicensingPki,
} from './testing/licensing-fixture.js';
import { LICENSE_CHECKS, verifyLicenseToken, type LicenseCheckName, type LicenseVerification, type Verdict } from './verify-license.js';

let pki: LicensingPki;
let trust: TrustStore;
let now: Date;
let claims: LicenseClaims;
let licencePayload: Record<string, unknown>;
let qrPayload: Record<string, unknown>;
let copyPayload: Record<string, unknown>;
let good: string;
let goodQr: string;
let goodCopy: string;
let selfSigned: IssuedCertificate;

beforeAll(() => {
  pki = makeLicensingPki();
  trust = pki.trustWithVouched();
  now = pki.now;
  claims = licenceClaims(now);
  licencePayload = buildLicensePayload(claims, STATUS_REF, now);
  qrPayload = buildQrPayload(claims, STATUS_REF, now);
  copyPayload = buildCopyPayload(claims, STATUS_REF, {
    purpose: '办理变更登记', recipient: ENTITY_ID, madeBy: { department: DEPT_CODE, subject: 'user:1' }, expiresAt: new Date(now.getTime() + 86_400_000),
  }, now);
  good = signLicenseToken('LICENSE', licencePayload, pki.signer);
  goodQr = signLicenseToken('QR', qrPayload, pki.signer);
  goodCopy = signLicenseToken('COPY', copyPayload, pki.signer);
  // A self-signed end-entity certificate carrying the real department code: vouched for by nobody.
  selfSigned = createCertificateAuthority({
    commonName: 'Self-signed department', organization: '测试市市场监督管理局', keyPair: pki.keys[0],
    unsafe: { isCA: false, keyUsage: { digitalSignature: true } },
  });
});

const verify = (token: unknown, extra: { maxBytes?: number } = {}): Promise<LicenseVerification> =>
  verifyLicenseToken(token as string, { trust, statuses: fixedStatus(now), authority: pki.authority, at: now, ...extra });

/** Rejected with `verdict`, caught by `check`, with nothing from the token returned unless the signature verified. */
async function expectRejected(token: unknown, verdict: Verdict, check: LicenseCheckName, extra: { maxBytes?: number } = {}): Promise<LicenseVerification> {
  const r = await verify(token, extra);
  expect(r.verdict).not.toBe('VALID');
  expect(r.verdict).toBe(verdict);
  expect(r.checks.map((c) => c.name)).toEqual(LICENSE_CHECKS);
  expect(r.checks.find((c) => c.name === check)).toMatchObject({ ok: false });
  const signatureVerified = r.checks.find((c) => c.name === 'SIGNATURE')?.ok === true;
  if (!signatureVerified) {
    expect(r.license).toBeUndefined();
    expect(r.summary).toBeUndefined();
  }
  return r;
}

const b64u = (s: string | Buffer): string => Buffer.from(s).toString('base64url');
const parts = (token: string) => token.split('.') as [string, string, string];

function flipBit(segment: string, bit: number): string {
  const bytes = Buffer.from(segment, 'base64url');
  bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) ^ (0x80 >> (bit & 7));
  return bytes.toString('base64url');
}

describe('verifyLicenseToken — hostile input', () => {
  it('the untampered tokens verify (control)', async () => {
    for (const token of [good, goodQr, goodCopy]) expect((await verify(token)).verdict).toBe('VALID');
  });

  describe('algorithm confusion', () => {
    it.each(['none', 'None', 'NONE', 'nOnE'])('rejects alg %s with an empty signature', async (alg) => {
      const token = `${b64u(JSON.stringify({ ...headerFor(pki.signer), alg }))}.${b64u(JSON.stringify(licencePayload))}.`;
      await expectRejected(token, 'INVALID', 'WELL_FORMED');
      const bare = `${b64u(JSON.stringify({ alg, typ: LICENSE_TYP }))}.${b64u(JSON.stringify(licencePayload))}.`;
      await expectRejected(bare, 'INVALID', 'WELL_FORMED');
    });

    it('rejects a PS256 header with an empty signature', async () => {
      const [h, p] = parts(good);
      const r = await expectRejected(`${h}.${p}.`, 'INVALID', 'SIGNATURE');
      expect(r.license).toBeUndefined();
    });

    it('rejects HS256 keyed with the certificate\'s public key PEM', async () => {
      const secret = pki.dept.certificate.publicKey.export({ type: 'spki', format: 'pem' });
      const input = `${b64u(JSON.stringify({ ...headerFor(pki.signer), alg: 'HS256' }))}.${b64u(JSON.stringify(licencePayload))}`;
      await expectRejected(`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`, 'INVALID', 'WELL_FORMED');
    });
  });

  describe('flipped bits', () => {
    it('in the header', async () => {
      const [h, p, s] = parts(good);
      for (const bit of [3, 100, 200, 8 * Math.floor(Buffer.from(h, 'base64url').length / 2)]) {
        const r = await verify(`${flipBit(h, bit)}.${p}.${s}`);
        expect(r.verdict).not.toBe('VALID');
        expect(['INVALID', 'UNTRUSTED']).toContain(r.verdict);
      }
    });

    it('in the payload', async () => {
      const [h, p, s] = parts(good);
      for (const bit of [5, 77, 500, 1234, 8 * Buffer.from(p, 'base64url').length - 1]) {
        const r = await verify(`${h}.${flipBit(p, bit)}.${s}`);
        expect(r.verdict).toBe('INVALID');
        expect(r.license).toBeUndefined();
        expect(['WELL_FORMED', 'SIGNATURE']).toContain(r.checks.find((c) => !c.ok && !c.skipped)?.name);
      }
    });

    it('in the signature', async () => {
      const [h, p, s] = parts(good);
      for (const bit of [0, 1000, 2047]) await expectRejected(`${h}.${p}.${flipBit(s, bit)}`, 'INVALID', 'SIGNATURE');
    });
  });

  describe('untrusted signers', () => {
    it('rejects x5c ending in a self-signed certificate', async () => {
      const header = { alg: 'PS256', typ: LICENSE_TYP, kid: selfSigned.certificate.kid, x5c: [selfSigned.certificate.base64] };
      await expectRejected(signRaw(header, licencePayload, selfSigned.privateKey), 'UNTRUSTED', 'CHAIN');
    });

    it('rejects x5c chaining to a foreign root', async () => {
      const foreign = signLicenseToken('LICENSE', buildLicensePayload(licenceClaims(now, {}, ENTITY_ID), STATUS_REF, now), pki.foreignSigner);
      await expectRejected(foreign, 'UNTRUSTED', 'CHAIN');
      // The foreign root's own certificate appended does not help.
      const header = { ...headerFor(pki.foreignSigner), x5c: [pki.foreignDept.certificate.base64, pki.foreignRoot.certificate.base64] };
      await expectRejected(signRaw(header, licencePayload, pki.foreignDept.privateKey), 'UNTRUSTED', 'CHAIN');
    });

    it('rejects the real department\'s x5c with a signature made by another key', async () => {
      await expectRejected(signRaw(headerFor(pki.signer), licencePayload, pki.foreignDept.privateKey), 'INVALID', 'SIGNATURE');
    });

    it('rejects an expired department certificate', async () => {
      await expectRejected(signLicenseToken('LICENSE', licencePayload, pki.expiredSigner), 'UNTRUSTED', 'CERTIFICATE');
    });

    it('rejects a department certificate that is not yet valid', async () => {
      await expectRejected(signLicenseToken('LICENSE', licencePayload, pki.futureSigner), 'UNTRUSTED', 'CERTIFICATE');
    });

    it('rejects a department not allowed to issue that type', async () => {
      await expectRejected(signLicenseToken('LICENSE', buildLicensePayload(licenceClaims(now, { typeCode: OTHER_TYPE_CODE }), STATUS_REF, now), pki.signer), 'UNTRUSTED', 'ISSUER_AUTHORISED');
      await expectRejected(signLicenseToken('LICENSE', buildLicensePayload(licenceClaims(now, {}, UNAUTHORISED_DEPT_CODE), STATUS_REF, now), pki.unauthorisedSigner), 'UNTRUSTED', 'ISSUER_AUTHORISED');
    });

    it('rejects a licence naming another department as issuer than the one that signed it', async () => {
      await expectRejected(signLicenseToken('LICENSE', licencePayload, pki.unauthorisedSigner), 'UNTRUSTED', 'ISSUER_AUTHORISED');
    });
  });

  describe('header parameters', () => {
    it.each([
      ['jku', 'https://attacker.example/jwks.json'],
      ['x5u', 'https://attacker.example/chain.pem'],
      ['jwk', { kty: 'RSA', n: 'AQAB', e: 'AQAB' }],
      ['crit', ['exp']],
      ['crit', ['x-unknown']],
      ['b64', false],
      ['zip', 'DEF'],
    ])('rejects %s', async (name, value) => {
      await expectRejected(signRaw({ ...headerFor(pki.signer), [name]: value }, licencePayload, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
    });

    it.each([['JWT'], ['license+JWT'], ['statuslist+jwt'], ['trustlist+jwt'], [''], [null], [['license+jwt']]])('rejects typ %j', async (typ) => {
      const r = await expectRejected(signRaw({ ...headerFor(pki.signer), typ }, licencePayload, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
      expect(r.kind).toBe('UNKNOWN');
    });

    it('rejects a header without typ', async () => {
      const { typ: _typ, ...rest } = headerFor(pki.signer);
      await expectRejected(signRaw(rest, licencePayload, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
    });

    it('rejects a genuine status list token', async () => {
      await expectRejected(statusListToken(pki.signer, { size: 8 }), 'INVALID', 'WELL_FORMED');
    });
  });

  describe('duplicate JSON keys', () => {
    it('in the header, where two parsers would read different typs', async () => {
      const h = headerFor(pki.signer);
      const header = `{"alg":"PS256","typ":"${LICENSE_QR_TYP}","typ":"${LICENSE_TYP}","kid":"${h.kid}","x5c":${JSON.stringify(h.x5c)}}`;
      await expectRejected(signRaw(header, licencePayload, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
    });

    it('in the payload, at the top and nested', async () => {
      const json = JSON.stringify(licencePayload);
      const top = json.replace('"sub":', `"sub":"${ENTITY_ID}","sub":`);
      const nested = json.replace('"name":"欧阳娜娜"', '"name":"欧阳娜娜","name":"张三"');
      for (const payload of [top, nested]) await expectRejected(signRaw(headerFor(pki.signer), payload, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
    });
  });

  describe('size', () => {
    it('rejects an oversized, validly signed token without attempting the signature', async () => {
      const big = buildLicensePayload(licenceClaims(now, { data: { filler: 'x'.repeat(20_000) } }), STATUS_REF, now);
      const token = signLicenseToken('LICENSE', big, pki.signer);
      const r = await expectRejected(token, 'INVALID', 'WELL_FORMED');
      expect(r.checks.find((c) => c.name === 'SIGNATURE')).toMatchObject({ ok: false, skipped: true });
    });

    it('honours maxBytes, for strings and bytes, before decoding anything', async () => {
      for (const token of [good, Buffer.from(good)]) {
        const r = await expectRejected(token, 'INVALID', 'WELL_FORMED', { maxBytes: 1000 });
        expect(r.checks.find((c) => c.name === 'SIGNATURE')).toMatchObject({ skipped: true });
      }
    });

    it('rejects 10 MB of junk quickly', async () => {
      const started = performance.now();
      await expectRejected('A'.repeat(10_000_000), 'INVALID', 'WELL_FORMED');
      expect(performance.now() - started).toBeLessThan(200);
    });
  });

  describe('garbage', () => {
    // Factories: the table is built before beforeAll has made `good`.
    it.each<[string, () => unknown]>([
      ['empty', () => ''],
      ['one segment', () => 'abc'],
      ['dots only', () => '..'],
      ['three junk segments', () => 'a.b.c'],
      ['four segments', () => `${good}.x`],
      ['surrounding whitespace', () => ` ${good} `],
      ['a BOM', () => `\ufeff${good}`],
      ['non-ASCII', () => `${good.slice(0, 10)}é${good.slice(11)}`],
      ['padding', () => `${good}==`],
      ['non-UTF-8 bytes', () => Uint8Array.from([0xff, 0xfe, 0x2e, 0x80, 0x2e, 0xc0])],
      ['an overlong UTF-8 dot', () => Buffer.concat([Buffer.from(parts(good)[0]), Buffer.from([0xc0, 0xae]), Buffer.from(good.slice(good.indexOf('.') + 1))])],
      ['null', () => null],
      ['undefined', () => undefined],
      ['a number', () => 42],
      ['an object', () => ({ token: good })],
    ])('rejects %s', async (_, token) => {
      await expectRejected(token(), 'INVALID', 'WELL_FORMED');
    });
  });

  describe('kind confusion', () => {
    it('rejects a licence re-labelled as a QR token', async () => {
      const [, p, s] = parts(good);
      const relabelled = `${b64u(JSON.stringify({ ...headerFor(pki.signer), typ: LICENSE_QR_TYP }))}.${p}.${s}`;
      await expectRejected(relabelled, 'INVALID', 'SIGNATURE');
      // Even signed by the real key, a licence payload is not a QR payload.
      await expectRejected(signRaw({ ...headerFor(pki.signer), typ: LICENSE_QR_TYP }, licencePayload, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
    });

    it('rejects a QR token re-labelled as a licence', async () => {
      const [, p, s] = parts(goodQr);
      const relabelled = `${b64u(JSON.stringify({ alg: 'PS256', typ: LICENSE_TYP, kid: pki.dept.certificate.kid }))}.${p}.${s}`;
      await expectRejected(relabelled, 'INVALID', 'SIGNATURE');
      await expectRejected(signRaw(headerFor(pki.signer), qrPayload, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
    });

    it('rejects a copy whose payload claims to be a licence, and a licence carrying a copy', async () => {
      await expectRejected(signRaw(headerFor(pki.signer, LICENSE_COPY_TYP), licencePayload, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
      await expectRejected(signRaw(headerFor(pki.signer, LICENSE_TYP), copyPayload, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
    });

    it('rejects a licence whose copy is stripped to outlive the copy', async () => {
      const { copy: _copy, ...stripped } = copyPayload;
      await expectRejected(signRaw(headerFor(pki.signer, LICENSE_COPY_TYP), stripped, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
    });

    it('rejects registered claims that contradict the licence', async () => {
      for (const change of [{ iss: UNAUTHORISED_DEPT_CODE }, { sub: ENTITY_ID }, { exp: 4_102_444_800 }, { nbf: 0 }]) {
        await expectRejected(signRaw(headerFor(pki.signer), { ...licencePayload, ...change }, pki.dept.privateKey), 'INVALID', 'WELL_FORMED');
      }
    });
  });
});

/** mulberry32: a tiny seeded PRNG, so a failure reproduces. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u00e9\u4e2d\0';

/** One random mutation of `token`: a character replaced, inserted, deleted or swapped, a bit flipped, a piece cut or repeated. */
function mutate(token: string, random: () => number): string | Uint8Array {
  const at = (n: number) => Math.floor(random() * n);
  const i = at(token.length);
  const char = () => ALPHABET.charAt(at(ALPHABET.length));
  switch (at(7)) {
    case 0:
      return token.slice(0, i) + char() + token.slice(i + 1);
    case 1:
      return token.slice(0, i) + char() + token.slice(i);
    case 2:
      return token.slice(0, i) + token.slice(i + 1);
    case 3:
      return token.slice(0, i) + token.charAt(i + 1) + token.charAt(i) + token.slice(i + 2);
    case 4: {
      const bytes = Buffer.from(token);
      bytes[i] = (bytes[i] ?? 0) ^ (1 << at(8));
      return bytes;
    }
    case 5:
      return token.slice(0, i);
    default: {
      const j = at(token.length);
      return token.slice(0, Math.min(i, j)) + token.slice(Math.min(i, j), Math.max(i, j)).repeat(2) + token.slice(Math.max(i, j));
    }
  }
}

describe('verifyLicenseToken — random mutations', () => {
  it('never verifies a mutated token VALID, and never throws (2,000 mutations, seed 20251125)', async () => {
    const random = prng(20_251_125);
    const originals = [good, goodQr, goodCopy];
    const verdicts = new Map<string, number>();
    let mutated = 0;
    while (mutated < 2000) {
      const original = originals[mutated % originals.length] as string;
      const candidate = mutate(original, random);
      const text = typeof candidate === 'string' ? candidate : Buffer.from(candidate).toString('latin1');
      if (text === original) continue;
      mutated += 1;
      const r = await verify(candidate);
      if (r.verdict === 'VALID') throw new Error(`mutation ${mutated} verified VALID: ${text}`);
      verdicts.set(r.verdict, (verdicts.get(r.verdict) ?? 0) + 1);
    }
    expect([...verdicts.keys()].every((v) => v !== 'VALID')).toBe(true);
    expect(verdicts.get('INVALID')).toBeGreaterThan(1500);
  });
});
