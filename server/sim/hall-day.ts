// One simulated hall day: the day's customers drawn once (common random numbers), then played
// through a dispatch rule on a simulated clock, with the server's wait estimates taken at
// every issue. Event-driven: arrivals, the end of a visit, lunches, opening and closing.
import { estimateWaitSec, expectedBackAt, expectedFreeAt, forecastWaitSec, meanServiceSec, RecentTimes, type QueueTicket, type ServiceRule } from '../engine';
import { Agenda } from './agenda';
import { Random } from './random';
import type { Policy } from './policies';
import type { Model, ModelCounter } from './scenario';

export interface Customer {
  id: number;
  /** Index into model.services. */
  service: number;
  at: number;
  serviceMs: number;
  noShow: boolean;
}

/** The day's customers, in order of arrival. Each service's arrivals and each service's
 * customers draw from streams of their own, so a change elsewhere leaves them as they were. */
export function drawCustomers(model: Model, root: Random, day: number): Customer[] {
  const out: Omit<Customer, 'id'>[] = [];
  const perService = new Map<number, Omit<Customer, 'id'>[]>();
  for (const a of model.arrivals) {
    const r = root.stream('day', day, 'arrivals', model.services[a.service].key, a.from);
    const n = r.poisson(a.expected);
    const list = perService.get(a.service) ?? [];
    const times = Array.from({ length: n }, () => a.from + r.next() * (a.to - a.from)).sort((x, y) => x - y);
    for (const at of times) list.push({ service: a.service, at, serviceMs: 0, noShow: false });
    perService.set(a.service, list);
  }
  for (const [i, list] of perService) {
    const s = model.services[i];
    const r = root.stream('day', day, 'customers', s.key);
    for (const c of list) {
      const sec = s.exponential ? r.exponential(s.meanSec) : r.lognormal(s.meanSec, s.cv);
      c.serviceMs = sec * 1000;
      c.noShow = r.chance(s.noShowPct);
      out.push(c);
    }
  }
  out.sort((a, b) => a.at - b.at || a.service - b.service);
  return out.map((c, i) => ({ ...c, id: i + 1 }));
}

export interface DayOutcome {
  /** Per customer (by index): first call − issue in ms, null when never called. */
  waitMs: (number | null)[];
  /** The customers never called (expired at the end of the day): service index, time in the queue. */
  expired: { service: number; ms: number }[];
  /** Per estimator: the estimate given at issue, in seconds, per customer. */
  eta: Record<string, number[]>;
  busyMs: number;
  openMs: number;
  endMs: number;
}

export const ESTIMATORS = ['queue-length', 'forward'] as const;
export type EstimatorName = (typeof ESTIMATORS)[number];

interface Ticket extends QueueTicket { c: Customer; calledAt: number | null }

interface Counter {
  m: ModelCounter;
  state: 'closed' | 'open' | 'break';
  ticket: Ticket | null;
  since: number;
  idleSince: number;
  stateSince: number;
  lunchDone: boolean;
  onDuty: boolean;
}

type EventKind = 'arrive' | 'free' | 'back' | 'duty' | 'lunch';

export interface DayOptions {
  /** Take the wait estimates at every issue (with the hall's dispatch settings). */
  estimate?: { overdueAtPct?: number };
}

