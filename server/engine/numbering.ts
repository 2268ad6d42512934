// Ticket numbers: the service prefix and a per-day sequence (А001, А002, …) that restarts at the
// hall's local midnight, in the hall's IANA time zone.

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function cached(map: Map<string, Intl.DateTimeFormat>, tz: string, make: () => Intl.DateTimeFormat) {
  let f = map.get(tz);
  if (!f) { f = make(); map.set(tz, f); }
  return f;
}

/** The hall day of an instant: 'YYYY-MM-DD' in the zone `tz`. */
export function hallDay(now: number, tz: string): string {
  return cached(dayFormats, tz, () => new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })).format(now);
}

/** Local wall-clock time 'HH:MM' of an instant in the zone `tz`. */
export function hallTime(now: number, tz: string): string {
  return cached(timeFormats, tz, () => new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).format(now);
}

/** А + 7 → А007; past 999 the number simply grows (А1000). */
export function formatNumber(prefix: string, seq: number): string {
  return prefix + String(seq).padStart(3, '0');
}

/** The sequence after the last one issued today for the service (null: none yet). */
export function nextSeq(lastSeqToday: number | null): number {
  return (lastSeqToday ?? 0) + 1;
}

/** Epoch ms of the local midnight that starts the hall day of `now` (found by bisection, so
 * daylight-saving shifts need no zone arithmetic). */
export function hallDayStart(now: number, tz: string): number {
  const day = hallDay(now, tz);
  let lo = now - 26 * 3600_000, hi = now;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (hallDay(mid, tz) === day) hi = mid; else lo = mid;
  }
  return hi;
}
