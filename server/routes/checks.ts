// What a route checks beyond its schema, the same way wherever it is asked: a range of instants
// (in order, not too long) and a calendar day that exists.
import { isCalendarDay } from '../engine/calendar';
import { hallDay } from '../engine/numbering';
import { AppError, badRequest } from '../errors';

const DAY_MS = 86_400_000;

/** `from` and `to` as instants: `from` before `to`, at most `maxDays` apart (400 `range_too_long` otherwise). */
export function checkedRange(q: { from: string; to: string }, maxDays: number): { from: number; to: number } {
  const from = Date.parse(q.from), to = Date.parse(q.to);
  if (!(from < to)) throw badRequest('`from` must be before `to`');
  if (to - from > maxDays * DAY_MS) throw new AppError(400, 'range_too_long', `The range may span at most ${maxDays} days`);
  return { from, to };
}

/** A 'YYYY-MM-DD' that the schema let through, checked to be a real day (not 2026-02-30). */
export function checkedDay(day: string): string {
  if (!isCalendarDay(day)) throw badRequest(`${day} is not a calendar day`);
  return day;
}

/** The day named, checked, or the hall's today (its zone). */
export function dayOrToday(day: string | undefined, now: number, tz: string): string {
  return day === undefined ? hallDay(now, tz) : checkedDay(day);
}
