// A past hall day for demos and benchmarks, simulated event by event: Poisson arrivals with an
// hourly profile, lognormal service times per service, the real dispatch rule and wait
// estimate, operators who open late, take a staggered lunch and short breaks, customers who do
// not come (recalled, then a no-show), who are sent to another service or step away, and the
// queue left at closing time expiring. Pure: a hall, a day and a random stream in; the rows of
// tickets, ticket events and counter events out, exactly as the queue would have written them.
import * as engine from '../engine';
import type { TicketStatus } from '../protocol';
import { Agenda } from './agenda';
import type { Random } from './random';

export interface HistoryService { id: number; prefix: string; meanServiceSec: number; maxWaitSec: number; share: number; noShowPct: number }
export interface HistoryCounter { id: number; links: engine.CounterLink[] }
export interface HistoryHall {
  services: HistoryService[];
  counters: HistoryCounter[];
  /** Operator user ids; each day a counter gets one of them. */
  operators: number[];
  outcomes: string[];
  shortBreakReasons: string[];
}

/** One hall day: its opening and closing instants, the hall's zone, the expected arrivals and
 * the ids of the counters staffed (all when not given). */
export interface DayPlan { day: string; open: number; close: number; tz: string; expected: number; counters?: number[] }

export interface HistoryTicket {
  id: number; serviceId: number; originalServiceId: number; number: string; hallDay: string; seq: number;
  status: TicketStatus; issuedAt: number; firstCalledAt: number | null; calledAt: number | null; startedAt: number | null;
  finishedAt: number | null; counterId: number | null; userId: number | null; targetCounterId: number | null;
  recalls: number; outcome: string | null; etaSec: number;
}
export interface HistoryTicketEvent { ticketId: number; fromStatus: TicketStatus | null; toStatus: TicketStatus; action: string; counterId: number | null; userId: number | null; at: number; detail: string | null }
export interface HistoryCounterEvent { counterId: number; userId: number; action: 'open' | 'break' | 'resume' | 'close'; reason: string | null; at: number }
export interface HistoryDay { tickets: HistoryTicket[]; events: HistoryTicketEvent[]; counterEvents: HistoryCounterEvent[] }

/** Relative arrivals by local hour: a morning peak, a dip at lunch, an afternoon peak. */
export const HOURLY_PROFILE: Record<number, number> = { 8: 0.8, 9: 1.3, 10: 1.45, 11: 1.3, 12: 1.0, 13: 0.85, 14: 1.1, 15: 1.2, 16: 1.0, 17: 0.6 };
const hourWeight = (h: number) => HOURLY_PROFILE[h] ?? 0.5;

const MIN = 60_000;
const CV = 0.6;
const TRANSFER_PCT = 2, POSTPONE_PCT = 1, SKIP_START_PCT = 10;
const LUNCH_MS = 45 * MIN;
/** Arrivals stop this long before closing (the kiosk's last quarter of an hour is quiet). */
const LAST_ARRIVAL_MS = 15 * MIN;

/** Counter-seconds a ticket needs on average, for sizing the hall to a load. */
export function meanServiceSec(services: readonly HistoryService[]): number {
  const total = services.reduce((a, s) => a + s.share, 0);
  return services.reduce((a, s) => a + s.meanServiceSec * s.share, 0) / total;
}

interface SimCounter extends HistoryCounter {
  userId: number;
  state: 'closed' | 'open' | 'break';
  busy: boolean;
  lastEnd: number;
  /** Planned breaks not yet taken: [earliest start, length, reason]. */
  breaks: [number, number, string][];
}

