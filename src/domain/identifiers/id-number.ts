import { ValidationError } from '../../errors.js';
import { invalid, unwrapValidation, valid } from './validation-result.js';
import type { Validation } from './validation-result.js';

/** Gender as encoded in a citizen ID number (odd sequence = male, even = female). */
export type Gender = 'MALE' | 'FEMALE';

/** What a valid citizen ID number says about its holder. */
export interface IdNumberInfo {
  /** The normalised number: 18 characters, a lowercase `x` turned into `X`. */
  idNumber: string;
  /** Positions 1–6: GB/T 2260 division code of the place of first registration. */
  divisionCode: string;
  /** Positions 7–14 as `YYYY-MM-DD`. */
  birthDate: string;
  /** Positions 15–17. */
  sequence: string;
  /** Derived from the parity of the sequence. */
  gender: Gender;
}

/** Weights of positions 1–17 (2^(18−i) mod 11), GB 11643-1999. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for `S mod 11` = 0…10. */
const CHECK_CHARACTERS = '10X98765432';

/**
 * Province-level division codes (first two digits) that exist in GB/T 2260,
 * including Taiwan (71), Hong Kong (81) and Macao (82).
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** The earliest birth year accepted; earlier years are data-entry errors, not people. */
const MIN_BIRTH_YEAR = 1900;

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * The calendar date (`YYYY-MM-DD`) that `instant` falls on in China (UTC+8),
 * whatever the time zone of the machine running the code.
 *
 * @example
 * calendarDateInChina(new Date('2024-03-01T17:30:00Z')); // '2024-03-02'
 */
export function calendarDateInChina(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The 18th character of a citizen ID number whose first 17 characters are
 * `first17` (ISO 7064 MOD 11-2).
 *
 * @throws {ValidationError} `LENGTH` or `CHARACTER` when `first17` is not 17 digits.
 * @example
 * idNumberCheckCharacter('11010519491231002'); // 'X'
 */
export function idNumberCheckCharacter(first17: string): string {
  if (first17.length !== 17) {
    throw new ValidationError(`Expected the first 17 digits of a citizen ID number, got ${first17.length} characters`, {
      reason: 'LENGTH',
    });
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const digit = first17.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) {
      throw new ValidationError(`Character ${i + 1} of the first 17 of a citizen ID number must be a digit`, {
        reason: 'CHARACTER',
      });
    }
    sum += digit * (WEIGHTS[i] ?? 0);
  }
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * Checks a citizen ID number (GB 11643-1999) and derives what it encodes.
 *
 * Rules, in the order they are checked, each with its own `reason`:
 * `TYPE` (not a string), `CHARACTER` for any whitespace (nothing is trimmed),
 * `LENGTH` (not exactly 18 characters), `CHARACTER` (positions 1–17 must be
 * digits, 18 a digit or `X`; a lowercase `x` is accepted and normalised), `DIVISION` (positions 1–2 must be a
 * province-level code), `DATE` (an impossible date, or a year before 1900),
 * `FUTURE_DATE` (born after `today`'s calendar date in China, UTC+8),
 * `CHECK_CHARACTER`.
 *
 * Only the province of the division code is checked: county codes are
 * renumbered over time and old numbers stay valid for life.
 *
 * @param raw the number as entered.
 * @param today the instant "now" is judged at; defaults to the current time.
 * @example
 * const result = validateIdNumber('11010519491231002x');
 * // { ok: true, value: { idNumber: '11010519491231002X', birthDate: '1949-12-31', gender: 'FEMALE', … } }
 */
export function validateIdNumber(raw: unknown, today: Date = new Date()): Validation<IdNumberInfo> {
  if (typeof raw !== 'string') {
    return invalid('TYPE', `A citizen ID number must be a string, not ${raw === null ? 'null' : typeof raw}`);
  }
  // Input is never trimmed: stray whitespace (often pasted) is reported where it is, before the length.
  const blank = raw.search(/\s/);
  if (blank >= 0) {
    return invalid('CHARACTER', `Character ${blank + 1} of the citizen ID number is whitespace (${JSON.stringify(raw.charAt(blank))}); remove it`);
  }
  if (raw.length !== 18) {
    return invalid('LENGTH', `A citizen ID number has 18 characters, not ${raw.length}`);
  }
  // People commonly type the check character as a lowercase x.
  const idNumber = raw.endsWith('x') ? `${raw.slice(0, 17)}X` : raw;

  for (let i = 0; i < 18; i += 1) {
    const ch = idNumber.charAt(i);
    const isDigit = ch >= '0' && ch <= '9';
    if (i < 17 && !isDigit) {
      return invalid('CHARACTER', `Character ${i + 1} of the citizen ID number is ${JSON.stringify(ch)}; positions 1–17 must be digits`);
    }
    if (i === 17 && !isDigit && ch !== 'X') {
      return invalid('CHARACTER', `The last character of the citizen ID number is ${JSON.stringify(ch)}; it must be a digit or X`);
    }
  }

  const province = idNumber.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    return invalid('DIVISION', `The citizen ID number starts with ${province}, which is not a province-level division code`);
  }

  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (year < MIN_BIRTH_YEAR) {
    return invalid('DATE', `The birth year ${year} (positions 7–10) is before ${MIN_BIRTH_YEAR}`);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return invalid('DATE', `The birth date ${birthDate} (positions 7–14) is not a real calendar date`);
  }
  const todayInChina = calendarDateInChina(today);
  // ISO dates of the same width compare correctly as strings.
  if (birthDate > todayInChina) {
    return invalid('FUTURE_DATE', `The birth date ${birthDate} is after today (${todayInChina}, China time)`);
  }

  const expected = idNumberCheckCharacter(idNumber.slice(0, 17));
  const actual = idNumber.charAt(17);
  if (actual !== expected) {
    return invalid('CHECK_CHARACTER', `The check character (position 18) is ${actual} but should be ${expected}`);
  }

  const sequence = idNumber.slice(14, 17);
  return valid({
    idNumber,
    divisionCode: idNumber.slice(0, 6),
    birthDate,
    sequence,
    gender: Number(sequence) % 2 === 1 ? 'MALE' : 'FEMALE',
  });
}

/**
 * Like {@link validateIdNumber}, but returns the info or throws.
 *
 * @throws {ValidationError} with `details.reason` set to the broken rule.
 * @example
 * parseIdNumber('11010519491231002X').gender; // 'FEMALE'
 */
export function parseIdNumber(raw: unknown, today?: Date): IdNumberInfo {
  return unwrapValidation(validateIdNumber(raw, today));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
