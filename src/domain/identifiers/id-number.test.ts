import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { calendarDateInChina, idNumberCheckCharacter, parseIdNumber, validateIdNumber } from './id-number.js';

const TODAY = new Date('2024-06-01T04:00:00Z'); // 12:00 on 2024-06-01 in China

/** A number with a correct check character, so a test isolates one rule. */
function withCheck(first17: string): string {
  return first17 + idNumberCheckCharacter(first17);
}

function reasonOf(raw: unknown, today: Date = TODAY): string | undefined {
  const result = validateIdNumber(raw, today);
  return result.ok ? undefined : result.reason;
}

describe('id-number', () => {
  describe(idNumberCheckCharacter.name, () => {
    it('computes the worked example of DOMAIN.md', () => {
      expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    });

    it('produces every check character 0–9 and X', () => {
      const seen = new Set<string>();
      for (let sequence = 0; sequence < 200; sequence += 1) {
        seen.add(idNumberCheckCharacter(`11010519800101${String(sequence).padStart(3, '0')}`));
      }
      expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
    });

    it('rejects input that is not 17 digits', () => {
      expect(() => idNumberCheckCharacter('1101051949123100')).toThrow(ValidationError);
      expect(() => idNumberCheckCharacter('1101051949123100A')).toThrow(ValidationError);
    });

    it('detects every single-digit substitution and adjacent transposition', () => {
      const body = '11010519491231002';
      const check = idNumberCheckCharacter(body);
      for (let i = 0; i < 17; i += 1) {
        for (let d = 0; d <= 9; d += 1) {
          if (String(d) === body[i]) continue;
          const changed = body.slice(0, i) + String(d) + body.slice(i + 1);
          expect(idNumberCheckCharacter(changed)).not.toBe(check);
        }
        if (i < 16 && body[i] !== body[i + 1]) {
          const swapped = body.slice(0, i) + body.charAt(i + 1) + body.charAt(i) + body.slice(i + 2);
          expect(idNumberCheckCharacter(swapped)).not.toBe(check);
        }
      }
    });
  });

  describe(validateIdNumber.name, () => {
    it('accepts the worked example and derives its facts', () => {
      const result = validateIdNumber('11010519491231002X', TODAY);
      expect(result).toEqual({
        ok: true,
        value: { idNumber: '11010519491231002X', divisionCode: '110105', birthDate: '1949-12-31', sequence: '002', gender: 'FEMALE' },
      });
    });

    it('normalises a lowercase x', () => {
      const result = validateIdNumber('11010519491231002x', TODAY);
      expect(result.ok && result.value.idNumber).toBe('11010519491231002X');
    });

    it('derives MALE from an odd sequence', () => {
      const result = validateIdNumber(withCheck('44030519850707001'), TODAY);
      expect(result.ok && result.value.gender).toBe('MALE');
    });

    it('accepts every province-level code', () => {
      for (const province of ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71', '81', '82']) {
        expect(reasonOf(withCheck(`${province}010519800101001`))).toBeUndefined();
      }
    });

    it('accepts a 29 February of a leap year, including 2000', () => {
      expect(reasonOf(withCheck('11010520000229001'))).toBeUndefined();
      expect(reasonOf(withCheck('11010519960229001'))).toBeUndefined();
    });

    it.each([
      ['a number', 110105194912310020],
      ['null', null],
      ['undefined', undefined],
      ['an object', { idNumber: '11010519491231002X' }],
    ])('rejects %s as TYPE', (_label, raw) => {
      expect(reasonOf(raw)).toBe('TYPE');
    });

    it.each([
      ['empty', ''],
      ['17 characters', '11010519491231002'],
      ['19 characters', '11010519491231002X1'],
      ['the 15-digit first-generation form', '110105491231002'],
    ])('rejects %s as LENGTH', (_label, raw) => {
      expect(reasonOf(raw)).toBe('LENGTH');
    });

    it.each([
      ['a space inside', '110105 9491231002X'],
      ['a leading space (not trimmed)', ' 11010519491231002X'],
      ['a trailing newline (not trimmed)', '11010519491231002X\n'],
      ['a trailing space on a short number', '1101051949123100 '],
      ['a tab', '11010519491231002\t'],
      ['an ideographic space', '110105\u300019491231002X'],
      ['a leading space replacing a digit', ' 10105194912310020'],
      ['a letter in the body', '1101051949123100AX'],
      ['an x in the body', '11010x19491231002X'],
      ['a full-width digit', '１1010519491231002X'],
      ['a last character that is not a digit or X', '11010519491231002Y'],
      ['a hyphen', '110105-9491231002X'],
    ])('rejects %s as CHARACTER', (_label, raw) => {
      expect(reasonOf(raw)).toBe('CHARACTER');
    });

    it('says which position holds the wrong character', () => {
      const result = validateIdNumber('11010A19491231002X', TODAY);
      expect(!result.ok && result.message).toMatch(/\b6\b/);
    });

    it.each(['00', '10', '16', '19', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66', '70', '72', '80', '83', '91', '99'])(
      'rejects province %s as DIVISION',
      (province) => {
        expect(reasonOf(withCheck(`${province}010519800101001`))).toBe('DIVISION');
      },
    );

    it.each([
      ['29 February of a common year', '19990229'],
      ['29 February 1900 (not a leap year)', '19000229'],
      ['30 February', '20000230'],
      ['31 April', '19990431'],
      ['month 13', '19491331'],
      ['month 00', '19490031'],
      ['day 00', '19491200'],
      ['day 32', '19490132'],
      ['a year before 1900', '18991231'],
      ['year 0000', '00000101'],
    ])('rejects %s as DATE', (_label, date) => {
      expect(reasonOf(withCheck(`110105${date}001`))).toBe('DATE');
    });

    it('rejects a birth date after today as FUTURE_DATE', () => {
      expect(reasonOf(withCheck('11010520240602001'))).toBe('FUTURE_DATE');
      expect(reasonOf(withCheck('11010521000101001'))).toBe('FUTURE_DATE');
    });

    it('accepts a birth date of today', () => {
      expect(reasonOf(withCheck('11010520240601001'))).toBeUndefined();
    });

    it('judges "today" by the calendar in China (UTC+8), not the machine time zone', () => {
      const bornOn2June = withCheck('11010520240602001');
      // 2024-06-01T16:30Z is already 00:30 on 2 June in China.
      expect(reasonOf(bornOn2June, new Date('2024-06-01T16:30:00Z'))).toBeUndefined();
      // 2024-06-01T15:59:59Z is still 23:59:59 on 1 June in China.
      expect(reasonOf(bornOn2June, new Date('2024-06-01T15:59:59Z'))).toBe('FUTURE_DATE');
    });

    it('defaults today to now', () => {
      expect(reasonOf(withCheck('11010530000101001'), undefined)).toBe('FUTURE_DATE');
      expect(validateIdNumber('11010519491231002X').ok).toBe(true);
    });

    it('rejects a wrong check character and names the expected one', () => {
      const result = validateIdNumber('110105194912310021', TODAY);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe('CHECK_CHARACTER');
        expect(result.message).toContain('X');
      }
    });

    it('rejects an uppercase X where a digit is expected as CHECK_CHARACTER', () => {
      const first17 = '44030519850707001';
      expect(idNumberCheckCharacter(first17)).not.toBe('X');
      expect(reasonOf(`${first17}X`)).toBe('CHECK_CHARACTER');
    });

    it('reports the first broken rule when several are broken', () => {
      // Impossible date and wrong check character: the date is reported.
      expect(reasonOf('110105199902300000')).toBe('DATE');
      // Bad province and wrong check character: the province is reported.
      expect(reasonOf('990105194912310021')).toBe('DIVISION');
    });
  });

  describe(parseIdNumber.name, () => {
    it('returns the info of a valid number', () => {
      expect(parseIdNumber('11010519491231002X', TODAY).birthDate).toBe('1949-12-31');
    });

    it('throws a ValidationError whose details carry the reason', () => {
      expect(() => parseIdNumber('110105194912310021', TODAY)).toThrow(ValidationError);
      try {
        parseIdNumber('110105194912310021', TODAY);
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).code).toBe('BAD_USER_INPUT');
        expect((error as ValidationError).details.reason).toBe('CHECK_CHARACTER');
      }
    });
  });

  describe(calendarDateInChina.name, () => {
    it('moves to the next day at 16:00 UTC', () => {
      expect(calendarDateInChina(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
      expect(calendarDateInChina(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    });
  });
});
