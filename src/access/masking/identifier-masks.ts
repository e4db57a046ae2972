/**
 * Masks for identifiers: citizen ID numbers, unified social credit codes and
 * phone numbers (internal to `masking/`; use {@link mask}). A value that does
 * not have the expected shape is masked completely: a malformed identifier
 * tells nothing about which part is safe to show.
 */
import { FULL_MASK, MAX_IDENTIFIER_LENGTH } from './mask-text.js';

const ID_18 = /^\d{17}[\dXx]$/;
const ID_15 = /^\d{15}$/;
const USCC = /^[0-9A-HJ-NPQRTUWXY]{18}$/i;

function trimmedIdentifier(value: string): string | undefined {
  return value.length > MAX_IDENTIFIER_LENGTH ? undefined : value.trim();
}

/**
 * Citizen ID number (GB 11643): keeps the 6-digit division code and the last
 * 4 (sequence and check character), hides the 8-digit birth date:
 * `11010519491231002X` → `110105********002X`. A first-generation 15-digit
 * number hides its 6-digit birth date the same way: `110105491231002` →
 * `110105******002`.
 *
 * Why 6 + 8 + 4: it is the form government public notices (公示) use, hiding
 * exactly the birth date — the part that reveals age and birthday and is
 * asked in knowledge-based identity checks — while the last 4 let a window
 * match the number against a card shown to it, and the division code is no
 * more than where the number was issued. Limitation, plainly: the masked
 * form is a pseudonym, not anonymity — the check character constrains the
 * hidden date to a few thousand candidates, so anyone who also knows the
 * person's approximate age can usually recover the full number.
 */
export function maskIdNumber(value: string): string {
  const s = trimmedIdentifier(value);
  if (s === undefined) return FULL_MASK;
  if (ID_18.test(s)) return `${s.slice(0, 6)}********${s.slice(14)}`;
  if (ID_15.test(s)) return `${s.slice(0, 6)}******${s.slice(12)}`;
  return FULL_MASK;
}

/**
 * Unified social credit code (GB 32100): keeps the first 8 characters —
 * registration authority, organisation type and 6-digit division code, which
 * say only what kind of body it is and where it registered — and hides the
 * 9-character organisation identifier and the check character:
 * `91350100M000100Y43` → `91350100**********`. The check character is
 * hidden too, since with the rest known it narrows the identifier.
 */
export function maskCreditCode(value: string): string {
  const s = trimmedIdentifier(value);
  if (s === undefined || !USCC.test(s)) return FULL_MASK;
  return `${s.slice(0, 8)}**********`;
}

const SEPARATORS = /[\s\-()（）]/g;
const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE = /^0\d{9,11}$/;

/**
 * Phone numbers.
 * - Mobile (11 digits from 13–19, optionally written with `+86`/`0086`/`86`,
 *   spaces or dashes): keeps the first 3 (the carrier prefix) and the last 4,
 *   the form carriers and banks print: `138 1234 5678` → `138****5678`.
 * - Landline with its area code (`010-12345678`, `0571 8888 6666`): keeps the
 *   area code only — it says no more than the city — and hides the whole
 *   subscriber number: `010-********`. Area codes are 3 digits for 010 and
 *   020–029, 4 digits otherwise.
 * - Anything else (no area code, extensions, foreign or service numbers): `****`.
 */
export function maskPhone(value: string): string {
  const s = trimmedIdentifier(value);
  if (s === undefined) return FULL_MASK;
  const compact = s.replace(SEPARATORS, '');
  const national = compact.replace(/^(?:\+86|0086)/, '').replace(/^86(?=1[3-9]\d{9}$)/, '');
  if (MOBILE.test(national)) return `${national.slice(0, 3)}****${national.slice(7)}`;
  if (LANDLINE.test(national)) {
    const area = /^0[12]/.test(national) ? 3 : 4;
    return `${national.slice(0, area)}-${'*'.repeat(national.length - area)}`;
  }
  return FULL_MASK;
}
