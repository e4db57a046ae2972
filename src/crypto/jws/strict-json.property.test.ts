/**
 * Property tests (fast-check) for `parseStrictJsonObject`: it never throws,
 * reads every duplicate-free object exactly as `JSON.parse` does (refusing
 * only what its rules name: `__proto__` keys and nesting deeper than 32), and
 * rejects an object with a repeated key at any depth, however the key is
 * spelled.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStrictJsonObject } from './strict-json.js';

const MAX_DEPTH = 32;

/** Nesting depth of containers (the top object is 1) and whether any object has a `__proto__` key. */
function shape(value: unknown, depth = 1): { depth: number; proto: boolean } {
  if (value === null || typeof value !== 'object') return { depth: depth - 1, proto: false };
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  let deepest = depth;
  let proto = !Array.isArray(value) && Object.hasOwn(value, '__proto__');
  for (const child of children) {
    const inner = shape(child, depth + 1);
    deepest = Math.max(deepest, inner.depth);
    proto ||= inner.proto;
  }
  return { depth: deepest, proto };
}

/** What the documented rules say about `text`, with `JSON.parse` as the reference parser. */
function expected(text: string): { ok: true; value: unknown } | { ok: false } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false };
  const { depth, proto } = shape(value);
  return proto || depth > MAX_DEPTH ? { ok: false } : { ok: true, value };
}

/** A JSON string literal for `key`, each UTF-16 unit written plainly or as a `\uXXXX` escape as `escapes` says. */
function spell(key: string, escapes: readonly boolean[]): string {
  let out = '"';
  for (let i = 0; i < key.length; i += 1) {
    const unit = key.charAt(i);
    out += escapes[i % Math.max(escapes.length, 1)] ? `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}` : JSON.stringify(unit).slice(1, -1);
  }
  return `${out}"`;
}

const keyString = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('a', ':', '"', '\\', '{', '}', ',', '\u2028', '__proto_', 'constructor'));
const jsonValue = fc.jsonValue({ maxDepth: 3 });
/** JSON values without `__proto__` keys, which have their own rule. */
const plainValue = jsonValue.filter((v) => !shape(v).proto);
/** Key/value members with distinct keys (never `__proto__`). */
const members = fc.uniqueArray(fc.tuple(keyString.filter((k) => k !== '__proto__'), plainValue), { selector: ([k]) => k, maxLength: 6 });

/** Object text with one key written twice (the second time maybe with escapes), nested `depth` levels down in arrays or objects. */
const withDuplicate = fc
  .record({
    members,
    key: keyString.filter((k) => k !== '__proto__'),
    first: plainValue,
    second: plainValue,
    at: fc.nat(),
    escapes: fc.array(fc.boolean(), { maxLength: 8 }),
    wrappers: fc.array(fc.oneof(fc.constant<'array'>('array'), keyString.filter((k) => k !== '__proto__')), { maxLength: 5 }),
    space: fc.constantFrom('', ' ', '\n\t'),
  })
  .map(({ members: list, key, first, second, at, escapes, wrappers, space }) => {
    const others = list.filter(([k]) => k !== key).map(([k, v]) => `${JSON.stringify(k)}${space}:${space}${JSON.stringify(v)}`);
    const i = at % (others.length + 1);
    const j = (at >> 3) % (others.length + 2);
    const all = [...others.slice(0, i), `${JSON.stringify(key)}:${JSON.stringify(first)}`, ...others.slice(i)];
    all.splice(j, 0, `${spell(key, escapes)}${space}:${space}${JSON.stringify(second)}`);
    let text = `{${all.join(`,${space}`)}}`;
    for (const wrapper of wrappers) text = wrapper === 'array' ? `[1,${text}]` : `{${JSON.stringify(wrapper)}:${text}}`;
    return text.startsWith('[') ? `{"x":${text}}` : text;
  });

/** Arbitrary containers nested `levels` deep around a JSON value. */
const deep = fc
  .tuple(fc.integer({ min: 0, max: 40 }), jsonValue, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }))
  .map(([levels, leaf, arrays]) => {
    let text = JSON.stringify(leaf);
    for (let i = 0; i < levels; i += 1) text = arrays[i] ? `[${text}]` : `{"k${i}":${text}}`;
    return `{"top":${text}}`;
  });

/** Any text: arbitrary strings, JSON texts, and JSON texts with one character changed. */
const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }),
  fc.json(),
  fc.tuple(fc.json(), fc.nat(), fc.constantFrom('"', ':', ',', '{', '}', '[', ']', '\\', ' ', 'u', '0')).map(([text, n, ch]) => {
    const at = n % (text.length + 1);
    return text.slice(0, at) + ch + text.slice(at + 1);
  }),
);

describe('strict-json (property)', () => {
  describe(parseStrictJsonObject.name, () => {
    it('never throws, and accepts only what JSON.parse reads as an object, with the same value', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const result = parseStrictJsonObject(text);
          if (result.ok) expect(result.value).toEqual(JSON.parse(text));
          else expect(typeof result.reason).toBe('string');
        }),
        { numRuns: 2000 },
      );
    });

    it('agrees with JSON.parse on every duplicate-free object from fc.object and fc.json', () => {
      const objectText = fc.oneof(
        fc.object({ maxDepth: 4 }).map((o) => JSON.stringify(o)),
        fc.object({ maxDepth: 3, withNullPrototype: true, key: fc.string({ unit: 'binary' }) }).map((o) => JSON.stringify(o, null, 2)),
        fc.json({ maxDepth: 4 }),
      );
      fc.assert(
        fc.property(objectText, (text) => {
          const reference = expected(text);
          const result = parseStrictJsonObject(text);
          expect(result.ok).toBe(reference.ok);
          if (result.ok && reference.ok) expect(result.value).toEqual(reference.value);
        }),
        { numRuns: 2000 },
      );
    });

    it('refuses nesting deeper than 32 and accepts anything shallower', () => {
      fc.assert(
        fc.property(deep, (text) => {
          expect(parseStrictJsonObject(text).ok).toBe(expected(text).ok);
        }),
        { numRuns: 1000 },
      );
    });

    it('rejects an object that repeats a key, at any depth and however the key is escaped', () => {
      fc.assert(
        fc.property(withDuplicate, (text) => {
          // The generator's own sanity: the text is valid JSON, so only the duplicate can be refused.
          expect(() => JSON.parse(text)).not.toThrow();
          expect(parseStrictJsonObject(text)).toEqual({ ok: false, reason: 'duplicate key' });
        }),
        { numRuns: 2000 },
      );
    });
  });
});
