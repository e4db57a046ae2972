import type { KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { JwsError, type JwsSigner } from '../crypto/index.js';
import { chinaDayEnd, chinaDayStart } from './china-time.js';
import { LicenseTokenError } from './errors.js';
import {
  buildCopyPayload,
  buildLicensePayload,
  buildQrPayload,
  LICENSE_COPY_TYP,
  LICENSE_QR_TYP,
  LICENSE_TYP,
  parseLicenseClaims,
  signLicenseToken,
  type CopyClaims,
  type LicenseClaims,
} from './license-token.js';
import { DEPT_CODE, ENTITY_ID, licenceClaims, makeLicensingPki, PERSON_ID, STATUS_REF, type LicensingPki } from './testing/licensing-fixture.js';

let pki: LicensingPki;
let now: Date;
let claims: LicenseClaims;
let copy: CopyClaims;

beforeAll(() => {
  pki = makeLicensingPki();
  now = pki.now;
  claims = licenceClaims(now);
  copy = { purpose: '办理食品经营许可变更登记', recipient: ENTITY_ID, madeBy: { department: DEPT_CODE, subject: 'user:zhangsan' }, expiresAt: new Date(now.getTime() + 7 * 86_400_000) };
});

const decode = (token: string, part: 0 | 1): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[part] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** The error a call throws (fails the test when it does not throw). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('buildLicensePayload', () => {
  it('writes JWT-style registered claims that repeat the licence', () => {
    const p = buildLicensePayload(claims, STATUS_REF, now);
    expect(p).toMatchObject({
      iss: DEPT_CODE,
      sub: PERSON_ID,
      jti: claims.licenseId,
      iat: Math.floor(now.getTime() / 1000),
      nbf: chinaDayStart(claims.validFrom) / 1000,
      exp: chinaDayEnd(claims.validUntil as string) / 1000,
      status: { status_list: { idx: STATUS_REF.idx, uri: STATUS_REF.uri } },
    });
    expect(p.license).toEqual(claims);
  });

  it('has no exp for a licence valid until revoked', () => {
    expect(buildLicensePayload({ ...claims, validUntil: null }, STATUS_REF, now)).not.toHaveProperty('exp');
  });

  it('normalises a lower-case x in a citizen ID number', () => {
    const p = buildLicensePayload({ ...claims, holder: { ...claims.holder, id: PERSON_ID.toLowerCase() } }, STATUS_REF, now);
    expect(p.sub).toBe(PERSON_ID);
  });

  it('copies only the claim fields of an object that has more (an ORM entity)', () => {
    const entity = { ...claims, signedToken: 'secret', holder: { ...claims.holder, phone: '13800000000' } } as LicenseClaims;
    const p = buildLicensePayload(entity, STATUS_REF, now);
    expect(p.license).toEqual(claims);
  });

  it.each<[string, (c: LicenseClaims) => LicenseClaims, string]>([
    ['a wrong identifier check character', (c) => ({ ...c, licenseId: `${c.licenseId.slice(0, -1)}${c.licenseId.endsWith('0') ? '1' : '0'}` }), 'license.licenseId'],
    ['an identifier of another type', (c) => ({ ...c, typeCode: `${c.typeCode.slice(0, 18)}002`, definingAuthority: c.definingAuthority }), 'license.licenseId'],
    ['an identifier of another version', (c) => ({ ...c, version: 2 }), 'license.licenseId'],
    ['a person with a credit-code id type', (c) => ({ ...c, holder: { ...c.holder, idType: '001' } }), 'license.holder.idType'],
    ['an entity holder with a citizen ID', (c) => ({ ...c, holder: { kind: 'ENTITY', id: 'not-a-credit-code', idType: '001', name: '某公司' } }), 'license.holder.id'],
    ['an impossible date', (c) => ({ ...c, validUntil: '2030-02-30' }), 'license.validUntil'],
    ['validUntil before validFrom', (c) => ({ ...c, validUntil: '2000-01-01' }), 'license.validUntil'],
    ['a name with a direction override', (c) => ({ ...c, holder: { ...c.holder, name: '欧阳\u202e娜娜' } }), 'license.holder.name'],
    ['an empty licence number', (c) => ({ ...c, licenseNumber: '' }), 'license.licenseNumber'],
    ['a defining authority the type code does not name', (c) => ({ ...c, definingAuthority: { code: ENTITY_ID, name: 'x' } }), 'license.definingAuthority.code'],
    ['a jurisdiction that is not a division code', (c) => ({ ...c, jurisdictionCode: '35010' }), 'license.jurisdictionCode'],
    ['data that is not an object', (c) => ({ ...c, data: [] as unknown as Record<string, unknown> }), 'license.data'],
  ])('refuses %s (INVALID_CLAIMS naming the field)', (_, change, field) => {
    const e = thrown(() => buildLicensePayload(change(claims), STATUS_REF, now));
    expect(e).toBeInstanceOf(LicenseTokenError);
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'INVALID_CLAIMS', field } });
  });

  it('refuses a status reference that is not http(s)', () => {
    const e = thrown(() => buildLicensePayload(claims, { idx: 1, uri: 'file:///etc/passwd' }, now));
    expect(e).toMatchObject({ details: { reason: 'INVALID_CLAIMS', field: 'status.status_list.uri' } });
  });
});

