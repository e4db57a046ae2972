/**
 * Property test: 10,000 seeded random strings per run (half free-form — ASCII,
 * CJK, astral characters, unpaired surrogates, combining marks, very long —
 * half shaped like the real values and then mutated), through every kind.
 * For each, an oracle written from the documented rules names what must be
 * kept and what must be hidden, and the test asserts that `mask` does not
 * throw, follows the rule's shape, never returns a non-trivial input
 * unchanged, and never shows the hidden part.
 */
import { describe, expect, it } from 'vitest';
import { mask, MASK_KINDS, type MaskKind } from './mask.js';
import { COMPOUND_SURNAMES } from './name-mask.js';

/** mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20250101;
const RUNS = 10_000;

const HAN = '张王李赵刘陈杨黄欧阳司马诸葛上官令狐东方慕容三丰娜婉儿光亮省市区县旗盟州地自治新林特路街道号巷村镇楼小社北京上海浙江杭州西湖朝阳海淀昆山内蒙古锡林郭勒正蓝红新乡中关年月日人民大';
const DOTS = '·•‧・･.．';

function generator(random: () => number) {
  const int = (n: number): number => Math.floor(random() * n);
  const pools = new Map<string, string[]>();
  const pick = (s: string): string => {
    let pool = pools.get(s);
    if (!pool) pools.set(s, (pool = Array.from(s)));
    return pool[int(pool.length)] ?? '';
  };
  const digits = (n: number): string => Array.from({ length: n }, () => String(int(10))).join('');
  const fromCodePoint = (lo: number, hi: number): string => String.fromCodePoint(lo + int(hi - lo + 1));

  const char = (): string => {
    switch (int(12)) {
      case 0: case 1: return fromCodePoint(0x20, 0x7e);
      case 2: case 3: return digits(1);
      case 4: case 5: case 6: return pick(HAN);
      case 7: return random() < 0.5 ? fromCodePoint(0x20000, 0x2a6df) : fromCodePoint(0x1f300, 0x1faff); // astral
      case 8: return String.fromCharCode(0xd800 + int(0x800)); // unpaired surrogate
      case 9: return fromCodePoint(0x300, 0x36f); // combining mark
      case 10: return pick(` \t\n\u3000*-/()+${DOTS}`);
      default: return String.fromCharCode(int(0x10000)); // any code unit
    }
  };
  const free = (): string => {
    const r = random();
    const length = r < 0.7 ? int(25) : r < 0.9 ? 25 + int(175) : r < 0.995 ? 200 + int(4800) : 5000 + int(200_000);
    const parts: string[] = [];
    for (let i = 0; i < length; i++) parts.push(char());
    return parts.join('');
  };
  const shaped = (): string => {
    switch (int(9)) {
      case 0: return digits(17) + pick('0123456789Xx');
      case 1: return digits(15);
      case 2: return Array.from({ length: 18 }, () => pick('0123456789ABCDEFGHJKLMNPQRTUWXY')).join('');
      case 3: return `${['', '+86 ', '0086', '86'][int(4)]}1${pick('3456789')}${digits(1)}${pick(' -')}${digits(4)}${pick(' -')}${digits(4)}`;
      case 4: return `0${pick('12')}${digits(1)}-${digits(8)}`;
      case 5: return random() < 0.3
        ? `${pick(HAN)}${pick(HAN)}${pick(HAN)}${pick(DOTS)}${pick(HAN)}${pick(HAN)}`
        : `${random() < 0.3 ? ['欧阳', '司马', '诸葛', '上官'][int(4)] : pick(HAN)}${Array.from({ length: int(3) + 1 }, () => pick(HAN)).join('')}`;
      case 6: return `${['北京市', '浙江省杭州市', '内蒙古自治区锡林郭勒盟', '', '新疆'][int(5)]}${pick(HAN)}${pick(HAN)}${pick('区县市旗')}${pick(HAN)}${pick(HAN)}路${digits(3)}号`;
      case 7: return `${digits(4)}${['-', '/', '年', ''][int(4)]}${digits(2)}${['-', '/', '月', ''][int(4)]}${digits(2)}`;
      default: return digits(1 + int(20));
    }
  };
  const mutate = (s: string): string => {
    if (random() < 0.6 || s === '') return s;
    const cps = Array.from(s);
    const at = int(cps.length + 1);
    return random() < 0.5 ? [...cps.slice(0, at), char(), ...cps.slice(at)].join('') : [...cps.slice(0, at), ...cps.slice(at + 1)].join('');
  };
  return (): string => (random() < 0.5 ? free() : mutate(shaped()));
}

/** What the rule keeps and hides, per the documentation. */
interface Expectation {
  readonly kept: readonly string[];
  readonly hidden: readonly string[];
}

