/**
 * Property tests (fast-check) for Unified Social Credit Codes: no input makes
 * the validator throw, `parseCreditCode` throws only a ValidationError
 * carrying the reason `validateCreditCode` reports, generated valid codes
 * round-trip in any letter case, and the MOD 31 check character catches every
 * single substitution and every adjacent transposition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { CREDIT_CODE_ALPHABET, REGISTRATION_AUTHORITIES, creditCodeCheckCharacter, parseCreditCode, validateCreditCode } from './credit-code.js';

const REASONS = ['TYPE', 'CHARACTER', 'LENGTH', 'REGISTRATION_AUTHORITY', 'ORGANISATION_TYPE', 'DIVISION', 'CHECK_CHARACTER'];
/** The reasons an 18-character code of alphabet characters (or one stray character) can be rejected with. */
const CORRUPTION_REASONS = ['CHARACTER', 'REGISTRATION_AUTHORITY', 'ORGANISATION_TYPE', 'DIVISION', 'CHECK_CHARACTER'];
const CANONICAL = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** GB 32100 identity, independent of the code under test: Σ vᵢ·3^(i−1) (i = 1…17) + check ≡ 0 (mod 31). */
function mod31Holds(code: string): boolean {
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i += 1) {
    sum += CREDIT_CODE_ALPHABET.indexOf(code.charAt(i)) * weight;
    weight = (weight * 3) % 31;
  }
  return (sum + CREDIT_CODE_ALPHABET.indexOf(code.charAt(17))) % 31 === 0;
}

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }),
);

const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET);
const authorityAndType = fc.constantFrom(
  ...Object.entries(REGISTRATION_AUTHORITIES).flatMap(([authority, { organisationTypes }]) => Object.keys(organisationTypes).map((type) => authority + type)),
);

/** Valid codes built from their parts (upper case, canonical). */
const validCode: fc.Arbitrary<string> = fc
  .tuple(
    authorityAndType,
    fc.integer({ min: 0, max: 999_999 }),
    fc.string({ unit: alphabetChar, minLength: 9, maxLength: 9 }),
  )
  .map(([head, division, organisationId]) => {
    const first17 = `${head}${String(division).padStart(6, '0')}${organisationId}`;
    return first17 + creditCodeCheckCharacter(first17);
  });

/**
 * Non-ASCII characters whose upper case starts with an ASCII letter or digit
 * (ſ → S, ı → I, ﬀ → FF, ǰ → J̌, …), keyed by that first character: spellings
 * that a case-insensitive validator may be fooled by.
 */
const CASE_LOOKALIKES: ReadonlyMap<string, readonly string[]> = (() => {
  const table = new Map<string, string[]>();
  for (let u = 0x80; u <= 0xffff; u += 1) {
    if (u >= 0xd800 && u <= 0xdfff) continue;
    const ch = String.fromCharCode(u);
    const first = ch.toUpperCase().charAt(0);
    if (/^[0-9A-Z]$/.test(first)) table.set(first, [...(table.get(first) ?? []), ch]);
  }
  return table;
})();

/** A valid code with one character re-spelled by a Unicode case look-alike. */
const lookalikeSpelling = fc
  .tuple(validCode, fc.nat(), fc.nat())
  .map(([code, p, k]) => {
    const positions = [...code].flatMap((ch, i) => (CASE_LOOKALIKES.has(ch) ? [i] : []));
    const at = positions[p % positions.length] ?? 0;
    const choices = CASE_LOOKALIKES.get(code.charAt(at)) ?? [code.charAt(at)];
    return code.slice(0, at) + (choices[k % choices.length] ?? '') + code.slice(at + 1);
  });

const nearMiss = fc.oneof(
  fc.string({ unit: fc.constantFrom(...`${CREDIT_CODE_ALPHABET}abcdefghjklmnpqrtuwxyIOSVZiosvz`), minLength: 17, maxLength: 19 }),
  fc.tuple(validCode, fc.nat(), fc.constantFrom(' ', '\t', '\n', '\u3000', '\u00a0', '\ufeff')).map(([code, at, ws]) => {
    const i = at % (code.length + 1);
    return code.slice(0, i) + ws + code.slice(i);
  }),
  fc.mixedCase(validCode),
  lookalikeSpelling,
);

