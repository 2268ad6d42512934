// A report: tickets issued in [from, to) grouped by service, operator, counter, or the local
// hour, weekday or day of their issue, each bucket a Row, plus the Row of all of them. Pure:
// tickets and counter events are fed in (by the SQL read model, or by a test), the clock and
// the hall's zone are passed in.
import { CounterClock, CounterTime, type CounterEventFact, type VisitEventFact } from './counter-time';
import type { TicketStatus } from '../protocol';
import { Tally, type Row, type RowKey, type TicketFact } from './tally';
import { LocalClock, dayKey, isoWeekdayOf, localDayNumber, localHour, midnightsAfter } from './zone';

export const GROUPINGS = ['none', 'service', 'operator', 'counter', 'hour', 'weekday', 'day'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface ReportOptions {
  by: Grouping;
  from: number;
  to: number;
  now: number;
  tz: string;
  /** Overrides every service's maxWaitSec as the target. */
  targetSec: number | null;
  /** maxWaitSec by service id; 900 (the 15-minute norm) for one not listed. */
  maxWaitSec: ReadonlyMap<number, number>;
}

export interface Label { label: string; labelEn: string; /** Sort position (services' own order, names). */ order?: number | string }
/** Names of services, users and counters by id. */
export type Labels = (by: 'service' | 'operator' | 'counter', id: number) => Label;

export interface Report { rows: Row[]; total: Row }

const WEEKDAYS = [['Понедельник', 'Monday'], ['Вторник', 'Tuesday'], ['Среда', 'Wednesday'], ['Четверг', 'Thursday'], ['Пятница', 'Friday'], ['Суббота', 'Saturday'], ['Воскресенье', 'Sunday']];

/** Whether a grouping's rows carry counter time (openSec, breakSec, servingSec, utilisationPct). */
export const hasCounterTime = (by: Grouping): by is 'operator' | 'counter' => by === 'operator' || by === 'counter';

export class ReportBuilder {
  private buckets = new Map<number, Tally>();
  /** Tickets in no bucket (no operator yet, say): in the total only. */
  private rest = new Tally();
  private clock: LocalClock;
  readonly counterTime: CounterClock | null;

  constructor(private o: ReportOptions) {
    this.clock = LocalClock.over(o.from - 86_400_000, o.to + 86_400_000, o.tz);
    this.counterTime = hasCounterTime(o.by) ? new CounterClock(o.from, Math.min(o.to, o.now), midnightsAfter(o.tz)) : null;
  }

  /** The bucket of a ticket as a number (ids, hour, weekday, day number), or null for none. */
  private keyOf(serviceId: number, counterId: number | null, userId: number | null, issuedAt: number): number | null {
    switch (this.o.by) {
      case 'none': return null;
      case 'service': return serviceId;
      case 'operator': return userId;
      case 'counter': return counterId;
      case 'hour': return localHour(this.clock.local(issuedAt));
      case 'weekday': return isoWeekdayOf(localDayNumber(this.clock.local(issuedAt)));
      case 'day': return localDayNumber(this.clock.local(issuedAt));
    }
  }

  addTicket(t: TicketFact) {
    this.addFields(t.serviceId, t.counterId, t.userId, t.status, t.issuedAt, t.firstCalledAt, t.startedAt, t.finishedAt, t.transferred);
  }

  /** addTicket() with the ticket's fields one by one (the read model's hot loop makes no objects). */
  addFields(serviceId: number, counterId: number | null, userId: number | null, status: TicketStatus, issuedAt: number,
    firstCalledAt: number | null, startedAt: number | null, finishedAt: number | null, transferred: boolean) {
    const target = this.o.targetSec ?? this.o.maxWaitSec.get(serviceId) ?? 900;
    const key = this.keyOf(serviceId, counterId, userId, issuedAt);
    let b = key === null ? this.rest : this.buckets.get(key);
    if (!b) { b = new Tally(); this.buckets.set(key!, b); }
    b.addFields(status, issuedAt, firstCalledAt, startedAt, finishedAt, transferred, target);
  }

  counterEvent(e: CounterEventFact) { this.counterTime?.counterEvent(e); }
  visitEvent(e: VisitEventFact) { this.counterTime?.visitEvent(e); }

  build(labels: Labels): Report {
    const by = this.o.by;
    const times = this.counterTime?.finish();
    const timeOf = times ? (by === 'operator' ? times.byUser : times.byCounter) : null;
    const keys = new Set(this.buckets.keys());
    for (const k of timeOf?.keys() ?? []) keys.add(k); // an operator who was open but ended no ticket
    const total = new Tally();
    total.merge(this.rest);
    const rows: (Row & { order: number | string })[] = [];
    for (const k of keys) {
      const tally = this.buckets.get(k) ?? new Tally();
      total.merge(tally);
      const { key, label, labelEn, order } = this.label(k, labels);
      rows.push({ key, label, labelEn, ...tally.figures(), ...(timeOf ? (timeOf.get(k) ?? new CounterTime()).figures() : {}), order });
    }
    rows.sort((a, b) => (typeof a.order === 'string' && typeof b.order === 'string' ? a.order.localeCompare(b.order, 'ru') : a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    let totalTime: CounterTime | null = null;
    if (timeOf) {
      totalTime = new CounterTime();
      for (const t of timeOf.values()) { totalTime.openMs += t.openMs; totalTime.breakMs += t.breakMs; totalTime.servingMs += t.servingMs; }
    }
    return {
      rows: rows.map(({ order: _, ...r }) => r),
      total: { key: null, label: 'Итого', labelEn: 'Total', ...total.figures(), ...(totalTime ? totalTime.figures() : {}) },
    };
  }

  private label(k: number, labels: Labels): { key: RowKey; label: string; labelEn: string; order: number | string } {
    const by = this.o.by;
    switch (by) {
      case 'service': case 'operator': case 'counter': {
        const l = labels(by, k);
        return { key: k, label: l.label, labelEn: l.labelEn, order: l.order ?? k };
      }
      case 'hour': {
        const h = String(k).padStart(2, '0'), next = String((k + 1) % 24).padStart(2, '0');
        return { key: h, label: `${h}:00–${next}:00`, labelEn: `${h}:00–${next}:00`, order: k };
      }
      case 'weekday': return { key: k, label: WEEKDAYS[k - 1][0], labelEn: WEEKDAYS[k - 1][1], order: k };
      default: { const d = dayKey(k); return { key: d, label: d, labelEn: d, order: k }; }
    }
  }
}

/** A whole report from arrays (tests, small inputs); the read model streams into a builder. */
export function buildReport(o: ReportOptions, input: { tickets: TicketFact[]; counterEvents?: CounterEventFact[]; visits?: VisitEventFact[] }, labels: Labels): Report {
  const b = new ReportBuilder(o);
  for (const t of input.tickets) if (t.issuedAt >= o.from && t.issuedAt < o.to) b.addTicket(t);
  for (const e of input.counterEvents ?? []) b.counterEvent(e);
  for (const e of input.visits ?? []) b.visitEvent(e);
  return b.build(labels);
}