describe('buildQrPayload', () => {
  it('uses short names and leaves out what the identifier already carries', () => {
    const p = buildQrPayload(claims, STATUS_REF, now);
    expect(Object.keys(p).sort()).toEqual(['f', 'h', 'hn', 'i', 'iat', 'k', 'n', 's', 'u']);
    expect(p).toMatchObject({ i: claims.licenseId, h: PERSON_ID, k: '111', hn: '欧阳娜娜', s: [STATUS_REF.idx, STATUS_REF.uri] });
  });

  it('parses back into the summary, type, issuer and version read from the identifier', () => {
    const summary = parseLicenseClaims(buildQrPayload(claims, STATUS_REF, now), 'QR');
    expect(summary).toEqual({
      licenseId: claims.licenseId,
      typeCode: claims.typeCode,
      licenseNumber: claims.licenseNumber,
      version: 1,
      holder: claims.holder,
      issuer: { code: DEPT_CODE },
      validFrom: claims.validFrom,
      validUntil: claims.validUntil,
    });
  });
});

describe('buildCopyPayload', () => {
  it('adds the copy annotations and expires with the copy', () => {
    const p = buildCopyPayload(claims, STATUS_REF, copy, now);
    const copyExp = Math.floor(copy.expiresAt.getTime() / 1000);
    expect(p).toMatchObject({ exp: copyExp, copy: { purpose: copy.purpose, recipient: ENTITY_ID, madeBy: copy.madeBy, exp: copyExp } });
  });

  it('expires with the licence when the licence ends first', () => {
    const short = { ...claims, validUntil: claims.validFrom };
    const p = buildCopyPayload(short, STATUS_REF, { ...copy, expiresAt: new Date(now.getTime() + 10 * 365 * 86_400_000) }, now);
    expect(p.exp).toBe(chinaDayEnd(short.validFrom) / 1000);
  });

  it('refuses a copy for a recipient that is not a credit code', () => {
    const e = thrown(() => buildCopyPayload(claims, STATUS_REF, { ...copy, recipient: 'tax bureau' }, now));
    expect(e).toMatchObject({ details: { reason: 'INVALID_CLAIMS', field: 'copy.recipient' } });
  });
});

