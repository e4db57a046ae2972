/**
 * Structural decoding of a client assertion (internal): size, three canonical
 * base64url segments, strict-JSON header and claims. Nothing decoded here is
 * trusted until the signature has been verified.
 */
// The strict decoders of the crypto library are reused (not re-exported by its index): duplicate JSON keys and
// non-canonical base64url must be refused exactly as the e-licence verifier refuses them.
import { isCanonicalBase64Url } from '../../crypto/jws/base64url.js';
import { decodeJsonSegment } from '../../crypto/jws/decode-segments.js';
import { ClientAssertionError } from './errors.js';

/** Largest accepted assertion: 8 KiB, checked before any parsing. */
export const MAX_ASSERTION_LENGTH = 8 * 1024;

/** A structurally valid compact JWS, not yet verified. */
export interface DecodedAssertion {
  readonly header: Readonly<Record<string, unknown>>;
  readonly claims: Readonly<Record<string, unknown>>;
  /** `header.payload`, the bytes the signature covers (ASCII). */
  readonly signingInput: string;
  /** base64url signature; may be empty (so `alg: none` is reported as ALGORITHM, not MALFORMED). */
  readonly signature: string;
}

/**
 * Decodes `assertion` or throws {@link ClientAssertionError} `MALFORMED`.
 */
export function decodeAssertion(assertion: unknown): DecodedAssertion {
  const malformed = (why: string) => ClientAssertionError.rejected('MALFORMED', why);
  if (typeof assertion !== 'string') throw malformed('the assertion is not a string');
  // Anything non-ASCII fails the base64url check below, so UTF-16 length bounds the byte length here.
  if (assertion.length > MAX_ASSERTION_LENGTH) throw malformed(`the assertion is longer than ${MAX_ASSERTION_LENGTH} bytes`);
  const dot1 = assertion.indexOf('.');
  const dot2 = dot1 < 0 ? -1 : assertion.indexOf('.', dot1 + 1);
  if (dot2 < 0 || assertion.indexOf('.', dot2 + 1) >= 0) throw malformed('a compact JWS has exactly three segments');
  const headerB64 = assertion.slice(0, dot1);
  const payloadB64 = assertion.slice(dot1 + 1, dot2);
  const signature = assertion.slice(dot2 + 1);
  if (headerB64.length === 0 || payloadB64.length === 0) throw malformed('empty header or payload segment');
  if (!isCanonicalBase64Url(signature)) throw malformed('the signature is not canonical base64url');
  const header = decodeJsonSegment(headerB64, 'header');
  if (!header.ok) throw malformed(header.reason);
  const claims = decodeJsonSegment(payloadB64, 'claims');
  if (!claims.ok) throw malformed(claims.reason);
  return { header: header.value, claims: claims.value, signingInput: assertion.slice(0, dot2), signature };
}