describe('credit-code (property)', () => {
  describe(validateCreditCode.name, () => {
    it('never throws, and rejects anything that is not a string with TYPE', () => {
      fc.assert(
        fc.property(fc.anything(), (raw) => {
          const result = validateCreditCode(raw);
          if (typeof raw !== 'string') expect(result).toMatchObject({ ok: false, reason: 'TYPE' });
          else if (!result.ok) expect(REASONS).toContain(result.reason);
        }),
        { numRuns: 1000 },
      );
    });

    it('never throws on arbitrary and near-miss strings, and answers with a known reason', () => {
      fc.assert(
        fc.property(fc.oneof(anyString, nearMiss), (raw) => {
          const result = validateCreditCode(raw);
          if (!result.ok) expect(REASONS).toContain(result.reason);
        }),
        { numRuns: 2000 },
      );
    });

    it('accepts every generated valid code, in any letter case, and derives its parts', () => {
      fc.assert(
        fc.property(validCode.chain((code) => fc.tuple(fc.constant(code), fc.mixedCase(fc.constant(code)))), ([code, spelled]) => {
          expect(mod31Holds(code)).toBe(true);
          const result = validateCreditCode(spelled);
          expect(result).toEqual({
            ok: true,
            value: {
              creditCode: code,
              registrationAuthority: { code: code.charAt(0), name: REGISTRATION_AUTHORITIES[code.charAt(0)]?.name },
              organisationType: { code: code.charAt(1), name: REGISTRATION_AUTHORITIES[code.charAt(0)]?.organisationTypes[code.charAt(1)] },
              divisionCode: code.slice(2, 8),
              organisationId: code.slice(8, 17),
              pilotEra: false,
            },
          });
        }),
        { numRuns: 2000 },
      );
    });

    it('rejects any single-character substitution', () => {
      // One character for one character: look-alikes that upper-case to two (ﬀ → FF) are the subject of the `.fails` property below.
      const replacement = fc.oneof(
        alphabetChar,
        fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)).filter((ch) => ch.toUpperCase().length === 1),
      );
      fc.assert(
        fc.property(validCode, fc.nat(17), replacement, (code, at, ch) => {
          const changed = code.slice(0, at) + ch + code.slice(at + 1);
          // Lower case of the same letter is the same code, not a substitution.
          fc.pre(changed.toUpperCase() !== code);
          const result = validateCreditCode(changed);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(CORRUPTION_REASONS).toContain(result.reason);
          // In the organisation identifier and the check character, an alphabet character passes every other rule.
          if (at >= 8 && CREDIT_CODE_ALPHABET.includes(ch)) expect(result).toMatchObject({ reason: 'CHECK_CHARACTER' });
        }),
        { numRuns: 2000 },
      );
    });

    it('rejects any adjacent transposition of distinct characters', () => {
      fc.assert(
        fc.property(validCode, fc.nat(16), (code, at) => {
          fc.pre(code[at] !== code[at + 1]);
          const swapped = code.slice(0, at) + code.charAt(at + 1) + code.charAt(at) + code.slice(at + 2);
          const result = validateCreditCode(swapped);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(CORRUPTION_REASONS).toContain(result.reason);
        }),
        { numRuns: 2000 },
      );
    });

    // Regression: full Unicode upper-casing used to lengthen the text (ﬀ → FF) past the length check,
    // e.g. '91350100MA000000Kﬀ' was accepted; only ASCII letters are upper-cased now (ascii-upper.ts).
    it('normalises every accepted spelling to 18 alphabet characters that validate again to the same value', () => {
      fc.assert(
        fc.property(fc.oneof(validCode, nearMiss, lookalikeSpelling), (raw) => {
          const result = validateCreditCode(raw);
          if (!result.ok) return;
          expect(result.value.creditCode).toMatch(CANONICAL);
          expect(validateCreditCode(result.value.creditCode)).toEqual(result);
        }),
        { numRuns: 2000, examples: [['91350100MA000000K\ufb00']] },
      );
    });
  });

  describe(parseCreditCode.name, () => {
    it('throws only a ValidationError (BAD_USER_INPUT) with the reason validateCreditCode gives, and otherwise returns its value', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), anyString, nearMiss, validCode), (raw) => {
          const result = validateCreditCode(raw);
          const error = caught(() => parseCreditCode(raw));
          if (result.ok) {
            expect(error).toBeUndefined();
            expect(parseCreditCode(raw)).toEqual(result.value);
          } else {
            expect(error).toBeInstanceOf(ValidationError);
            expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: result.reason } });
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('normalises generated codes idempotently: parsing the normalised code gives the same info', () => {
      fc.assert(
        fc.property(fc.mixedCase(validCode), (spelled) => {
          const once = parseCreditCode(spelled);
          expect(parseCreditCode(once.creditCode)).toEqual(once);
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe(creditCodeCheckCharacter.name, () => {
    it('throws only a ValidationError with LENGTH or CHARACTER, and otherwise gives the character that satisfies MOD 31', () => {
      fc.assert(
        fc.property(fc.oneof(anyString, fc.string({ unit: alphabetChar, minLength: 17, maxLength: 17 })), (first17) => {
          let check = '';
          const error = caught(() => {
            check = creditCodeCheckCharacter(first17);
          });
          if (error === undefined) {
            expect(first17.toUpperCase()).toMatch(/^[0-9A-HJ-NPQRTUWXY]{17}$/);
            expect(mod31Holds(first17.toUpperCase() + check)).toBe(true);
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
