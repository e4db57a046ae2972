import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { createScalars } from './scalars.js';

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? String(error.details.reason) : 'NOT_APP_ERROR';
  }
  return undefined;
}

describe('createScalars', () => {
  const s = createScalars({ creditCodeAllowList: new Set(['91350100M000100Y44']) });

  it('normalises a lowercase x in ID numbers, from variables and literals', () => {
    expect(s.IdNumber!.parseValue('11010519491231002x')).toBe('11010519491231002X');
    expect(s.IdNumber!.parseLiteral({ kind: Kind.STRING, value: '11010519491231002x' })).toBe('11010519491231002X');
  });

  it.each([
    ['IdNumber', '110105194912310021', 'CHECK_CHARACTER'],
    ['IdNumber', '1101051949123100', 'LENGTH'],
    ['IdNumber', '11010519490231002X', 'DATE'],
    ['CreditCode', '91350100M000100Y42', 'CHECK_CHARACTER'],
    ['CreditCode', '91350100M000100I43', 'CHARACTER'],
    ['Date', '2024-02-30', 'DATE'],
    ['Date', '2024/02/03', 'FORMAT'],
    ['DateTime', '2024-02-03 10:00', 'FORMAT'],
    ['Decimal', '1e5', 'FORMAT'],
  ])('%s refuses %s with reason %s', (scalar, value, reason) => {
    expect(reasonOf(() => s[scalar]!.parseValue(value))).toBe(reason);
  });

  it('refuses a non-string ID number literal with reason TYPE', () => {
    expect(reasonOf(() => s.IdNumber!.parseLiteral({ kind: Kind.INT, value: '110105194912310021' }))).toBe('TYPE');
  });

  it('accepts an allow-listed pilot-era credit code with a wrong check character', () => {
    expect(s.CreditCode!.parseValue('91350100M000100Y44')).toBe('91350100M000100Y44');
    expect(reasonOf(() => createScalars().CreditCode!.parseValue('91350100M000100Y44'))).toBe('CHECK_CHARACTER');
  });

  it('keeps decimals exact as strings and serialises instants as ISO-8601', () => {
    expect(s.Decimal!.parseValue('12345678901234567.89')).toBe('12345678901234567.89');
    expect(s.DateTime!.serialize(new Date('2026-11-25T08:00:00+08:00'))).toBe('2026-11-25T00:00:00.000Z');
  });
});
