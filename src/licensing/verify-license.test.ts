import { beforeAll, describe, expect, it, vi } from 'vitest';
import { TrustStore } from '../crypto/index.js';
import { chinaDayEnd, chinaDayStart } from './china-time.js';
import { LicenseTokenError } from './errors.js';
import { buildCopyPayload, buildLicensePayload, buildQrPayload, signLicenseToken, type CopyClaims, type LicenseClaims } from './license-token.js';
import { createStatusCache } from './status-cache.js';
import {
  chinaDate,
  DEPT_CODE,
  ENTITY_ID,
  fixedStatus,
  licenceClaims,
  makeLicensingPki,
  OTHER_TYPE_CODE,
  PERSON_ID,
  STATUS_REF,
  STATUS_URI,
  statusListToken,
  UNAUTHORISED_DEPT_CODE,
  type LicensingPki,
} from './testing/licensing-fixture.js';
import {
  assertLicenseToken,
  LICENSE_CHECKS,
  verifyLicenseToken,
  type IssuerAuthority,
  type LicenseCheckName,
  type LicenseVerification,
  type Verdict,
  type VerifyLicenseOptions,
} from './verify-license.js';

const DAY = 86_400_000;
let pki: LicensingPki;
let now: Date;
let claims: LicenseClaims;
let good: string;

beforeAll(() => {
  pki = makeLicensingPki();
  now = pki.now;
  claims = licenceClaims(now);
  good = licence(claims);
});

function licence(c: LicenseClaims = claims, signer = pki.signer): string {
  return signLicenseToken('LICENSE', buildLicensePayload(c, STATUS_REF, now), signer);
}

function verify(token: string | Uint8Array, extra: Partial<VerifyLicenseOptions> = {}): Promise<LicenseVerification> {
  return verifyLicenseToken(token, { trust: pki.trust, statuses: fixedStatus(now), authority: pki.authority, at: now, ...extra });
}

const failed = (r: LicenseVerification): LicenseCheckName[] => r.checks.filter((c) => !c.ok && !c.skipped).map((c) => c.name);
const skipped = (r: LicenseVerification): LicenseCheckName[] => r.checks.filter((c) => c.skipped).map((c) => c.name);

function expectVerdict(r: LicenseVerification, verdict: Verdict, failures: LicenseCheckName[]): void {
  expect({ verdict: r.verdict, failed: failed(r) }).toEqual({ verdict, failed: failures });
  expect(r.checks.map((c) => c.name)).toEqual(LICENSE_CHECKS);
}

