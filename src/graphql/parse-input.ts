import type { z } from 'zod';
import { ValidationError } from '../errors.js';

/** Maps zod issue kinds onto the hub's stable rule names. */
function reasonOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return 'LENGTH';
    case 'invalid_format':
      return 'FORMAT';
    case 'invalid_value':
      return 'VALUE';
    case 'invalid_type':
      return 'TYPE';
    case 'custom':
      return String((issue.params as { reason?: string } | undefined)?.reason ?? 'VALUE');
    default:
      return 'VALUE';
  }
}

/**
 * Validates a mutation input beyond what GraphQL types say (lengths, formats,
 * code lists) and names the first failing field.
 *
 * @throws ValidationError with `field` like `input.phone` and a rule `reason`.
 * @example
 * const input = parseInput(RegisterPersonSchema, args.input);
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, root = 'input'): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [root, ...issue.path.map(String)].join('.');
  throw new ValidationError(`${field}: ${issue.message}`, { field, reason: reasonOf(issue) });
}
