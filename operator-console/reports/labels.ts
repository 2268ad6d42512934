// How a report row's key reads: the hour "09" as 09:00–10:00, the ISO weekday 1 as Monday, a
// day as its date; services, operators and counters by their names (the English one where set).
import { pick } from '../../ui/i18n';
import { calendarDay } from '../figures/format';
import type { Grouping, Row } from '../figures/types';
import { t, type Key } from './strings';

export function hourLabel(key: string | number): string {
  const h = Number(key);
  return `${String(h).padStart(2, '0')}:00–${String((h + 1) % 24).padStart(2, '0')}:00`;
}

export const weekdayName = (key: string | number) => t(`weekday${Number(key)}` as Key);
export const weekdayShort = (key: string | number) => t(`wd${Number(key)}` as Key);

export function rowLabel(by: Grouping, r: Row): string {
  if (r.key === null || r.key === undefined) return pick(r.label, r.labelEn);
  switch (by) {
    case 'hour': return hourLabel(r.key);
    case 'weekday': return weekdayName(r.key);
    case 'day': return calendarDay(String(r.key));
    default: return pick(r.label, r.labelEn);
  }
}
