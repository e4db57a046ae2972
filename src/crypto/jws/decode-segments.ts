/**
 * Decoding of compact-JWS segments with caches for the hot path (internal to
 * `jws/`): the protected header (and its parsed `x5c`) is cached by its
 * base64url text, certificates by their base64 DER. Everything cached is a
 * pure function of the cached text, so the caches cannot be poisoned by one
 * token into accepting another; decoded headers are deep-frozen, certificates immutable.
 */
import { isUtf8 } from 'node:buffer';
import { deepFreeze } from '../../util/deep-freeze.js';
import { Lru } from '../lru.js';
import { Certificate } from '../pki/certificate.js';
import { MAX_PATH_LENGTH } from '../pki/verify-chain.js';
import { decodeBase64Url } from './base64url.js';
import { parseStrictJsonObject } from './strict-json.js';

/** What is cached for one header segment: pure functions of its text (`x5c` is filled in on first use). */
export type HeaderEntry =
  | { readonly ok: false; readonly reason: string }
  | { readonly ok: true; readonly header: Readonly<Record<string, unknown>>; x5c?: { certs: readonly Certificate[] } | { error: string } };

const headerCache = new Lru<string, HeaderEntry>(1000);
const certificateCache = new Lru<string, Certificate | string>(1000);

/** base64url → UTF-8 → strict JSON object, or a reason. */
export function decodeJsonSegment(segment: string, what: string): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  const bytes = decodeBase64Url(segment);
  if (bytes === undefined) return { ok: false, reason: `${what} is not canonical base64url` };
  // isUtf8 + toString is several times cheaper than a fatal TextDecoder on this hot path.
  if (!isUtf8(bytes)) return { ok: false, reason: `${what} is not UTF-8` };
  const text = bytes.toString('utf8');
  const parsed = parseStrictJsonObject(text);
  return parsed.ok ? parsed : { ok: false, reason: `${what}: ${parsed.reason}` };
}

// The previous header segment and its entry: most traffic repeats one signer's header, and comparing
// two equal strings is cheaper than hashing one for the LRU.
let lastHeader: { segment: string; entry: HeaderEntry } | undefined;

/** The decoded, frozen header for a header segment (cached). */
export function headerEntry(segment: string): HeaderEntry {
  if (lastHeader !== undefined && lastHeader.segment === segment) return lastHeader.entry;
  let entry = headerCache.get(segment);
  if (entry === undefined) {
    const decoded = decodeJsonSegment(segment, 'header');
    entry = decoded.ok ? { ok: true, header: deepFreeze(decoded.value) } : decoded;
    headerCache.set(segment, entry);
  }
  lastHeader = { segment, entry };
  return entry;
}

/** Parses x5c through the certificate cache; memoised on the header entry. */
export function x5cOf(entry: Extract<HeaderEntry, { ok: true }>, x5c: unknown): { certs: readonly Certificate[] } | { error: string } {
  if (entry.x5c) return entry.x5c;
  let result: { certs: readonly Certificate[] } | { error: string };
  if (!Array.isArray(x5c) || x5c.length === 0 || x5c.length > MAX_PATH_LENGTH) {
    result = { error: `x5c must be an array of 1…${MAX_PATH_LENGTH} certificates` };
  } else {
    const certs: Certificate[] = [];
    let error: string | undefined;
    for (const [i, b64] of x5c.entries()) {
      if (typeof b64 !== 'string') {
        error = `x5c[${i}] is not a string`;
        break;
      }
      let cert = certificateCache.get(b64);
      if (cert === undefined) {
        try {
          cert = Certificate.fromBase64(b64);
        } catch (e) {
          cert = e instanceof Error ? e.message : 'unparseable';
        }
        certificateCache.set(b64, cert);
      }
      if (typeof cert === 'string') {
        error = `x5c[${i}]: ${cert}`;
        break;
      }
      certs.push(cert);
    }
    result = error === undefined ? { certs: Object.freeze(certs) } : { error };
  }
  entry.x5c = result;
  return result;
}

