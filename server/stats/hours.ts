// Hour buckets of a hall day in the hall's zone, half-open: 09:00:00.000 ≤ t < 10:00:00.000.
import { nextDay, zonedEpoch } from '../engine/calendar';

export interface HourBound { hour: string; start: number; end: number }

const hh = (h: number) => String(h).padStart(2, '0');

/** The 24 wall-clock hours of `day` in zone `tz` (a skipped hour of a daylight-saving change is empty). */
export function dayHours(day: string, tz: string): HourBound[] {
  const first = zonedEpoch(day, '00:00', tz), next = zonedEpoch(nextDay(day), '00:00', tz);
  // A day of 24 hours (no change of offset): its hours are whole hours from midnight.
  if (next - first === 86_400_000) return Array.from({ length: 24 }, (_, h) => ({ hour: hh(h), start: first + h * 3_600_000, end: first + (h + 1) * 3_600_000 }));
  const out: HourBound[] = [];
  for (let h = 0; h < 24; h++) {
    const start = zonedEpoch(day, `${hh(h)}:00`, tz);
    const end = h === 23 ? zonedEpoch(nextDay(day), '00:00', tz) : zonedEpoch(day, `${hh(h + 1)}:00`, tz);
    out.push({ hour: hh(h), start, end });
  }
  return out;
}

/** Index of the bucket holding `t` in sorted, adjacent buckets, or -1. */
export function bucketIndex(bounds: readonly { start: number; end: number }[], t: number): number {
  let lo = 0, hi = bounds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t < bounds[mid].start) hi = mid - 1;
    else if (t >= bounds[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
