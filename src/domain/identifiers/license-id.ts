import { asciiUpper } from './ascii-upper.js';
import { ValidationError } from '../../errors.js';
import { validateCreditCode } from './credit-code.js';
import { invalid, toValidationError, unwrapValidation, valid } from './validation-result.js';
import type { Validation } from './validation-result.js';

/** The root OID of e-licence identifiers (GB/T 36904). */
export const LICENSE_ROOT_OID = '1.2.156.3005.2';

/** The parts of an e-licence identifier that carry meaning (the root and check are implied). */
export interface LicenseIdParts {
  /** 21 characters: the defining ministry's credit code and a 3-digit sequence. */
  typeCode: string;
  /** The issuing authority's 18-character credit code. */
  issuerCode: string;
  /** 1–32 characters of `[0-9A-Z]`, chosen by the issuer. */
  serial: string;
  /** 1–999; written as exactly 3 digits. */
  version: number;
}

/** The longest identifier accepted. */
const MAX_LENGTH = 128;
/** The root OID with its dots removed, as it enters the check character. */
const ROOT_DIGITS = LICENSE_ROOT_OID.replaceAll('.', '');
/** MOD 37,36 alphabet: 0–9 are worth 0–9, A–Z 10–35. */
const ALPHABET_36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SERIAL_PATTERN = /^[0-9A-Z]{1,32}$/;
const VERSION_PATTERN = /^\d{3}$/;
const CHECK_PATTERN = /^[0-9A-Z]$/;

/**
 * The ISO 7064 MOD 37,36 (hybrid system) check character for `body`, over
 * the alphabet `0-9A-Z` (lower case is accepted).
 *
 * Detects every single-character substitution. It does not detect every
 * adjacent transposition: at each running state exactly one pair of
 * neighbouring values (x, x+1 mod 36) swaps undetected, about 0.16 % of
 * distinct pairs.
 *
 * @throws {ValidationError} `CHARACTER` when `body` holds a character outside `0-9A-Z`.
 * @example
 * mod3736CheckCharacter('A12425GABC1234002'); // 'M'
 */
export function mod3736CheckCharacter(body: string): string {
  const text = asciiUpper(body);
  let product = 36;
  for (let i = 0; i < text.length; i += 1) {
    const value = ALPHABET_36.indexOf(text.charAt(i));
    if (value < 0) {
      throw new ValidationError(`Character ${i + 1} (${JSON.stringify(text.charAt(i))}) is not in 0-9A-Z`, { reason: 'CHARACTER' });
    }
    // Hybrid system: reduce mod 36 (writing 0 as 36), then double mod 37.
    const sum = (product + value) % 36 || 36;
    product = (sum * 2) % 37;
  }
  // The check character is the one that brings the final sum to 1 (mod 36).
  return ALPHABET_36.charAt((37 - product) % 36);
}

/**
 * Builds an e-licence identifier from its parts, checking each one and
 * appending the check character. Lower case is normalised to upper case.
 *
 * @throws {ValidationError} `TYPE_CODE`, `ISSUER`, `FORMAT` (serial) or `VERSION`.
 * @example
 * formatLicenseId({ typeCode: '11100000MB0000000P001', issuerCode: '91350100M000100Y43', serial: '2024A0001', version: 1 });
 * // '1.2.156.3005.2.11100000MB0000000P001.91350100M000100Y43.2024A0001.001.P'
 */
export function formatLicenseId(parts: LicenseIdParts): string {
  const { version } = parts;
  if (!Number.isInteger(version) || version < 1 || version > 999) {
    throw new ValidationError(`The version must be a whole number from 1 to 999, not ${String(version)}`, { reason: 'VERSION' });
  }
  const versionText = String(version).padStart(3, '0');
  const checked = checkParts(parts.typeCode, parts.issuerCode, parts.serial, versionText);
  if (!checked.ok) throw toValidationError(checked);
  const { typeCode, issuerCode, serial } = checked.value;
  const check = mod3736CheckCharacter(`${ROOT_DIGITS}${typeCode}${issuerCode}${serial}${versionText}`);
  return [LICENSE_ROOT_OID, typeCode, issuerCode, serial, versionText, check].join('.');
}