/** A cheap assertion for the hot loop: the message is built only on failure. */
function check(ok: boolean, message: () => string): void {
  if (!ok) expect.fail(message());
}

const cp = (s: string): string[] => Array.from(s);
const DOT_CLASS = /[\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65.\uff0e]/u;
/** A hidden part matters when it holds more than what masks are made of. */
const SIGNIFICANT = /[^*\s\-\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65.\uff0e]/u;
const NOT_DOT = /[^\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65.\uff0e]/u;
const UNIT_END = /(?:[区县市旗盟省]|自治州|地区|特别行政区)$/u;
const PROVINCE_SHORT = /^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)$/u;
const show = (s: string): string => JSON.stringify(s.slice(0, 60));

/** Checks `out` against the documented rule of `kind` for `input`, and names what is kept and hidden. */
function expectation(kind: MaskKind, input: string, out: string): Expectation {
  const s = input.trim();
  const short = input.length <= 64 ? s : undefined;
  const is = (expected: string): void => check(out === expected, () => `${kind} ${show(input)} → ${show(out)}, expected ${show(expected)}`);
  switch (kind) {
    case 'TEXT':
      is('****');
      return { kept: [], hidden: [s] };
    case 'ID_NUMBER':
      if (short !== undefined && /^\d{17}[\dXx]$/.test(short)) {
        is(`${short.slice(0, 6)}********${short.slice(14)}`);
        return { kept: [short.slice(0, 6), short.slice(14)], hidden: [short.slice(6, 14)] };
      }
      if (short !== undefined && /^\d{15}$/.test(short)) {
        is(`${short.slice(0, 6)}******${short.slice(12)}`);
        return { kept: [short.slice(0, 6), short.slice(12)], hidden: [short.slice(6, 12)] };
      }
      is('****');
      return { kept: [], hidden: [s] };
    case 'CREDIT_CODE':
      if (short !== undefined && /^[0-9A-HJ-NPQRTUWXY]{18}$/i.test(short)) {
        is(`${short.slice(0, 8)}**********`);
        return { kept: [short.slice(0, 8)], hidden: [short.slice(8)] };
      }
      is('****');
      return { kept: [], hidden: [s] };
    case 'PHONE': {
      const digits = s.replace(/\D/g, '');
      const mobileOut = /^1\d\d\*{4}\d{4}$/.test(out);
      if (short !== undefined && /^1[3-9]\d{9}$/.test(short)) check(mobileOut, () => `PHONE ${show(input)} → ${show(out)}: a mobile number`);
      if (mobileOut) {
        const national = digits.slice(-11);
        is(`${national.slice(0, 3)}****${national.slice(7)}`);
        return { kept: [national.slice(0, 3), national.slice(7)], hidden: [national.slice(3, 7)] };
      }
      const landline = /^(0\d{2,3})-(\*+)$/.exec(out);
      if (landline) {
        const area = landline[1] ?? '';
        check(digits.startsWith(area) && landline[2]?.length === digits.length - area.length, () => `PHONE ${show(input)} → ${show(out)}: a landline`);
        return { kept: [area], hidden: [digits.slice(area.length)] };
      }
      is('****');
      return { kept: [], hidden: [s] };
    }
    case 'NAME': {
      // Restated from the documented rule: the first segment when a dot rule applies, else the
      // surname (two characters for a 复姓 in a name of three or more); then a star per character
      // (dots kept under the dot rule), at most 64.
      const chars = cp(s);
      const dotAt = s.search(DOT_CLASS);
      const head = dotAt > 0 ? s.slice(0, dotAt) : '';
      const dotRule = dotAt > 0 && NOT_DOT.test(s.slice(dotAt)) && cp(head).length <= 16;
      const first2 = (chars[0] ?? '') + (chars[1] ?? '');
      const kept = dotRule ? head : chars.length === 1 ? '' : chars.length >= 3 && COMPOUND_SURNAMES.has(first2) ? first2 : chars[0] ?? '';
      const rest = cp(s.slice(kept.length)).slice(0, 64).map((c) => (dotRule && DOT_CLASS.test(c) ? c : '*')).join('');
      is(kept + rest);
      return { kept: [kept], hidden: s.slice(kept.length).split(DOT_CLASS) };
    }
    case 'ADDRESS': {
      if (out === '****') return { kept: [], hidden: [s] };
      const kept = out.slice(0, -4);
      check(out.endsWith('****') && s.startsWith(kept) && kept.length <= 80, () => `ADDRESS ${show(input)} → ${show(out)}: not a short prefix plus ****`);
      // What is kept ends at an administrative unit: a unit suffix, or a province-level name.
      check(UNIT_END.test(kept) || PROVINCE_SHORT.test(kept), () => `ADDRESS ${show(input)} → ${show(out)}: kept part does not end at a unit`);
      return { kept: [kept], hidden: [s.slice(kept.length)] };
    }
    case 'DATE': {
      if (/^\d{4}-\d\d-\d\d$/.test(s)) is(`${s.slice(0, 4)}-**-**`);
      if (out === '****') return { kept: [], hidden: [s] };
      check(/^\d{4}$/.test(s.slice(0, 4)), () => `DATE ${show(input)} → ${show(out)}: no year`);
      is(`${s.slice(0, 4)}-**-**`);
      return { kept: [s.slice(0, 4)], hidden: [s.slice(4)] };
    }
  }
}

