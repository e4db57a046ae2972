import { describe, expect, it } from 'vitest';
import { ethnicityFor, organisationProfile, personName } from './names.js';
import type { OrganisationKind } from './names.js';
import { createPrng } from './prng.js';

const HAN_NAME = /^[\u4e00-\u9fff]{2,4}$/;

describe('names', () => {
  describe(personName.name, () => {
    it('gives Han names of 2–4 characters, mostly 3, with common surnames most frequent', () => {
      const random = createPrng(1);
      const lengths = new Map<number, number>();
      const firsts = new Map<string, number>();
      for (let i = 0; i < 20_000; i += 1) {
        const name = personName(random, i % 2 === 0 ? 'MALE' : 'FEMALE', 1950 + (i % 70), '汉族');
        expect(name).toMatch(HAN_NAME);
        lengths.set(name.length, (lengths.get(name.length) ?? 0) + 1);
        firsts.set(name.charAt(0), (firsts.get(name.charAt(0)) ?? 0) + 1);
      }
      expect((lengths.get(3) ?? 0) / 20_000).toBeGreaterThan(0.6);
      expect((lengths.get(2) ?? 0) / 20_000).toBeGreaterThan(0.1);
      const top = [...firsts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([s]) => s);
      expect(top.slice(0, 3).sort()).toEqual(['张', '李', '王'].sort());
    });

    it('writes Uyghur names as given name · father\'s name', () => {
      const random = createPrng(2);
      expect(personName(random, 'FEMALE', 1990, '维吾尔族')).toMatch(/^[\u4e00-\u9fff]+·[\u4e00-\u9fff]+$/);
    });

    it('gives Tibetan names of two two-character parts', () => {
      const random = createPrng(3);
      expect(personName(random, 'MALE', 1990, '藏族')).toMatch(/^[\u4e00-\u9fff]{4}$/);
    });
  });

  describe(ethnicityFor.name, () => {
    it('is mostly 汉族 in most provinces and reflects the autonomous regions', () => {
      const random = createPrng(4);
      const share = (division: string, group: string) => {
        let hits = 0;
        for (let i = 0; i < 10_000; i += 1) if (ethnicityFor(random, division) === group) hits += 1;
        return hits / 10_000;
      };
      expect(share('330106', '汉族')).toBeGreaterThan(0.95);
      expect(share('650102', '维吾尔族')).toBeGreaterThan(0.08);
      expect(share('540102', '藏族')).toBeGreaterThan(0.6);
      expect(share('640104', '回族')).toBeGreaterThan(0.2);
    });
  });

  describe(organisationProfile.name, () => {
    const place = { province: '浙江省', city: '杭州市', county: '西湖区' };

    it.each([
      ['ENTERPRISE', /(有限公司|有限责任公司|股份有限公司|合伙企业（有限合伙）)$/],
      ['SOCIAL_GROUP', /(协会|学会)$/],
      ['PRIVATE_NON_ENTERPRISE', /(养老院|学校|幼儿园|中心)$/],
      ['FOUNDATION', /基金会$/],
      ['PUBLIC_INSTITUTION', /(医院|中学|小学|幼儿园|中心|馆|院)$/],
    ] as const)('names a %s in the expected form', (kind, pattern) => {
      const random = createPrng(5);
      for (let attempt = 0; attempt < 12; attempt += 1) {
        const { name, businessScope } = organisationProfile(random, kind as OrganisationKind, place, attempt);
        expect(name).toMatch(pattern);
        expect(name).toMatch(/杭州|浙江/);
        expect(name.length).toBeLessThanOrEqual(200);
        expect(businessScope.length).toBeGreaterThan(0);
      }
    });

    it('widens the name space on later attempts', () => {
      const distinct = (attempt: number) => {
        const random = createPrng(6);
        const names = new Set<string>();
        for (let i = 0; i < 500; i += 1) names.add(organisationProfile(random, 'PUBLIC_INSTITUTION', place, attempt).name);
        return names.size;
      };
      expect(distinct(10)).toBeGreaterThan(distinct(0));
    });
  });
});