describe('verifyLicenseToken', () => {
  describe('a full licence', () => {
    it('is VALID with every check passed', async () => {
      const r = await verify(good, { expectedHolder: PERSON_ID });
      expect(r.verdict).toBe('VALID');
      expect(r.kind).toBe('LICENSE');
      expect(r.checks).toEqual(LICENSE_CHECKS.map((name) => ({ name, ok: true })));
      expect(r.license).toEqual(claims);
      expect(r.summary).toMatchObject({ licenseId: claims.licenseId, holder: claims.holder, issuer: { code: DEPT_CODE } });
      expect(r.status).toEqual({ value: 'VALID', listIssuedAt: new Date(now.getTime() - 60_000).toISOString(), ageSeconds: 60, source: 'LIVE' });
      expect(r.signer).toMatchObject({ departmentCode: DEPT_CODE, kid: pki.dept.certificate.kid });
    });

    it('skips HOLDER_MATCH, and is still VALID, when no holder is expected', async () => {
      const r = await verify(good);
      expectVerdict(r, 'VALID', []);
      expect(skipped(r)).toEqual(['HOLDER_MATCH']);
    });

    it('accepts the token as bytes', async () => {
      expect((await verify(Buffer.from(good))).verdict).toBe('VALID');
    });
  });

  describe('VALIDITY_WINDOW', () => {
    it('is EXPIRED after the end of validUntil, China time', async () => {
      const token = licence(licenceClaims(now, { validFrom: chinaDate(now, -800), issuedOn: chinaDate(now, -800), validUntil: chinaDate(now, -1) }));
      expectVerdict(await verify(token), 'EXPIRED', ['VALIDITY_WINDOW']);
    });

    it('counts the whole last day (China time), and not a millisecond more', async () => {
      const c = licenceClaims(now, { validUntil: chinaDate(now, 1) });
      const token = licence(c);
      const end = chinaDayEnd(c.validUntil as string);
      expect((await verify(token, { at: new Date(end - 1) })).verdict).toBe('VALID');
      expectVerdict(await verify(token, { at: new Date(end) }), 'EXPIRED', ['VALIDITY_WINDOW']);
    });

    it('is NOT_YET_VALID before 00:00 China time of validFrom', async () => {
      const c = licenceClaims(now, { validFrom: chinaDate(now, 2), issuedOn: chinaDate(now, 0) });
      const token = licence(c);
      expectVerdict(await verify(token), 'NOT_YET_VALID', ['VALIDITY_WINDOW']);
      const start = chinaDayStart(c.validFrom);
      expect((await verify(token, { at: new Date(start - 1) })).verdict).toBe('NOT_YET_VALID');
      expect((await verify(token, { at: new Date(start) })).verdict).toBe('VALID');
    });

    it('never expires a licence valid until revoked', async () => {
      const token = licence(licenceClaims(now, { validUntil: null }));
      expect((await verify(token, { at: new Date(now.getTime() + 300 * DAY) })).verdict).toBe('VALID');
    });
  });

  describe('STATUS', () => {
    it('is SUSPENDED for status 2', async () => {
      const r = await verify(good, { statuses: fixedStatus(now, 2) });
      expectVerdict(r, 'SUSPENDED', ['STATUS']);
      expect(r.status?.value).toBe('SUSPENDED');
    });

    it('is REVOKED for status 1', async () => {
      const r = await verify(good, { statuses: fixedStatus(now, 1) });
      expectVerdict(r, 'REVOKED', ['STATUS']);
      expect(r.status?.value).toBe('REVOKED');
    });

    it('puts REVOKED before EXPIRED when both hold', async () => {
      const token = licence(licenceClaims(now, { validFrom: chinaDate(now, -800), issuedOn: chinaDate(now, -800), validUntil: chinaDate(now, -1) }));
      expectVerdict(await verify(token, { statuses: fixedStatus(now, 1) }), 'REVOKED', ['VALIDITY_WINDOW', 'STATUS']);
    });

    it('is UNTRUSTED (fail closed) when the status cannot be obtained', async () => {
      const r = await verify(good, { statuses: async () => ({ error: 'network down' }) });
      expectVerdict(r, 'UNTRUSTED', ['STATUS']);
      expect(r.status).toBeUndefined();
    });

    it('is UNTRUSTED when the resolver rejects', async () => {
      expectVerdict(await verify(good, { statuses: () => Promise.reject(new Error('boom')) }), 'UNTRUSTED', ['STATUS']);
    });

    it.each([3, -1, 0.5, Number.NaN])('is UNTRUSTED for a status value (%s) with no meaning', async (value) => {
      expectVerdict(await verify(good, { statuses: fixedStatus(now, value) }), 'UNTRUSTED', ['STATUS']);
    });

    it('is UNTRUSTED for a malformed answer', async () => {
      const statuses = async () => ({ value: 0, listIssuedAt: 'yesterday', source: 'LIVE' }) as never;
      expectVerdict(await verify(good, { statuses }), 'UNTRUSTED', ['STATUS']);
    });

    it('reports the age and source of the list', async () => {
      const r = await verify(good, { statuses: fixedStatus(now, 0, 7200, 'CACHE') });
      expect(r.status).toMatchObject({ value: 'VALID', ageSeconds: 7200, source: 'CACHE' });
    });

    it('is UNTRUSTED when the list is older than maxStatusAgeSeconds', async () => {
      expectVerdict(await verify(good, { statuses: fixedStatus(now, 0, 7200), maxStatusAgeSeconds: 3600 }), 'UNTRUSTED', ['STATUS']);
      expect((await verify(good, { statuses: fixedStatus(now, 0, 7200), maxStatusAgeSeconds: 7200 })).verdict).toBe('VALID');
    });

    it('reads a real, signed status list through the status cache', async () => {
      const list = statusListToken(pki.signer, { overrides: { [STATUS_REF.idx]: 1 }, issuedAt: new Date(now.getTime() - 1000) });
      const statuses = createStatusCache(async () => list, { trust: pki.trust, now: () => now });
      const r = await verify(good, { statuses });
      expectVerdict(r, 'REVOKED', ['STATUS']);
      expect(r.status).toMatchObject({ value: 'REVOKED', ageSeconds: 1, source: 'LIVE' });
    });

    it('passes the signed status reference to the resolver', async () => {
      const statuses = vi.fn(fixedStatus(now));
      await verify(good, { statuses });
      expect(statuses).toHaveBeenCalledWith({ idx: STATUS_REF.idx, uri: STATUS_URI });
    });
  });

  describe('trust', () => {
    it('is UNTRUSTED for a licence chaining to a foreign root (SIGNATURE not attempted)', async () => {
      const r = await verify(licence(licenceClaims(now, {}, ENTITY_ID), pki.foreignSigner));
      expectVerdict(r, 'UNTRUSTED', ['CHAIN']);
      expect(skipped(r)).toEqual(expect.arrayContaining(['SIGNATURE', 'CERTIFICATE', 'ISSUER_AUTHORISED', 'STATUS']));
      expect(r.license).toBeUndefined();
    });

    it('is UNTRUSTED once the department certificate is removed from the trust store', async () => {
      const trust = new TrustStore().addRoot(pki.root.certificate);
      expect((await verify(good, { trust })).verdict).toBe('VALID');
      trust.removeCertificate(pki.dept.certificate);
      expectVerdict(await verify(good, { trust }), 'UNTRUSTED', ['CHAIN']);
    });

    it('is UNTRUSTED once the root is removed', async () => {
      const trust = new TrustStore().addRoot(pki.root.certificate);
      trust.removeRoot(pki.root.certificate);
      expectVerdict(await verify(good, { trust }), 'UNTRUSTED', ['CHAIN']);
    });

    it('reports an expired department certificate as CERTIFICATE, with CHAIN passed', async () => {
      const r = await verify(licence(claims, pki.expiredSigner));
      expectVerdict(r, 'UNTRUSTED', ['CERTIFICATE']);
      expect(r.checks.find((c) => c.name === 'CHAIN')?.ok).toBe(true);
    });

    it('reports a not-yet-valid department certificate as CERTIFICATE', async () => {
      expectVerdict(await verify(licence(claims, pki.futureSigner)), 'UNTRUSTED', ['CERTIFICATE']);
    });

    it('is UNTRUSTED when the issuing department may not issue the type', async () => {
      const r = await verify(licence(licenceClaims(now, {}, UNAUTHORISED_DEPT_CODE), pki.unauthorisedSigner));
      expectVerdict(r, 'UNTRUSTED', ['ISSUER_AUTHORISED']);
      expect(skipped(r)).toEqual(expect.arrayContaining(['VALIDITY_WINDOW', 'STATUS']));
    });

    it('is UNTRUSTED when the department may issue other types only', async () => {
      expectVerdict(await verify(licence(licenceClaims(now, { typeCode: OTHER_TYPE_CODE }))), 'UNTRUSTED', ['ISSUER_AUTHORISED']);
    });

    it('is UNTRUSTED when the signer is not the department the licence names as issuer', async () => {
      const statuses = vi.fn(fixedStatus(now));
      const r = await verify(licence(claims, pki.unauthorisedSigner), { statuses });
      expectVerdict(r, 'UNTRUSTED', ['ISSUER_AUTHORISED']);
      expect(statuses).not.toHaveBeenCalled();
    });

    it('refuses anything but an exact `true` from the authority', async () => {
      const authority = (() => 1) as unknown as IssuerAuthority;
      expectVerdict(await verify(good, { authority }), 'UNTRUSTED', ['ISSUER_AUTHORISED']);
    });

    it('gives the authority the department, the type and the signing certificate', async () => {
      const authority = vi.fn<IssuerAuthority>(() => true);
      await verify(good, { authority });
      expect(authority).toHaveBeenCalledWith(DEPT_CODE, claims.typeCode, { certificate: expect.objectContaining({ fingerprint: pki.dept.certificate.fingerprint }) });
    });
  });

  describe('HOLDER_MATCH', () => {
    it('matches an expected holder typed with a lower-case x', async () => {
      const r = await verify(good, { expectedHolder: PERSON_ID.toLowerCase() });
      expectVerdict(r, 'VALID', []);
      expect(r.checks.find((c) => c.name === 'HOLDER_MATCH')).toEqual({ name: 'HOLDER_MATCH', ok: true });
    });

    it('is INVALID for another holder', async () => {
      expectVerdict(await verify(good, { expectedHolder: '110105194912310021' }), 'INVALID', ['HOLDER_MATCH']);
    });

    it('is INVALID for an empty expected holder', async () => {
      expectVerdict(await verify(good, { expectedHolder: '' }), 'INVALID', ['HOLDER_MATCH']);
    });

    it('matches an entity by its credit code', async () => {
      const token = licence(licenceClaims(now, { holder: { kind: 'ENTITY', id: ENTITY_ID, idType: '001', name: '福州市鼓楼区好味道餐饮管理有限公司' } }));
      expect((await verify(token, { expectedHolder: ENTITY_ID })).verdict).toBe('VALID');
    });
  });

  describe('QR tokens', () => {
    let qr: string;
    beforeAll(() => {
      qr = signLicenseToken('QR', buildQrPayload(claims, STATUS_REF, now), pki.signer);
    });

    it('verifies a kid-only token when the trust store vouches for the department certificate', async () => {
      const r = await verify(qr, { trust: pki.trustWithVouched(), expectedHolder: PERSON_ID });
      expectVerdict(r, 'VALID', []);
      expect(r.kind).toBe('QR');
      expect(r.license).toBeUndefined();
      expect(r.summary).toEqual({
        licenseId: claims.licenseId, typeCode: claims.typeCode, licenseNumber: claims.licenseNumber, version: 1,
        holder: claims.holder, issuer: { code: DEPT_CODE }, validFrom: claims.validFrom, validUntil: claims.validUntil,
      });
    });

    it('is UNTRUSTED (CHAIN) where the certificate is not vouched for', async () => {
      expectVerdict(await verify(qr), 'UNTRUSTED', ['CHAIN']);
    });

    it('is EXPIRED and REVOKED like a full licence', async () => {
      const trust = pki.trustWithVouched();
      const c = licenceClaims(now, { validUntil: chinaDate(now, 1) });
      const shortLived = signLicenseToken('QR', buildQrPayload(c, STATUS_REF, now), pki.signer);
      expect((await verify(shortLived, { trust, at: new Date(chinaDayEnd(c.validUntil as string)) })).verdict).toBe('EXPIRED');
      expect((await verify(qr, { trust, statuses: fixedStatus(now, 1) })).verdict).toBe('REVOKED');
    });
  });

  describe('annotated copies', () => {
    let copy: CopyClaims;
    let token: string;
    beforeAll(() => {
      copy = { purpose: '办理食品经营许可变更登记', recipient: ENTITY_ID, madeBy: { department: DEPT_CODE, subject: 'user:zhangsan' }, expiresAt: new Date(now.getTime() + 7 * DAY) };
      token = signLicenseToken('COPY', buildCopyPayload(claims, STATUS_REF, copy, now), pki.signer);
    });

    it('round-trips with its annotations', async () => {
      const r = await verify(token, { expectedHolder: PERSON_ID });
      expectVerdict(r, 'VALID', []);
      expect(r.kind).toBe('COPY');
      expect(r.license).toEqual(claims);
      expect(r.copy).toEqual({ purpose: copy.purpose, recipient: ENTITY_ID, madeBy: copy.madeBy, expiresAt: new Date(Math.floor(copy.expiresAt.getTime() / 1000) * 1000).toISOString() });
    });

    it('is EXPIRED from the copy\'s expiry, though the licence runs on', async () => {
      expect((await verify(token, { at: new Date(copy.expiresAt.getTime() - 1000) })).verdict).toBe('VALID');
      expectVerdict(await verify(token, { at: copy.expiresAt }), 'EXPIRED', ['VALIDITY_WINDOW']);
    });
  });

  describe('robustness', () => {
    it('turns an authority that throws into a failed check with INVALID', async () => {
      const authority: IssuerAuthority = () => {
        throw new Error('database gone');
      };
      expectVerdict(await verify(good, { authority }), 'INVALID', ['ISSUER_AUTHORISED']);
    });

    it('is INVALID for an invalid verification time or size bound, without reading the token', async () => {
      expectVerdict(await verify(good, { at: new Date(Number.NaN) }), 'INVALID', ['WELL_FORMED']);
      expectVerdict(await verify(good, { maxBytes: Number.NaN }), 'INVALID', ['WELL_FORMED']);
      expectVerdict(await verify(good, { maxBytes: -1 }), 'INVALID', ['WELL_FORMED']);
    });

    it('does not throw without options', async () => {
      const r = await verifyLicenseToken(good, undefined as unknown as VerifyLicenseOptions);
      expect(r.verdict).toBe('INVALID');
    });
  });
});

describe('assertLicenseToken', () => {
  it('returns the verification of a VALID licence', async () => {
    const r = await assertLicenseToken(good, { trust: pki.trust, statuses: fixedStatus(now), authority: pki.authority, at: now });
    expect(r.verdict).toBe('VALID');
  });

  it('throws LicenseTokenError with the verdict and failed checks', async () => {
    const error = await assertLicenseToken(good, { trust: pki.trust, statuses: fixedStatus(now, 1), authority: pki.authority, at: now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LicenseTokenError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'REVOKED', failed: ['STATUS'] } });
  });
});
