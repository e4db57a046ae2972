/**
 * Strict JSON for JOSE headers and payloads (internal to `jws/`).
 *
 * `JSON.parse` silently keeps the last of two equal keys, so a token could
 * mean one thing to us and another to a different parser (RFC 7515 §4: header
 * names MUST be unique; RFC 8259 §4: behaviour is then unpredictable). This
 * parser rejects duplicate keys at any depth — compared after unescaping, so
 * `"a"` and `"\u0061"` collide — as well as `__proto__` keys, nesting deeper
 * than 32, and anything but an object at the top.
 *
 * How, cheaply (it runs on every verification): `JSON.parse` first validates
 * the syntax. In valid JSON every `:` outside a string follows exactly one
 * key, so the colons outside string literals (one scan that skips them)
 * count the keys as written; walking the parsed value counts the keys that
 * survived. The two counts differ exactly when some object repeated a key.
 */

export type StrictJsonResult =
  | { readonly ok: true; readonly value: Record<string, unknown> }
  | { readonly ok: false; readonly reason: string };

const MAX_DEPTH = 32;

class Reject extends Error {}

/** Counts own keys of every object in `value`; rejects `__proto__` and excessive depth. */
function countKeys(value: unknown, depth: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (depth > MAX_DEPTH) throw new Reject('nesting too deep');
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value) n += countKeys(item, depth + 1);
    return n;
  }
  for (const key of Object.keys(value)) {
    if (key === '__proto__') throw new Reject('"__proto__" key');
    n += 1 + countKeys((value as Record<string, unknown>)[key], depth + 1);
  }
  return n;
}

function countColonsOutsideStrings(text: string): number {
  // One pass over char codes: cheaper than blanking string literals with a regex (a copy of the text per call).
  // Runs only on text JSON.parse accepted, so quotes pair up and a backslash in a string escapes one character.
  let n = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) n++;
    else if (c === 0x22) {
      for (i++; i < length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    }
  }
  return n;
}

/** Parses `text` as a JSON object under the rules above. Never throws. */
export function parseStrictJsonObject(text: string): StrictJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: `invalid JSON: ${e instanceof Error ? e.message.slice(0, 80) : 'unparseable'}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' };
  try {
    // JSON.parse makes `__proto__` an ordinary own key; it is refused because spreading or
    // Object.assign-ing the payload later would set the target's prototype instead.
    if (countKeys(value, 1) !== countColonsOutsideStrings(text)) return { ok: false, reason: 'duplicate key' };
  } catch (e) {
    return { ok: false, reason: e instanceof Reject ? e.message : 'unreadable JSON' };
  }
  return { ok: true, value: value as Record<string, unknown> };
}
