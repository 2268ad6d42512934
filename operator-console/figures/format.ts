// The one place where a figure becomes text: every screen of the live hall, the reports and a
// ticket's history formats through these, so a number on screen is the API's number.
// Durations are the API's whole seconds as m:ss (h:mm:ss past an hour): nothing is rounded
// away, and a supervisor compares them with the operator's timers, which read the same way.
import { lang } from '../../ui/i18n';
import { duration } from '../shell/format';

const locale = () => (lang.value === 'ru' ? 'ru-RU' : 'en-GB');

/** Whole seconds as m:ss or h:mm:ss; a missing figure (no tickets) is a dash. */
export function dur(sec: number | null | undefined): string {
  return sec === null || sec === undefined ? '—' : duration(sec);
}

/** A count with the language's digit grouping (12 345 / 12,345). */
export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : n.toLocaleString(locale());
}

/** A percentage to one decimal place (87,5 % / 87.5%). */
export function pct(p: number | null | undefined): string {
  if (p === null || p === undefined) return '—';
  const s = (Math.round(p * 10) / 10).toLocaleString(locale(), { minimumFractionDigits: 0, maximumFractionDigits: 1 });
  return lang.value === 'ru' ? `${s} %` : `${s}%`;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(tz: string, kind: 'time' | 'date' | 'dateTime' | 'dayMonth' | 'weekdayDate'): Intl.DateTimeFormat {
  const key = `${locale()}|${tz}|${kind}`;
  let f = formats.get(key);
  if (!f) {
    const o: Intl.DateTimeFormatOptions = { timeZone: tz, hourCycle: 'h23' };
    if (kind === 'time' || kind === 'dateTime') Object.assign(o, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    if (kind === 'date' || kind === 'dateTime') Object.assign(o, { day: '2-digit', month: '2-digit', year: 'numeric' });
    if (kind === 'dayMonth') Object.assign(o, { day: '2-digit', month: '2-digit' });
    if (kind === 'weekdayDate') Object.assign(o, { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' });
    f = new Intl.DateTimeFormat(locale(), o);
    formats.set(key, f);
  }
  return f;
}

/** Wall-clock time in the hall's zone: 09:41:07. */
export const clockTime = (at: string | number, tz: string) => fmt(tz, 'time').format(new Date(at));
/** Date in the hall's zone: 14.03.2026. */
export const date = (at: string | number, tz: string) => fmt(tz, 'date').format(new Date(at));
/** Both: 14.03.2026, 09:41:07. */
export const dateTime = (at: string | number, tz: string) => fmt(tz, 'dateTime').format(new Date(at));
/** A calendar day 'YYYY-MM-DD' as the language writes it, with its weekday: пт, 14.03.2026. */
export const calendarDay = (day: string) => fmt('UTC', 'weekdayDate').format(new Date(`${day}T12:00:00Z`));
/** A calendar day without the year: 14.03. */
export const shortDay = (day: string) => fmt('UTC', 'dayMonth').format(new Date(`${day}T12:00:00Z`));
