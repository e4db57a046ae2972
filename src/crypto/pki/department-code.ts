/**
 * The department identity carried by a department certificate: its 18-character
 * Unified Social Credit Code (GB 32100-2015) in the subject `serialNumber`
 * attribute (OID 2.5.4.5).
 */
import type { Certificate } from './certificate.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{18}$/;

/**
 * True when `code` is an 18-character USCC over the 31-character alphabet and,
 * unless `checkCharacter: false`, its check character (position 18) is right.
 *
 * Some legally issued pilot-era codes fail the check; callers that must accept
 * them pass `checkCharacter: false` and keep their own audited allow-list.
 *
 * @example
 * isUnifiedSocialCreditCode('91350100M000100Y43'); // true
 */
export function isUnifiedSocialCreditCode(code: string, options: { checkCharacter?: boolean } = {}): boolean {
  if (!SHAPE.test(code)) return false;
  if (options.checkCharacter === false) return true;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code.charAt(i)) * (WEIGHTS[i] ?? 0);
  return code.charAt(17) === ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Reads the department's USCC back from a department certificate (subject
 * `serialNumber`, OID 2.5.4.5). Returns undefined when the attribute is absent
 * or is not USCC-shaped (the check character is not re-verified here: the
 * certificate was vetted when it was issued).
 *
 * @example
 * const code = departmentCodeOf(verification.leaf); // '11350100MB00000012' or undefined
 */
export function departmentCodeOf(cert: Certificate): string | undefined {
  const code = cert.subject.serialNumber;
  return code !== undefined && SHAPE.test(code) ? code : undefined;
}
