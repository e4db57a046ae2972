import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../errors.js';
import { creditCodeCheckCharacter } from './credit-code.js';
import { LICENSE_ROOT_OID, formatLicenseId, mod3736CheckCharacter, parseLicenseId, validateLicenseId } from './license-id.js';
import type { LicenseIdParts } from './license-id.js';

const ALPHABET_36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MINISTRY = '11100000MB0000000P'; // a well-formed (synthetic) ministry credit code
const ISSUER = '91350100M000100Y43';
const PARTS: LicenseIdParts = { typeCode: `${MINISTRY}001`, issuerCode: ISSUER, serial: '2024A0001', version: 1 };
const ID = '1.2.156.3005.2.11100000MB0000000P001.91350100M000100Y43.2024A0001.001.P';

function reasonOf(raw: unknown): string | undefined {
  const result = validateLicenseId(raw);
  return result.ok ? undefined : result.reason;
}

/** Rebuilds an identifier from raw part texts with a correct check character, so a test isolates one rule. */
function assemble(typeCode: string, issuer: string, serial: string, version: string): string {
  const body = `1215630052${typeCode}${issuer}${serial}${version}`;
  // A body with characters outside 0-9A-Z has no check character; any will do for a FORMAT test.
  const check = /^[0-9A-Z]*$/.test(body) ? mod3736CheckCharacter(body) : '0';
  return [LICENSE_ROOT_OID, typeCode, issuer, serial, version, check].join('.');
}

/** mulberry32: a tiny seeded PRNG so the property tests are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * An independent reference of the MOD 37,36 running state (ISO 7064 hybrid
 * system, written as in python-stdnum): the state before each character.
 */
function runningStates(body: string): number[] {
  const states: number[] = [];
  let sum = 18; // M / 2: doubling it mod 37 gives the initial product 36.
  for (const ch of body) {
    states.push(((sum || 36) * 2) % 37);
    sum = ((((sum || 36) * 2) % 37) + ALPHABET_36.indexOf(ch)) % 36;
  }
  states.push(((sum || 36) * 2) % 37);
  return states;
}

/** The one pair of neighbouring values that MOD 37,36 cannot tell apart when swapped at running state `p`. */
function blindPair(p: number): [number, number] {
  const x = (((18 - p) % 36) + 36) % 36;
  return [x, (x + 1) % 36];
}

