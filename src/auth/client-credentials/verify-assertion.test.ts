import { beforeAll, describe, expect, it } from 'vitest';
import { createDepartmentCertificate, TrustStore } from '../../crypto/index.js';
import { AppError } from '../../errors.js';
import { createMemoryJtiStore, type JtiStore } from './jti-store.js';
import { CLIENT_ID, claimsFor, DEPT_CODE, makeClientFixture, OTHER_DEPT_CODE, signAssertion, signHs256, TOKEN_ENDPOINT, type ClientFixture } from './testing/client-fixture.js';
import { verifyClientAssertion, type ClientAssertionOptions } from './verify-assertion.js';

/** `CODE/REASON[/check]` of the refusal, or ACCEPTED. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ACCEPTED';
  } catch (error) {
    if (!(error instanceof AppError)) return `NOT_APP_ERROR: ${String(error)}`;
    const check = error.details.check;
    return `${error.code}/${String(error.details.reason)}${typeof check === 'string' ? `/${check}` : ''}`;
  }
}

describe(verifyClientAssertion.name, () => {
  let f: ClientFixture;
  let now: Date;
  let jti: JtiStore;
  let options: ClientAssertionOptions & { jti: JtiStore };
  const verify = (assertion: string, extra: Partial<ClientAssertionOptions & { jti: JtiStore }> = {}) => outcome(verifyClientAssertion(assertion, { ...options, ...extra }));

  beforeAll(() => {
    f = makeClientFixture();
    now = f.now;
    jti = createMemoryJtiStore();
    options = { trust: f.trust, tokenEndpoint: TOKEN_ENDPOINT, at: now, jti };
  });

  describe('accepts', () => {
    it('a valid PS256 assertion and returns the client', async () => {
      const client = await verifyClientAssertion(f.assertion(claimsFor(now)), options);
      expect(client).toEqual({ clientId: CLIENT_ID, department: DEPT_CODE, certificateFingerprint: f.dept.certificate.fingerprint });
    });

    it('RS256, an audience array containing the endpoint, no typ, and the root in x5c', async () => {
      expect(await verify(f.assertion(claimsFor(now), { alg: 'RS256' }))).toBe('ACCEPTED');
      expect(await verify(f.assertion({ ...claimsFor(now), aud: ['https://other.test', TOKEN_ENDPOINT] }))).toBe('ACCEPTED');
      const { typ: _typ, ...untyped } = f.header;
      expect(await verify(signAssertion(untyped, claimsFor(now), f.dept.privateKey))).toBe('ACCEPTED');
      expect(await verify(f.assertion(claimsFor(now), { x5c: [f.dept.certificate.base64, f.root.certificate.base64] }))).toBe('ACCEPTED');
    });

    it('clock skew within the tolerance', async () => {
      const skewed = new Date(now.getTime() + 25_000);
      expect(await verify(f.assertion(claimsFor(skewed)))).toBe('ACCEPTED');
    });
  });

  describe('format and header', () => {
    it('refuses garbage as MALFORMED', async () => {
      for (const garbage of ['', 'not a jwt', 'a.b.c', 'a.b', 'a.b.c.d', '....', 'eyJhbGciOiJQUzI1NiJ9.e30.!!', 42 as unknown as string]) {
        expect(await verify(garbage)).toBe('UNAUTHENTICATED/MALFORMED');
      }
    });

    it('refuses an oversized assertion before parsing it', async () => {
      const big = f.assertion({ ...claimsFor(now), padding: 'x'.repeat(8 * 1024) });
      expect(await verify(big)).toBe('UNAUTHENTICATED/MALFORMED');
      expect(await verify('x'.repeat(8 * 1024 + 1))).toBe('UNAUTHENTICATED/MALFORMED');
    });

    it('refuses duplicate claim names', async () => {
      const claims = claimsFor(now);
      const json = JSON.stringify(claims).replace('{', `{"iss":"${DEPT_CODE}:other-system",`);
      expect(await verify(signAssertion(f.header, json, f.dept.privateKey))).toBe('UNAUTHENTICATED/MALFORMED');
    });

    it('refuses alg none, HS256 keyed with the public key, and ES256 as ALGORITHM', async () => {
      const claims = claimsFor(now);
      const none = `${Buffer.from(JSON.stringify({ ...f.header, alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
      expect(await verify(none)).toBe('UNAUTHENTICATED/ALGORITHM');
      const publicPem = f.dept.certificate.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      expect(await verify(signHs256({ ...f.header, alg: 'HS256' }, claims, publicPem))).toBe('UNAUTHENTICATED/ALGORITHM');
      expect(await verify(signHs256({ ...f.header, alg: 'HS256' }, claims, f.dept.certificatePem))).toBe('UNAUTHENTICATED/ALGORITHM');
      expect(await verify(f.assertion(claims, { alg: 'ES256' }))).toBe('UNAUTHENTICATED/ALGORITHM');
      expect(await verify(f.assertion(claims, { alg: 'ps256' }))).toBe('UNAUTHENTICATED/ALGORITHM');
    });

    it('refuses jku, x5u, jwk and crit, and a non-JWT typ such as an e-licence', async () => {
      for (const extra of [{ jku: 'https://evil.test/jwks' }, { x5u: 'https://evil.test/cert' }, { jwk: { kty: 'RSA' } }, { crit: ['exp'] }, { typ: 'license+jwt' }]) {
        expect(await verify(f.assertion(claimsFor(now), extra))).toBe('UNAUTHENTICATED/MALFORMED');
      }
    });
  });

  describe('certificate', () => {
    it('refuses a missing or unreadable x5c', async () => {
      const { x5c: _x5c, ...bare } = f.header;
      expect(await verify(signAssertion(bare, claimsFor(now), f.dept.privateKey))).toBe('UNAUTHENTICATED/CERTIFICATE/X5C');
      expect(await verify(f.assertion(claimsFor(now), { x5c: ['bm90IGEgY2VydA=='] }))).toBe('UNAUTHENTICATED/CERTIFICATE/X5C');
      expect(await verify(f.assertion(claimsFor(now), { x5c: f.dept.certificate.base64 }))).toBe('UNAUTHENTICATED/CERTIFICATE/X5C');
    });

    it('refuses a certificate from a foreign root', async () => {
      const clientId = `${OTHER_DEPT_CODE}:tax-gateway`;
      const header = { ...f.header, kid: f.foreignDept.certificate.kid, x5c: [f.foreignDept.certificate.base64] };
      const assertion = signAssertion(header, claimsFor(now, clientId), f.foreignDept.privateKey);
      expect(await verify(assertion)).toBe('UNAUTHENTICATED/CERTIFICATE/TRUSTED_ROOT');
      // Sending the foreign root along does not help: it is not in the trust store.
      const withRoot = signAssertion({ ...header, x5c: [f.foreignDept.certificate.base64, f.foreignRoot.certificate.base64] }, claimsFor(now, clientId), f.foreignDept.privateKey);
      expect(await verify(withRoot)).toBe('UNAUTHENTICATED/CERTIFICATE/TRUSTED_ROOT');
    });

    it('keeps names from an untrusted certificate out of the message unescaped', async () => {
      const key = f.keys[0];
      if (!key) throw new Error('fixture has no spare key');
      const { createCertificateAuthority } = await import('../../crypto/index.js');
      const evilRoot = createCertificateAuthority({ commonName: 'Evil\nRoot\u202E', organization: 'Evil\r\nINFO forged log line', keyPair: key });
      const header = { ...f.header, x5c: [evilRoot.certificate.base64] };
      const error = await verifyClientAssertion(signAssertion(header, claimsFor(now), evilRoot.privateKey), options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      const { message, details } = error as AppError;
      expect(details.reason).toBe('CERTIFICATE');
      expect(message + JSON.stringify(details)).not.toMatch(/[\n\r\u202E]/);
    });

    it('refuses an expired certificate', async () => {
      const day = 24 * 3600 * 1000;
      const key = f.keys[0];
      if (!key) throw new Error('fixture has no spare key');
      const expired = createDepartmentCertificate({
        issuer: f.root,
        departmentCode: DEPT_CODE,
        departmentName: '测试市市场监督管理局',
        notBefore: new Date(now.getTime() - 400 * day),
        notAfter: new Date(now.getTime() - day),
        keyPair: key,
      });
      const assertion = signAssertion({ ...f.header, kid: expired.certificate.kid, x5c: [expired.certificate.base64] }, claimsFor(now), expired.privateKey);
      expect(await verify(assertion)).toBe('UNAUTHENTICATED/CERTIFICATE/VALIDITY');
    });

    it('refuses a certificate removed from the trust store', async () => {
      const assertion = f.assertion(claimsFor(now));
      const trust = new TrustStore().addRoot(f.root.certificate);
      trust.removeCertificate(f.dept.certificate);
      expect(await verify(assertion, { trust })).toBe('UNAUTHENTICATED/CERTIFICATE/REVOKED_CERT');
    });
  });

  describe('signature', () => {
    it('refuses a flipped signature bit', async () => {
      const assertion = f.assertion(claimsFor(now));
      const [head, body, sig] = assertion.split('.') as [string, string, string];
      const bytes = Buffer.from(sig, 'base64url');
      bytes[10] = (bytes[10] ?? 0) ^ 0x01;
      expect(await verify(`${head}.${body}.${bytes.toString('base64url')}`)).toBe('UNAUTHENTICATED/SIGNATURE');
    });

    it('refuses a signature by another key, an empty one, and PS256 claimed over an RS256 signature', async () => {
      expect(await verify(signAssertion(f.header, claimsFor(now), f.foreignDept.privateKey))).toBe('UNAUTHENTICATED/SIGNATURE');
      const [head, body] = f.assertion(claimsFor(now)).split('.') as [string, string];
      expect(await verify(`${head}.${body}.`)).toBe('UNAUTHENTICATED/SIGNATURE');
      const rs = f.assertion(claimsFor(now), { alg: 'RS256' }).split('.') as [string, string, string];
      const asPs = signAssertion(f.header, claimsFor(now), f.dept.privateKey).split('.') as [string, string, string];
      expect(await verify(`${asPs[0]}.${asPs[1]}.${rs[2]}`)).toBe('UNAUTHENTICATED/SIGNATURE');
    });
  });

  describe('claims', () => {
    it('refuses the wrong audience', async () => {
      expect(await verify(f.assertion({ ...claimsFor(now), aud: 'https://other.test/oauth/token' }))).toBe('UNAUTHENTICATED/AUDIENCE');
      expect(await verify(f.assertion({ ...claimsFor(now), aud: [] }))).toBe('UNAUTHENTICATED/AUDIENCE');
      expect(await verify(f.assertion({ ...claimsFor(now), aud: `${TOKEN_ENDPOINT}/` }))).toBe('UNAUTHENTICATED/AUDIENCE');
      const { aud: _aud, ...noAud } = claimsFor(now);
      expect(await verify(f.assertion(noAud))).toBe('UNAUTHENTICATED/AUDIENCE');
    });

    it('refuses an expired assertion', async () => {
      const past = new Date(now.getTime() - 120_000);
      expect(await verify(f.assertion(claimsFor(past)))).toBe('UNAUTHENTICATED/EXPIRED');
    });

    it('refuses a lifetime longer than allowed, or not positive', async () => {
      const claims = claimsFor(now);
      const iat = claims.iat as number;
      expect(await verify(f.assertion({ ...claims, exp: iat + 301 }))).toBe('UNAUTHENTICATED/LIFETIME');
      expect(await verify(f.assertion({ ...claimsFor(now), exp: iat + 3600 }))).toBe('UNAUTHENTICATED/LIFETIME');
      expect(await verify(f.assertion({ ...claimsFor(now), exp: iat + 300 }))).toBe('ACCEPTED');
      expect(await verify(f.assertion({ ...claimsFor(now), iat: iat + 10, exp: iat + 10 }))).toBe('UNAUTHENTICATED/LIFETIME');
      expect(await verify(f.assertion({ ...claimsFor(now), exp: iat + 120 }), { maxLifetimeSeconds: 60 })).toBe('UNAUTHENTICATED/LIFETIME');
    });

    it('refuses iat or nbf in the future beyond the tolerance', async () => {
      const claims = claimsFor(new Date(now.getTime() + 120_000));
      expect(await verify(f.assertion(claims))).toBe('UNAUTHENTICATED/NOT_YET_VALID');
      const nbf = Math.floor(now.getTime() / 1000) + 45;
      expect(await verify(f.assertion({ ...claimsFor(now), nbf }))).toBe('UNAUTHENTICATED/NOT_YET_VALID');
    });

    it('requires exp, iat and jti', async () => {
      for (const name of ['exp', 'iat', 'jti']) {
        const claims = claimsFor(now);
        delete claims[name];
        expect(await verify(f.assertion(claims))).toBe('UNAUTHENTICATED/MALFORMED');
      }
      expect(await verify(f.assertion({ ...claimsFor(now), exp: '9999999999' }))).toBe('UNAUTHENTICATED/MALFORMED');
      expect(await verify(f.assertion({ ...claimsFor(now), jti: 'j'.repeat(257) }))).toBe('UNAUTHENTICATED/MALFORMED');
    });

    it('refuses iss ≠ sub, and a missing iss', async () => {
      expect(await verify(f.assertion({ ...claimsFor(now), sub: `${DEPT_CODE}:other-system` }))).toBe('UNAUTHENTICATED/ISSUER_SUBJECT');
      const { iss: _iss, ...noIss } = claimsFor(now);
      expect(await verify(f.assertion(noIss))).toBe('UNAUTHENTICATED/ISSUER_SUBJECT');
    });

    it('refuses a client id of another department than the certificate, or of the wrong shape', async () => {
      expect(await verify(f.assertion(claimsFor(now, `${OTHER_DEPT_CODE}:tax-gateway`)))).toBe('UNAUTHENTICATED/CLIENT_ID');
      for (const clientId of ['tax-gateway', DEPT_CODE, `${DEPT_CODE}:`, `${DEPT_CODE}:Tax Gateway`, `${DEPT_CODE}:tax:gateway`, `${DEPT_CODE.toLowerCase()}:tax-gateway`]) {
        expect(await verify(f.assertion(claimsFor(now, clientId)))).toBe('UNAUTHENTICATED/CLIENT_ID');
      }
    });
  });

  describe('replay', () => {
    it('refuses a jti used before', async () => {
      const assertion = f.assertion(claimsFor(now));
      expect(await verify(assertion)).toBe('ACCEPTED');
      expect(await verify(assertion)).toBe('UNAUTHENTICATED/REPLAY');
      // A new assertion reusing the jti is a replay too.
      const reused = f.assertion({ ...claimsFor(now), jti: JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString()).jti });
      expect(await verify(reused)).toBe('UNAUTHENTICATED/REPLAY');
    });

    it('does not spend the jti of an assertion refused for another reason', async () => {
      const claims = claimsFor(now);
      expect(await verify(f.assertion(claims), { tokenEndpoint: 'https://other.test/token' })).toBe('UNAUTHENTICATED/AUDIENCE');
      expect(await verify(f.assertion(claims))).toBe('ACCEPTED');
    });

    it('remembers the jti until exp plus the tolerance', async () => {
      const claimed: { key: string; expiresAt: Date }[] = [];
      const spy: JtiStore = { claim: async (key, expiresAt) => (claimed.push({ key, expiresAt }), true) };
      const claims = claimsFor(now);
      expect(await verify(f.assertion(claims), { jti: spy })).toBe('ACCEPTED');
      expect(claimed).toEqual([{ key: `${CLIENT_ID} ${String(claims.jti)}`, expiresAt: new Date(((claims.exp as number) + 30) * 1000) }]);
    });
  });

  describe('options', () => {
    it('refuses to run without a token endpoint', async () => {
      expect(await verify(f.assertion(claimsFor(now)), { tokenEndpoint: '' })).toBe('INTERNAL_SERVER_ERROR/CONFIG');
    });
  });
});
