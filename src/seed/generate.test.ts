import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, validateCreditCode } from '../domain/identifiers/credit-code.js';
import { validateIdNumber } from '../domain/identifiers/id-number.js';
import { DIVISIONS, placeName } from './divisions.js';
import { generateDataset, generateEntities, generatePersons } from './generate.js';
import type { SeedEntity, SeedPerson } from './generate.js';

const TODAY = new Date('2025-06-01T04:00:00Z');
const DIVISION_BY_CODE = new Map(DIVISIONS.map((d) => [d.code, d]));

function persons(seed: number, count: number): SeedPerson[] {
  return [...generatePersons(seed, count, { today: TODAY })];
}

function entities(seed: number, count: number): SeedEntity[] {
  return [...generateEntities(seed, count, (i) => `REP${i}`, { today: TODAY })];
}

function ageOn(birthDate: string, today = '2025-06-01'): number {
  return Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
}

describe('generate', () => {
  describe(generatePersons.name, () => {
    const sample = persons(42, 20_000);

    it('gives identical output for the same seed and today', () => {
      expect(persons(42, 2_000)).toEqual(sample.slice(0, 2_000));
    });

    it('gives different output for a different seed', () => {
      const other = persons(43, 100);
      expect(other.map((p) => p.idNumber)).not.toEqual(sample.slice(0, 100).map((p) => p.idNumber));
    });

    it('gives valid ID numbers that agree with gender and birth date', () => {
      for (const person of sample) {
        const result = validateIdNumber(person.idNumber, TODAY);
        expect(result.ok).toBe(true);
        if (!result.ok) continue;
        expect(result.value.gender).toBe(person.gender);
        expect(result.value.birthDate).toBe(person.birthDate);
        expect(DIVISION_BY_CODE.has(result.value.divisionCode)).toBe(true);
      }
    });

    it('gives unique ID numbers over 200 000 persons', () => {
      const ids = new Set<string>();
      for (const person of generatePersons(7, 200_000, { today: TODAY })) ids.add(person.idNumber);
      expect(ids.size).toBe(200_000);
    });

    it('keeps birth dates between 1930-01-01 and yesterday, with a realistic age spread', () => {
      const ages = sample.map((p) => ageOn(p.birthDate));
      expect(sample.every((p) => p.birthDate >= '1930-01-01' && p.birthDate <= '2025-05-31')).toBe(true);
      const share = (test: (age: number) => boolean) => ages.filter(test).length / ages.length;
      expect(share((a) => a < 18)).toBeGreaterThan(0.12);
      expect(share((a) => a < 18)).toBeLessThan(0.25);
      expect(share((a) => a >= 60)).toBeGreaterThan(0.14);
      expect(share((a) => a >= 60)).toBeLessThan(0.25);
      expect(share((a) => a >= 90)).toBeLessThan(0.01);
      expect(share((a) => a >= 90)).toBeGreaterThan(0);
    });

    it('has a plausible sex ratio', () => {
      const male = sample.filter((p) => p.gender === 'MALE').length / sample.length;
      expect(male).toBeGreaterThan(0.49);
      expect(male).toBeLessThan(0.53);
    });

    it('marries nobody under 20, and no man under 22', () => {
      for (const person of sample) {
        const age = ageOn(person.birthDate);
        if (age < 20 || (person.gender === 'MALE' && age < 22)) expect(person.maritalStatus).toBe('UNMARRIED');
      }
      const adults = sample.filter((p) => ageOn(p.birthDate) >= 40);
      expect(adults.filter((p) => p.maritalStatus === 'MARRIED').length / adults.length).toBeGreaterThan(0.7);
      expect(sample.some((p) => p.maritalStatus === 'WIDOWED')).toBe(true);
      expect(sample.some((p) => p.maritalStatus === 'DIVORCED')).toBe(true);
    });

    it('records about 1% as deceased, mostly the old', () => {
      const deceased = sample.filter((p) => p.lifeStatus === 'DECEASED');
      expect(deceased.length / sample.length).toBeGreaterThan(0.005);
      expect(deceased.length / sample.length).toBeLessThan(0.02);
      const meanAge = (list: SeedPerson[]) => list.reduce((sum, p) => sum + ageOn(p.birthDate), 0) / list.length;
      expect(meanAge(deceased)).toBeGreaterThan(meanAge(sample) + 15);
    });

    it('gives mostly 汉族 with several other groups', () => {
      const groups = new Set(sample.map((p) => p.ethnicity));
      expect(sample.filter((p) => p.ethnicity === '汉族').length / sample.length).toBeGreaterThan(0.85);
      expect(groups.size).toBeGreaterThan(8);
    });

    it('gives names, mainland mobile numbers, nationality and addresses in the home division', () => {
      for (const person of sample) {
        expect(person.name).toMatch(/^[\u4e00-\u9fff·]{2,16}$/);
        expect(person.phone).toMatch(/^1[3-9]\d{9}$/);
        expect(person.nationality).toBe('CHN');
        const division = DIVISION_BY_CODE.get(person.idNumber.slice(0, 6));
        expect(division && person.householdAddress.startsWith(placeName(division))).toBe(true);
        expect(person.residenceAddress).toMatch(/号/);
      }
      const moved = sample.filter((p) => p.residenceAddress !== p.householdAddress).length / sample.length;
      expect(moved).toBeGreaterThan(0.2);
      expect(moved).toBeLessThan(0.6);
    });

    it('streams: the first person comes without generating the rest', () => {
      const iterator = generatePersons(1, 1_000_000_000, { today: TODAY });
      const first = iterator.next();
      expect(first.done).toBe(false);
      iterator.return(undefined);
    });

    it('rejects a negative or fractional count', () => {
      expect(() => generatePersons(1, -1).next()).toThrow(RangeError);
      expect(() => generatePersons(1, 1.5).next()).toThrow(RangeError);
    });
  });

  describe(generateEntities.name, () => {
    const sample = entities(42, 20_000);

    it('gives identical output for the same seed and today', () => {
      expect(entities(42, 1_000)).toEqual(sample.slice(0, 1_000));
    });

    it('gives different output for a different seed', () => {
      expect(entities(43, 100).map((e) => e.creditCode)).not.toEqual(sample.slice(0, 100).map((e) => e.creditCode));
    });

    it('gives valid, unique credit codes whose parts match the fields', () => {
      const codes = new Set<string>();
      for (const entity of sample) {
        const result = validateCreditCode(entity.creditCode);
        expect(result.ok).toBe(true);
        if (!result.ok) continue;
        expect(result.value.registrationAuthority.code).toBe(entity.registrationAuthority);
        expect(result.value.organisationType.code).toBe(entity.organisationType);
        expect(result.value.divisionCode).toBe(entity.divisionCode);
        expect(result.value.pilotEra).toBe(false);
        codes.add(entity.creditCode);
      }
      expect(codes.size).toBe(sample.length);
    });

    it('gives organisation identifiers with a valid GB 11714 check character', () => {
      const weights = [3, 7, 9, 10, 5, 8, 4, 2];
      for (const { creditCode } of sample.slice(0, 2_000)) {
        const id = creditCode.slice(8, 17);
        for (const ch of id) expect(CREDIT_CODE_ALPHABET).toContain(ch);
        const sum = [...id.slice(0, 8)].reduce((s, ch, i) => s + Number.parseInt(ch, 36) * (weights[i] ?? 0), 0);
        const check = 11 - (sum % 11);
        expect(id.charAt(8)).toBe(check === 10 ? 'X' : check === 11 ? '0' : String(check));
      }
    });

    it('is mostly enterprises (9 1), with public institutions (1 2) and social organisations (5 x)', () => {
      const share = (prefix: string) => sample.filter((e) => e.creditCode.startsWith(prefix)).length / sample.length;
      expect(share('91')).toBeGreaterThan(0.8);
      expect(share('12')).toBeGreaterThan(0.02);
      expect(share('51')).toBeGreaterThan(0.01);
      expect(share('52')).toBeGreaterThan(0.01);
      expect(share('53')).toBeGreaterThan(0);
      expect(share('91') + share('12') + share('51') + share('52') + share('53')).toBe(1);
    });

    it('gives unique, realistic names and plausible fields', () => {
      expect(new Set(sample.map((e) => e.name)).size).toBe(sample.length);
      for (const entity of sample) {
        if (entity.registrationAuthority === '9') expect(entity.name).toMatch(/(公司|合伙企业（有限合伙）)$/);
        expect(entity.registeredCapital).toMatch(/^\d+\.\d{2}$/);
        expect(entity.capitalCurrency).toBe('CNY');
        expect(entity.establishedOn >= '1950-01-01' && entity.establishedOn <= '2025-05-31').toBe(true);
        const division = DIVISION_BY_CODE.get(entity.divisionCode);
        expect(division && entity.address.startsWith(placeName(division))).toBe(true);
        expect(entity.businessScope.length).toBeGreaterThan(3);
      }
      expect(sample.filter((e) => e.status === 'ACTIVE').length / sample.length).toBeGreaterThan(0.8);
      expect(sample.some((e) => e.status === 'REVOKED')).toBe(true);
      expect(sample.some((e) => e.status === 'CANCELLED')).toBe(true);
    });

    it('asks the callback for the representative of each index', () => {
      expect(sample.slice(0, 3).map((e) => e.legalRepresentative)).toEqual(['REP0', 'REP1', 'REP2']);
    });
  });

  describe(generateDataset.name, () => {
    it('chooses legal representatives among adult, alive persons', () => {
      const { persons: people, entities: orgs } = generateDataset(9, { persons: 2_000, entities: 300, today: TODAY });
      const byId = new Map(people.map((p) => [p.idNumber, p]));
      expect(orgs).toHaveLength(300);
      for (const entity of orgs) {
        const representative = byId.get(entity.legalRepresentative);
        expect(representative?.lifeStatus).toBe('ALIVE');
        expect(ageOn(representative?.birthDate ?? '2025-01-01')).toBeGreaterThanOrEqual(18);
      }
    });

    it('is deterministic', () => {
      const a = generateDataset(9, { persons: 500, entities: 50, today: TODAY });
      const b = generateDataset(9, { persons: 500, entities: 50, today: TODAY });
      expect(b).toEqual(a);
    });
  });
});
