import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './due-date.js';

describe('addWorkingDays', () => {
  it('skips weekends in China time', () => {
    // Wednesday 2026-11-25 10:00 +08:00 + 7 working days = Friday 2026-12-04 10:00 +08:00
    expect(addWorkingDays(new Date('2026-11-25T02:00:00Z'), 7).toISOString()).toBe('2026-12-04T02:00:00.000Z');
    // Friday + 1 working day = Monday
    expect(addWorkingDays(new Date('2026-11-27T02:00:00Z'), 1).toISOString()).toBe('2026-11-30T02:00:00.000Z');
  });

  it('counts a Saturday evening in UTC that is Sunday in China as a weekend', () => {
    // 2026-11-28T20:00Z is Sunday 04:00 in China: the next working day is Monday.
    expect(addWorkingDays(new Date('2026-11-28T20:00:00Z'), 1).toISOString()).toBe('2026-11-29T20:00:00.000Z');
  });
});
