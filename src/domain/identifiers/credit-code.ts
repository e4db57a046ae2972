import { asciiUpper } from './ascii-upper.js';
import { ValidationError } from '../../errors.js';
import { deepFreeze } from '../../util/deep-freeze.js';
import { invalid, unwrapValidation, valid } from './validation-result.js';
import type { Validation } from './validation-result.js';

/** The 31 characters a Unified Social Credit Code is written in (no I, O, S, V, Z), in value order. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A registration authority of GB 32100-2015 and the organisation types it registers. */
export interface RegistrationAuthority {
  readonly name: string;
  /** Organisation type code (position 2) → name. */
  readonly organisationTypes: Readonly<Record<string, string>>;
}

/**
 * Registration authorities (position 1) and their organisation types
 * (position 2), GB 32100-2015 Appendix A, with the codes added since
 * (A: the Central Military Commission's reform and establishment office; N: agriculture).
 */
export const REGISTRATION_AUTHORITIES: Readonly<Record<string, RegistrationAuthority>> = deepFreeze({
  '1': { name: '机构编制', organisationTypes: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', organisationTypes: { '1': '外国常住新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    organisationTypes: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', organisationTypes: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', organisationTypes: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    organisationTypes: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' },
  },
  '7': { name: '宗教', organisationTypes: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', organisationTypes: { '1': '基层工会', '9': '其他' } },
  // The standard says 工商; enterprise registration has since moved to market regulation (市场监管).
  '9': { name: '工商', organisationTypes: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', organisationTypes: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', organisationTypes: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  // "Other" authorities do not subdivide their organisations further.
  Y: { name: '其他', organisationTypes: { '1': '其他' } },
});

/** What a valid Unified Social Credit Code says about the organisation. */
export interface CreditCodeInfo {
  /** The normalised code: 18 characters, upper case. */
  creditCode: string;
  registrationAuthority: { code: string; name: string };
  organisationType: { code: string; name: string };
  /** Positions 3–8: division code of the registering office. */
  divisionCode: string;
  /** Positions 9–17: organisation identifier (GB 11714). */
  organisationId: string;
  /** True when the code is on the caller's allow-list of pilot-era codes (its check character may then be wrong). */
  pilotEra: boolean;
}

/** Options of {@link validateCreditCode}. */
export interface CreditCodeOptions {
  /**
   * Pilot-era codes (upper case) that were legally issued with a wrong check
   * character; they pass the check-character rule, and only that rule.
   */
  allowList?: ReadonlySet<string>;
}

/** Weights of positions 1–17: 3^(i−1) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Character code → value in {@link CREDIT_CODE_ALPHABET}; −1 outside it. Upper case only. */
const VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let v = 0; v < CREDIT_CODE_ALPHABET.length; v += 1) table[CREDIT_CODE_ALPHABET.charCodeAt(v)] = v;
  return table;
})();

function valueOf(ch: string): number {
  const code = ch.charCodeAt(0);
  return code < 128 ? (VALUES[code] ?? -1) : -1;
}

