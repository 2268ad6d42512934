// The report read model: feeds the tickets issued in a range, and for rows by operator or
// counter the counter log and the visits, from SQLite into the pure ReportBuilder
// (server/stats/report.ts), where every figure is computed. SQLite walks the issue-time index
// and hands each row to a JavaScript aggregate function: no sort, no row cap, one pass (a plain
// GROUP BY of the same rows costs more than that, see docs/statistics.md).
import type Database from 'better-sqlite3';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { TicketStatus } from '../protocol';
import { ReportBuilder, hasCounterTime, type Grouping, type Label, type Labels, type Report } from '../stats/report';
import { VISIT_EVENTS } from './rows';

export interface ReportQuery {
  by: Grouping;
  from: number;
  to: number;
  serviceId?: number;
  counterId?: number;
  userId?: number;
  targetSec?: number;
}

/** A visit cannot have begun more than a day before the range it is counted in. */
const VISIT_MARGIN_MS = 86_400_000;
/** The longest stretch of time scanned without a turn of the event loop. */
const SLICE_MS = 7 * 86_400_000;
const NONE = new Set<number>();

export class ReportModel {
  private s;
  /** The builder the aggregate functions feed while one statement runs (synchronously). */
  private sink: ReportBuilder | null = null;
  private transferred = NONE;

  constructor(sql: Database.Database, private tz: string, private clock: () => number) {
    sql.aggregate('talon_report_ticket', {
      start: 0,
      step: ((n: number, id: number, serviceId: number, counterId: number | null, userId: number | null, status: TicketStatus,
        issuedAt: number, firstCalledAt: number | null, startedAt: number | null, finishedAt: number | null) => {
        this.sink!.addFields(serviceId, counterId, userId, status, issuedAt, firstCalledAt, startedAt, finishedAt, this.transferred.has(id));
        return n + 1;
      }) as (n: number, ...args: unknown[]) => number,
    });
    sql.aggregate('talon_report_visit', {
      start: 0,
      step: ((n: number, counterId: number, userId: number | null, at: number, starts: number) => {
        this.sink!.visitEvent({ counterId, userId, at, starts: starts === 1 });
        return n + 1;
      }) as (n: number, ...args: unknown[]) => number,
    });
    // The filters are part of every statement: `@x IS NULL OR column = @x`.
    const filters = `(@serviceId IS NULL OR original_service_id = @serviceId) AND (@counterId IS NULL OR counter_id = @counterId)
      AND (@userId IS NULL OR user_id = @userId)`;
    this.s = {
      tickets: sql.prepare(`SELECT talon_report_ticket(id, original_service_id, counter_id, user_id, status, issued_at, first_called_at, started_at, finished_at)
        FROM tickets INDEXED BY tickets_issued WHERE issued_at >= @from AND issued_at < @to AND ${filters}`),
      transfers: sql.prepare(`SELECT DISTINCT ticket_id FROM ticket_events INDEXED BY ticket_events_transfers
        WHERE action = 'transfer' AND at >= @from AND at < @until`).pluck(),
      visits: sql.prepare(`SELECT talon_report_visit(counter_id, user_id, at, action = 'call') FROM ticket_events INDEXED BY ticket_events_visits
        WHERE ${VISIT_EVENTS} AND at >= @from AND at < @until AND (@counterId IS NULL OR counter_id = @counterId) ORDER BY at, counter_id, action = 'call'`),
      counterIds: sql.prepare('SELECT id FROM counters WHERE @counterId IS NULL OR id = @counterId ORDER BY id').pluck(),
      lastCounterEvent: sql.prepare(`SELECT counter_id AS counterId, user_id AS userId, action, at FROM counter_events
        WHERE counter_id = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1`),
      counterEvents: sql.prepare(`SELECT counter_id AS counterId, user_id AS userId, action, at FROM counter_events
        WHERE counter_id = ? AND at >= ? AND at < ? ORDER BY at, id`),
      services: sql.prepare('SELECT id, name, name_en AS nameEn, sort_order AS sortOrder, max_wait_sec AS maxWaitSec FROM services'),
      users: sql.prepare('SELECT id, name, login FROM users'),
      counters: sql.prepare('SELECT id, name FROM counters'),
      exists: {
        service: sql.prepare('SELECT 1 FROM services WHERE id = ?').pluck(),
        counter: sql.prepare('SELECT 1 FROM counters WHERE id = ?').pluck(),
        user: sql.prepare('SELECT 1 FROM users WHERE id = ?').pluck(),
      },
    };
  }

