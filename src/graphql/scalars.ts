import { GraphQLScalarType, Kind, valueFromASTUntyped, type ValueNode } from 'graphql';
import { ValidationError } from '../errors.js';
import { parseCreditCode } from '../domain/identifiers/credit-code.js';
import { parseIdNumber } from '../domain/identifiers/id-number.js';
import { parseLicenseId } from '../domain/identifiers/license-id.js';
import { parseDate, parseDateTime, parseDecimal } from '../domain/values.js';

/**
 * The hub's custom scalars. Each validates on input (variables and literals)
 * before any resolver runs, throwing a {@link ValidationError} whose `reason`
 * names the rule that failed; the GraphQL edge turns it into BAD_USER_INPUT.
 */
export interface ScalarOptions {
  /** Pilot-era credit codes accepted although their check character is wrong. */
  readonly creditCodeAllowList?: ReadonlySet<string>;
}

function stringLiteral(ast: ValueNode, type: string): string {
  if (ast.kind !== Kind.STRING) {
    throw new ValidationError(`${type} must be a string, got a ${ast.kind.toLowerCase()} literal`, { reason: 'TYPE' });
  }
  return ast.value;
}

function requireString(value: unknown, type: string): string {
  if (typeof value !== 'string') throw new ValidationError(`${type} must be a string, got ${typeof value}`, { reason: 'TYPE' });
  return value;
}

/** Builds a string-based scalar from one normalising parser. */
function stringScalar(name: string, description: string, parse: (raw: string) => string): GraphQLScalarType<string, string> {
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => requireString(value, name),
    parseValue: (value) => parse(requireString(value, name)),
    parseLiteral: (ast) => parse(stringLiteral(ast, name)),
  });
}

/** Creates the scalar set; one set per schema. */
export function createScalars(options: ScalarOptions = {}): Record<string, GraphQLScalarType> {
  const allowList = options.creditCodeAllowList;
  return {
    IdNumber: stringScalar(
      'IdNumber',
      'Citizen ID number (GB 11643-1999): 18 characters, MOD 11-2 check; lowercase x is normalised to X.',
      (raw) => parseIdNumber(raw).idNumber,
    ),
    CreditCode: stringScalar(
      'CreditCode',
      'Unified Social Credit Code (GB 32100-2015): 18 characters, MOD 31 check; pilot-era codes on the allow-list pass.',
      (raw) => parseCreditCode(raw, allowList ? { allowList } : {}).creditCode,
    ),
    LicenseId: stringScalar(
      'LicenseId',
      'E-licence identifier (GB/T 36904): 1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<MOD 37,36 check>.',
      (raw) => parseLicenseId(raw).licenseId,
    ),
    Date: stringScalar('Date', 'A calendar date, YYYY-MM-DD.', parseDate),
    DateTime: new GraphQLScalarType<Date, string>({
      name: 'DateTime',
      description: 'An instant, RFC 3339 with an offset (e.g. 2026-11-25T08:00:00Z).',
      serialize: (value) => {
        const date = value instanceof Date ? value : new Date(requireString(value, 'DateTime'));
        if (Number.isNaN(date.getTime())) throw new ValidationError('DateTime is not a valid instant', { reason: 'DATE' });
        return date.toISOString();
      },
      parseValue: (value) => parseDateTime(requireString(value, 'DateTime')),
      parseLiteral: (ast) => parseDateTime(stringLiteral(ast, 'DateTime')),
    }),
    Decimal: new GraphQLScalarType<string, string>({
      name: 'Decimal',
      description: 'An exact decimal number as a string (e.g. "1000000.00"), never a float.',
      serialize: (value) => (typeof value === 'number' ? String(value) : requireString(value, 'Decimal')),
      parseValue: (value) => parseDecimal(typeof value === 'number' ? String(value) : requireString(value, 'Decimal')),
      parseLiteral: (ast) => {
        if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT || ast.kind === Kind.STRING) return parseDecimal(ast.value);
        throw new ValidationError(`Decimal must be a string or number, got a ${ast.kind.toLowerCase()} literal`, { reason: 'TYPE' });
      },
    }),
    JSON: new GraphQLScalarType<unknown, unknown>({
      name: 'JSON',
      description: 'Any JSON value.',
      serialize: (value) => value,
      parseValue: (value) => value,
      parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
    }),
  };
}
