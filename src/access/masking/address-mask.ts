/**
 * The ADDRESS mask (internal to `masking/`; use {@link mask}): keeps the
 * address down to the county-level unit — district, county, county-level
 * city or banner (区/县/市/旗, and 自治县/自治旗/林区/特区/新区) — and
 * replaces everything below it (street, road, number, building, room) with
 * `****`:
 *
 * - `北京市朝阳区建国路88号` → `北京市朝阳区****`
 * - `浙江省杭州市西湖区文三路100号` → `浙江省杭州市西湖区****`
 * - `江苏省苏州市昆山市玉山镇` → `江苏省苏州市昆山市****`
 * - `内蒙古自治区锡林郭勒盟正蓝旗上都镇` → `内蒙古自治区锡林郭勒盟正蓝旗****`
 *
 * How it reads an address (big to small, as Chinese addresses are written):
 * an optional province-level name (full or short form, from the fixed list
 * of 34), then at most two units, each a run of 1–14 Han characters ending
 * in a unit suffix. A prefecture-level unit (市/自治州/地区/盟) may be
 * followed by a county-level one; after a municipality (北京/天津/上海/重庆)
 * only a county-level unit counts. A unit is refused when its name contains
 * a street-level marker after its first character (路, 街, 道, 巷, 号, 村,
 * 镇, 楼…) or is a 小区/社区/校区 — so `杭州市文三路某某小区` keeps only
 * `杭州市`.
 *
 * When in doubt it keeps less: an address it cannot read at all becomes
 * `****`. The suffix `****` is always appended, even when nothing followed
 * the kept part, so the output does not tell whether there was more.
 */
import { FULL_MASK } from './mask-text.js';

interface Province {
  readonly names: readonly string[];
  readonly municipality: boolean;
}

const PROVINCES: readonly Province[] = [
  ...['北京', '天津', '上海', '重庆'].map((n) => ({ names: [`${n}市`, n], municipality: true })),
  ...['河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东', '河南', '湖北', '湖南', '广东', '海南', '四川',
    '贵州', '云南', '陕西', '甘肃', '青海', '台湾'].map((n) => ({ names: [`${n}省`, n], municipality: false })),
  { names: ['内蒙古自治区', '内蒙古'], municipality: false },
  { names: ['广西壮族自治区', '广西'], municipality: false },
  { names: ['西藏自治区', '西藏'], municipality: false },
  { names: ['宁夏回族自治区', '宁夏'], municipality: false },
  { names: ['新疆维吾尔自治区', '新疆'], municipality: false },
  { names: ['香港特别行政区', '香港'], municipality: false },
  { names: ['澳门特别行政区', '澳门'], municipality: false },
];

/** Longest first: `黑龙江省` before `黑龙江`, full names before short ones. */
const PROVINCE_NAMES: ReadonlyArray<readonly [string, Province]> = PROVINCES
  .flatMap((p) => p.names.map((n) => [n, p] as const))
  .sort((a, b) => b[0].length - a[0].length);

// Lazy body: the shortest Han run that ends in a suffix, so the first unit boundary wins.
const UNIT = /^(\p{Script=Han}{1,14}?)(自治州|自治县|自治旗|地区|林区|特区|新区|区|县|市|盟|旗)/u;
const PREFECTURE = new Set(['市', '自治州', '地区', '盟']);
const STREET_MARKER = /[路街道巷弄号村镇组楼栋幢室院苑]|胡同|大厦/u;
const NOT_A_DISTRICT = /[小社校]$/u;
// Units may be spaced apart (`北京 朝阳区`); a few spaces at most, so the kept part stays short.
const LEADING_SPACE = /^[ \t\u3000]{1,3}/u;

interface Unit {
  readonly length: number;
  readonly prefecture: boolean;
}

/** The unit at the start of `text` (after optional spaces), if it is a plausible one. */
function unitAt(text: string, countyOnly: boolean): Unit | undefined {
  const space = LEADING_SPACE.exec(text)?.[0].length ?? 0;
  const m = UNIT.exec(text.slice(space, space + 40));
  if (!m) return undefined;
  const body = m[1] ?? '';
  const suffix = m[2] ?? '';
  // A street-level marker after the first character means this run is below county level
  // (道里区, 路南区, 镇江市 start with one and are real units).
  if (STREET_MARKER.test(body.slice(1))) return undefined;
  if (suffix === '区' && NOT_A_DISTRICT.test(body)) return undefined;
  // A suffix character inside a name (红旗区, 新市区) ends the lazy match early: take the real suffix.
  const next = text.charAt(space + m[0].length);
  if (suffix.length === 1 && (next === '区' || next === '县')) return { length: space + m[0].length + 1, prefecture: false };
  const prefecture = PREFECTURE.has(suffix);
  // 市 is both prefecture- and county-level: a second unit settles which.
  if (countyOnly && prefecture && suffix !== '市') return undefined;
  return { length: space + m[0].length, prefecture };
}

/** Length of the kept prefix of `s` (0 when nothing is recognised). */
function keptLength(s: string): number {
  let kept = 0;
  const province = PROVINCE_NAMES.find(([name]) => s.startsWith(name));
  if (province) kept = province[0].length;
  const first = unitAt(s.slice(kept), province?.[1].municipality === true);
  if (!first) return kept;
  kept += first.length;
  if (!first.prefecture || province?.[1].municipality) return kept;
  const second = unitAt(s.slice(kept), true);
  return second ? kept + second.length : kept;
}

export function maskAddress(value: string): string {
  const s = value.trim();
  if (s === '') return '';
  const kept = keptLength(s);
  return kept === 0 ? FULL_MASK : `${s.slice(0, kept)}${FULL_MASK}`;
}
