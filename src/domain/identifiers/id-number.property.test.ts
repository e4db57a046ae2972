/**
 * Property tests (fast-check) for citizen ID numbers: no input makes the
 * validator throw, `parseIdNumber` throws only a ValidationError carrying the
 * reason `validateIdNumber` reports, generated valid numbers round-trip, and
 * the MOD 11-2 check character catches every single substitution and every
 * adjacent transposition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { calendarDateInChina, idNumberCheckCharacter, parseIdNumber, validateIdNumber } from './id-number.js';

/** Noon on 2025-01-01 in China: every generated birth date (≤ 2024-12-31) is in the past. */
const TODAY = new Date('2025-01-01T04:00:00Z');
const REASONS = ['TYPE', 'CHARACTER', 'LENGTH', 'DIVISION', 'DATE', 'FUTURE_DATE', 'CHECK_CHARACTER'];
/** The reasons a corrupted 18-character number of digits (and X) can be rejected with. */
const CORRUPTION_REASONS = ['CHARACTER', 'DIVISION', 'DATE', 'FUTURE_DATE', 'CHECK_CHARACTER'];
/** GB/T 2260 province-level codes, restated here so generation does not depend on the code under test. */
const PROVINCES = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
];
/** GB 11643 weights 2^(18−i) mod 11 for positions 1–18 (the check character weighs 1). */
const FULL_WEIGHTS = Array.from({ length: 18 }, (_, i) => 2 ** (17 - i) % 11);

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** The ISO 7064 MOD 11-2 identity, independent of the code under test: Σ aᵢ·wᵢ ≡ 1 (mod 11), X = 10. */
function mod112Holds(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 18; i += 1) sum += (id[i] === 'X' ? 10 : Number(id[i])) * (FULL_WEIGHTS[i] ?? 0);
  return sum % 11 === 1;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Any string: ASCII, any code point, graphemes, and any UTF-16 code unit (lone surrogates included). */
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }),
);

interface GeneratedId {
  id: string;
  divisionCode: string;
  birthDate: string;
  sequence: number;
}

/** Valid numbers built from their parts; a lower-case `x` is used for about half of the X checks. */
const validId: fc.Arbitrary<GeneratedId> = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    county: fc.integer({ min: 0, max: 9999 }),
    born: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-12-31T23:59:59Z'), noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 }),
    lowerX: fc.boolean(),
  })
  .map(({ province, county, born, sequence, lowerX }) => {
    const birthDate = born.toISOString().slice(0, 10);
    const divisionCode = `${province}${pad(county, 4)}`;
    const first17 = `${divisionCode}${birthDate.replaceAll('-', '')}${pad(sequence, 3)}`;
    const check = idNumberCheckCharacter(first17);
    return { id: first17 + (lowerX && check === 'X' ? 'x' : check), divisionCode, birthDate, sequence };
  });

/** Near misses: 17–19 characters of digits and X/x, and real numbers with whitespace or full-width digits. */
const nearMiss = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789Xx'), minLength: 16, maxLength: 19 }),
  fc.tuple(validId, fc.nat(), fc.constantFrom(' ', '\t', '\n', '\u3000', '\u00a0', '\ufeff', '\u200b')).map(([{ id }, at, ws]) => {
    const i = at % (id.length + 1);
    return id.slice(0, i) + ws + id.slice(i);
  }),
  validId.map(({ id }) => id.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
  fc.constantFrom('', '11010519491231002', '1101051949123100211', '000000000000000000', '11010519490229002X', '11010518991231002X', '11010519491231002Y'),
);

