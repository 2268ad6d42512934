// The forward wait estimate: the hall's own order of calls played forward from now. Every open
// counter takes, when it is next free, the ticket the dispatch rule (pickNext, with the hall's
// settings) gives it, each visit lasting its service's mean time, until the ticket in question
// is called. So a ticket sees the customers ahead of it in every queue its counters serve, the
// counters' priorities and the overdue rule, which the queue-length estimate cannot, and a
// counter on a break comes back after the hall's usual length of that break. Customers who
// have not arrived yet are not foreseen, nor counters that are closed now.
import { pickNext, type DispatchInput } from './dispatch';
import type { CounterLink, QueueTicket, ServiceRule } from './types';

export interface ForecastCounter {
  id: number;
  links: CounterLink[];
  /** When it is expected to be free: now (or before) when idle; see `expectedFreeAt`. */
  freeAt: number;
}

export interface ForecastInput {
  now: number;
  /** The open counters, and those on a break whose usual length is known. */
  counters: ForecastCounter[];
  /** Every waiting ticket of the hall, `target` among them. */
  waiting: QueueTicket[];
  target: QueueTicket;
  services: ReadonlyMap<number, ServiceRule>;
  meanServiceSec: (serviceId: number) => number;
  privilegedFirst: boolean;
  overdueAtPct?: number;
}

/** When a counter busy since `since` with a visit of mean `meanSec` is expected to be free: at
 * the mean, or, once past it, a quarter of the mean from now (a long visit is not over at once). */
export function expectedFreeAt(since: number, meanSec: number, now: number): number {
  return Math.max(since + meanSec * 1000, now + meanSec * 250);
}

/** When a counter on a break since `since` is expected back: after the usual length of that
 * break, or now when it is already longer. */
export function expectedBackAt(since: number, usualSec: number, now: number): number {
  return Math.max(since + usualSec * 1000, now);
}

const older = (a: QueueTicket, b: QueueTicket) => a.issuedAt - b.issuedAt || a.id - b.id;

/** A service's waiting tickets in issue order, read from the front (its privileged ones too). */
class Line {
  all: QueueTicket[] = [];
  privileged: QueueTicket[] = [];
  private i = 0; private p = 0;
  head(taken: Set<QueueTicket>): QueueTicket | undefined {
    while (this.i < this.all.length && taken.has(this.all[this.i])) this.i++;
    return this.all[this.i];
  }
  privilegedHead(taken: Set<QueueTicket>): QueueTicket | undefined {
    while (this.p < this.privileged.length && taken.has(this.privileged[this.p])) this.p++;
    return this.privileged[this.p];
  }
}

/** Seconds from now until `target` is called; null when no open counter would call it. */
export function forecastWaitSec(input: ForecastInput): number | null {
  const { now, services, privilegedFirst, target } = input;
  const lines = new Map<number, Line>();
  const own = new Map<number, QueueTicket[]>(); // tickets sent to one counter
  for (const t of input.waiting) {
    if (t.targetCounterId !== null) {
      const list = own.get(t.targetCounterId) ?? [];
      list.push(t); own.set(t.targetCounterId, list);
      continue;
    }
    let line = lines.get(t.serviceId);
    if (!line) { line = new Line(); lines.set(t.serviceId, line); }
    line.all.push(t);
    if (t.privileged) line.privileged.push(t);
  }
  for (const line of lines.values()) { line.all.sort(older); line.privileged.sort(older); }
  const counters = input.counters.map((c) => ({ ...c, freeAt: Math.max(c.freeAt, now) }));
  const taken = new Set<QueueTicket>();
  const ask: DispatchInput = { counterId: 0, links: [], services, candidates: [], now, privilegedFirst, overdueAtPct: input.overdueAtPct };
  while (counters.length > 0) {
    let k = 0;
    for (let i = 1; i < counters.length; i++) if (counters[i].freeAt < counters[k].freeAt) k = i;
    const c = counters[k];
    const candidates: QueueTicket[] = [];
    for (const l of c.links) {
      const line = lines.get(l.serviceId);
      if (!line) continue;
      const h = line.head(taken);
      if (h) candidates.push(h);
      if (privilegedFirst) { const p = line.privilegedHead(taken); if (p && p !== h) candidates.push(p); }
    }
    for (const t of own.get(c.id) ?? []) if (!taken.has(t)) candidates.push(t);
    ask.counterId = c.id; ask.links = c.links; ask.candidates = candidates; ask.now = c.freeAt;
    const next = pickNext(ask);
    if (!next) { counters.splice(k, 1); continue; } // nothing left that this counter would call
    if (next.id === target.id) return Math.round((c.freeAt - now) / 1000);
    taken.add(next);
    c.freeAt += input.meanServiceSec(next.serviceId) * 1000;
  }
  return null;
}