export function simulateDay(plan: DayPlan, hall: HistoryHall, rnd: Random, firstTicketId: number): HistoryDay {
  const { day, open, close } = plan;
  const agenda = new Agenda<() => void>();
  const tickets: HistoryTicket[] = [];
  const events: HistoryTicketEvent[] = [];
  const counterEvents: HistoryCounterEvent[] = [];
  const services = new Map(hall.services.map((s) => [s.id, s]));
  const rules = new Map(hall.services.map((s) => [s.id, { id: s.id, maxWaitSec: s.maxWaitSec }]));
  /** Waiting tickets per service in dispatch order (issue time, id), and those sent back to one counter. */
  const queues = new Map(hall.services.map((s) => [s.id, [] as HistoryTicket[]]));
  const own = new Map(hall.counters.map((c) => [c.id, [] as HistoryTicket[]]));
  const recent = new engine.RecentTimes();
  const log = (t: HistoryTicket, from: TicketStatus | null, action: string, at: number, c: SimCounter | null, detail?: object) => {
    // The end of the hall day names the counter that had called the ticket, but nobody did it.
    const userId = action === 'expire' ? null : c?.userId ?? null;
    events.push({ ticketId: t.id, fromStatus: from, toStatus: t.status, action, counterId: c?.id ?? null, userId, at, detail: detail ? JSON.stringify(detail) : null });
  };

  // Operators for the day: each counter gets a different one, shuffled.
  const staff = [...hall.operators];
  for (let i = staff.length - 1; i > 0; i--) { const j = rnd.int(0, i); [staff[i], staff[j]] = [staff[j], staff[i]]; }
  const counters: SimCounter[] = hall.counters.filter((c) => !plan.counters || plan.counters.includes(c.id)).map((c, i) => {
    // Lunches staggered over four hourly slots from 11:30, so a quarter of the windows at most
    // is at lunch at once ("floating" lunch breaks); one or two short breaks besides.
    const lunchAt = open + 3.5 * 3600_000 + (i % 4) * 3600_000 + rnd.int(0, 10) * MIN;
    const breaks: [number, number, string][] = [];
    if (close - open > 6 * 3600_000) breaks.push([lunchAt, rnd.lognormal(LUNCH_MS, 0.15), 'lunch']);
    for (let k = rnd.int(0, 2); k > 0; k--) {
      breaks.push([open + 3600_000 + rnd.next() * Math.max(close - open - 3 * 3600_000, 0), rnd.int(5, 15) * MIN, hall.shortBreakReasons[rnd.int(0, hall.shortBreakReasons.length - 1)]]);
    }
    breaks.sort((a, b) => a[0] - b[0]);
    return { ...c, userId: staff[i % staff.length], state: 'closed', busy: false, lastEnd: 0, breaks };
  });
  const serving = (serviceId: number) => counters.filter((c) => c.state === 'open' && c.links.some((l) => l.serviceId === serviceId));

  const enqueue = (t: HistoryTicket) => {
    const q = t.targetCounterId !== null ? own.get(t.targetCounterId)! : queues.get(t.serviceId)!;
    let i = q.length;
    while (i > 0 && (q[i - 1].issuedAt > t.issuedAt || (q[i - 1].issuedAt === t.issuedAt && q[i - 1].id > t.id))) i--;
    q.splice(i, 0, t);
  };
  const dequeue = (t: HistoryTicket) => {
    const q = t.targetCounterId !== null ? own.get(t.targetCounterId)! : queues.get(t.serviceId)!;
    q.splice(q.indexOf(t), 1);
  };
  const wake = (serviceId: number | null, at: number, only?: SimCounter) => {
    for (const c of only ? [only] : counters) {
      if (c.state !== 'open' || c.busy) continue;
      if (serviceId !== null && !c.links.some((l) => l.serviceId === serviceId)) continue;
      agenda.push(at + rnd.int(2, 15) * 1000, () => pick(c));
    }
  };

  const pick = (c: SimCounter) => {
    const now = currentTime;
    if (c.state !== 'open' || c.busy || now >= close) return;
    const due = c.breaks[0];
    if (due && due[0] <= now) {
      c.breaks.shift();
      c.state = 'break';
      counterEvents.push({ counterId: c.id, userId: c.userId, action: 'break', reason: due[2], at: now });
      agenda.push(Math.min(now + due[1], close), () => {
        if (c.state !== 'break') return;
        c.state = 'open';
        counterEvents.push({ counterId: c.id, userId: c.userId, action: 'resume', reason: null, at: currentTime });
        pick(c);
      });
      return;
    }
    const candidates: HistoryTicket[] = [...own.get(c.id)!.slice(0, 1)];
    for (const l of c.links) { const head = queues.get(l.serviceId)![0]; if (head) candidates.push(head); }
    const t = engine.pickNext({ counterId: c.id, links: c.links, services: rules, candidates: candidates.map(asQueueTicket), now, privilegedFirst: false });
    if (t) visit(c, tickets[t.id - firstTicketId], now);
  };
  const asQueueTicket = (t: HistoryTicket): engine.QueueTicket => ({ id: t.id, serviceId: t.serviceId, status: t.status, privileged: false, issuedAt: t.issuedAt, targetCounterId: t.targetCounterId, postponedUntil: null });

  /** One visit from the call to its end, drawn at the call; the counter frees up at the end. */
  const visit = (c: SimCounter, t: HistoryTicket, at: number) => {
    dequeue(t);
    c.busy = true;
    const s = services.get(t.serviceId)!;
    t.status = 'called'; t.counterId = c.id; t.userId = c.userId; t.calledAt = at; t.firstCalledAt ??= at; t.targetCounterId = null; t.recalls = 0;
    log(t, 'waiting', 'call', at, c);
    let end: number;
    const expireAt = (when: number) => {
      // Still only called when the hall closed: the customer went home.
      const from = t.status;
      t.status = 'expired'; t.finishedAt = close;
      log(t, from, 'expire', close, c);
      return Math.max(when, close);
    };
    if (rnd.chance(s.noShowPct)) {
      let when = at;
      for (let r = rnd.int(1, 2); r > 0; r--) {
        when += rnd.int(45, 90) * 1000;
        if (when >= close) break;
        t.recalls++; t.calledAt = when;
        log(t, 'called', 'recall', when, c);
      }
      when += rnd.int(30, 60) * 1000;
      if (when >= close) end = expireAt(when);
      else { t.status = 'no_show'; t.finishedAt = when; log(t, 'called', 'no_show', when, c); end = when; }
    } else {
      const skipStart = rnd.chance(SKIP_START_PCT);
      const start = skipStart ? at : at + rnd.int(10, 60) * 1000;
      if (start >= close) end = expireAt(start);
      else {
        if (!skipStart) { t.status = 'serving'; t.startedAt = start; log(t, 'called', 'start', start, c); }
        const length = rnd.lognormal(s.meanServiceSec, CV) * 1000;
        const others = hall.services.filter((x) => x.id !== t.serviceId);
        const r = rnd.next() * 100;
        if (r < TRANSFER_PCT && others.length && start + 120_000 < close) {
          // The customer took the wrong ticket: back to waiting, in another service's queue, keeping the issue time.
          const when = start + rnd.int(30, 120) * 1000;
          const to = others[rnd.int(0, others.length - 1)];
          const from = t.status;
          const fromService = t.serviceId;
          Object.assign(t, { status: 'waiting', serviceId: to.id, counterId: null, userId: null, calledAt: null, startedAt: null, recalls: 0 });
          log(t, from, 'transfer', when, c, { from: { serviceId: fromService }, toCounter: null });
          agenda.push(when, () => { enqueue(t); wake(t.serviceId, when); });
          end = when;
        } else if (r < TRANSFER_PCT + POSTPONE_PCT && start + 120_000 < close) {
          // The customer steps away for a document and comes back to this window.
          const when = start + rnd.int(30, 90) * 1000;
          const until = when + 5 * MIN;
          const from = t.status;
          Object.assign(t, { status: 'postponed', counterId: null, userId: null, calledAt: null, startedAt: null, recalls: 0, targetCounterId: c.id });
          log(t, from, 'postpone', when, c, { until: new Date(until).toISOString() });
          agenda.push(until, () => {
            if (t.status !== 'postponed') return;
            t.status = 'waiting';
            log(t, 'postponed', 'return', until, c);
            enqueue(t);
            wake(null, until, c);
          });
          end = when;
        } else {
          end = start + length;
          const from = t.status;
          t.status = 'done'; t.startedAt = start; t.finishedAt = end;
          t.outcome = hall.outcomes.length && rnd.chance(70) ? hall.outcomes[rnd.int(0, hall.outcomes.length - 1)] : null;
          log(t, from, 'finish', end, c, t.outcome ? { outcome: t.outcome } : undefined);
          recent.add(t.serviceId, length / 1000);
        }
      }
    }
    c.lastEnd = Math.max(c.lastEnd, end);
    // "Next" finishes and calls in one press most of the time; else a pause before it.
    agenda.push(rnd.chance(60) ? end : end + rnd.int(5, 40) * 1000, () => { c.busy = false; pick(c); });
  };

  // Counters open within the first ten minutes and close when their last visit is over.
  for (const c of counters) {
    agenda.push(open + rnd.int(0, 10) * MIN, () => {
      c.state = 'open';
      counterEvents.push({ counterId: c.id, userId: c.userId, action: 'open', reason: null, at: currentTime });
      pick(c);
    });
  }

  // Arrivals: Poisson by local hour, spread uniformly within quarter-hour slots (every zone's
  // offset is a whole number of quarter hours, so a slot lies within one local hour).
  const lastArrival = close - LAST_ARRIVAL_MS;
  const slots: [number, number, number][] = [];
  for (let t = open; t < lastArrival;) {
    const end = Math.min(Math.floor(t / 900_000) * 900_000 + 900_000, lastArrival);
    slots.push([t, end, hourWeight(Number(engine.hallTime(t, plan.tz).slice(0, 2))) * (end - t)]);
    t = end;
  }
  const weight = slots.reduce((a, s) => a + s[2], 0);
  const totalShare = hall.services.reduce((a, s) => a + s.share, 0);
  const arrivals: number[] = [];
  for (const [from, to, w] of slots) for (let n = rnd.poisson((plan.expected * w) / weight); n > 0; n--) arrivals.push(from + Math.floor(rnd.next() * (to - from)));
  arrivals.sort((a, b) => a - b);
  const seqs = new Map<number, number>();
  for (const at of arrivals) {
    let r = rnd.next() * totalShare;
    const s = hall.services.find((x) => (r -= x.share) < 0) ?? hall.services[hall.services.length - 1];
    const seq = (seqs.get(s.id) ?? 0) + 1;
    seqs.set(s.id, seq);
    const t: HistoryTicket = {
      id: firstTicketId + tickets.length, serviceId: s.id, originalServiceId: s.id, number: engine.formatNumber(s.prefix, seq), hallDay: day, seq,
      status: 'waiting', issuedAt: at, firstCalledAt: null, calledAt: null, startedAt: null, finishedAt: null, counterId: null, userId: null,
      targetCounterId: null, recalls: 0, outcome: null, etaSec: 0,
    };
    tickets.push(t);
    agenda.push(at, () => {
      const srv = serving(s.id);
      t.etaSec = engine.estimateWaitSec({ ahead: queues.get(s.id)!.length, servers: srv.length, idle: srv.filter((c) => !c.busy).length, meanServiceSec: engine.meanServiceSec(recent.get(s.id), s.meanServiceSec) });
      log(t, null, 'issue', at, null);
      enqueue(t);
      wake(s.id, at);
    });
  }

  // Closing time: counters call no more; the queue left expires; each counter closes after its last visit.
  agenda.push(close, () => {
    for (const q of [...queues.values(), ...own.values()]) {
      for (const t of q.splice(0)) { const from = t.status; t.status = 'expired'; t.finishedAt = close; log(t, from, 'expire', close, null); }
    }
    for (const t of tickets) if (t.status === 'postponed') { t.status = 'expired'; t.finishedAt = close; log(t, 'postponed', 'expire', close, null); }
  });
  let currentTime = open;
  while (agenda.size) {
    const e = agenda.pop();
    currentTime = e.at;
    e.item();
  }
  for (const c of counters) {
    if (c.state === 'closed') continue;
    // A few minutes after the later of closing time and its last visit.
    counterEvents.push({ counterId: c.id, userId: c.userId, action: 'close', reason: null, at: Math.max(close, c.lastEnd) + rnd.int(1, 5) * MIN });
  }
  // Ids in the order of time, as the live queue would have written them.
  events.sort((a, b) => a.at - b.at);
  counterEvents.sort((a, b) => a.at - b.at);
  return { tickets, events, counterEvents };
}
