/**
 * Strict JSON for JOSE headers and payloads (internal to `jws/`).
 *
 * `JSON.parse` silently keeps the last of two equal keys, so a token could
 * mean one thing to us and another to a different parser (RFC 7515 §4: header
 * names MUST be unique; RFC 8259 §4 says behaviour is unpredictable). This
 * scanner validates the text, rejects duplicate keys at any depth (comparing
 * keys after unescaping, so `"a"` and `"\u0061"` collide), rejects
 * `__proto__` keys and excessive nesting; only then is `JSON.parse` called.
 */

export type StrictJsonResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly reason: string };

const MAX_DEPTH = 32;
// Sticky: matched at `lastIndex` only. Module-level is safe because parsing is synchronous.
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Reject extends Error {}

/** Parses `text` as a JSON object under the rules above. Never throws. */
export function parseStrictJsonObject(text: string): StrictJsonResult {
  let pos = 0;
  const n = text.length;

  const fail = (why: string): never => {
    throw new Reject(`${why} at offset ${pos}`);
  };

  const ws = () => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) pos++;
      else break;
    }
  };

  /** Scans a string starting at the opening quote; returns its decoded value when `decode` (keys only). */
  const string = (decode: boolean): string => {
    const start = ++pos;
    let escaped = false;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 0x22) {
        const raw = text.slice(start, pos++);
        // JSON.parse does the unescaping (and rejects bad escapes) only when there is something to unescape.
        return decode && escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
      }
      if (c < 0x20) fail('control character in string');
      if (c === 0x5c) {
        escaped = true;
        pos += 2;
      } else pos++;
    }
    return fail('unterminated string');
  };

  const literal = (word: string) => {
    if (text.startsWith(word, pos)) pos += word.length;
    else fail('unexpected token');
  };

  const number = () => {
    NUMBER.lastIndex = pos;
    if (!NUMBER.test(text) || NUMBER.lastIndex === pos) fail('bad number');
    pos = NUMBER.lastIndex;
  };

  const value = (depth: number): void => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    ws();
    const c = text.charCodeAt(pos);
    if (c === 0x7b) object(depth + 1);
    else if (c === 0x5b) array(depth + 1);
    else if (c === 0x22) string(false);
    else if (c === 0x74) literal('true');
    else if (c === 0x66) literal('false');
    else if (c === 0x6e) literal('null');
    else number();
  };

  const object = (depth: number) => {
    pos++;
    const keys = new Set<string>();
    ws();
    if (text.charCodeAt(pos) === 0x7d) {
      pos++;
      return;
    }
    for (;;) {
      ws();
      if (text.charCodeAt(pos) !== 0x22) fail('expected a key');
      const key = string(true);
      if (keys.has(key)) fail(`duplicate key "${key.slice(0, 40)}"`);
      if (key === '__proto__') fail('"__proto__" key');
      keys.add(key);
      ws();
      if (text.charCodeAt(pos) !== 0x3a) fail('expected ":"');
      pos++;
      value(depth);
      ws();
      const c = text.charCodeAt(pos++);
      if (c === 0x7d) return;
      if (c !== 0x2c) fail('expected "," or "}"');
    }
  };

  const array = (depth: number) => {
    pos++;
    ws();
    if (text.charCodeAt(pos) === 0x5d) {
      pos++;
      return;
    }
    for (;;) {
      value(depth);
      ws();
      const c = text.charCodeAt(pos++);
      if (c === 0x5d) return;
      if (c !== 0x2c) fail('expected "," or "]"');
    }
  };

  try {
    ws();
    if (text.charCodeAt(pos) !== 0x7b) return { ok: false, reason: 'not a JSON object' };
    object(1);
    ws();
    if (pos !== n) fail('trailing characters');
    return { ok: true, value: JSON.parse(text) as Record<string, unknown> };
  } catch (e) {
    return { ok: false, reason: e instanceof Reject ? e.message : `invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}
