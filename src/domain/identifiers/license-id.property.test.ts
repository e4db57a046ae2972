/**
 * Property tests (fast-check) for e-licence identifiers: no input makes the
 * validator throw, `parseLicenseId` and `formatLicenseId` throw only
 * ValidationErrors with a known reason, generated identifiers round-trip
 * through format → parse → format in any letter case, and any single
 * substitution is rejected. Adjacent transpositions are deliberately not
 * asserted: MOD 37,36 misses one pair per running state (see license-id.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { CREDIT_CODE_ALPHABET, REGISTRATION_AUTHORITIES, creditCodeCheckCharacter } from './credit-code.js';
import { LICENSE_ROOT_OID, formatLicenseId, mod3736CheckCharacter, parseLicenseId, validateLicenseId } from './license-id.js';
import type { LicenseIdParts } from './license-id.js';

const REASONS = ['TYPE', 'LENGTH', 'ROOT', 'FORMAT', 'TYPE_CODE', 'ISSUER', 'VERSION', 'CHECK_CHARACTER'];
const FORMAT_REASONS = ['TYPE_CODE', 'ISSUER', 'FORMAT', 'VERSION'];
const ALPHABET_36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function caught(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** ISO 7064 MOD 37,36 verification, independent of the code under test: the running sum after the check character is 1. */
function mod3736Holds(text: string): boolean {
  let product = 36;
  let sum = 0;
  for (const ch of text) {
    sum = (product + ALPHABET_36.indexOf(ch)) % 36 || 36;
    product = (sum * 2) % 37;
  }
  return sum === 1;
}

const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)) }),
);

const validCreditCode: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      ...Object.entries(REGISTRATION_AUTHORITIES).flatMap(([authority, { organisationTypes }]) => Object.keys(organisationTypes).map((type) => authority + type)),
    ),
    fc.integer({ min: 0, max: 999_999 }),
    fc.string({ unit: fc.constantFrom(...CREDIT_CODE_ALPHABET), minLength: 9, maxLength: 9 }),
  )
  .map(([head, division, organisationId]) => {
    const first17 = `${head}${String(division).padStart(6, '0')}${organisationId}`;
    return first17 + creditCodeCheckCharacter(first17);
  });

const validParts: fc.Arbitrary<LicenseIdParts> = fc.record({
  typeCode: fc.tuple(validCreditCode, fc.integer({ min: 0, max: 999 })).map(([ministry, n]) => ministry + String(n).padStart(3, '0')),
  issuerCode: validCreditCode,
  serial: fc.string({ unit: fc.constantFrom(...ALPHABET_36), minLength: 1, maxLength: 32 }),
  version: fc.integer({ min: 1, max: 999 }),
});

const validId = validParts.map((parts) => formatLicenseId(parts));

/** Near misses: real identifiers with a part dropped, duplicated, emptied or re-cased, and arbitrary dotted texts after the root. */
const nearMiss = fc.oneof(
  fc.tuple(validId, fc.nat(), fc.constantFrom('drop', 'duplicate', 'empty', 'space')).map(([id, n, how]) => {
    const parts = id.split('.');
    const at = n % parts.length;
    const part = parts[at] ?? '';
    const changed = how === 'drop' ? [] : how === 'duplicate' ? [part, part] : how === 'empty' ? [''] : [` ${part}`];
    return [...parts.slice(0, at), ...changed, ...parts.slice(at + 1)].join('.');
  }),
  fc.mixedCase(validId),
  fc.array(fc.string({ unit: fc.constantFrom(...`${ALPHABET_36}az0.`), maxLength: 24 }), { maxLength: 7 }).map((parts) => [LICENSE_ROOT_OID, ...parts].join('.')),
  fc.constantFrom('', LICENSE_ROOT_OID, `${LICENSE_ROOT_OID}.`, '1.2.156.3005.2..........', `${LICENSE_ROOT_OID}.${'A'.repeat(120)}`),
);

