import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { LicenseTokenError } from './errors.js';
import { buildQrPayload, signLicenseToken, type LicenseClaims } from './license-token.js';
import { qrByteLength, qrFits, qrPng, qrSvg, QR_ERROR_CORRECTION, QR_MAX_BYTES, QR_MAX_VERSION } from './qr.js';
import { ENTITY_ID, licenceClaims, makeLicensingPki, PERSON_ID, STATUS_REF, type LicensingPki } from './testing/licensing-fixture.js';

let pki: LicensingPki;

beforeAll(() => {
  pki = makeLicensingPki();
});

const qrToken = (claims: LicenseClaims): string => signLicenseToken('QR', buildQrPayload(claims, STATUS_REF, pki.now), pki.signer);
const versionOf = (token: string): number => QRCode.create(token, { errorCorrectionLevel: QR_ERROR_CORRECTION }).version;
const person = (name: string): Partial<LicenseClaims> => ({ holder: { kind: 'PERSON', id: PERSON_ID, idType: '111', name } });
const entity = (name: string): Partial<LicenseClaims> => ({ holder: { kind: 'ENTITY', id: ENTITY_ID, idType: '001', name } });

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => {
    throw new Error('expected a rejection');
  }, (e: unknown) => e);
}

describe('QR_MAX_BYTES', () => {
  // Realistic holders, an RSA-2048 signature and a 62-character status URI (see the TSDoc of QR_MAX_BYTES).
  it.each<[string, Partial<LicenseClaims>, number]>([
    ['a person with a two-character name', person('张伟'), 0.82],
    ['a person with a four-character name', person('欧阳娜娜'), 0.82],
    ['an enterprise with a 16-character name', entity('福州市鼓楼区好味道餐饮管理有限公司'), 0.87],
    ['an enterprise with a 25-character name', entity('福建省福州市鼓楼区好味道连锁餐饮管理服务有限责任公司'), 0.91],
  ])('fits the QR token of %s with margin', (_, overrides, share) => {
    const token = qrToken(licenceClaims(pki.now, overrides));
    expect(qrByteLength(token)).toBeLessThanOrEqual(Math.floor(QR_MAX_BYTES * share));
    expect(versionOf(token)).toBeLessThanOrEqual(QR_MAX_VERSION - 1);
    expect(qrFits(token)).toBe(true);
  });

  it('is the byte-mode capacity of the largest version at level M', () => {
    expect(versionOf('a'.repeat(QR_MAX_BYTES))).toBe(QR_MAX_VERSION);
    expect(versionOf('a'.repeat(QR_MAX_BYTES + 1))).toBe(QR_MAX_VERSION + 1);
  });
});

describe('qrSvg', () => {
  it('renders an SVG document', async () => {
    const svg = await qrSvg(qrToken(licenceClaims(pki.now)));
    expect(svg).toMatch(/^<svg[\s>]/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('renders a token of exactly QR_MAX_BYTES', async () => {
    await expect(qrSvg('a'.repeat(QR_MAX_BYTES))).resolves.toContain('<svg');
  });

  it('refuses a token over QR_MAX_BYTES (QR_TOO_LARGE, a server fault)', async () => {
    const e = await thrown(qrSvg('a'.repeat(QR_MAX_BYTES + 1)));
    expect(e).toBeInstanceOf(LicenseTokenError);
    expect(e).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', details: { reason: 'QR_TOO_LARGE' } });
  });

  it('counts UTF-8 bytes, not characters', async () => {
    const e = await thrown(qrSvg('中'.repeat(Math.ceil(QR_MAX_BYTES / 3) + 1)));
    expect(e).toMatchObject({ details: { reason: 'QR_TOO_LARGE' } });
  });

  it('refuses an empty token', async () => {
    expect(await thrown(qrSvg(''))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('qrPng', () => {
  it('renders a PNG', async () => {
    const png = await qrPng(qrToken(licenceClaims(pki.now)));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('refuses a token over QR_MAX_BYTES', async () => {
    expect(await thrown(qrPng('a'.repeat(QR_MAX_BYTES + 1)))).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', details: { reason: 'QR_TOO_LARGE' } });
  });
});
