/**
 * QR codes for compact licence tokens (`license-qr+jwt`), rendered with the
 * `qrcode` package at error correction level M.
 *
 * @example
 * const token = signLicenseToken('QR', buildQrPayload(claims, status, new Date()), signer);
 * const svg = await qrSvg(token);          // for the web page / PDF
 * const png = await qrPng(token);          // for print
 */
import QRCode from 'qrcode';
import { LicenseTokenError } from './errors.js';

/**
 * Error correction level M (~15 % of codewords recoverable): enough for a
 * scuffed printout or a phone screen with glare at a service counter, at
 * the cost of two or three versions over L. At Q the same tokens need
 * versions 27–29 (125–133 modules), too dense for a small print.
 */
export const QR_ERROR_CORRECTION = 'M' as const;

/** The largest QR version a token may need at level M: version 25, 117 × 117 modules. */
export const QR_MAX_VERSION = 25;

/**
 * Largest token, in bytes, rendered as a QR code: 997, the byte-mode capacity
 * of version 25 at level M (ISO/IEC 18004 table 7).
 *
 * Why version 25: with the 4-module quiet zone a version-25 code is 125
 * modules wide. Printed 40 mm wide on a licence that is 0.32 mm per module,
 * and shown on a phone (~55 mm usable width) 0.44 mm — both within what an
 * ordinary phone camera at a counter (15–25 cm away) resolves reliably;
 * denser codes need a larger print or a steadier hand.
 *
 * Measured (qr.test.ts asserts these bounds): a compact token signed with an
 * RSA-2048 key spends 422 bytes on header (78), signature (342) and dots; the
 * payload adds the rest. With a 62-character status URI, a person holder
 * with a four-character name is 805 bytes (version 23 at M), an enterprise
 * with a 16-character name 857 bytes (version 23), one with a 25-character
 * name 893 bytes (version 24): 19 %, 14 % and 10 % below the limit. Each
 * further Chinese character costs 4 bytes, so holder names up to ~50
 * characters fit. A token over the limit is refused rather than rendered as a
 * code phones struggle to read; call {@link qrFits} at issuance.
 */
export const QR_MAX_BYTES = 997;

/** The token's size as QR byte-mode data (UTF-8 bytes). */
export function qrByteLength(token: string): number {
  return Buffer.byteLength(token, 'utf8');
}

/** True when `token` fits {@link QR_MAX_BYTES}. Call it at issuance to refuse a QR before storing it. */
export function qrFits(token: string): boolean {
  return typeof token === 'string' && token.length > 0 && qrByteLength(token) <= QR_MAX_BYTES;
}

function checkSize(token: string): void {
  if (typeof token !== 'string' || token.length === 0) throw LicenseTokenError.invalidClaims('a QR code needs a non-empty token');
  const bytes = qrByteLength(token);
  if (bytes > QR_MAX_BYTES) throw LicenseTokenError.qrTooLarge(bytes, QR_MAX_BYTES);
}

/**
 * The token as an SVG QR code document (`<svg …>`), level M, 4-module quiet zone.
 *
 * @throws {LicenseTokenError} `QR_TOO_LARGE` (INTERNAL_SERVER_ERROR) over {@link QR_MAX_BYTES}.
 * @example
 * reply.type('image/svg+xml').send(await qrSvg(token));
 */
export async function qrSvg(token: string): Promise<string> {
  checkSize(token);
  return QRCode.toString(token, { type: 'svg', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4 });
}

/**
 * The token as a PNG QR code, level M, 4-module quiet zone, `scale` pixels
 * per module (default 4: a version-25 code is 500 px wide).
 *
 * @throws {LicenseTokenError} `QR_TOO_LARGE` (INTERNAL_SERVER_ERROR) over {@link QR_MAX_BYTES}.
 * @example
 * await writeFile('licence-qr.png', await qrPng(token));
 */
export async function qrPng(token: string, options: { scale?: number } = {}): Promise<Buffer> {
  checkSize(token);
  return QRCode.toBuffer(token, { type: 'png', errorCorrectionLevel: QR_ERROR_CORRECTION, margin: 4, scale: options.scale ?? 4 });
}
