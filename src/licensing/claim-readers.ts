/**
 * Strict readers for payload fields (internal to `licensing/`): each returns
 * the typed value or throws a {@link ClaimError} naming the payload path.
 */
import { isCalendarDate } from './china-time.js';

// Control characters, lone surrogates and bidi overrides: nothing a printed name needs, all useful for spoofing a display.
const UNPRINTABLE = /[\p{Cc}\p{Cs}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** A payload field that breaks the format; `field` is its path, e.g. `license.holder.id`. */
export class ClaimError extends Error {
  constructor(
    readonly field: string,
    why: string,
  ) {
    super(why);
  }
}

/** A plain JSON object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (where: string, key: string): string => (where ? `${where}.${key}` : key);

/** `v` as an object, or a ClaimError. */
export function object(v: unknown, field: string): Record<string, unknown> {
  if (!isRecord(v)) throw new ClaimError(field, 'must be an object');
  return v;
}

/** The object has exactly `required` keys, plus any of `optional`. */
export function exactKeys(obj: Record<string, unknown>, where: string, required: readonly string[], optional: readonly string[] = []): void {
  for (const key of Object.keys(obj)) {
    if (!required.includes(key) && !optional.includes(key)) throw new ClaimError(join(where, key.slice(0, 40)), 'is not an allowed claim');
  }
  for (const key of required) if (!Object.hasOwn(obj, key)) throw new ClaimError(join(where, key), 'is missing');
}

/** A non-empty string of at most `max` characters, trimmed, with nothing unprintable. */
export function text(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string' || v.length === 0) throw new ClaimError(field, 'must be a non-empty string');
  if (v.length > max) throw new ClaimError(field, `must be at most ${max} characters`);
  if (v.trim() !== v) throw new ClaimError(field, 'must not start or end with whitespace');
  if (UNPRINTABLE.test(v)) throw new ClaimError(field, 'contains control or direction-override characters');
  return v;
}

/** A string matching `re`; `what` describes it for the error. */
export function shaped(v: unknown, field: string, re: RegExp, what: string): string {
  if (typeof v !== 'string' || !re.test(v)) throw new ClaimError(field, `must be ${what}`);
  return v;
}

/** A safe integer in `min…max`. */
export function integer(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min || v > max) throw new ClaimError(field, `must be an integer ${min}…${max}`);
  return v;
}

/** A JWT NumericDate: whole seconds, years 1970–9999. */
export const numericDate = (v: unknown, field: string): number => integer(v, field, 0, 253_402_300_799 /* 9999-12-31 */);

/** A real `YYYY-MM-DD` calendar date. */
export function date(v: unknown, field: string): string {
  if (!isCalendarDate(v)) throw new ClaimError(field, 'must be a real YYYY-MM-DD date');
  return v;
}

/** An absolute http(s) URI of at most 2048 characters. */
export function statusUri(v: unknown, field: string): string {
  const uri = text(v, field, 2048);
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new ClaimError(field, 'must be an absolute URI');
  }
  // Other schemes (file:, data:, javascript:) have no business in a fetcher's hands.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ClaimError(field, 'must be an http(s) URI');
  return uri;
}

