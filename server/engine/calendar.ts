// The hall calendar: opening hours by weekday, holidays and shortened days, and the wall-clock
// arithmetic in the hall's zone that the end of the hall day and the kiosk's hours need.
// Days are 'YYYY-MM-DD' and times 'HH:MM', both in the hall's IANA zone.

export interface DayHours { open: string; close: string }

export type IsoWeekday = '1' | '2' | '3' | '4' | '5' | '6' | '7';

export interface HallCalendar {
  /** Hours by ISO weekday (1 Monday … 7 Sunday); null = closed that weekday. An empty object
   * means the hall has no hours set: open all day, its day ending at local midnight. */
  week: Partial<Record<IsoWeekday, DayHours | null>>;
  /** Days the hall is closed (public holidays), pasted from the production calendar. */
  holidays: string[];
  /** Days with their own hours (shortened pre-holiday days, a working Saturday). */
  days: Record<string, DayHours>;
}

export const emptyCalendar: HallCalendar = { week: {}, holidays: [], days: {} };

/** ISO weekday of a calendar day: '1' Monday … '7' Sunday. */
export function isoWeekday(day: string): IsoWeekday {
  const d = new Date(`${day}T12:00:00Z`).getUTCDay();
  return String(d === 0 ? 7 : d) as IsoWeekday;
}

/** Whether `text` is a real calendar day 'YYYY-MM-DD' (not 2026-02-30). */
export function isCalendarDay(text: unknown): text is string {
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const t = Date.parse(`${text}T12:00:00Z`); // NaN for month 13; 2026-02-30 reads as 03-02
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === text;
}

/** The calendar day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar day after `day`. */
export const nextDay = (day: string): string => addDays(day, 1);

/**
 * The hall's hours on `day`: its own hours when listed, null when it is a holiday or a closed
 * weekday, undefined when the hall has no hours at all (open all day).
 */
export function hallHours(day: string, cal: HallCalendar): DayHours | null | undefined {
  if (cal.days[day]) return cal.days[day];
  if (cal.holidays.includes(day)) return null;
  if (Object.keys(cal.week).length === 0) return undefined;
  return cal.week[isoWeekday(day)] ?? null;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at an instant, in ms (Moscow: +3 h). */
export function offsetAt(at: number, tz: string): number {
  let f = offsetFormats.get(tz);
  if (!f) { f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' }); offsetFormats.set(tz, f); }
  const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')!.value; // "GMT+03:00", "GMT"
  const m = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
}

/**
 * Epoch ms of the wall-clock time `hhmm` on `day` in zone `tz`. A time that a daylight-saving
 * change skips is taken after the change; a time that happens twice, its first occurrence.
 */
export function zonedEpoch(day: string, hhmm: string, tz: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const [hh, mm] = hhmm.split(':').map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The offset before and after the instant can differ on a change day: try both.
  const early = wall - offsetAt(wall - 86_400_000 / 2, tz);
  const late = wall - offsetAt(wall + 86_400_000 / 2, tz);
  const fits = (t: number) => t + offsetAt(t, tz) === wall;
  if (fits(Math.min(early, late))) return Math.min(early, late);
  if (fits(Math.max(early, late))) return Math.max(early, late);
  // In a gap: no instant shows this wall time; the later reading lands after the change.
  return Math.max(early, late);
}

/** When the hall day `day` ends: its closing time, or the next local midnight without one
 * (and on a closed day, which has no hall day to speak of). */
export function hallDayEnd(day: string, cal: HallCalendar, tz: string): number {
  const h = hallHours(day, cal);
  return h ? zonedEpoch(day, h.close, tz) : zonedEpoch(nextDay(day), '00:00', tz);
}