describe('id-number (property)', () => {
  describe(validateIdNumber.name, () => {
    it('never throws, and rejects anything that is not a string with TYPE', () => {
      fc.assert(
        fc.property(fc.anything(), (raw) => {
          const result = validateIdNumber(raw, TODAY);
          if (typeof raw !== 'string') expect(result).toMatchObject({ ok: false, reason: 'TYPE' });
          else if (!result.ok) expect(REASONS).toContain(result.reason);
        }),
        { numRuns: 1000 },
      );
    });

    it('never throws on arbitrary and near-miss strings, and answers with a known reason', () => {
      fc.assert(
        fc.property(fc.oneof(anyString, nearMiss), (raw) => {
          const result = validateIdNumber(raw, TODAY);
          if (!result.ok) expect(REASONS).toContain(result.reason);
          else expect(result.value.idNumber).toMatch(/^\d{17}[\dX]$/);
        }),
        { numRuns: 2000 },
      );
    });

    it('accepts every generated valid number and derives its division, birth date, sequence and gender', () => {
      fc.assert(
        fc.property(validId, ({ id, divisionCode, birthDate, sequence }) => {
          const normalised = id.toUpperCase();
          expect(mod112Holds(normalised)).toBe(true);
          expect(validateIdNumber(id, TODAY)).toEqual({
            ok: true,
            value: { idNumber: normalised, divisionCode, birthDate, sequence: pad(sequence, 3), gender: sequence % 2 === 1 ? 'MALE' : 'FEMALE' },
          });
        }),
        { numRuns: 2000 },
      );
    });

    it('rejects any single-character substitution', () => {
      const replacement = fc.oneof(
        fc.constantFrom(...'0123456789X'),
        fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)),
      );
      fc.assert(
        fc.property(validId, fc.nat(17), replacement, ({ id }, at, ch) => {
          const original = id.toUpperCase();
          const changed = original.slice(0, at) + ch + original.slice(at + 1);
          // A lower-case `x` for the check character `X` is the same number, not a substitution.
          fc.pre((changed.endsWith('x') ? `${changed.slice(0, 17)}X` : changed) !== original);
          const result = validateIdNumber(changed, TODAY);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(CORRUPTION_REASONS).toContain(result.reason);
          // A digit in the sequence, or a digit or X as the check character, passes every other rule: only the checksum catches it.
          const onlyChecksumCanCatch = at === 17 ? /^[\dXx]$/.test(ch) : at >= 14 && /^\d$/.test(ch);
          if (onlyChecksumCanCatch) expect(result).toMatchObject({ reason: 'CHECK_CHARACTER' });
        }),
        { numRuns: 2000 },
      );
    });

    it('rejects any adjacent transposition of distinct characters', () => {
      fc.assert(
        fc.property(validId, fc.nat(16), ({ id }, at) => {
          const original = id.toUpperCase();
          fc.pre(original[at] !== original[at + 1]);
          const swapped = original.slice(0, at) + original.charAt(at + 1) + original.charAt(at) + original.slice(at + 2);
          const result = validateIdNumber(swapped, TODAY);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(CORRUPTION_REASONS).toContain(result.reason);
        }),
        { numRuns: 2000 },
      );
    });

    it('decides DATE exactly as the Gregorian calendar does, for any year, month and day digits', () => {
      // A `today` after every generated year, so FUTURE_DATE cannot interfere; JS Date is the calendar oracle.
      const farFuture = new Date('2100-01-01T00:00:00Z');
      fc.assert(
        fc.property(fc.integer({ min: 1800, max: 2099 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), (year, month, day) => {
          const first17 = `110105${pad(year, 4)}${pad(month, 2)}${pad(day, 2)}002`;
          const result = validateIdNumber(first17 + idNumberCheckCharacter(first17), farFuture);
          const date = new Date(Date.UTC(year, month - 1, day));
          const real = month >= 1 && day >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          if (year >= 1900 && real) expect(result.ok).toBe(true);
          else expect(result).toMatchObject({ ok: false, reason: 'DATE' });
        }),
        { numRuns: 2000 },
      );
    });

    it('accepts a birth on the current calendar day in China and rejects the next day as FUTURE_DATE, at any instant', () => {
      fc.assert(
        fc.property(fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }), (now) => {
          const today = calendarDateInChina(now);
          const tomorrow = calendarDateInChina(new Date(now.getTime() + 86_400_000));
          const build = (date: string): string => {
            const first17 = `350102${date.replaceAll('-', '')}123`;
            return first17 + idNumberCheckCharacter(first17);
          };
          expect(validateIdNumber(build(today), now)).toMatchObject({ ok: true, value: { birthDate: today } });
          expect(validateIdNumber(build(tomorrow), now)).toMatchObject({ ok: false, reason: 'FUTURE_DATE' });
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe(parseIdNumber.name, () => {
    it('throws only a ValidationError (BAD_USER_INPUT) with the reason validateIdNumber gives, and otherwise returns its value', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), anyString, nearMiss, validId.map((g) => g.id)), (raw) => {
          const result = validateIdNumber(raw, TODAY);
          const error = caught(() => parseIdNumber(raw, TODAY));
          if (result.ok) {
            expect(error).toBeUndefined();
            expect(parseIdNumber(raw, TODAY)).toEqual(result.value);
          } else {
            expect(error).toBeInstanceOf(ValidationError);
            expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: result.reason } });
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('normalises idempotently: parsing the normalised number gives the same info', () => {
      fc.assert(
        fc.property(validId, ({ id }) => {
          const once = parseIdNumber(id, TODAY);
          expect(parseIdNumber(once.idNumber, TODAY)).toEqual(once);
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe(idNumberCheckCharacter.name, () => {
    it('throws only a ValidationError with LENGTH or CHARACTER, and otherwise gives the character that satisfies MOD 11-2', () => {
      fc.assert(
        fc.property(fc.oneof(anyString, fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 17, maxLength: 17 })), (first17) => {
          let check = '';
          const error = caught(() => {
            check = idNumberCheckCharacter(first17);
          });
          if (error === undefined) {
            expect(first17).toMatch(/^\d{17}$/);
            expect(mod112Holds(first17 + check)).toBe(true);
          } else {
            expect(error).toBeInstanceOf(ValidationError);
            expect(['LENGTH', 'CHARACTER']).toContain((error as ValidationError).details.reason);
          }
        }),
        { numRuns: 1000 },
      );
    });
  });
});
