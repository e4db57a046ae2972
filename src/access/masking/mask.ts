/**
 * Masking for MASKED grants: one rule per kind of personal value, following
 * common Chinese government practice (each rule is documented on its
 * function). Pure, total and cheap: never throws, whatever the string (empty,
 * unpaired surrogates, megabytes long); reads at most a short prefix of
 * anything that cannot be the kind of value expected.
 *
 * Common behaviour:
 * - `null`/`undefined` → `null`; an empty or blank string → `''` (nothing to hide).
 * - Leading and trailing whitespace is dropped before a rule applies.
 * - A value that does not have its kind's shape is masked completely (`****`):
 *   when the parts cannot be told apart, none of them is shown.
 */
import { maskAddress } from './address-mask.js';
import { maskCreditCode, maskIdNumber, maskPhone } from './identifier-masks.js';
import { FULL_MASK } from './mask-text.js';
import { maskName } from './name-mask.js';

/** The kinds of value a catalogue item can be masked as. */
export type MaskKind = 'ID_NUMBER' | 'CREDIT_CODE' | 'PHONE' | 'NAME' | 'ADDRESS' | 'DATE' | 'TEXT';

/** Every {@link MaskKind}. */
export const MASK_KINDS: readonly MaskKind[] = Object.freeze(['ID_NUMBER', 'CREDIT_CODE', 'PHONE', 'NAME', 'ADDRESS', 'DATE', 'TEXT']);

// Four digits, then the end, a non-digit (-, /, ., 年, T) or four more digits (YYYYMMDD…).
const YEAR_FIRST = /^(\d{4})(?=$|\D|\d{4})/;

/**
 * DATE keeps the year only: `1949-10-01`, `1949/10/01`, `19491001` and
 * `1949年10月1日` → `1949-**-**` (a timestamp likewise). The year gives an
 * age band, which is what most eligibility checks need; month and day
 * identify. Anything not starting with a year → `****`.
 */
export function maskDate(value: string): string {
  const s = value.trimStart().slice(0, 16).trimEnd();
  if (s === '') return '';
  const year = YEAR_FIRST.exec(s)?.[1];
  return year === undefined ? FULL_MASK : `${year}-**-**`;
}

/**
 * Masks `value` by the rule of `kind`:
 *
 * | kind | rule | example |
 * |---|---|---|
 * | `ID_NUMBER` | first 6 + 8 stars + last 4 (birth date hidden) | `11010519491231002X` → `110105********002X` |
 * | `CREDIT_CODE` | first 8 (authority, type, division) + 10 stars | `91350100M000100Y43` → `91350100**********` |
 * | `PHONE` | mobile first 3 + `****` + last 4; landline area code only | `13812345678` → `138****5678`, `010-12345678` → `010-********` |
 * | `NAME` | surname (two characters for 复姓) + one star per character; `·` names keep the first segment | `张三` → `张*`, `欧阳娜娜` → `欧阳**`, `买买提·艾力` → `买买提·**` |
 * | `ADDRESS` | down to the district/county, then `****` | `北京市朝阳区建国路88号` → `北京市朝阳区****` |
 * | `DATE` | the year | `1949-10-01` → `1949-**-**` |
 * | `TEXT` | nothing | `汉族` → `****` |
 *
 * @example
 * mask('PHONE', '13812345678'); // '138****5678'
 * mask('NAME', null);           // null
 */
export function mask(kind: MaskKind, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // Callers outside TypeScript may pass anything: never show what cannot be checked.
  if (typeof value !== 'string') return FULL_MASK;
  if (value === '') return '';
  switch (kind) {
    case 'ID_NUMBER':
      return blank(value) ? '' : maskIdNumber(value);
    case 'CREDIT_CODE':
      return blank(value) ? '' : maskCreditCode(value);
    case 'PHONE':
      return blank(value) ? '' : maskPhone(value);
    case 'NAME':
      return maskName(value);
    case 'ADDRESS':
      return maskAddress(value);
    case 'DATE':
      return maskDate(value);
    case 'TEXT':
      return blank(value) ? '' : FULL_MASK;
    default:
      return FULL_MASK; // an unknown kind shows nothing
  }
}

const NON_SPACE = /\S/;
const blank = (value: string): boolean => !NON_SPACE.test(value);
