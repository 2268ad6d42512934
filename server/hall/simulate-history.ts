// The hall's history that the "what if" simulation starts from: tickets issued in a period,
// service times and no-shows by service, the counters' services and priorities, and the
// counter-seconds open by weekday and hour (window-time.ts), in the hall's zone.
import type Database from 'better-sqlite3';
import { hallDay, hallTime, isoWeekday, nextDay, zonedEpoch, type IsoWeekday } from '../engine';
import { dayHours, type HourBound } from '../stats/hours';
import type { WindowTime } from './window-time';
import type { HistoryRows } from '../sim/what-if';

export function readHistory(sql: Database.Database, windows: WindowTime, from: number, to: number, tz: string, targetSec: number): HistoryRows {
  const arrivals = (sql.prepare('SELECT original_service_id AS serviceId, issued_at AS at, hall_day AS day FROM tickets WHERE issued_at >= ? AND issued_at < ? ORDER BY issued_at')
    .all(from, to) as { serviceId: number; at: number; day: string }[])
    .map((r) => ({ serviceId: r.serviceId, day: r.day, weekday: isoWeekday(r.day), hour: Number(hallTime(r.at, tz).slice(0, 2)) }));
  const done = "t.status = 'done' AND t.started_at IS NOT NULL";
  const sec = '(t.finished_at - t.started_at) / 1000.0';
  const services = (sql.prepare(`SELECT s.id, s.name, s.max_wait_sec AS maxWaitSec, s.default_service_sec AS defaultServiceSec,
      COUNT(CASE WHEN ${done} THEN 1 END) AS served, AVG(CASE WHEN ${done} THEN ${sec} END) AS meanSec,
      AVG(CASE WHEN ${done} THEN ${sec} * ${sec} END) AS meanSq,
      COUNT(t.first_called_at) AS called, COUNT(CASE WHEN t.status = 'no_show' THEN 1 END) AS noShows
    FROM services s LEFT JOIN tickets t ON t.service_id = s.id AND t.issued_at >= ? AND t.issued_at < ?
    WHERE s.active = 1 GROUP BY s.id ORDER BY s.sort_order, s.id`).all(from, to) as (HistoryRows['services'][number] & { meanSq: number | null })[])
    .map(({ meanSq, ...s }) => ({ ...s, sdSec: s.meanSec !== null && meanSq !== null ? Math.sqrt(Math.max(0, meanSq - s.meanSec * s.meanSec)) : null }));
  // Window time open by weekday and hour, and in all (the reports' counter clock, hour by hour).
  const days: { weekday: IsoWeekday; hours: HourBound[] }[] = [];
  for (let day = hallDay(from, tz); zonedEpoch(day, '00:00', tz) < to; day = nextDay(day)) {
    const hours = dayHours(day, tz).filter((h) => h.end > from && h.start < to).map((h) => ({ ...h, start: Math.max(h.start, from), end: Math.min(h.end, to) }));
    if (hours.length) days.push({ weekday: isoWeekday(day), hours });
  }
  const openSec = new Map<string, number>();
  const byCounter = new Map<number, number>();
  windows.byHour(days.map((d) => d.hours)).forEach((hours, i) => hours.forEach((open, j) => {
    const key = `${days[i].weekday}|${Number(days[i].hours[j].hour)}`;
    for (const [counterId, sec] of open) {
      openSec.set(key, (openSec.get(key) ?? 0) + sec);
      byCounter.set(counterId, (byCounter.get(counterId) ?? 0) + sec);
    }
  }));
  const links = sql.prepare('SELECT counter_id AS counterId, service_id AS serviceId, priority FROM counter_services ORDER BY counter_id, priority, service_id').all() as { counterId: number; serviceId: number; priority: number }[];
  const counters = (sql.prepare('SELECT id, name FROM counters WHERE active = 1 ORDER BY id').all() as { id: number; name: string }[])
    .map((c) => ({ ...c, links: links.filter((l) => l.counterId === c.id).map(({ serviceId, priority }) => ({ serviceId, priority })) }))
    // The counters open longest first: a smaller staffing opens those.
    .sort((a, b) => (byCounter.get(b.id) ?? 0) - (byCounter.get(a.id) ?? 0) || a.id - b.id);
  return {
    arrivals, services, counters, targetSec,
    openSec: [...openSec].map(([k, sec]) => { const [weekday, hour] = k.split('|'); return { weekday, hour: Number(hour), sec }; }),
  };
}
