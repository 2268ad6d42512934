// A report's period, named as a supervisor names it (today, last week, this month…) and turned
// into the instants the API takes, in the hall's time zone: "yesterday" in a Moscow hall is
// Moscow's yesterday, whatever the PC's clock says. Weeks start on Monday. Pure, tested alone.
import { addDays, isCalendarDay, isoWeekday, nextDay, zonedEpoch } from '../../server/engine/calendar';
import { hallDay } from '../../server/engine/numbering';

export const PRESETS = ['today', 'yesterday', 'this_week', 'last_week', 'this_month', 'last_month', 'custom'] as const;
export type Preset = typeof PRESETS[number];

export interface Period {
  preset: Preset;
  /** First and last calendar day of the period, inclusive, 'YYYY-MM-DD' in the hall's zone. */
  fromDay: string;
  toDay: string;
  /** The API's half-open range: the first day's local midnight to the midnight after the last day. */
  from: string;
  to: string;
}

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => addDays(monthStart(addDays(monthStart(day), 32)), -1);

/** The days a preset names on `today`. */
function presetDays(preset: Exclude<Preset, 'custom'>, today: string): [string, string] {
  const monday = addDays(today, 1 - Number(isoWeekday(today)));
  switch (preset) {
    case 'today': return [today, today];
    case 'yesterday': return [addDays(today, -1), addDays(today, -1)];
    case 'this_week': return [monday, addDays(monday, 6)];
    case 'last_week': return [addDays(monday, -7), addDays(monday, -1)];
    case 'this_month': return [monthStart(today), monthEnd(today)];
    case 'last_month': { const prev = addDays(monthStart(today), -1); return [monthStart(prev), prev]; }
  }
}

/** The period of a URL's `period`, `from`, `to` (custom days, inclusive); anything unreadable is today. */
export function resolvePeriod(q: { period?: string; from?: string; to?: string }, nowMs: number, tz: string): Period {
  const today = hallDay(nowMs, tz);
  let preset = (PRESETS as readonly string[]).includes(q.period ?? '') ? q.period as Preset : (isCalendarDay(q.from) ? 'custom' : 'today');
  let days: [string, string];
  if (preset === 'custom') {
    if (!isCalendarDay(q.from)) { preset = 'today'; days = [today, today]; }
    else {
      const to = isCalendarDay(q.to) ? q.to : q.from;
      days = to < q.from ? [to, q.from] : [q.from, to];
    }
  } else days = presetDays(preset, today);
  return {
    preset, fromDay: days[0], toDay: days[1],
    from: new Date(zonedEpoch(days[0], '00:00', tz)).toISOString(),
    to: new Date(zonedEpoch(nextDay(days[1]), '00:00', tz)).toISOString(),
  };
}

/** Days in the period, counting both ends. */
export const periodDays = (p: Pick<Period, 'fromDay' | 'toDay'>) =>
  Math.round((Date.parse(`${p.toDay}T12:00:00Z`) - Date.parse(`${p.fromDay}T12:00:00Z`)) / 86_400_000) + 1;
