import { ValidationError } from '../errors.js';

/**
 * Parsers for the plain value types the hub exchanges (dates, instants,
 * decimals). Each returns the normalised value or throws a
 * {@link ValidationError} naming the rule that failed.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when year/month/day form a real calendar date. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Parses a `YYYY-MM-DD` calendar date.
 *
 * @example parseDate('2024-02-29') // '2024-02-29'
 */
export function parseDate(raw: string): string {
  const m = DATE.exec(raw);
  if (!m) throw new ValidationError(`Date must be YYYY-MM-DD, got "${raw.slice(0, 40)}"`, { reason: 'FORMAT' });
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new ValidationError(`${raw} is not a real calendar date`, { reason: 'DATE' });
  }
  return raw;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;

/** Parses an RFC 3339 instant that carries an offset. */
export function parseDateTime(raw: string): Date {
  if (!DATE_TIME.test(raw)) {
    throw new ValidationError(`DateTime must be RFC 3339 with an offset, got "${raw.slice(0, 40)}"`, { reason: 'FORMAT' });
  }
  const date = new Date(raw);
  if (Number.isNaN(date.getTime()) || !isRealDate(Number(raw.slice(0, 4)), Number(raw.slice(5, 7)), Number(raw.slice(8, 10)))) {
    throw new ValidationError(`${raw} is not a real instant`, { reason: 'DATE' });
  }
  return date;
}

const DECIMAL = /^-?(0|[1-9]\d{0,17})(\.\d{1,6})?$/;

/** Parses an exact decimal (at most 18 integer and 6 fraction digits), kept as a string. */
export function parseDecimal(raw: string): string {
  if (!DECIMAL.test(raw)) {
    throw new ValidationError(
      `Decimal must be digits with an optional point (at most 18 integer and 6 fraction digits), got "${raw.slice(0, 40)}"`,
      { reason: 'FORMAT' },
    );
  }
  return raw;
}

/** Today's calendar date in China Standard Time (UTC+8), `YYYY-MM-DD`. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Adds whole years to a `YYYY-MM-DD` date; 29 February falls back to 28 February
 * in a year that has none (how validity periods are counted on licences).
 */
export function addYearsToDate(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(4);
  return md === '-02-29' ? `${y}-02-28` : `${y}${md}`;
}
