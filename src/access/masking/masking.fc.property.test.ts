/**
 * Property tests (fast-check) for `mask`: for every kind and any string
 * (astral characters, lone surrogates, megabytes), it never throws, shows
 * only characters of its input (in order, within a per-kind budget), never
 * hands a non-blank value back without a star, and masking a masked value
 * reveals nothing more. Complements mask.property.test.ts, which checks each
 * rule's exact shape against an oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mask, MASK_KINDS, type MaskKind } from './index.js';

/** Most characters (UTF-16 units, separators excluded) each identifier-like kind may leave visible. */
const VISIBLE_BUDGET: Partial<Record<MaskKind, number>> = {
  ID_NUMBER: 10, // division code (6) + sequence and check (4)
  CREDIT_CODE: 8, // authority, type, division
  PHONE: 7, // mobile 3 + 4; a landline shows its area code (3–4) only
  DATE: 4, // the year
  TEXT: 0,
};

/** What a masked value shows: everything but the stars, and for PHONE and DATE the `-` separators the rule writes. */
function visible(kind: MaskKind, masked: string): string {
  const shown = masked.replaceAll('*', '');
  return kind === 'PHONE' || kind === 'DATE' ? shown.replaceAll('-', '') : shown;
}

/** True when `part` can be obtained from `whole` by deleting UTF-16 units. */
function isSubsequence(part: string, whole: string): boolean {
  let j = 0;
  for (let i = 0; i < whole.length && j < part.length; i += 1) if (whole[i] === part[j]) j += 1;
  return j === part.length;
}

const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));
const han = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((u) => String.fromCharCode(u));
const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((u) => String.fromCodePoint(u));
const digits = (min: number, max = min): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** Any string: ASCII, any code point, graphemes, any code unit (lone surrogates), Han and astral runs, mask look-alikes. */
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: codeUnit }),
  fc.string({ unit: fc.oneof(han, astral, fc.constantFrom(' ', '·', '*', '-', '区', '市', '省', '\u3000')), maxLength: 40 }),
);

/** Values with their kind's shape (NAME: 2–13 characters; every other kind more than 4). */
const SHAPED: Record<MaskKind, fc.Arbitrary<string>> = {
  ID_NUMBER: fc.oneof(fc.tuple(digits(17), fc.constantFrom(...'0123456789Xx')).map(([a, b]) => a + b), digits(15)),
  CREDIT_CODE: fc.mixedCase(fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), minLength: 18, maxLength: 18 })),
  PHONE: fc.oneof(
    fc.tuple(fc.constantFrom('', '+86 ', '0086', '86'), fc.constantFrom(...'3456789'), digits(9), fc.constantFrom('', ' ', '-'))
      .map(([prefix, second, rest, sep]) => `${prefix}1${second}${rest.slice(0, 1)}${sep}${rest.slice(1, 5)}${sep}${rest.slice(5)}`),
    fc.tuple(fc.constantFrom('010', '020', '021', '0571', '0755', '0591'), digits(7, 8), fc.constantFrom('-', ' ', '')).map(([area, n, sep]) => area + sep + n),
  ),
  NAME: fc.oneof(
    fc.string({ unit: han, minLength: 2, maxLength: 6 }),
    fc.tuple(fc.string({ unit: han, minLength: 2, maxLength: 6 }), fc.string({ unit: han, minLength: 1, maxLength: 6 })).map(([a, b]) => `${a}·${b}`),
    fc.tuple(fc.constantFrom('欧阳', '司马', '诸葛', '上官'), fc.string({ unit: han, minLength: 1, maxLength: 3 })).map(([a, b]) => a + b),
  ),
  ADDRESS: fc
    .tuple(fc.constantFrom('北京市', '浙江省杭州市', '内蒙古自治区锡林郭勒盟', '广东省深圳市', ''), fc.string({ unit: han, minLength: 1, maxLength: 3 }), fc.constantFrom('区', '县', '市', '旗'), fc.string({ unit: han, minLength: 1, maxLength: 3 }), digits(1, 3))
    .map(([province, name, suffix, road, number]) => `${province}${name}${suffix}${road}路${number}号`),
  DATE: fc
    .tuple(digits(4), digits(2), digits(2), fc.constantFrom(['-', '-', ''], ['/', '/', ''], ['年', '月', '日'], ['', '', '']))
    .map(([y, m, d, [a, b, c]]) => `${y}${a}${m}${b}${d}${c}`),
  TEXT: fc.string({ unit: 'grapheme', minLength: 5, maxLength: 40 }).filter((s) => !s.includes('*')),
};

