/**
 * Hostile input for verifyLicenseJws: every token here must be rejected, by
 * the right check, without the payload being returned and without throwing.
 */
import { constants, createHmac, sign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IssuedCertificate } from '../pki/create-ca.js';
import { createCertificateAuthority } from '../pki/create-ca.js';
import { createDepartmentCertificate } from '../pki/create-department-cert.js';
import { DEPT_CODE, headerFor, makeTestPki, signRaw, type TestPki } from '../testing/test-pki.js';
import { createJwsSigner, signLicenseJws } from './sign-license.js';
import { verifyLicenseJws, type JwsCheckName, type JwsVerification } from './verify-jws.js';

const DAY = 24 * 3600 * 1000;
const TYP = 'license+jwt';
const licence = { id: 'L-0001', holder: { name: '李四' }, type: '11100000000013338W001' };

let pki: TestPki;
let good: string;
let header: ReturnType<typeof headerFor>;
let expired: IssuedCertificate;
let notYetValid: IssuedCertificate;
let selfSigned: IssuedCertificate;

beforeAll(() => {
  pki = makeTestPki(1);
  good = signLicenseJws(licence, pki.signer);
  header = headerFor(pki.signer);
  const key = pki.keys[0];
  expired = createDepartmentCertificate({
    issuer: pki.root, departmentCode: DEPT_CODE, departmentName: 'Expired', keyPair: key,
    notBefore: new Date(pki.now.getTime() - 400 * DAY), notAfter: new Date(pki.now.getTime() - DAY),
  });
  notYetValid = createDepartmentCertificate({
    issuer: pki.root, departmentCode: DEPT_CODE, departmentName: 'Future', keyPair: key, notBefore: new Date(pki.now.getTime() + DAY),
  });
  // A self-signed end-entity certificate: looks like a department, vouched for by nobody.
  selfSigned = createCertificateAuthority({
    commonName: 'Self-signed department', organization: 'Nobody', keyPair: key,
    unsafe: { isCA: false, keyUsage: { digitalSignature: true } },
  });
});

const verify = (token: unknown, extra: { maxBytes?: number } = {}): JwsVerification =>
  verifyLicenseJws(token as string, { trust: pki.trust, expectedTyp: TYP, at: pki.now, ...extra });

/** The token is rejected by `failed`, returns nothing from the token, and checks stop there. */
function expectRejected(token: unknown, failed: JwsCheckName | readonly JwsCheckName[], extra: { maxBytes?: number } = {}): JwsVerification {
  let result: JwsVerification | undefined;
  expect(() => {
    result = verify(token, extra);
  }).not.toThrow();
  const r = result as JwsVerification;
  expect(r.ok).toBe(false);
  expect(typeof failed === 'string' ? [failed] : failed).toContain(r.failed);
  expect(r.payload).toBeUndefined();
  expect(r.header).toBeUndefined();
  expect(r.checks.at(-1)).toMatchObject({ name: r.failed, ok: false });
  expect(r.checks.slice(0, -1).every((c) => c.ok)).toBe(true);
  return r;
}

const b64u = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const segments = (token: string) => token.split('.') as [string, string, string];

/** Flips one bit of a segment's decoded bytes and re-encodes it. */
function flip(segment: string, bit: number): string {
  const bytes = Buffer.from(segment, 'base64url');
  bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) ^ (0x80 >> (bit & 7));
  return bytes.toString('base64url');
}

function withSegment(token: string, index: 0 | 1 | 2, value: string): string {
  const parts = segments(token);
  parts[index] = value;
  return parts.join('.');
}

