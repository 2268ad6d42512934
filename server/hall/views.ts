// Read models for the screens: services at the kiosk, the hall display, counters, one ticket,
// one counter's work view. Plain queries, no changes.
import type Database from 'better-sqlite3';
import * as engine from '../engine';
import type { CallView, CounterView, DisplayState, NoticeView, ServiceView } from '../protocol';
import type { QueueService } from './queue';
import { COUNTER_COLUMNS, SERVICE_COLUMNS, fixBool, fixService, iso, type CounterRow, type ServiceRow, type TicketRow } from './rows';
import type { SettingsStore } from '../settings';
import { newTicket } from './wait-estimate';

export class HallViews {
  private s;

  constructor(sql: Database.Database, private queue: QueueService, private clock: () => number, private timezone: string,
    private settings: Pick<SettingsStore, 'get'>) {
    this.s = {
      services: sql.prepare(`SELECT ${SERVICE_COLUMNS} FROM services WHERE active = 1 ORDER BY sort_order, id`),
      // Per service, so that each is one lookup at the end of tickets_number_day (a GROUP BY over
      // hall_day scanned the whole index: 87 ms on a million tickets).
      issuedToday: sql.prepare(`SELECT s.id AS serviceId, (SELECT MAX(seq) FROM tickets t WHERE t.original_service_id = s.id AND t.hall_day = ?) AS n
        FROM services s`),
      calls: sql.prepare(`SELECT t.id AS ticketId, t.number, t.counter_id AS counterId, c.name AS counterName, t.status, t.called_at AS calledAt
        FROM tickets t JOIN counters c ON c.id = t.counter_id WHERE t.status IN ('called', 'serving') ORDER BY t.called_at DESC, t.id DESC`),
      notices: sql.prepare(`SELECT id, text, text_en AS textEn, starts_at AS startsAt, ends_at AS endsAt FROM notices
        WHERE (starts_at IS NULL OR starts_at <= ?) AND (ends_at IS NULL OR ends_at > ?) ORDER BY id`),
      counters: sql.prepare(`SELECT c.id, c.name, c.state, c.break_reason AS breakReason, u.id AS userId, u.name AS userName
        FROM counters c LEFT JOIN users u ON u.id = c.user_id WHERE c.active = 1 ORDER BY c.id`),
      counterServices: sql.prepare(`SELECT ${SERVICE_COLUMNS.split(',').map((c) => 's.' + c.trim()).join(', ')}, cs.priority
        FROM counter_services cs JOIN services s ON s.id = cs.service_id WHERE cs.counter_id = ? ORDER BY cs.priority, s.sort_order, s.id`),
      queueOf: sql.prepare(`SELECT COUNT(*) AS waiting, MIN(issued_at) AS oldest FROM tickets
        WHERE status = 'waiting' AND service_id = ? AND (target_counter_id IS NULL OR target_counter_id = ?)`),
      ownQueue: sql.prepare(`SELECT id, number, service_id AS serviceId, status, issued_at AS issuedAt, postponed_until AS postponedUntil
        FROM tickets WHERE target_counter_id = ? AND status IN ('waiting', 'postponed') ORDER BY issued_at`),
      day: sql.prepare(`SELECT COUNT(*) AS served, AVG(finished_at - started_at) / 1000.0 AS avgSec
        FROM tickets WHERE user_id = ? AND status = 'done' AND finished_at >= ?`),
      breaks: sql.prepare('SELECT action, at FROM counter_events WHERE user_id = ? AND at >= ? ORDER BY at, id'),
      counterOf: sql.prepare(`SELECT ${COUNTER_COLUMNS} FROM counters WHERE id = ?`),
    };
  }

  services(): ServiceView[] {
    const now = this.clock();
    const day = engine.hallDay(now, this.timezone);
    const calendar = this.settings.get().calendar;
    const issued = new Map((this.s.issuedToday.all(day) as { serviceId: number; n: number }[]).map((r) => [r.serviceId, r.n]));
    const waiting = new Map(this.queue.waiting().map((w) => [w.serviceId, w.count]));
    const snap = this.queue.eta.snapshot(now);
    return (this.s.services.all() as ServiceRow[]).map((row) => {
      const s = fixService(row)!;
      const n = waiting.get(s.id) ?? 0;
      const reason = engine.closedReason(s, issued.get(s.id) ?? 0, now, this.timezone, calendar);
      const today = engine.openHoursOn(s, day, calendar);
      // The wait of a ticket taken now.
      const eta = this.queue.eta.waitSec(snap, newTicket(s.id, now), n, s.defaultServiceSec);
      return {
        id: s.id, name: s.name, nameEn: s.nameEn, prefix: s.prefix, group: s.groupName, groupEn: s.groupNameEn,
        waiting: n, etaMinutes: engine.toMinutes(eta), available: reason === null, closedReason: reason, openFrom: today?.open ?? null, openTo: today?.close ?? null,
      };
    });
  }

