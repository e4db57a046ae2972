import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import {
  CREDIT_CODE_ALPHABET,
  REGISTRATION_AUTHORITIES,
  creditCodeCheckCharacter,
  parseCreditCode,
  validateCreditCode,
} from './credit-code.js';

const WORKED = '91350100M000100Y43';

/** A code with a correct check character, so a test isolates one rule. */
function withCheck(first17: string): string {
  return first17 + creditCodeCheckCharacter(first17);
}

function reasonOf(raw: unknown, allowList?: ReadonlySet<string>): string | undefined {
  const result = validateCreditCode(raw, allowList ? { allowList } : {});
  return result.ok ? undefined : result.reason;
}

/** The same 17 characters with a different (wrong) check character. */
function withWrongCheck(code: string): string {
  const right = code.charAt(17);
  return code.slice(0, 17) + (right === '0' ? '1' : '0');
}

describe('credit-code', () => {
  describe(creditCodeCheckCharacter.name, () => {
    it('computes the worked example of DOMAIN.md', () => {
      expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    });

    it('accepts lower case', () => {
      expect(creditCodeCheckCharacter('91350100m000100y4')).toBe('3');
    });

    it('rejects input that is not 17 characters of the alphabet', () => {
      expect(() => creditCodeCheckCharacter('91350100M000100Y')).toThrow(ValidationError);
      expect(() => creditCodeCheckCharacter('91350100O000100Y4')).toThrow(ValidationError);
    });

    it('detects every single substitution and adjacent transposition', () => {
      const body = WORKED.slice(0, 17);
      const check = creditCodeCheckCharacter(body);
      for (let i = 0; i < 17; i += 1) {
        for (const ch of CREDIT_CODE_ALPHABET) {
          if (ch === body[i]) continue;
          expect(creditCodeCheckCharacter(body.slice(0, i) + ch + body.slice(i + 1))).not.toBe(check);
        }
        if (i < 16 && body[i] !== body[i + 1]) {
          const swapped = body.slice(0, i) + body.charAt(i + 1) + body.charAt(i) + body.slice(i + 2);
          expect(creditCodeCheckCharacter(swapped)).not.toBe(check);
        }
      }
    });
  });

  describe(validateCreditCode.name, () => {
    it('accepts the worked example and derives its facts', () => {
      expect(validateCreditCode(WORKED)).toEqual({
        ok: true,
        value: {
          creditCode: WORKED,
          registrationAuthority: { code: '9', name: '工商' },
          organisationType: { code: '1', name: '企业' },
          divisionCode: '350100',
          organisationId: 'M000100Y4',
          pilotEra: false,
        },
      });
    });

    it('normalises lower case', () => {
      const result = validateCreditCode('91350100m000100y43');
      expect(result.ok && result.value.creditCode).toBe(WORKED);
    });

    it('accepts every organisation type of every registration authority', () => {
      for (const [authority, { organisationTypes }] of Object.entries(REGISTRATION_AUTHORITIES)) {
        for (const [type, name] of Object.entries(organisationTypes)) {
          const result = validateCreditCode(withCheck(`${authority}${type}110105MA01ABCD2`));
          expect(result.ok && result.value.organisationType.name).toBe(name);
        }
      }
    });

    it('names social organisations, public institutions and village collectives', () => {
      const names = (code: string) => {
        const info = parseCreditCode(withCheck(code));
        return [info.registrationAuthority.name, info.organisationType.name];
      };
      expect(names('51110000500000000')).toEqual(['民政', '社会团体']);
      expect(names('12100000400000000')).toEqual(['机构编制', '事业单位']);
      expect(names('N2330100MA2X00000')).toEqual(['农业', '村级集体经济组织']);
    });

    it.each([
      ['a number', 91350100],
      ['null', null],
      ['an array', [WORKED]],
    ])('rejects %s as TYPE', (_label, raw) => {
      expect(reasonOf(raw)).toBe('TYPE');
    });

    it.each([
      ['empty', ''],
      ['17 characters', WORKED.slice(0, 17)],
      ['19 characters', `${WORKED}0`],
      ['a 9-character organisation code', 'M000100Y4'],
    ])('rejects %s as LENGTH', (_label, raw) => {
      expect(reasonOf(raw)).toBe('LENGTH');
    });

    it.each(['I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z', '-', ' ', '*', 'Ｍ'])('rejects %j as CHARACTER', (ch) => {
      expect(reasonOf(`91350100${ch}000100Y43`)).toBe('CHARACTER');
    });

    it.each([
      ['a trailing space', `${WORKED} `],
      ['a leading space', ` ${WORKED}`],
      ['a non-breaking space', `${WORKED.slice(0, 17)}\u00a0`],
    ])('rejects %s as CHARACTER, without trimming', (_label, raw) => {
      expect(reasonOf(raw)).toBe('CHARACTER');
    });

    it('names the offending character and its position', () => {
      const result = validateCreditCode('91350100MOOO100Y43');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe('CHARACTER');
        expect(result.message).toContain('"O"');
        expect(result.message).toMatch(/\b10\b/);
      }
    });

    it.each(['0', 'B', 'C', 'M', 'P', 'X'])('rejects authority %s as REGISTRATION_AUTHORITY', (authority) => {
      expect(reasonOf(withCheck(`${authority}1350100M000100Y4`))).toBe('REGISTRATION_AUTHORITY');
    });

    it.each(['10', '14', '22', '36', '42', '54', '64', '73', '82', '94', '99', 'A2', 'N4', 'Y2', 'Y9'])(
      'rejects authority and type %s as ORGANISATION_TYPE',
      (prefix) => {
        expect(reasonOf(withCheck(`${prefix}350100M000100Y4`))).toBe('ORGANISATION_TYPE');
      },
    );

    it.each(['AB0100', '35010A', '3501Y0'])('rejects division %s as DIVISION', (division) => {
      expect(reasonOf(withCheck(`91${division}M000100Y4`))).toBe('DIVISION');
    });

    it('rejects a wrong check character and names the expected one', () => {
      const result = validateCreditCode('91350100M000100Y44');
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe('CHECK_CHARACTER');
        expect(result.message).toContain('3');
      }
    });

    describe('allowList', () => {
      const pilot = withWrongCheck(withCheck('91110000MA0000001'));

      it('accepts an allow-listed code with a wrong check character as pilot-era', () => {
        const result = validateCreditCode(pilot, { allowList: new Set([pilot]) });
        expect(result.ok && result.value.pilotEra).toBe(true);
      });

      it('matches allow-listed codes after normalising lower case', () => {
        expect(reasonOf(pilot.toLowerCase(), new Set([pilot]))).toBeUndefined();
      });

      it('still rejects a code that is not on the list', () => {
        expect(reasonOf(pilot, new Set([WORKED]))).toBe('CHECK_CHARACTER');
        expect(reasonOf(pilot)).toBe('CHECK_CHARACTER');
      });

      it('does not excuse LENGTH or CHARACTER', () => {
        const tooLong = `${pilot}0`;
        const badCharacter = `${pilot.slice(0, 10)}I${pilot.slice(11)}`;
        expect(reasonOf(tooLong, new Set([tooLong]))).toBe('LENGTH');
        expect(reasonOf(badCharacter, new Set([badCharacter]))).toBe('CHARACTER');
      });

      it('does not excuse the structural rules either', () => {
        const unknownAuthority = withWrongCheck(withCheck('B1110000MA0000001'));
        expect(reasonOf(unknownAuthority, new Set([unknownAuthority]))).toBe('REGISTRATION_AUTHORITY');
      });
    });
  });

  describe(parseCreditCode.name, () => {
    it('returns the info of a valid code', () => {
      expect(parseCreditCode(WORKED).organisationId).toBe('M000100Y4');
    });

    it('throws a ValidationError whose details carry the reason', () => {
      try {
        parseCreditCode('91350100M000100Y44');
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).details.reason).toBe('CHECK_CHARACTER');
      }
    });
  });
});