describe('license-id', () => {
  describe(mod3736CheckCharacter.name, () => {
    it('matches the ISO 7064 MOD 37,36 example used by python-stdnum', () => {
      expect(mod3736CheckCharacter('A12425GABC1234002')).toBe('M');
    });

    it('accepts lower case', () => {
      expect(mod3736CheckCharacter('a12425gabc1234002')).toBe('M');
    });

    it('makes the reference checksum of body + check equal 1', () => {
      const random = mulberry32(7);
      for (let n = 0; n < 200; n += 1) {
        const body = randomBody(random);
        const states = runningStates(body + mod3736CheckCharacter(body));
        const final = states[states.length - 1] ?? 0;
        // The sum after the check character is 1, so the next product is 2.
        expect(final).toBe(2);
      }
    });

    it('rejects a character outside 0-9A-Z', () => {
      expect(() => mod3736CheckCharacter('AB.C')).toThrow(ValidationError);
    });

    it('detects every single-character substitution (300 seeded random bodies)', () => {
      const random = mulberry32(20240601);
      let tried = 0;
      const undetected: string[] = [];
      for (let n = 0; n < 300; n += 1) {
        const body = randomBody(random);
        const check = mod3736CheckCharacter(body);
        for (let i = 0; i < body.length; i += 1) {
          for (const ch of ALPHABET_36) {
            if (ch === body[i]) continue;
            tried += 1;
            const changed = body.slice(0, i) + ch + body.slice(i + 1);
            if (mod3736CheckCharacter(changed) === check) undetected.push(changed);
          }
        }
      }
      expect(undetected).toEqual([]);
      expect(tried).toBeGreaterThan(300 * 20 * 35);
    });

    it('detects every adjacent transposition except its one blind pair per state (300 seeded random bodies)', () => {
      const random = mulberry32(36);
      let detected = 0;
      let missed = 0;
      for (let n = 0; n < 300; n += 1) {
        const body = randomBody(random);
        const check = mod3736CheckCharacter(body);
        const states = runningStates(body);
        for (let i = 0; i + 1 < body.length; i += 1) {
          const a = body.charAt(i);
          const b = body.charAt(i + 1);
          if (a === b) continue;
          const swapped = body.slice(0, i) + b + a + body.slice(i + 2);
          const isDetected = mod3736CheckCharacter(swapped) !== check;
          const [x, y] = blindPair(states[i] ?? 0);
          const values = [ALPHABET_36.indexOf(a), ALPHABET_36.indexOf(b)].sort((m, k) => m - k);
          const blind = [x, y].sort((m, k) => m - k);
          expect(isDetected).toBe(!(values[0] === blind[0] && values[1] === blind[1]));
          if (isDetected) detected += 1;
          else missed += 1;
        }
      }
      expect(detected / (detected + missed)).toBeGreaterThan(0.99);
    });

    it('misses exactly 36 of the 36 × 630 (state, distinct pair) transpositions', () => {
      // Exhaustive over the hybrid system's 36 states, using single-character
      // prefixes to reach each state.
      const prefixFor = new Map<number, string>();
      for (const ch of ALPHABET_36) prefixFor.set(runningStates(ch)[1] ?? 0, ch);
      expect(prefixFor.size).toBe(36);
      let missed = 0;
      for (const prefix of prefixFor.values()) {
        for (let a = 0; a < 36; a += 1) {
          for (let b = a + 1; b < 36; b += 1) {
            const ab = prefix + ALPHABET_36.charAt(a) + ALPHABET_36.charAt(b);
            const ba = prefix + ALPHABET_36.charAt(b) + ALPHABET_36.charAt(a);
            if (mod3736CheckCharacter(ab) === mod3736CheckCharacter(ba)) missed += 1;
          }
        }
      }
      expect(missed).toBe(36);
    });
  });

  describe(formatLicenseId.name, () => {
    it('builds the identifier with its check character', () => {
      expect(formatLicenseId(PARTS)).toBe(ID);
    });

    it('pads the version to 3 digits and normalises lower case', () => {
      const id = formatLicenseId({ ...PARTS, serial: 'abc', version: 42 });
      expect(id).toMatch(/\.ABC\.042\.[0-9A-Z]$/);
      expect(validateLicenseId(id).ok).toBe(true);
    });

    it.each([
      ['version 0', { version: 0 }, 'VERSION'],
      ['version 1000', { version: 1000 }, 'VERSION'],
      ['a fractional version', { version: 1.5 }, 'VERSION'],
      ['NaN as version', { version: Number.NaN }, 'VERSION'],
      ['an empty serial', { serial: '' }, 'FORMAT'],
      ['a 33-character serial', { serial: 'A'.repeat(33) }, 'FORMAT'],
      ['a serial with a dot', { serial: 'A.B' }, 'FORMAT'],
      ['an invalid issuer', { issuerCode: '91350100M000100Y44' }, 'ISSUER'],
      ['a type code without its sequence', { typeCode: MINISTRY }, 'TYPE_CODE'],
      ['a type code whose credit code is wrong', { typeCode: `${MINISTRY.slice(0, 17)}Q001` }, 'TYPE_CODE'],
    ] as const)('rejects %s', (_label, change, reason) => {
      try {
        formatLicenseId({ ...PARTS, ...change });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).details.reason).toBe(reason);
      }
    });
  });

  describe(validateLicenseId.name, () => {
    it('accepts a well-formed identifier and returns its parts', () => {
      expect(validateLicenseId(ID)).toEqual({ ok: true, value: { ...PARTS, licenseId: ID } });
    });

    it('normalises lower case', () => {
      const result = validateLicenseId(ID.toLowerCase());
      expect(result.ok && result.value.licenseId).toBe(ID);
    });

    it('accepts serials of 1 and 32 characters and version 999', () => {
      expect(reasonOf(assemble(PARTS.typeCode, ISSUER, '7', '999'))).toBeUndefined();
      expect(reasonOf(assemble(PARTS.typeCode, ISSUER, 'Z'.repeat(32), '001'))).toBeUndefined();
    });

    it.each([
      ['a number', 1.2],
      ['null', null],
      ['an object', { id: ID }],
    ])('rejects %s as TYPE', (_label, raw) => {
      expect(reasonOf(raw)).toBe('TYPE');
    });

    it('rejects more than 128 characters as LENGTH', () => {
      expect(reasonOf(`${ID}${'0'.repeat(129 - ID.length)}`)).toBe('LENGTH');
    });

    it.each([
      ['another OID', ID.replace('1.2.156.3005.2.', '1.2.156.3005.3.')],
      ['a longer arc that only starts the same', ID.replace('1.2.156.3005.2.', '1.2.156.3005.21.')],
      ['no root', ID.slice(LICENSE_ROOT_OID.length + 1)],
      ['a URN prefix', `urn:oid:${ID}`],
      ['the root alone', LICENSE_ROOT_OID],
      ['empty', ''],
    ])('rejects %s as ROOT', (_label, raw) => {
      expect(reasonOf(raw)).toBe('ROOT');
    });

    it.each([
      ['nothing after the root', `${LICENSE_ROOT_OID}.`],
      ['a missing check part', ID.slice(0, ID.lastIndexOf('.'))],
      ['an extra part', `${ID}.X`],
      ['a doubled dot', ID.replace('.2024A0001', '..2024A0001')],
      ['an empty serial', assemble(PARTS.typeCode, ISSUER, '', '001')],
      ['a serial with a hyphen', assemble(PARTS.typeCode, ISSUER, '2024-1', '001')],
      ['a 33-character serial', assemble(PARTS.typeCode, ISSUER, 'A'.repeat(33), '001')],
      ['a 2-character check part', `${ID}0`],
      ['an empty check part', `${ID.slice(0, -1)}`],
      ['a check part that is not alphanumeric', `${ID.slice(0, -1)}*`],
    ])('rejects %s as FORMAT', (_label, raw) => {
      expect(reasonOf(raw)).toBe('FORMAT');
    });

    it.each([
      ['20 characters', `${MINISTRY}01`],
      ['22 characters', `${MINISTRY}0001`],
      ['a sequence with a letter', `${MINISTRY}00A`],
      ['a ministry code with a wrong check character', `${MINISTRY.slice(0, 17)}Q001`],
      ['a ministry code with an I', `${MINISTRY.slice(0, 8)}I${MINISTRY.slice(9)}001`],
      ['a ministry code with an unknown authority', `B${MINISTRY.slice(1)}001`],
    ])('rejects a type code of %s as TYPE_CODE', (_label, typeCode) => {
      expect(reasonOf(assemble(typeCode, ISSUER, PARTS.serial, '001'))).toBe('TYPE_CODE');
    });

    it.each([
      ['a wrong check character', '91350100M000100Y44'],
      ['17 characters', '91350100M000100Y4'],
      ['an O', '91350100MO00100Y43'],
      ['an unknown organisation type', '94350100M000100Y43'],
    ])('rejects an issuer with %s as ISSUER', (_label, issuer) => {
      expect(reasonOf(assemble(PARTS.typeCode, issuer, PARTS.serial, '001'))).toBe('ISSUER');
    });

    it.each(['000', '01', '1', '0001', '1000', 'A01', ''])('rejects version %j as VERSION', (version) => {
      expect(reasonOf(assemble(PARTS.typeCode, ISSUER, PARTS.serial, version))).toBe('VERSION');
    });

    it('rejects a wrong check character and names the expected one', () => {
      const result = validateLicenseId(`${ID.slice(0, -1)}Q`);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason).toBe('CHECK_CHARACTER');
        expect(result.message).toContain('P');
      }
    });

    it('detects a changed serial, issuer or version through the check character', () => {
      const otherIssuer = `91350100M000101${'Y4'}`;
      const otherIssuerCode = otherIssuer + creditCodeCheckCharacter(otherIssuer);
      expect(reasonOf(ID.replace('2024A0001', '2024A0002'))).toBe('CHECK_CHARACTER');
      expect(reasonOf(ID.replace('.001.', '.002.'))).toBe('CHECK_CHARACTER');
      expect(reasonOf(ID.replace(ISSUER, otherIssuerCode))).toBe('CHECK_CHARACTER');
    });
  });

  describe(parseLicenseId.name, () => {
    it('returns the parts of a valid identifier', () => {
      expect(parseLicenseId(ID).version).toBe(1);
    });

    it('throws a ValidationError whose details carry the reason', () => {
      try {
        parseLicenseId(`${ID.slice(0, -1)}Q`);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).details.reason).toBe('CHECK_CHARACTER');
      }
    });
  });
});

/** A body of 20–80 characters of 0-9A-Z. */
function randomBody(random: () => number): string {
  const length = 20 + Math.floor(random() * 61);
  let body = '';
  for (let i = 0; i < length; i += 1) body += ALPHABET_36.charAt(Math.floor(random() * 36));
  return body;
}