describe('mask (property)', () => {
  it(`holds its rules for ${RUNS} seeded random strings in every kind`, () => {
    const next = generator(rng(SEED));
    let checkedHidden = 0;
    const ruleApplied = new Map<MaskKind, number>();
    for (let run = 0; run < RUNS; run++) {
      const input = next();
      for (const kind of MASK_KINDS) {
        let out: string | null = null;
        try {
          out = mask(kind, input);
        } catch (e) {
          expect.fail(`${kind} run ${run} ${show(input)} threw ${String(e)}`);
        }
        if (typeof out !== 'string') return expect.fail(`${kind} run ${run} ${show(input)}: not a string`);
        const output: string = out;
        check(output.length <= 200, () => `${kind} ${show(input)}: output of ${output.length} characters`);
        if (input.trim() === '') {
          check(output === '', () => `${kind} ${show(input)}: blank must give ''`);
          continue;
        }
        const { kept, hidden } = expectation(kind, input, output);
        if (output !== '****') ruleApplied.set(kind, (ruleApplied.get(kind) ?? 0) + 1);
        const significant = hidden.filter((h) => SIGNIFICANT.test(h));
        if (significant.length > 0) check(output !== input, () => `${kind} ${show(input)}: returned unchanged`);
        for (const h of significant) {
          // A hidden part that contains a star may straddle the mask; the shape checks above cover it.
          if (h.includes('*')) continue;
          checkedHidden++;
          check(!output.includes(h) || kept.some((k) => k.includes(h)), () => `${kind} ${show(input)} → ${show(output)} shows hidden ${show(h)}`);
        }
      }
    }
    expect(checkedHidden).toBeGreaterThan(RUNS);
    // The shaped inputs must reach each rule, not only its `****` fallback.
    for (const kind of MASK_KINDS) if (kind !== 'TEXT') expect(ruleApplied.get(kind) ?? 0, kind).toBeGreaterThan(300);
  });

  it('never throws on pathological strings', () => {
    const pathological = [
      '\ud800', '\udfff', '\udc00\ud800', '𠮷'.repeat(100_000), '\u0301'.repeat(10_000), '·'.repeat(100_000), ' '.repeat(1_000_000),
      `北京市${' '.repeat(1_000_000)}朝阳区`, '区'.repeat(100_000), '1'.repeat(10_000_000), '\0', '\u2028\u2029', '*'.repeat(1000),
    ];
    for (const input of pathological) {
      for (const kind of MASK_KINDS) expect(() => mask(kind, input)).not.toThrow();
    }
  });
});
