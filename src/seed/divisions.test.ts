import { describe, expect, it } from 'vitest';
import { idNumberCheckCharacter, validateIdNumber } from '../domain/identifiers/id-number.js';
import { DIVISIONS, divisionInSameCity, homeAddress, officeAddress, placeName } from './divisions.js';
import { createPrng } from './prng.js';

describe('divisions', () => {
  describe('DIVISIONS', () => {
    it('holds at least 80 unique six-digit codes across at least 10 provinces', () => {
      expect(DIVISIONS.length).toBeGreaterThanOrEqual(80);
      const codes = DIVISIONS.map((d) => d.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(code).toMatch(/^\d{6}$/);
      expect(new Set(codes.map((c) => c.slice(0, 2))).size).toBeGreaterThanOrEqual(10);
    });

    it('uses county-level codes (not province or prefecture codes ending in 00)', () => {
      for (const { code } of DIVISIONS) expect(code.slice(4)).not.toBe('00');
    });

    it('keeps each province and each prefecture under one code prefix', () => {
      const provinceOf = new Map<string, string>();
      const cityOf = new Map<string, string>();
      for (const d of DIVISIONS) {
        expect(provinceOf.get(d.code.slice(0, 2)) ?? d.province).toBe(d.province);
        expect(cityOf.get(d.code.slice(0, 4)) ?? d.city).toBe(d.city);
        provinceOf.set(d.code.slice(0, 2), d.province);
        cityOf.set(d.code.slice(0, 4), d.city);
      }
    });

    it('contains well-known districts with their names', () => {
      const byCode = new Map(DIVISIONS.map((d) => [d.code, d.county]));
      expect(byCode.get('110101')).toBe('东城区');
      expect(byCode.get('110105')).toBe('朝阳区');
      expect(byCode.get('310101')).toBe('黄浦区');
      expect(byCode.get('440305')).toBe('南山区');
      expect(byCode.get('330106')).toBe('西湖区');
      expect(byCode.get('350102')).toBe('鼓楼区');
    });

    it('gives codes that make valid ID numbers', () => {
      for (const { code } of DIVISIONS) {
        const first17 = `${code}19800101001`;
        expect(validateIdNumber(first17 + idNumberCheckCharacter(first17)).ok).toBe(true);
      }
    });
  });

  describe(placeName.name, () => {
    it('writes 省市区, without repeating a municipality', () => {
      const find = (code: string) => DIVISIONS.find((d) => d.code === code);
      expect(placeName(find('110105') ?? DIVISIONS[0]!)).toBe('北京市朝阳区');
      expect(placeName(find('330106') ?? DIVISIONS[0]!)).toBe('浙江省杭州市西湖区');
    });
  });

  describe(divisionInSameCity.name, () => {
    it('stays within the prefecture', () => {
      const random = createPrng(1);
      for (const division of DIVISIONS) {
        expect(divisionInSameCity(random, division).code.slice(0, 4)).toBe(division.code.slice(0, 4));
      }
    });
  });

  describe(homeAddress.name, () => {
    it('starts with the place name and gives a road number', () => {
      const random = createPrng(2);
      for (const division of DIVISIONS) {
        const address = homeAddress(random, division);
        expect(address.startsWith(placeName(division))).toBe(true);
        expect(address).toMatch(/(路|街|巷|大道)\d+号/);
        expect(address.length).toBeLessThanOrEqual(300);
      }
    });
  });

  describe(officeAddress.name, () => {
    it('starts with the place name and gives a road number', () => {
      const random = createPrng(3);
      for (const division of DIVISIONS) {
        const address = officeAddress(random, division);
        expect(address.startsWith(placeName(division))).toBe(true);
        expect(address).toMatch(/(路|街|巷|大道)\d+号/);
      }
    });
  });
});
