// Whether a service can be taken at the kiosk now: the hall calendar (hours by weekday,
// holidays, shortened days), the service's own hours (by weekday, or one span every day) and its
// daily limit, all in the hall's zone.
import type { ClosedReason, WeekHours } from '../protocol';
import { emptyCalendar, hallHours, isoWeekday, type DayHours, type HallCalendar } from './calendar';
import { hallDay, hallTime } from './numbering';

export interface ServiceHours {
  active: boolean;
  openFrom: string | null;
  openTo: string | null;
  /** Hours by weekday; when set, they replace openFrom/openTo. */
  hours?: WeekHours | null;
  dailyLimit: number | null;
}

/** The service's own hours on `day`: a span, null when closed that weekday, undefined all day. */
export function serviceHoursOn(s: ServiceHours, day: string): DayHours | null | undefined {
  if (s.hours) {
    const span = s.hours[isoWeekday(day)];
    return span ? { open: span[0], close: span[1] } : null;
  }
  return s.openFrom && s.openTo ? { open: s.openFrom, close: s.openTo } : undefined;
}

/** When the service can be taken on `day`: the overlap of the hall's and its own hours; null on a
 * closed day, undefined when neither sets hours. */
export function openHoursOn(s: ServiceHours, day: string, cal: HallCalendar = emptyCalendar): DayHours | null | undefined {
  const hall = hallHours(day, cal);
  const own = serviceHoursOn(s, day);
  if (hall === null || own === null) return null;
  if (!hall) return own;
  if (!own) return hall;
  const open = hall.open > own.open ? hall.open : own.open;
  const close = hall.close < own.close ? hall.close : own.close;
  return open < close ? { open, close } : null;
}

export function closedReason(s: ServiceHours, issuedToday: number, now: number, tz: string, cal: HallCalendar = emptyCalendar): ClosedReason | null {
  if (!s.active) return 'inactive';
  const day = hallDay(now, tz);
  const t = hallTime(now, tz);
  const hall = hallHours(day, cal);
  if (hall === null) return cal.holidays.includes(day) && !cal.days[day] ? 'holiday' : 'hall_closed';
  if (hall && (t < hall.open || t >= hall.close)) return 'hall_closed';
  const own = serviceHoursOn(s, day);
  if (own === null || (own && (t < own.open || t >= own.close))) return 'hours';
  if (s.dailyLimit !== null && issuedToday >= s.dailyLimit) return 'limit';
  return null;
}