/**
 * Checks an e-licence identifier
 * `1.2.156.3005.2.<type code>.<issuer>.<serial>.<version>.<check>`.
 *
 * Rules, in the order they are checked, each with its own `reason`: `TYPE`
 * (not a string), `LENGTH` (over 128 characters), `ROOT` (does not start with
 * the root OID), `FORMAT` (not five dot-separated parts after the root, a
 * serial that is not 1–32 of `[0-9A-Z]`, or a check part that is not one such
 * character), `TYPE_CODE` (not a valid credit code plus 3 digits), `ISSUER`
 * (not a valid credit code), `VERSION` (not 3 digits from 001 to 999),
 * `CHECK_CHARACTER` (ISO 7064 MOD 37,36 over every part before it, root
 * included, joined without dots). Lower case is normalised to upper case.
 *
 * Credit codes inside the identifier are checked without a pilot-era allow-list.
 *
 * @example
 * const result = validateLicenseId(id);
 * if (result.ok) result.value.issuerCode; // '91350100M000100Y43'
 */
export function validateLicenseId(raw: unknown): Validation<LicenseIdParts & { licenseId: string }> {
  if (typeof raw !== 'string') {
    return invalid('TYPE', `An e-licence identifier must be a string, not ${raw === null ? 'null' : typeof raw}`);
  }
  if (raw.length > MAX_LENGTH) {
    return invalid('LENGTH', `An e-licence identifier has at most ${MAX_LENGTH} characters, not ${raw.length}`);
  }
  const licenseId = asciiUpper(raw);
  if (!licenseId.startsWith(`${LICENSE_ROOT_OID}.`)) {
    return invalid('ROOT', `An e-licence identifier starts with the root OID ${LICENSE_ROOT_OID}.`);
  }
  const parts = licenseId.slice(LICENSE_ROOT_OID.length + 1).split('.');
  if (parts.length !== 5) {
    return invalid(
      'FORMAT',
      `After the root OID an e-licence identifier has 5 dot-separated parts (type code, issuer, serial, version, check), not ${parts.length}`,
    );
  }
  const [typeCodePart = '', issuerPart = '', serialPart = '', versionPart = '', checkPart = ''] = parts;
  const checked = checkParts(typeCodePart, issuerPart, serialPart, versionPart);
  if (!checked.ok) return checked;
  if (!CHECK_PATTERN.test(checkPart)) {
    return invalid('FORMAT', `The check part of the e-licence identifier must be one character of 0-9A-Z, not ${JSON.stringify(checkPart)}`);
  }
  const expected = mod3736CheckCharacter(`${ROOT_DIGITS}${typeCodePart}${issuerPart}${serialPart}${versionPart}`);
  if (checkPart !== expected) {
    return invalid('CHECK_CHARACTER', `The check character of the e-licence identifier is ${checkPart} but should be ${expected}`);
  }
  return valid({ ...checked.value, licenseId });
}

/**
 * Like {@link validateLicenseId}, but returns the parts or throws.
 *
 * @throws {ValidationError} with `details.reason` set to the broken rule.
 * @example
 * parseLicenseId(id).version; // 1
 */
export function parseLicenseId(raw: unknown): LicenseIdParts & { licenseId: string } {
  return unwrapValidation(validateLicenseId(raw));
}

/** Checks the four meaningful parts (upper-cased) and returns them normalised. */
function checkParts(typeCodeRaw: string, issuerRaw: string, serialRaw: string, versionText: string): Validation<LicenseIdParts> {
  const typeCode = asciiUpper(typeCodeRaw);
  if (typeCode.length !== 21 || !/^\d{3}$/.test(typeCode.slice(18))) {
    return invalid(
      'TYPE_CODE',
      `The licence type code must be 21 characters: the defining ministry's 18-character credit code and a 3-digit sequence (got ${typeCode.length} characters)`,
    );
  }
  const ministry = validateCreditCode(typeCode.slice(0, 18));
  if (!ministry.ok) {
    return invalid('TYPE_CODE', `The licence type code does not start with a valid credit code (${ministry.reason}): ${ministry.message}`);
  }
  const issuer = validateCreditCode(issuerRaw);
  if (!issuer.ok) {
    return invalid('ISSUER', `The issuing authority is not a valid credit code (${issuer.reason}): ${issuer.message}`);
  }
  const serial = asciiUpper(serialRaw);
  if (!SERIAL_PATTERN.test(serial)) {
    return invalid('FORMAT', `The serial part must be 1–32 characters of 0-9A-Z (got ${serial.length} characters)`);
  }
  if (!VERSION_PATTERN.test(versionText) || versionText === '000') {
    return invalid('VERSION', `The version must be 3 digits from 001 to 999, not ${JSON.stringify(versionText)}`);
  }
  return valid({ typeCode, issuerCode: issuer.value.creditCode, serial, version: Number(versionText) });
}
