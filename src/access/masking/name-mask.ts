/**
 * The NAME mask (internal to `masking/`; use {@link mask}).
 *
 * - Keeps the surname and replaces each following character with `*`:
 *   `张三` → `张*`, `张三丰` → `张**`.
 * - Compound surnames keep both characters: `欧阳娜娜` → `欧阳**`,
 *   `司马光` → `司马*`. Only for names of three or more characters: a
 *   two-character name is surname + given name (`欧阳` is 欧 + 阳 → `欧*`).
 * - Transliterated minority names with a middle dot keep the first segment
 *   and star the others, dots kept: `买买提·艾力` → `买买提·**`. (U+00B7 and
 *   its look-alikes `•‧・･∙⋅.．` count as the dot.) The plain rule applies
 *   instead when nothing but dots follows the first dot, or when the first
 *   segment is empty or over 16 characters (then it is not a name segment).
 * - A one-character value is masked entirely (`*`): keeping "the surname"
 *   would keep all of it.
 * - Other scripts follow the same rule (`John Smith` → `J*********`). At most
 *   64 stars are written.
 */
import { starCodePoints } from './mask-text.js';

/**
 * Two-character surnames (复姓): the fourteen most common, the rest of the
 * 百家姓 list in current use, and traditional spellings.
 */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '令狐', '夏侯',
  '万俟', '闻人', '澹台', '公冶', '宗政', '濮阳', '淳于', '单于', '太叔', '申屠', '轩辕', '钟离', '闾丘', '仲孙',
  '呼延', '端木', '巫马', '公西', '漆雕', '乐正', '壤驷', '公良', '拓跋', '夹谷', '宰父', '谷梁', '段干', '百里',
  '东郭', '南门', '羊舌', '微生', '公羊', '梁丘', '左丘', '东门', '西门', '南宫', '第五', '赫连', '独孤', '亓官', '司寇', '子车', '颛孙',
  '歐陽', '司馬', '諸葛', '東方', '尉遲', '公孫', '長孫', '夏侯', '鍾離', '軒轅', '閭丘', '澹臺', '單于', '萬俟', '聞人', '東郭', '南宮', '獨孤', '顓孫',
]);

const DOTS = /[\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65.\uff0e]/;
const NOT_DOT = /[^\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65.\uff0e]/;
const isDot = (ch: string): boolean => DOTS.test(ch);
const MAX_FIRST_SEGMENT = 16;

/** The leading code points of `s`, up to `n` of them. */
function leading(s: string, n: number): string[] {
  const out: string[] = [];
  for (const ch of s) {
    if (out.length === n) break;
    out.push(ch);
  }
  return out;
}

export function maskName(value: string): string {
  const s = value.trim();
  if (s === '') return '';
  const dot = s.search(DOTS);
  if (dot > 0) {
    const head = s.slice(0, dot);
    const rest = s.slice(dot);
    if (NOT_DOT.test(rest) && leading(head, MAX_FIRST_SEGMENT + 1).length <= MAX_FIRST_SEGMENT) return head + starCodePoints(rest, isDot);
  }
  const [first, second, third] = leading(s, 3);
  if (first === undefined) return '';
  if (second === undefined) return '*';
  const surname = third !== undefined && COMPOUND_SURNAMES.has(first + second) ? first + second : first;
  return surname + starCodePoints(s.slice(surname.length));
}

