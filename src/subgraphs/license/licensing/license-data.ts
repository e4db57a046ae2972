import { parseCreditCode } from '../../../domain/identifiers/credit-code.js';
import { parseIdNumber } from '../../../domain/identifiers/id-number.js';
import { parseDate, parseDecimal } from '../../../domain/values.js';
import { AppError, ValidationError } from '../../../errors.js';
import type { DataFieldDefinition } from '../license-type.entity.js';

function fail(field: string, reason: string, message: string): never {
  throw new ValidationError(`${field}: ${message}`, { field, reason });
}

function coerce(def: DataFieldDefinition, value: unknown, field: string): unknown {
  try {
    switch (def.type) {
      case 'STRING':
        if (typeof value !== 'string' || !value.trim()) fail(field, 'TYPE', 'must be a non-empty string');
        if (def.maxLength && value.length > def.maxLength) fail(field, 'LENGTH', `is at most ${def.maxLength} characters`);
        return value.trim();
      case 'INTEGER':
        if (typeof value !== 'number' || !Number.isSafeInteger(value)) fail(field, 'TYPE', 'must be a whole number');
        return value;
      case 'DECIMAL':
        return parseDecimal(typeof value === 'number' ? String(value) : String(value));
      case 'BOOLEAN':
        if (typeof value !== 'boolean') fail(field, 'TYPE', 'must be true or false');
        return value;
      case 'DATE':
        if (typeof value !== 'string') fail(field, 'TYPE', 'must be a YYYY-MM-DD string');
        return parseDate(value);
      case 'ENUM':
        if (typeof value !== 'string' || !def.values?.includes(value)) fail(field, 'VALUE', `must be one of ${(def.values ?? []).join(', ')}`);
        return value;
      case 'ID_NUMBER':
        return parseIdNumber(value).idNumber;
      case 'CREDIT_CODE':
        return parseCreditCode(value).creditCode;
    }
  } catch (error) {
    if (error instanceof ValidationError && !error.details.field) throw error.at(field);
    if (error instanceof AppError) throw error;
    throw error;
  }
}

/**
 * Checks a licence's type-specific data against its type's field definitions:
 * required fields present, no unknown fields, each value of its type.
 *
 * @throws ValidationError naming `input.data.<field>` and the rule.
 */
export function validateLicenseData(fields: readonly DataFieldDefinition[], data: unknown, root = 'input.data'): Record<string, unknown> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail(root, 'TYPE', 'must be an object of the licence type\'s data fields');
  const input = data as Record<string, unknown>;
  const known = new Map(fields.map((f) => [f.name, f]));
  for (const key of Object.keys(input)) if (!known.has(key)) fail(`${root}.${key}`, 'UNKNOWN_FIELD', `is not a data field of this licence type (fields: ${[...known.keys()].join(', ')})`);
  const out: Record<string, unknown> = {};
  for (const def of fields) {
    const value = input[def.name];
    if (value === undefined || value === null || value === '') {
      if (def.required) fail(`${root}.${def.name}`, 'REQUIRED', `${def.label} is required`);
      continue;
    }
    out[def.name] = coerce(def, value, `${root}.${def.name}`);
  }
  return out;
}