const kind = fc.constantFrom(...MASK_KINDS);

describe('masking (fast-check)', () => {
  describe(mask.name, () => {
    it('never throws and returns a string of bounded length, for every kind and any string', () => {
      fc.assert(
        fc.property(kind, anyString, (k, value) => {
          const out = mask(k, value);
          expect(typeof out).toBe('string');
          expect((out ?? '').length).toBeLessThanOrEqual(256);
        }),
        { numRuns: 2000 },
      );
    });

    it('never throws on very long strings, and its output does not grow with them', () => {
      const long = fc
        .tuple(fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), fc.string({ unit: codeUnit, minLength: 1, maxLength: 8 }), han), fc.integer({ min: 10_000, max: 300_000 }), anyString)
        .map(([chunk, length, tail]) => chunk.repeat(Math.ceil(length / chunk.length)) + tail);
      fc.assert(
        fc.property(kind, long, (k, value) => {
          expect((mask(k, value) ?? '').length).toBeLessThanOrEqual(256);
        }),
        { numRuns: 100 },
      );
    });

    it('returns null for null and undefined', () => {
      fc.assert(
        fc.property(kind, fc.constantFrom(null, undefined), (k, value) => {
          expect(mask(k, value)).toBeNull();
        }),
      );
    });

    it('masks any other non-string value completely', () => {
      fc.assert(
        fc.property(kind, fc.anything().filter((v) => typeof v !== 'string' && v !== null && v !== undefined), (k, value) => {
          expect(mask(k, value as string)).toBe('****');
        }),
        { numRuns: 500 },
      );
    });

    it('shows nothing for an unknown kind', () => {
      fc.assert(
        fc.property(fc.string().filter((k) => !(MASK_KINDS as readonly string[]).includes(k)), anyString.filter((v) => v !== ''), (k, value) => {
          expect(mask(k as MaskKind, value)).toBe('****');
        }),
        { numRuns: 500 },
      );
    });

    it('gives an empty string for a blank value, and a starred value for anything else', () => {
      const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\ufeff', '\u2028') });
      fc.assert(
        fc.property(kind, fc.oneof(blank, anyString), (k, value) => {
          const out = mask(k, value);
          if (value.trim() === '') expect(out).toBe('');
          else expect(out).toContain('*');
        }),
        { numRuns: 2000 },
      );
    });

    it('never returns a value of its kind unchanged', () => {
      fc.assert(
        fc.property(kind.chain((k) => fc.tuple(fc.constant(k), SHAPED[k])), ([k, value]) => {
          const out = mask(k, value);
          expect(out).not.toBe(value);
          expect(out).toContain('*');
        }),
        { numRuns: 2000 },
      );
    });

    it('shows only characters of its input, in order, within the budget of its kind', () => {
      const input = kind.chain((k) => fc.tuple(fc.constant(k), fc.oneof(SHAPED[k], anyString)));
      fc.assert(
        fc.property(input, ([k, value]) => {
          const shown = visible(k, mask(k, value) ?? '');
          expect(isSubsequence(shown, value)).toBe(true);
          const budget = VISIBLE_BUDGET[k];
          if (budget !== undefined) expect(shown.length).toBeLessThanOrEqual(budget);
        }),
        { numRuns: 2000 },
      );
    });

    it('reveals nothing more when a masked value is masked again', () => {
      const input = kind.chain((k) => fc.tuple(fc.constant(k), fc.oneof(SHAPED[k], anyString)));
      fc.assert(
        fc.property(input, ([k, value]) => {
          const once = mask(k, value) ?? '';
          const twice = mask(k, once) ?? '';
          expect(isSubsequence(visible(k, twice), visible(k, once))).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });
  });
});