  notices(): NoticeView[] {
    const now = this.clock();
    return (this.s.notices.all(now, now) as any[]).map((n) => ({ ...n, startsAt: iso(n.startsAt), endsAt: iso(n.endsAt) }));
  }

  display(): DisplayState {
    const calls = (this.s.calls.all() as any[]).map((c): CallView => ({ ...c, calledAt: iso(c.calledAt) }));
    return { calls, waiting: this.queue.waiting(), notices: this.notices() };
  }

  counters(): CounterView[] {
    return (this.s.counters.all() as any[]).map((c) => ({
      id: c.id, name: c.name, state: c.state, breakReason: c.breakReason, user: c.userId ? { id: c.userId, name: c.userName } : null,
    }));
  }

  /** What anyone with the ticket may see (its status page, GET /api/tickets/:id without a
   * staff token): the contract's fields and the service's name; not `privileged`, not its times. */
  publicTicket(t: TicketRow) {
    const { id, number, serviceId, status, ahead, etaMinutes, counter, service } = this.ticket(t);
    return { id, number, serviceId, status, ahead, etaMinutes, counter, service };
  }

  /** The whole view of a ticket: for staff, and the answer to issuing it. */
  ticket(t: TicketRow, known?: { ahead: number; etaSec: number }) {
    const service = this.queue.getService(t.serviceId)!;
    const est = known ?? (t.status === 'waiting' ? this.queue.estimate(t, service) : { ahead: 0, etaSec: 0 });
    const counter = t.counterId && (t.status === 'called' || t.status === 'serving' || t.status === 'done' || t.status === 'no_show')
      ? this.queue.getCounter(t.counterId) : undefined;
    return {
      id: t.id, number: t.number, serviceId: t.serviceId, status: t.status, privileged: t.privileged,
      ahead: est.ahead, etaMinutes: engine.toMinutes(est.etaSec),
      counter: counter ? { id: counter.id, name: counter.name } : null,
      issuedAt: iso(t.issuedAt), calledAt: iso(t.calledAt),
      service: { id: service.id, name: service.name, nameEn: service.nameEn },
      code: t.code,
    };
  }

  /** A counter's work view for the operator console. */
  counterWork(counterId: number, userId: number) {
    const now = this.clock();
    const c = fixBool(this.s.counterOf.get(counterId) as CounterRow | undefined);
    if (!c || !c.active) return null;
    const counter = this.counters().find((x) => x.id === c.id)!;
    const cur = this.queue.activeTicket(c.id);
    const own = this.s.ownQueue.all(c.id) as any[];
    const queue = (this.s.counterServices.all(c.id) as (ServiceRow & { priority: number })[]).map((s) => {
      const q = this.s.queueOf.get(s.id, c.id) as { waiting: number; oldest: number | null };
      return {
        serviceId: s.id, name: s.name, nameEn: s.nameEn, prefix: s.prefix, priority: s.priority, waiting: q.waiting,
        longestWaitSec: q.oldest ? Math.round((now - q.oldest) / 1000) : 0, maxWaitSec: s.maxWaitSec, script: s.script,
      };
    });
    return {
      counter,
      ticket: !cur ? null : {
        id: cur.id, number: cur.number, serviceId: cur.serviceId, status: cur.status, privileged: cur.privileged, recalls: cur.recalls,
        issuedAt: iso(cur.issuedAt), calledAt: iso(cur.calledAt), startedAt: iso(cur.startedAt),
        waitSec: Math.round(((cur.firstCalledAt ?? now) - cur.issuedAt) / 1000),
        script: this.queue.getService(cur.serviceId)?.script ?? '',
      },
      queue,
      // Tickets transferred or postponed to this counter.
      own: own.map((t) => ({ id: t.id, number: t.number, serviceId: t.serviceId, status: t.status, issuedAt: iso(t.issuedAt), postponedUntil: iso(t.postponedUntil) })),
      day: this.day(userId, now),
    };
  }

  /** The operator's own hall day: tickets served, mean service time, time on break. */
  day(userId: number, now: number) {
    const start = engine.hallDayStart(now, this.timezone);
    const d = this.s.day.get(userId, start) as { served: number; avgSec: number | null };
    let breakSec = 0;
    let since: number | null = null;
    for (const e of this.s.breaks.all(userId, start) as { action: string; at: number }[]) {
      if (e.action === 'break') since = e.at;
      else if (since !== null) { breakSec += (e.at - since) / 1000; since = null; }
    }
    if (since !== null) breakSec += (now - since) / 1000;
    return { served: d.served, avgServiceSec: d.avgSec === null ? null : Math.round(d.avgSec), breakSec: Math.round(breakSec) };
  }
}