describe('signLicenseToken', () => {
  it('signs a full licence and a copy with x5c, a QR token with alg, typ and kid only', () => {
    const full = signLicenseToken('LICENSE', buildLicensePayload(claims, STATUS_REF, now), pki.signer);
    const copyToken = signLicenseToken('COPY', buildCopyPayload(claims, STATUS_REF, copy, now), pki.signer);
    const qr = signLicenseToken('QR', buildQrPayload(claims, STATUS_REF, now), pki.signer);
    expect(decode(full, 0)).toMatchObject({ alg: 'PS256', typ: LICENSE_TYP, kid: pki.dept.certificate.kid, x5c: [pki.dept.certificate.base64] });
    expect(decode(copyToken, 0)).toMatchObject({ typ: LICENSE_COPY_TYP, x5c: [pki.dept.certificate.base64] });
    expect(decode(qr, 0)).toEqual({ alg: 'PS256', typ: LICENSE_QR_TYP, kid: pki.dept.certificate.kid });
  });

  it('refuses to sign one kind of payload as another', () => {
    const licence = buildLicensePayload(claims, STATUS_REF, now);
    expect(thrown(() => signLicenseToken('QR', licence, pki.signer))).toMatchObject({ details: { reason: 'INVALID_CLAIMS' } });
    expect(thrown(() => signLicenseToken('COPY', licence, pki.signer))).toMatchObject({ details: { reason: 'INVALID_CLAIMS' } });
    const copyPayload = buildCopyPayload(claims, STATUS_REF, copy, now);
    expect(thrown(() => signLicenseToken('LICENSE', copyPayload, pki.signer))).toMatchObject({ details: { reason: 'INVALID_CLAIMS' } });
  });

  it('refuses a hand-made signer whose key is not the certificate\'s', () => {
    const signer: JwsSigner = { privateKey: pki.foreignDept.privateKey as KeyObject, chain: [pki.dept.certificate] };
    const e = thrown(() => signLicenseToken('QR', buildQrPayload(claims, STATUS_REF, now), signer));
    expect(e).toBeInstanceOf(JwsError);
    expect(e).toMatchObject({ details: { reason: 'INVALID_SIGNER' } });
  });
});

describe('parseLicenseClaims', () => {
  it('returns the full claims of a licence payload', () => {
    expect(parseLicenseClaims(buildLicensePayload(claims, STATUS_REF, now), 'LICENSE')).toEqual(claims);
  });

  it.each<[string, (p: Record<string, unknown>) => void, string]>([
    ['an unknown top-level claim', (p) => { p.admin = true; }, 'admin'],
    ['a copy object in a licence', (p) => { p.copy = {}; }, 'copy'],
    ['an unknown licence field', (p) => { (p.license as Record<string, unknown>).note = 'x'; }, 'license.note'],
    ['an unknown holder field', (p) => { ((p.license as Record<string, Record<string, unknown>>).holder as Record<string, unknown>).verified = true; }, 'license.holder.verified'],
    ['an unknown status field', (p) => { (p.status as Record<string, unknown>).status_list = { idx: 1, uri: STATUS_REF.uri, bits: 1 }; }, 'status.status_list.bits'],
    ['a missing field', (p) => { delete (p.license as Record<string, unknown>).typeName; }, 'license.typeName'],
    ['a version given as a string', (p) => { (p.license as Record<string, unknown>).version = '1'; }, 'license.version'],
    ['a negative status index', (p) => { (p.status as Record<string, unknown>).status_list = { idx: -1, uri: STATUS_REF.uri }; }, 'status.status_list.idx'],
    ['iss that differs from the issuer', (p) => { p.iss = ENTITY_ID; }, 'iss'],
    ['sub that differs from the holder', (p) => { p.sub = ENTITY_ID; }, 'sub'],
    ['jti that differs from the identifier', (p) => { p.jti = 'x'; }, 'jti'],
    ['nbf that differs from validFrom', (p) => { p.nbf = (p.nbf as number) - 1; }, 'nbf'],
    ['exp that extends the validity', (p) => { p.exp = (p.exp as number) + 86_400; }, 'exp'],
    ['a fractional iat', (p) => { p.iat = 1.5; }, 'iat'],
  ])('rejects %s', (_, change, field) => {
    const p = structuredClone(buildLicensePayload(claims, STATUS_REF, now));
    change(p);
    expect(parseLicenseClaims(p, 'LICENSE')).toMatchObject({ field });
  });

  it('rejects a licence payload read as a QR payload and the reverse', () => {
    expect(parseLicenseClaims(buildLicensePayload(claims, STATUS_REF, now), 'QR')).toHaveProperty('error');
    expect(parseLicenseClaims(buildQrPayload(claims, STATUS_REF, now), 'LICENSE')).toHaveProperty('error');
    expect(parseLicenseClaims(buildLicensePayload(claims, STATUS_REF, now), 'COPY')).toHaveProperty('error');
  });

  it('never throws on non-objects', () => {
    for (const junk of [null, 1, 'x', [], undefined]) {
      expect(parseLicenseClaims(junk as unknown as Record<string, unknown>, 'LICENSE')).toHaveProperty('error');
    }
  });
});
