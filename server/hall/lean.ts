// The SQL behind the lean tools: the production analysis sheet and its notes, the staffing
// picture, the wait-estimate accuracy, the customers' ratings and a period's key figures. Rows
// go to the pure functions in server/stats/; nothing here computes a figure itself.
import type Database from 'better-sqlite3';
import { hallHours, isoWeekday } from '../engine/calendar';
import { notFound } from '../errors';
import type { SettingsStore } from '../settings';
import { etaGroups, etaFigures, type EtaRow } from '../stats/eta-accuracy';
import { ratingFigures, ratingGroups } from '../stats/feedback';
import { dayHours, type HourBound } from '../stats/hours';
import { counterNormSec, planFactSheet, sheetHours, type SheetNote } from '../stats/plan-fact';
import { staffingGrid, type WorkDay } from '../stats/staffing';
import { LocalClock, localHour } from '../stats/zone';
import type { ReportModel } from './reports';
import type { WindowTime } from './window-time';
import { iso } from './rows';

export type FeedbackBy = 'service' | 'operator' | 'counter' | 'day';

const DAY_MS = 86_400_000;

export class LeanViews {
  private s;

  constructor(sql: Database.Database, private settings: SettingsStore, private reports: ReportModel, private windows: WindowTime, private tz: string) {
    this.s = {
      links: sql.prepare(`SELECT cs.counter_id AS counterId, cs.priority, COALESCE(s.norm_service_sec, s.default_service_sec) AS normSec
        FROM counter_services cs JOIN services s ON s.id = cs.service_id`),
      // Served in [from, to): finished `done`. A ticket is finished on its hall day, so the
      // issue-time index bounds the scan (a day before covers a visit that crossed midnight).
      finished: sql.prepare(`SELECT finished_at AS at FROM tickets WHERE issued_at >= @lo AND issued_at < @to
        AND status = 'done' AND finished_at >= @from AND finished_at < @to AND (@counter IS NULL OR counter_id = @counter)`),
      notes: sql.prepare(`SELECT n.id, n.hour, n.reason_id AS reasonId, n.text, n.measure, u.name AS author, n.at
        FROM plan_fact_notes n LEFT JOIN users u ON u.id = n.user_id WHERE n.day = ? AND n.counter_id IS ? ORDER BY n.at, n.id`),
      addNote: sql.prepare('INSERT INTO plan_fact_notes (day, hour, counter_id, reason_id, text, measure, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      days: sql.prepare('SELECT DISTINCT hall_day AS day FROM tickets WHERE issued_at >= ? AND issued_at < ? ORDER BY hall_day'),
      issued: sql.prepare('SELECT issued_at AS at FROM tickets WHERE issued_at >= ? AND issued_at < ?').pluck(),
      serviceTimes: sql.prepare(`SELECT issued_at AS issuedAt, (finished_at - started_at) / 1000.0 AS sec FROM tickets
        WHERE issued_at >= ? AND issued_at < ? AND status = 'done' AND started_at IS NOT NULL`),
      norms: sql.prepare('SELECT AVG(COALESCE(norm_service_sec, default_service_sec)) AS sec FROM services WHERE active = 1').pluck(),
      eta: sql.prepare(`SELECT t.original_service_id AS serviceId, s.name, t.issued_at AS issuedAt, t.eta_sec AS etaSec,
          (t.first_called_at - t.issued_at) / 1000.0 AS waitSec
        FROM tickets t JOIN services s ON s.id = t.original_service_id
        WHERE t.issued_at >= ? AND t.issued_at < ? AND t.first_called_at IS NOT NULL AND t.eta_sec IS NOT NULL`),
      ratings: sql.prepare(`SELECT f.rating, f.service_id AS serviceId, s.name AS serviceName, f.user_id AS userId, u.name AS userName,
          f.counter_id AS counterId, c.name AS counterName, t.hall_day AS day
        FROM tickets t JOIN feedback f ON f.ticket_id = t.id LEFT JOIN services s ON s.id = f.service_id
        LEFT JOIN users u ON u.id = f.user_id LEFT JOIN counters c ON c.id = f.counter_id
        WHERE t.issued_at >= ? AND t.issued_at < ?`),
    };
  }

  private counterNorms(): Map<number, number> {
    const by = new Map<number, { priority: number; normSec: number }[]>();
    for (const l of this.s.links.all() as { counterId: number; priority: number; normSec: number }[]) {
      const list = by.get(l.counterId) ?? [];
      list.push(l);
      by.set(l.counterId, list);
    }
    return new Map([...by].map(([id, links]) => [id, counterNormSec(links)]));
  }

  planFact(day: string, counterId: number | null, now: number) {
    if (counterId !== null && !this.reports.exists('counter', counterId)) throw notFound('Counter');
    const all = dayHours(day, this.tz);
    const from = all[0].start, to = all[23].end;
    // Open time up to now: a window still open plans nothing for hours yet to come.
    const [open] = this.windows.byHour([all], counterId);
    const openOf = new Map(all.map((h, i) => [h.hour, open[i]]));
    const norms = this.counterNorms();
    const finished = this.s.finished.all({ lo: from - DAY_MS, from, to, counter: counterId }).map((r: any) => r.at as number);
    const notes = (this.s.notes.all(day, counterId) as any[]).map((n): SheetNote => ({ ...n, at: iso(n.at) }));
    const active = (h: HourBound) =>
      [...openOf.get(h.hour)!.values()].some((sec) => sec > 0) || finished.some((t) => t >= h.start && t < h.end) || notes.some((n) => n.hour === h.hour);
    const hours = sheetHours(all, hallHours(day, this.settings.get().calendar), active);
    return {
      day, counterId,
      hours: planFactSheet({ hours, now, openSec: hours.map((h) => openOf.get(h.hour)!), normSec: (id) => norms.get(id) ?? 600, finished, notes }),
    };
  }

  addNote(n: { day: string; hour: string; counterId: number | null; reasonId: string; text: string | null; measure: string | null }, userId: number, now: number) {
    if (n.counterId !== null && !this.reports.exists('counter', n.counterId)) throw notFound('Counter');
    const id = Number(this.s.addNote.run(n.day, n.hour, n.counterId, n.reasonId, n.text, n.measure, userId, now).lastInsertRowid);
    return { id, ...n, userId, at: iso(now) };
  }

  /** The hall days in [from, to) on which tickets were issued, with their hour buckets. */
  private workDays(from: number, to: number): WorkDay[] {
    return (this.s.days.all(from, to) as { day: string }[]).map(({ day }) => ({
      day, weekday: Number(isoWeekday(day)), hours: dayHours(day, this.tz).filter((h) => h.start >= from && h.end <= to),
    }));
  }

  staffing(from: number, to: number, targetSec: number, targetPct: number) {
    const days = this.workDays(from, to);
    const cells = staffingGrid({
      days, issued: this.s.issued.all(from, to) as number[], services: this.s.serviceTimes.all(from, to) as { issuedAt: number; sec: number }[],
      openSec: this.windows.byHour(days.map((d) => d.hours)), fallbackServiceSec: (this.s.norms.get() as number | null) ?? 600, targetSec, targetPct,
    });
    const weekdays: Record<string, number> = {};
    for (const d of days) weekdays[d.weekday] = (weekdays[d.weekday] ?? 0) + 1;
    const lunchHours: Record<string, string[]> = {};
    for (const c of cells) if (c.lunchOk) (lunchHours[c.weekday] ??= []).push(c.hour);
    return { from: iso(from), to: iso(to), targetSec, targetPct, days: weekdays, cells, lunchHours };
  }

  etaAccuracy(from: number, to: number) {
    const rows = this.s.eta.all(from, to) as { serviceId: number; name: string; issuedAt: number; etaSec: number; waitSec: number }[];
    const byService: EtaRow[] = rows.map((r) => ({ key: String(r.serviceId), label: r.name, etaSec: r.etaSec, waitSec: r.waitSec }));
    const local = LocalClock.over(from, to, this.tz);
    const byHour: EtaRow[] = rows.map((r) => {
      const h = String(localHour(local.local(r.issuedAt))).padStart(2, '0');
      return { key: h, label: `${h}:00`, etaSec: r.etaSec, waitSec: r.waitSec };
    });
    return {
      from: iso(from), to: iso(to), ...etaFigures(rows),
      byService: etaGroups(byService).map((g) => ({ ...g, serviceId: Number(g.key) })),
      byHour: etaGroups(byHour).map((g) => ({ ...g, hour: g.key })),
    };
  }

  feedback(from: number, to: number, by: FeedbackBy) {
    const rows = this.s.ratings.all(from, to) as any[];
    const keyed = rows.map((r) => {
      switch (by) {
        case 'service': return { key: String(r.serviceId ?? ''), label: r.serviceName ?? '—', rating: r.rating };
        case 'operator': return { key: String(r.userId ?? ''), label: r.userName ?? '—', rating: r.rating };
        case 'counter': return { key: String(r.counterId ?? ''), label: r.counterName ?? '—', rating: r.rating };
        case 'day': return { key: r.day, label: r.day, rating: r.rating };
      }
    });
    return { from: iso(from), to: iso(to), by, rows: ratingGroups(keyed), total: { key: 'total', label: 'total', ...ratingFigures(rows.map((r) => r.rating)) } };
  }

  /** A Talon period's key figures for the before/after report: the supervisor reports' total Row
   * (its days are the days with tickets), and the ratings of its visits. A week at a time, as
   * the reports run a long range. */
  async periodFigures(from: number, to: number, targetSec: number | null) {
    const r = await this.reports.reportInSlices({ by: 'day', from, to, ...(targetSec === null ? {} : { targetSec }) });
    const days = r.rows.length;
    const ratings = ratingFigures((this.s.ratings.all(from, to) as { rating: number }[]).map((x) => x.rating));
    return {
      from: iso(from), to: iso(to), days, served: r.total.served,
      avgServiceSec: r.total.avgServiceSec, avgWaitSec: r.total.avgWaitSec,
      servedPerDay: days ? r.total.served / days : null, withinTargetPct: r.total.withinTargetPct,
      avgRating: ratings.avgRating, satisfiedPct: ratings.satisfiedPct, ratings: ratings.count,
    };
  }
}
