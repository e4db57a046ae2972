/**
 * Calendar dates of e-licences, read in China Standard Time (UTC+8, no
 * daylight saving), whatever the time zone of the machine running the code.
 *
 * A licence "valid from 2025-03-01 until 2030-02-28" is valid from
 * 2025-03-01T00:00+08:00 up to, but not including, 2030-03-01T00:00+08:00.
 */
import { isRealDate } from '../domain/values.js';

const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real `YYYY-MM-DD` calendar date (years 1900–9999). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  return year >= 1900 && isRealDate(year, Number(m[2]), Number(m[3]));
}

/**
 * The instant (ms since the epoch) at which `date` begins in China.
 *
 * @example
 * new Date(chinaDayStart('2025-03-01')).toISOString(); // '2025-02-28T16:00:00.000Z'
 */
export function chinaDayStart(date: string): number {
  const m = DATE.exec(date);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - CHINA_OFFSET_MS;
}

/** The instant (ms) at which `date` ends in China: the start of the next day (exclusive end). */
export function chinaDayEnd(date: string): number {
  return chinaDayStart(date) + DAY_MS;
}

/** Whole seconds since the epoch (a JWT NumericDate), rounded down. */
export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
