/**
 * Provincial rules give a conditional-sharing request 2 working days of review
 * and the provider 5 more to answer: 7 working days in all.
 */
export const REQUEST_WORKING_DAYS = 7;

/**
 * Adds working days (Monday to Friday, by the calendar in China, UTC+8) to an
 * instant. Limitation: public holidays and their make-up working days are not
 * modelled; a holiday calendar would plug in here.
 */
export function addWorkingDays(from: Date, days: number): Date {
  const offset = 8 * 3_600_000;
  let t = from.getTime();
  let left = days;
  while (left > 0) {
    t += 86_400_000;
    const weekday = new Date(t + offset).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(t);
}