export function runDay(model: Model, customers: Customer[], policy: Policy, opts: DayOptions = {}): DayOutcome {
  const rules = new Map<number, ServiceRule>(model.services.map((s) => [s.id, s.rule]));
  const queues: Ticket[][] = model.services.map(() => []);
  const heads: number[] = model.services.map(() => 0);
  const counters: Counter[] = model.counters.map((m) => ({ m, state: 'closed', ticket: null, since: 0, idleSince: 0, stateSince: 0, lunchDone: !m.lunch, onDuty: false }));
  const recent = new RecentTimes();
  const breaks = new RecentTimes<string>();
  const events = new Agenda<{ kind: EventKind; i: number }>();
  const waitMs: (number | null)[] = customers.map(() => null);
  const eta: Record<string, number[]> = opts.estimate ? { 'queue-length': [], forward: [] } : {};
  let busyMs = 0, openMs = 0, now = model.openMs;
  const atLunch = () => counters.reduce((n, c) => n + (c.state === 'break' ? 1 : 0), 0);
  const mean = (serviceId: number) => meanServiceSec(recent.get(serviceId), model.services[serviceId - 1].meanSec);

  const setState = (c: Counter, state: Counter['state']) => {
    if (c.state === 'open') openMs += now - c.stateSince;
    c.state = state; c.stateSince = now;
    if (state === 'open') c.idleSince = now;
  };
  const staffedAt = (t: number) => {
    let n = counters.length;
    for (const s of model.staffing) if (s.at <= t) n = s.n;
    return n;
  };
  const dutyNow = (c: Counter) => now >= c.m.openMs && (now < c.m.closeMs || (c.m.closeMs === model.closeMs && c.onDuty)) && (now >= model.closeMs ? c.onDuty : c.m.rank < staffedAt(now));

  const call = (c: Counter): boolean => {
    const cand: Ticket[] = [];
    for (const l of c.m.links) { const q = queues[l.serviceId - 1], h = heads[l.serviceId - 1]; if (h < q.length) cand.push(q[h]); }
    const t = policy(c.m, cand, now) as Ticket | null;
    if (!t) return false;
    heads[t.serviceId - 1]++; // every rule calls the head of a queue
    t.calledAt = now;
    waitMs[t.id - 1] = now - t.issuedAt;
    c.ticket = t; c.since = now;
    const ms = t.c.noShow ? model.noShowMs : t.c.serviceMs;
    busyMs += ms;
    events.push(now + ms, { kind: 'free', i: c.m.rank });
    return true;
  };
  const lunchDue = (c: Counter) => {
    const l = c.m.lunch;
    if (!l || c.lunchDone || now < l.from || now >= model.closeMs) return false;
    if (!l.floating) return true;
    return now >= l.to - l.ms || atLunch() < model.lunchAtOnce;
  };
  /** A counter with no customer: closes, goes to lunch, calls the next, or waits. */
  const settle = (c: Counter) => {
    if (!dutyNow(c)) { c.onDuty = false; if (c.state !== 'closed') setState(c, 'closed'); return; }
    if (c.state === 'break') return;
    if (c.state === 'closed') setState(c, 'open');
    if (lunchDue(c)) { setState(c, 'break'); c.lunchDone = true; events.push(now + c.m.lunch!.ms, { kind: 'back', i: c.m.rank }); return; }
    if (call(c)) return;
    if (now >= model.closeMs && c.m.closeMs === model.closeMs) { c.onDuty = false; setState(c, 'closed'); } // the queue is served: the window closes
  };

  const estimate = (t: Ticket) => {
    const sid = t.serviceId;
    let servers = 0, idle = 0;
    const open: { id: number; links: ModelCounter['links']; freeAt: number }[] = [];
    for (const c of counters) {
      // On a lunch: back after the usual lunch (the breaks seen so far, the plan's length before).
      if (c.state === 'break') { open.push({ id: c.m.id, links: c.m.links, freeAt: expectedBackAt(c.stateSince, meanServiceSec(breaks.get('lunch'), c.m.lunch!.ms / 1000), now) }); continue; }
      if (c.state !== 'open') continue;
      if (c.m.links.some((l) => l.serviceId === sid)) { servers++; if (!c.ticket) idle++; }
      open.push({ id: c.m.id, links: c.m.links, freeAt: c.ticket ? expectedFreeAt(c.since, mean(c.ticket.serviceId), now) : now });
    }
    const q = queues[sid - 1];
    eta['queue-length'].push(estimateWaitSec({ ahead: q.length - heads[sid - 1], servers, idle, meanServiceSec: mean(sid) }));
    const waiting: QueueTicket[] = [t];
    for (let s = 0; s < queues.length; s++) for (let i = heads[s]; i < queues[s].length; i++) waiting.push(queues[s][i]);
    const f = forecastWaitSec({ now, counters: open, waiting, target: t, services: rules, meanServiceSec: mean, privilegedFirst: false, overdueAtPct: opts.estimate!.overdueAtPct });
    // No open counter for it: the queue-length estimate's assumption of one counter.
    eta.forward.push(f ?? eta['queue-length'][eta['queue-length'].length - 1]);
  };

  customers.forEach((c, i) => events.push(c.at, { kind: 'arrive', i }));
  const bounds = new Set<number>([model.openMs, model.closeMs, ...model.staffing.map((s) => s.at)]);
  for (const c of model.counters) { bounds.add(c.openMs); bounds.add(c.closeMs); }
  for (const t of bounds) events.push(t, { kind: 'duty', i: -1 });
  for (const c of model.counters) {
    if (c.lunch) events.push(c.lunch.from, { kind: 'lunch', i: c.rank });
    if (c.lunch?.floating) events.push(c.lunch.to - c.lunch.ms, { kind: 'lunch', i: c.rank }); // the latest start
  }

  while (events.size > 0) {
    const { at, item: e } = events.pop();
    now = at;
    switch (e.kind) {
      case 'arrive': {
        const c = customers[e.i];
        const t: Ticket = { id: c.id, serviceId: c.service + 1, status: 'waiting', privileged: false, issuedAt: c.at, targetCounterId: null, postponedUntil: null, c, calledAt: null };
        if (opts.estimate) estimate(t);
        queues[c.service].push(t);
        // The window idle longest calls first.
        const idle = counters.filter((k) => k.state === 'open' && !k.ticket && k.m.links.some((l) => l.serviceId === t.serviceId)).sort((a, b) => a.idleSince - b.idleSince);
        for (const k of idle) if (call(k)) break;
        break;
      }
      case 'free': {
        const c = counters[e.i], t = c.ticket!;
        if (!t.c.noShow) recent.add(t.serviceId, t.c.serviceMs / 1000);
        c.ticket = null;
        settle(c);
        break;
      }
      case 'back': {
        const c = counters[e.i];
        breaks.add('lunch', (now - c.stateSince) / 1000);
        setState(c, 'open');
        settle(c);
        wakeLunches();
        break;
      }
      case 'duty':
        for (const c of counters) {
          // At the hall's close the windows serve out the queue; an idle one closes.
          if (now >= model.closeMs) { if (c.state === 'open' && !c.ticket) settle(c); continue; }
          const duty = now >= c.m.openMs && now < c.m.closeMs && c.m.rank < staffedAt(now);
          c.onDuty = duty;
          if (!c.ticket && (duty ? c.state === 'closed' : c.state === 'open')) settle(c);
        }
        break;
      case 'lunch': {
        const c = counters[e.i];
        if (c.state === 'open' && !c.ticket) settle(c);
        break;
      }
    }
  }
  // An idle floating-lunch window takes its turn when a seat at lunch frees up.
  function wakeLunches() {
    for (const c of counters) if (c.state === 'open' && !c.ticket && c.m.lunch?.floating && !c.lunchDone && lunchDue(c)) settle(c);
  }
  for (const c of counters) if (c.state === 'open') openMs += now - c.stateSince;
  const endMs = Math.max(now, model.closeMs);
  const expired: DayOutcome['expired'] = [];
  for (let s = 0; s < queues.length; s++) for (let i = heads[s]; i < queues[s].length; i++) expired.push({ service: s, ms: endMs - queues[s][i].issuedAt });
  return { waitMs, expired, eta, busyMs, openMs, endMs };
}