  exists(kind: 'service' | 'counter' | 'user', id: number): boolean { return this.s.exists[kind].get(id) !== undefined; }

  /** A report in one pass: for short ranges (the live hall's today). */
  report(q: ReportQuery): Report {
    const steps = this.steps(q);
    for (;;) { const r = steps.next(); if (r.done) return r.value; }
  }

  /** A report of any range, a week of it at a time with a turn of the event loop in between,
   * so that a year's report (about half a second of SQLite) does not hold up the hall. */
  async reportInSlices(q: ReportQuery): Promise<Report> {
    const steps = this.steps(q);
    for (;;) { const r = steps.next(); if (r.done) return r.value; await nextTurn(); }
  }

  /** The report's work, yielding between slices of the range. */
  private *steps(q: ReportQuery): Generator<void, Report> {
    const now = this.clock();
    const services = this.s.services.all() as { id: number; name: string; nameEn: string | null; sortOrder: number; maxWaitSec: number }[];
    const b = new ReportBuilder({
      by: q.by, from: q.from, to: q.to, now, tz: this.tz, targetSec: q.targetSec ?? null,
      maxWaitSec: new Map(services.map((s) => [s.id, s.maxWaitSec])),
    });
    const filters = { serviceId: q.serviceId ?? null, counterId: q.counterId ?? null, userId: q.userId ?? null };
    // Transfers happen on the ticket's hall day, after its issue: within a day of the range's end.
    const transferred = new Set(this.s.transfers.all({ from: q.from, until: q.to + VISIT_MARGIN_MS }) as number[]);
    // The aggregate functions feed this report's builder while its statement runs (other
    // reports may run in the turns between slices).
    const feed = (run: () => unknown) => {
      this.sink = b; this.transferred = transferred;
      try { run(); } finally { this.sink = null; this.transferred = NONE; }
    };
    for (let from = q.from; from < q.to; from += SLICE_MS) {
      feed(() => this.s.tickets.get({ ...filters, from, to: Math.min(from + SLICE_MS, q.to) }));
      yield;
    }
    if (hasCounterTime(q.by)) {
      const until = Math.min(q.to, now);
      for (const id of this.s.counterIds.all({ counterId: filters.counterId }) as number[]) {
        const before = this.s.lastCounterEvent.get(id, q.from) as { counterId: number; userId: number | null; action: string; at: number } | undefined;
        if (before) b.counterEvent(before);
        for (const e of this.s.counterEvents.all(id, q.from, until) as { counterId: number; userId: number | null; action: string; at: number }[]) b.counterEvent(e);
      }
      for (let from = q.from - VISIT_MARGIN_MS; from < until; from += SLICE_MS) {
        feed(() => this.s.visits.get({ from, until: Math.min(from + SLICE_MS, until), counterId: filters.counterId }));
        yield;
      }
    }
    return b.build(this.labels(services, q.by));
  }

  private labels(services: { id: number; name: string; nameEn: string | null; sortOrder: number }[], by: Grouping): Labels {
    const names = new Map<string, Label>();
    const put = (kind: string, id: number, l: Label) => names.set(`${kind}:${id}`, l);
    if (by === 'service') for (const s of services) put('service', s.id, { label: s.name, labelEn: s.nameEn ?? s.name, order: s.sortOrder * 1e6 + s.id });
    if (by === 'operator') for (const u of this.s.users.all() as { id: number; name: string }[]) put('operator', u.id, { label: u.name, labelEn: u.name, order: u.name });
    if (by === 'counter') for (const c of this.s.counters.all() as { id: number; name: string }[]) put('counter', c.id, { label: c.name, labelEn: c.name, order: c.id });
    return (kind, id) => names.get(`${kind}:${id}`) ?? { label: `#${id}`, labelEn: `#${id}` };
  }
}