/**
 * The 18th character of a Unified Social Credit Code whose first 17
 * characters are `first17` (lower case is accepted).
 *
 * @throws {ValidationError} `LENGTH` or `CHARACTER` when `first17` is not 17 characters of the alphabet.
 * @example
 * creditCodeCheckCharacter('91350100M000100Y4'); // '3'
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) {
    throw new ValidationError(`Expected the first 17 characters of a credit code, got ${first17.length}`, { reason: 'LENGTH' });
  }
  const body = asciiUpper(first17);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = valueOf(body.charAt(i));
    if (value < 0) {
      throw new ValidationError(`Character ${i + 1} (${JSON.stringify(body.charAt(i))}) is not in the credit-code alphabet`, {
        reason: 'CHARACTER',
      });
    }
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Checks a Unified Social Credit Code (GB 32100-2015) and derives what it encodes.
 *
 * Rules, in the order they are checked, each with its own `reason`:
 * `TYPE` (not a string), `CHARACTER` for any whitespace (nothing is trimmed),
 * `LENGTH` (not 18 characters), `CHARACTER` (outside
 * {@link CREDIT_CODE_ALPHABET}; lower case is normalised first),
 * `REGISTRATION_AUTHORITY` (position 1), `ORGANISATION_TYPE` (position 2, per
 * authority), `DIVISION` (positions 3–8 must be digits), `CHECK_CHARACTER`
 * (skipped for codes on `options.allowList`).
 *
 * Limitation: the organisation identifier's own GB 11714 check character
 * (position 17) is not verified, and the division code is not looked up.
 *
 * @example
 * validateCreditCode('91350100M000100Y43');
 * // { ok: true, value: { registrationAuthority: { code: '9', name: '工商' }, organisationType: { code: '1', name: '企业' }, … } }
 */
export function validateCreditCode(raw: unknown, options: CreditCodeOptions = {}): Validation<CreditCodeInfo> {
  if (typeof raw !== 'string') {
    return invalid('TYPE', `A credit code must be a string, not ${raw === null ? 'null' : typeof raw}`);
  }
  // Input is never trimmed: stray whitespace (often pasted) is reported where it is, before the length.
  const blank = raw.search(/\s/);
  if (blank >= 0) {
    return invalid('CHARACTER', `Character ${blank + 1} of the credit code is whitespace (${JSON.stringify(raw.charAt(blank))}); remove it`);
  }
  if (raw.length !== 18) {
    return invalid('LENGTH', `A credit code has 18 characters, not ${raw.length}`);
  }
  const creditCode = asciiUpper(raw);
  for (let i = 0; i < 18; i += 1) {
    const ch = creditCode.charAt(i);
    if (valueOf(ch) < 0) {
      return invalid(
        'CHARACTER',
        `Character ${i + 1} of the credit code is ${JSON.stringify(ch)}, which is not in the credit-code alphabet (digits and upper-case letters except I, O, S, V, Z)`,
      );
    }
  }

  const authorityCode = creditCode.charAt(0);
  const authority = REGISTRATION_AUTHORITIES[authorityCode];
  if (!authority) {
    return invalid('REGISTRATION_AUTHORITY', `Position 1 of the credit code (${authorityCode}) is not a known registration authority`);
  }
  const typeCode = creditCode.charAt(1);
  const typeName = authority.organisationTypes[typeCode];
  if (typeName === undefined) {
    return invalid(
      'ORGANISATION_TYPE',
      `Position 2 of the credit code (${typeCode}) is not an organisation type of registration authority ${authorityCode} (${authority.name})`,
    );
  }
  const divisionCode = creditCode.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) {
    return invalid('DIVISION', `Positions 3–8 of the credit code (${divisionCode}) must be a 6-digit division code`);
  }

  const pilotEra = options.allowList?.has(creditCode) ?? false;
  const expected = creditCodeCheckCharacter(creditCode.slice(0, 17));
  const actual = creditCode.charAt(17);
  if (actual !== expected && !pilotEra) {
    return invalid('CHECK_CHARACTER', `The check character (position 18) is ${actual} but should be ${expected}`);
  }

  return valid({
    creditCode,
    registrationAuthority: { code: authorityCode, name: authority.name },
    organisationType: { code: typeCode, name: typeName },
    divisionCode,
    organisationId: creditCode.slice(8, 17),
    pilotEra,
  });
}

/**
 * Like {@link validateCreditCode}, but returns the info or throws.
 *
 * @throws {ValidationError} with `details.reason` set to the broken rule.
 * @example
 * parseCreditCode('91350100M000100Y43').organisationId; // 'M000100Y4'
 */
export function parseCreditCode(raw: unknown, options?: CreditCodeOptions): CreditCodeInfo {
  return unwrapValidation(validateCreditCode(raw, options));
}