describe('verifyLicenseJws — hostile input', () => {
  it('the untampered token verifies (control)', () => {
    expect(verify(good).ok).toBe(true);
  });

  describe('algorithm confusion', () => {
    it.each(['none', 'None', 'NONE', 'nOnE'])('rejects alg %s with an empty signature as HEADER', (alg) => {
      const token = `${b64u(JSON.stringify({ ...header, alg }))}.${b64u(JSON.stringify(licence))}.`;
      expectRejected(token, 'HEADER');
      const bare = `${b64u(JSON.stringify({ alg, typ: TYP }))}.${b64u(JSON.stringify(licence))}.`;
      expectRejected(bare, 'HEADER');
    });

    it('rejects HS256 keyed with the certificate\'s public key PEM as HEADER', () => {
      const secret = pki.dept.certificate.publicKey.export({ type: 'spki', format: 'pem' });
      const input = `${b64u(JSON.stringify({ ...header, alg: 'HS256' }))}.${b64u(JSON.stringify(licence))}`;
      const token = `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      expectRejected(token, 'HEADER');
    });

    it('rejects RS256 made with the real department key as HEADER', () => {
      const input = `${b64u(JSON.stringify({ ...header, alg: 'RS256' }))}.${b64u(JSON.stringify(licence))}`;
      const token = `${input}.${sign('sha256', Buffer.from(input), pki.dept.privateKey).toString('base64url')}`;
      expectRejected(token, 'HEADER');
    });

    it.each([['ps256'], ['PS384'], ['ES256'], ['EdDSA'], ['HS512'], [''], [['PS256']], [null]])('rejects alg %j as HEADER', (alg) => {
      expectRejected(signRaw({ ...header, alg }, licence, pki.dept.privateKey), 'HEADER');
    });

    it('rejects a header without alg as HEADER', () => {
      const { alg: _alg, ...rest } = header;
      expectRejected(signRaw(rest, licence, pki.dept.privateKey), 'HEADER');
    });
  });

  describe('flipped bits', () => {
    it('in the header: a bit in the kid is HEADER, a bit in the JSON syntax is WELL_FORMED', () => {
      const [h] = segments(good);
      const json = Buffer.from(h, 'base64url').toString();
      const kidAt = json.indexOf(header.kid) + 2;
      expectRejected(withSegment(good, 0, flip(h, kidAt * 8 + 7)), 'HEADER');
      expectRejected(withSegment(good, 0, flip(h, 7)), 'WELL_FORMED'); // '{' → 'z'
    });

    it('in the header: every sampled single-bit flip is rejected before SIGNATURE', () => {
      const [h] = segments(good);
      const bits = Buffer.from(h, 'base64url').length * 8;
      for (let bit = 0; bit < bits; bit += 5) {
        expectRejected(withSegment(good, 0, flip(h, bit)), ['WELL_FORMED', 'HEADER', 'CHAIN']);
      }
    });

    it('in the payload: a bit inside a string value is SIGNATURE; every flip is rejected', () => {
      const [, p] = segments(good);
      const json = Buffer.from(p, 'base64url').toString();
      expectRejected(withSegment(good, 1, flip(p, (json.indexOf('L-0001') + 2) * 8 + 7)), 'SIGNATURE');
      const bits = Buffer.from(p, 'base64url').length * 8;
      for (let bit = 0; bit < bits; bit++) {
        expectRejected(withSegment(good, 1, flip(p, bit)), ['WELL_FORMED', 'SIGNATURE']);
      }
    });

    it('in the signature: every flip is SIGNATURE', () => {
      const [, , s] = segments(good);
      for (let bit = 0; bit < 2048; bit++) expectRejected(withSegment(good, 2, flip(s, bit)), 'SIGNATURE');
    });
  });

  describe('untrusted chains', () => {
    it('rejects an x5c ending in a self-signed root that is not trusted (CHAIN / TRUSTED_ROOT)', () => {
      const signer = createJwsSigner(selfSigned.privateKey, [selfSigned.certificate]);
      const token = signRaw({ ...headerFor(signer), x5c: [selfSigned.certificate.base64] }, licence, selfSigned.privateKey);
      expect(expectRejected(token, 'CHAIN').chain?.failed).toBe('TRUSTED_ROOT');
    });

    it('rejects an x5c ending in a foreign root, with or without the root included (CHAIN / TRUSTED_ROOT)', () => {
      const withRoot = signRaw(
        { ...headerFor(pki.foreignSigner), x5c: [pki.foreignDept.certificate.base64, pki.foreignRoot.certificate.base64] },
        licence, pki.foreignDept.privateKey,
      );
      expect(expectRejected(withRoot, 'CHAIN').chain?.failed).toBe('TRUSTED_ROOT');
      expect(expectRejected(signLicenseJws(licence, pki.foreignSigner), 'CHAIN').chain?.failed).toBe('TRUSTED_ROOT');
    });

    it('rejects expired and not-yet-valid department certificates (CHAIN / VALIDITY)', () => {
      for (const cert of [expired, notYetValid]) {
        const token = signLicenseJws(licence, createJwsSigner(cert.privateKey, [cert.certificate]));
        expect(expectRejected(token, 'CHAIN').chain?.failed).toBe('VALIDITY');
      }
    });

    it('rejects a token signed by a key other than the x5c leaf\'s (SIGNATURE)', () => {
      expectRejected(signRaw(header, licence, pki.foreignDept.privateKey), 'SIGNATURE');
    });
  });

  describe('header parameters', () => {
    it.each([
      ['jku', { jku: 'https://attacker.example/jwks.json' }],
      ['x5u', { x5u: 'https://attacker.example/cert.pem' }],
      ['jwk', { jwk: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } }],
      ['an unknown crit', { crit: ['urn:example:unknown'], 'urn:example:unknown': true }],
      ['an empty crit', { crit: [] }],
      ['b64: false', { b64: false, crit: ['b64'] }],
      ['zip', { zip: 'DEF' }],
      ['enc', { enc: 'A256GCM' }],
    ])('rejects %s as HEADER', (_label, extra) => {
      expectRejected(signRaw({ ...header, ...extra }, licence, pki.dept.privateKey), 'HEADER');
    });

    it.each([['JWT'], ['LICENSE+JWT'], ['application/license+jwt'], ['statuslist+jwt'], [undefined], [42]])('rejects typ %j as HEADER', (typ) => {
      expectRejected(signRaw({ ...header, typ }, licence, pki.dept.privateKey), 'HEADER');
    });

    it('rejects everything when the caller configured no expected typ', () => {
      const { typ: _typ, ...noTyp } = header;
      const token = signRaw(noTyp, licence, pki.dept.privateKey);
      const result = verifyLicenseJws(token, { trust: pki.trust, expectedTyp: undefined as unknown as string });
      expect(result).toMatchObject({ ok: false, failed: 'HEADER' });
    });

    it('rejects a missing or mismatched kid as HEADER', () => {
      const { kid: _kid, ...noKid } = header;
      expectRejected(signRaw(noKid, licence, pki.dept.privateKey), 'HEADER');
      expectRejected(signRaw({ ...header, kid: pki.root.certificate.kid }, licence, pki.dept.privateKey), 'HEADER');
    });

    it.each([
      ['not an array', 'MII'],
      ['empty', []],
      ['too long', Array.from({ length: 7 }, () => 'MII')],
      ['a non-string entry', [42]],
      ['garbage base64', ['bm90IGEgY2VydA==']],
      ['non-canonical base64', ['MIIB=']],
      ['base64url instead of base64', ['MIIB_-']],
    ])('rejects an x5c that is %s as HEADER', (_label, x5c) => {
      expectRejected(signRaw({ ...header, x5c }, licence, pki.dept.privateKey), 'HEADER');
    });

    it('rejects a header or payload that is JSON but not an object as WELL_FORMED', () => {
      expectRejected(signRaw('["PS256"]', licence, pki.dept.privateKey), 'WELL_FORMED');
      expectRejected(signRaw(header, '"licence"', pki.dept.privateKey), 'WELL_FORMED');
      expectRejected(signRaw(header, 'null', pki.dept.privateKey), 'WELL_FORMED');
    });
  });

  describe('duplicate JSON keys', () => {
    const json = (h: object) => JSON.stringify(h).slice(1, -1);

    it('rejects a duplicate key in the header (even when JSON.parse would keep a valid value) as WELL_FORMED', () => {
      expectRejected(signRaw(`{"alg":"none",${json(header)}}`, licence, pki.dept.privateKey), 'WELL_FORMED');
      expectRejected(signRaw(`{${json(header)},"typ":"${TYP}"}`, licence, pki.dept.privateKey), 'WELL_FORMED');
      expectRejected(signRaw(`{${json(header)},"\\u0074yp":"${TYP}"}`, licence, pki.dept.privateKey), 'WELL_FORMED');
    });

    it('rejects a duplicate key in the payload, at any depth, as WELL_FORMED', () => {
      expectRejected(signRaw(header, '{"id":"L-0001","id":"L-9999"}', pki.dept.privateKey), 'WELL_FORMED');
      expectRejected(signRaw(header, '{"holder":{"name":"a","name":"b"}}', pki.dept.privateKey), 'WELL_FORMED');
    });
  });

  describe('size', () => {
    it('rejects an oversized token as WELL_FORMED before any other check', () => {
      const big = signLicenseJws({ ...licence, padding: 'x'.repeat(16 * 1024) }, pki.signer);
      const result = expectRejected(big, 'WELL_FORMED');
      expect(result.checks).toHaveLength(1);
      expect(result.checks.some((c) => c.name === 'SIGNATURE')).toBe(false);
      expect(expectRejected(new TextEncoder().encode(big), 'WELL_FORMED').checks).toHaveLength(1);
      // The same token is accepted when the caller allows more bytes.
      expect(verify(big, { maxBytes: 64 * 1024 }).ok).toBe(true);
    });

    it('answers a 10 MB token at once', () => {
      const huge = `${good}${'A'.repeat(10 * 1024 * 1024)}`;
      const hugeBytes = new Uint8Array(10 * 1024 * 1024).fill(0x41);
      const started = performance.now();
      const a = verify(huge);
      const b = verify(hugeBytes);
      expect(performance.now() - started).toBeLessThan(50);
      expect([a.failed, b.failed, a.checks.length, b.checks.length]).toEqual(['WELL_FORMED', 'WELL_FORMED', 1, 1]);
    });
  });

  describe('malformed text', () => {
    it.each([
      ['an empty string', ''],
      ['garbage', 'garbage'],
      ['only dots', '..'],
      ['three dots', '...'],
      ['two segments', 'eyJhbGciOiJQUzI1NiJ9.e30'],
      ['a space', 'eyJh bGciOiJQUzI1NiJ9.e30.AAAA'],
      ['a unicode dot', 'eyJhbGciOiJQUzI1NiJ9\u2024e30\u2024AAAA'],
      ['a lone surrogate', 'eyJhbGciOiJQUzI1NiJ9.e30.\ud800'],
    ])('rejects %s as WELL_FORMED', (_label, token) => {
      expectRejected(token, 'WELL_FORMED');
    });

    it('rejects four segments, a trailing dot, and surrounding whitespace as WELL_FORMED', () => {
      expectRejected(`${good}.x`, 'WELL_FORMED');
      expectRejected(`${good}.`, 'WELL_FORMED');
      expectRejected(` ${good}`, 'WELL_FORMED');
      expectRejected(`${good}\n`, 'WELL_FORMED');
      expectRejected(good.replace('.', '\n.'), 'WELL_FORMED');
    });

    it('rejects padding, standard-base64 characters and non-zero trailing bits as WELL_FORMED', () => {
      const [h, p, s] = segments(good);
      expectRejected(`${h}=.${p}.${s}`, 'WELL_FORMED');
      expectRejected(`${h}.${p}.${s}==`, 'WELL_FORMED');
      expectRejected(`${h}.${p}.${s.replace(/[-_]/, '+')}`, 'WELL_FORMED');
      // 256-byte signature → 342 chars with 4 spare bits in the last: setting one is the same bytes, spelt differently.
      const last = s.charAt(s.length - 1);
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const sibling = alphabet.charAt(alphabet.indexOf(last) | 1);
      expect(Buffer.from(`${s.slice(0, -1)}${sibling}`, 'base64url')).toEqual(Buffer.from(s, 'base64url'));
      expectRejected(`${h}.${p}.${s.slice(0, -1)}${sibling}`, 'WELL_FORMED');
    });

    it('rejects non-UTF-8 bytes, an overlong-encoded dot and a byte-order mark as WELL_FORMED', () => {
      const bytes = Buffer.from(good);
      expectRejected(Uint8Array.from([0xff, 0xfe, 0x2e, 0x2e]), 'WELL_FORMED');
      expectRejected(Buffer.concat([bytes.subarray(0, 10), Buffer.from([0xc0, 0xae]), bytes.subarray(10)]), 'WELL_FORMED');
      expectRejected(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]), 'WELL_FORMED');
      expectRejected(Buffer.concat([bytes.subarray(0, 20), Buffer.from('é'), bytes.subarray(20)]), 'WELL_FORMED');
    });

    it.each([[null], [undefined], [42], [{}], [['a', 'b', 'c']]])('rejects a %j token without throwing', (token) => {
      expectRejected(token, 'WELL_FORMED');
    });

    it('rejects an empty or truncated signature behind a valid header as SIGNATURE', () => {
      const [h, p, s] = segments(good);
      expectRejected(`${h}.${p}.`, 'SIGNATURE');
      expectRejected(`${h}.${p}.${s.slice(0, 340)}`, 'SIGNATURE');
      expectRejected(`${h}.${p}.${s}AAAA`, 'SIGNATURE');
    });
  });

  describe('random mutation', () => {
    it('never accepts or throws on 2,000 randomly mutated tokens', () => {
      let seed = 12345;
      const rand = (n: number) => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \u00e9';
      for (let i = 0; i < 2000; i++) {
        const t = good.split('');
        const edits = 1 + rand(3);
        for (let e = 0; e < edits; e++) {
          const at = rand(t.length);
          const op = rand(3);
          if (op === 0) t[at] = chars.charAt(rand(chars.length));
          else if (op === 1) t.splice(at, 1);
          else t.splice(at, 0, chars.charAt(rand(chars.length)));
        }
        const mutated = t.join('');
        if (mutated === good) continue;
        const result = verify(mutated);
        // A mutation may only be accepted if it decodes to the very same bytes, which canonical base64url forbids.
        if (result.ok) throw new Error(`accepted a mutated token: ${mutated}`);
        expect(result.payload).toBeUndefined();
      }
    });
  });
});
