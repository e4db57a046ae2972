/**
 * Strict base64url (RFC 4648 §5, no padding) for JWS segments (internal to `jws/`).
 * Node's decoder is lenient (skips junk, accepts padding and non-zero trailing
 * bits); a hardened verifier accepts exactly one spelling of each byte string.
 */

const SEGMENT = /^[A-Za-z0-9_-]*$/;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** True when `s` is canonical unpadded base64url (alphabet, length, zero trailing bits). */
export function isCanonicalBase64Url(s: string): boolean {
  if (!SEGMENT.test(s)) return false;
  const rem = s.length % 4;
  if (rem === 1) return false;
  if (rem === 0) return true;
  const last = ALPHABET.indexOf(s.charAt(s.length - 1));
  // 2 chars carry 8 bits (4 spare), 3 chars carry 16 bits (2 spare): the spare bits must be zero.
  return rem === 2 ? (last & 0x0f) === 0 : (last & 0x03) === 0;
}

/** Decodes canonical base64url, or returns undefined. */
export function decodeBase64Url(s: string): Buffer | undefined {
  return isCanonicalBase64Url(s) ? Buffer.from(s, 'base64url') : undefined;
}

/** Encodes text (as UTF-8) or bytes as unpadded base64url. */
export function encodeBase64Url(data: string | Uint8Array): string {
  return (typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength)).toString('base64url');
}
