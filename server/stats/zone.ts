// The hall's zone for figures: an instant's local hour, weekday and day, from the zone's UTC
// offsets over a range (found once per report, so that bucketing a ticket is arithmetic), and
// the local midnight that ends an instant's day.
import { nextDay, offsetAt, zonedEpoch } from '../engine/calendar';
import { hallDay } from '../engine/numbering';

export interface OffsetSpan { from: number; offsetMs: number }

const DAY = 86_400_000;

/**
 * The zone's offsets over [from, to): spans in time order, each from its first instant. Sampled
 * every 12 hours and bisected to the millisecond where the offset changes (zones change it at
 * most a few times a year, never twice within 12 hours).
 */
function offsetSpans(from: number, to: number, tz: string): OffsetSpan[] {
  const spans: OffsetSpan[] = [{ from: -Infinity, offsetMs: offsetAt(from, tz) }];
  const step = DAY / 2;
  for (let a = from; a < to; a += step) {
    const b = Math.min(a + step, to);
    const ob = offsetAt(b, tz);
    if (ob === spans[spans.length - 1].offsetMs) continue;
    let lo = a, hi = b; // offset at lo is the current one, at hi the new one
    while (hi - lo > 1) { const mid = Math.floor((lo + hi) / 2); if (offsetAt(mid, tz) === ob) hi = mid; else lo = mid; }
    spans.push({ from: hi, offsetMs: ob });
  }
  return spans;
}

/** Local wall-clock time in ms since the epoch (as if the zone were UTC) of instants, fast for
 * instants in order and correct in any order. */
export class LocalClock {
  private i = 0;
  constructor(private spans: OffsetSpan[]) {}

  static over(from: number, to: number, tz: string) { return new LocalClock(offsetSpans(from, to, tz)); }

  local(at: number): number {
    const s = this.spans;
    let i = this.i;
    if (at < s[i].from || (i + 1 < s.length && at >= s[i + 1].from)) {
      i = 0;
      while (i + 1 < s.length && at >= s[i + 1].from) i++;
      this.i = i;
    }
    return at + s[i].offsetMs;
  }
}

/** Days since 1970-01-01 of a local time. */
export const localDayNumber = (local: number) => Math.floor(local / DAY);
/** The local hour 0–23. */
export const localHour = (local: number) => Math.floor((local - localDayNumber(local) * DAY) / 3_600_000);
/** ISO weekday 1 (Monday) … 7 (Sunday) of a day number (1970-01-01 was a Thursday). */
export const isoWeekdayOf = (dayNumber: number) => ((((dayNumber + 3) % 7) + 7) % 7) + 1;
/** 'YYYY-MM-DD' of a day number. */
export const dayKey = (dayNumber: number) => new Date(dayNumber * DAY).toISOString().slice(0, 10);

/** The local midnight that ends the day of an instant in zone `tz`, as a function that remembers
 * the days it met as [start, end): the counter clock asks it for every interval it counts. */
export function midnightsAfter(tz: string): (at: number) => number {
  let days: [number, number][] = [];
  let last: [number, number] | undefined; // instants come in runs on one day
  return (at) => {
    if (last && at >= last[0] && at < last[1]) return last[1];
    last = days.find(([s, e]) => at >= s && at < e);
    if (!last) {
      const day = hallDay(at, tz);
      last = [zonedEpoch(day, '00:00', tz), zonedEpoch(nextDay(day), '00:00', tz)];
      if (days.length > 1000) days = [];
      days.push(last);
    }
    return last[1];
  };
}