describe('license-id (property)', () => {
  describe(validateLicenseId.name, () => {
    it('never throws, and rejects anything that is not a string with TYPE', () => {
      fc.assert(
        fc.property(fc.anything(), (raw) => {
          const result = validateLicenseId(raw);
          if (typeof raw !== 'string') expect(result).toMatchObject({ ok: false, reason: 'TYPE' });
          else if (!result.ok) expect(REASONS).toContain(result.reason);
        }),
        { numRuns: 1000 },
      );
    });

    it('never throws on arbitrary and near-miss strings, and answers with a known reason', () => {
      fc.assert(
        fc.property(fc.oneof(anyString, nearMiss), (raw) => {
          const result = validateLicenseId(raw);
          if (!result.ok) expect(REASONS).toContain(result.reason);
        }),
        { numRuns: 2000 },
      );
    });

    it('accepts every formatted identifier, in any letter case, and gives back its parts', () => {
      fc.assert(
        fc.property(validParts.chain((parts) => fc.tuple(fc.constant(parts), fc.mixedCase(fc.constant(formatLicenseId(parts))))), ([parts, spelled]) => {
          const id = formatLicenseId(parts);
          // Root digits, parts and check character, dots removed, are what MOD 37,36 covers.
          expect(mod3736Holds(id.replaceAll('.', ''))).toBe(true);
          expect(validateLicenseId(spelled)).toEqual({ ok: true, value: { ...parts, licenseId: id } });
        }),
        { numRuns: 1000 },
      );
    });

    it('rejects any single-character substitution', () => {
      const replacement = fc.oneof(
        fc.constantFrom(...`${ALPHABET_36}.`),
        fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)).filter((ch) => ch.toUpperCase().length === 1),
      );
      fc.assert(
        fc.property(validId, fc.nat(), replacement, (id, n, ch) => {
          const at = n % id.length;
          const changed = id.slice(0, at) + ch + id.slice(at + 1);
          fc.pre(changed.toUpperCase() !== id);
          const result = validateLicenseId(changed);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(REASONS).toContain(result.reason);
        }),
        { numRuns: 2000 },
      );
    });

    it('normalises every accepted input to an identifier that formatLicenseId rebuilds from its parts', () => {
      fc.assert(
        fc.property(fc.oneof(validId, nearMiss, anyString), (raw) => {
          const result = validateLicenseId(raw);
          if (!result.ok) return;
          const { licenseId, ...parts } = result.value;
          expect(formatLicenseId(parts)).toBe(licenseId);
          expect(validateLicenseId(licenseId)).toEqual(result);
        }),
        { numRuns: 1000 },
      );
    });

    // Regression: look-alikes such as ſ (read as S) used to be accepted; only ASCII letters are upper-cased now.
    it('accepts only ASCII spellings', () => {
      // A serial holding S, I, FF or ST, re-spelled with a look-alike whose upper case is exactly that text.
      const lookalike = fc
        .tuple(validParts, fc.nat(), fc.constantFrom(['S', '\u017f'], ['I', '\u0131'], ['FF', '\ufb00'], ['ST', '\ufb06']))
        .map(([parts, n, [ascii, spelled]]) => {
          const base = parts.serial.slice(0, 30);
          const at = n % (base.length + 1);
          const id = formatLicenseId({ ...parts, serial: base.slice(0, at) + ascii + base.slice(at) });
          const segments = id.split('.');
          const serial = segments[7] ?? '';
          return [...segments.slice(0, 7), serial.slice(0, at) + spelled + serial.slice(at + ascii.length), ...segments.slice(8)].join('.');
        });
      fc.assert(
        fc.property(fc.oneof(validId, lookalike), (raw) => {
          if (validateLicenseId(raw).ok) expect(raw).toMatch(/^[\x20-\x7e]*$/);
        }),
        { numRuns: 1000, examples: [['1.2.156.3005.2.11100000MB0000000P001.91350100M000100Y43.2024\u017f0001.001.5']] },
      );
    });
  });

  describe(parseLicenseId.name, () => {
    it('throws only a ValidationError (BAD_USER_INPUT) with the reason validateLicenseId gives, and otherwise returns its value', () => {
      fc.assert(
        fc.property(fc.oneof(fc.anything(), anyString, nearMiss, validId), (raw) => {
          const result = validateLicenseId(raw);
          const error = caught(() => parseLicenseId(raw));
          if (result.ok) {
            expect(error).toBeUndefined();
            expect(parseLicenseId(raw)).toEqual(result.value);
          } else {
            expect(error).toBeInstanceOf(ValidationError);
            expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: result.reason } });
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('normalises idempotently: parsing the normalised identifier gives the same parts', () => {
      fc.assert(
        fc.property(fc.mixedCase(validId), (spelled) => {
          const once = parseLicenseId(spelled);
          expect(parseLicenseId(once.licenseId)).toEqual(once);
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe(formatLicenseId.name, () => {
    it('throws only a ValidationError with TYPE_CODE, ISSUER, FORMAT or VERSION for arbitrary parts', () => {
      const maybeValid = <T>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<T>): fc.Arbitrary<T> => fc.oneof(valid, other);
      const parts = fc.record({
        typeCode: maybeValid(validParts.map((p) => p.typeCode), anyString),
        issuerCode: maybeValid(validCreditCode, anyString),
        serial: maybeValid(fc.mixedCase(fc.string({ unit: fc.constantFrom(...ALPHABET_36), minLength: 1, maxLength: 32 })), anyString),
        version: maybeValid(fc.integer({ min: 1, max: 999 }), fc.oneof(fc.integer(), fc.double())),
      });
      fc.assert(
        fc.property(parts, (p) => {
          let id = '';
          const error = caught(() => {
            id = formatLicenseId(p);
          });
          if (error === undefined) {
            expect(parseLicenseId(id)).toMatchObject({ typeCode: p.typeCode.toUpperCase(), serial: p.serial.toUpperCase(), version: p.version });
            expect(id.endsWith(`.${mod3736CheckCharacter(id.slice(0, -2).replaceAll('.', ''))}`)).toBe(true);
          } else {
            expect(error).toBeInstanceOf(ValidationError);
            expect(FORMAT_REASONS).toContain((error as ValidationError).details.reason);
          }
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe(mod3736CheckCharacter.name, () => {
    it('throws only a ValidationError with CHARACTER, and otherwise gives the character that satisfies MOD 37,36', () => {
      fc.assert(
        fc.property(fc.oneof(anyString, fc.string({ unit: fc.constantFrom(...ALPHABET_36) })), (body) => {
          let check = '';
          const error = caught(() => {
            check = mod3736CheckCharacter(body);
          });
          if (error === undefined) expect(mod3736Holds(body.toUpperCase() + check)).toBe(true);
          else {
            expect(error).toBeInstanceOf(ValidationError);
            expect((error as ValidationError).details.reason).toBe('CHARACTER');
          }
        }),
        { numRuns: 1000 },
      );
    });
  });
});
