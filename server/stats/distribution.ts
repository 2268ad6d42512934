// What the report's charts need beyond the Rows: how the waits spread over TheQ's buckets
// (0–5, 5–15, 15–20, 20–60, 60+ minutes, with the target as one more edge), and the arrivals by
// weekday and hour of issue in the hall's zone. Pure: tickets in, counts out.
import { SecondsHistogram, wholeSec, type TicketFact } from './tally';
import { LocalClock, isoWeekdayOf, localDayNumber, localHour } from './zone';

const WAIT_EDGES_SEC = [300, 900, 1200, 3600];

export interface WaitBucket {
  /** Waits above `fromSec` (the first bucket from 0 included) up to and including `toSec`; null: no upper edge. */
  fromSec: number;
  toSec: number | null;
  tickets: number;
}
export interface ArrivalCell { weekday: number; hour: number; issued: number }
export interface Distribution {
  /** The line on the chart: the request's target, or the one target all these tickets' services share; null when theirs differ. */
  targetSec: number | null;
  waits: WaitBucket[];
  arrivals: ArrivalCell[];
}

export type DistributionFact = Pick<TicketFact, 'serviceId' | 'status' | 'issuedAt' | 'firstCalledAt' | 'finishedAt'>;

/**
 * A ticket's time in the queue as the within-target share counts it (contract, Definitions):
 * its wait when it was called, its time until it expired when it never was; null for a ticket
 * still waiting (it is in no share yet). So the tickets at or under the target line are the
 * report's `withinTargetPct` of these.
 */
export function queueSec(t: DistributionFact): number | null {
  if (t.firstCalledAt !== null) return wholeSec(t.firstCalledAt - t.issuedAt);
  if (t.status === 'expired' && t.finishedAt !== null) return wholeSec(t.finishedAt - t.issuedAt);
  return null;
}

export class DistributionBuilder {
  private queue = new SecondsHistogram();
  private cells = new Map<number, number>();
  private clock: LocalClock;
  private targets = new Set<number>();

  /** `targetSec`: the request's target (null: each ticket's service's `maxWaitSec`, 900 when unknown). */
  constructor(private o: { from: number; to: number; tz: string; targetSec: number | null; maxWaitSec: ReadonlyMap<number, number> }) {
    this.clock = LocalClock.over(o.from - 86_400_000, o.to + 86_400_000, o.tz);
  }

  add(t: DistributionFact) {
    const local = this.clock.local(t.issuedAt);
    const cell = isoWeekdayOf(localDayNumber(local)) * 100 + localHour(local);
    this.cells.set(cell, (this.cells.get(cell) ?? 0) + 1);
    const sec = queueSec(t);
    if (sec === null) return;
    this.queue.add(sec);
    if (this.o.targetSec === null) this.targets.add(this.o.maxWaitSec.get(t.serviceId) ?? 900);
  }

  build(): Distribution {
    const targetSec = this.o.targetSec ?? (this.targets.size === 1 ? [...this.targets][0] : null);
    const edges = [...new Set([...WAIT_EDGES_SEC, ...(targetSec ? [targetSec] : [])])].sort((a, b) => a - b);
    const counts = new Array<number>(edges.length + 1).fill(0);
    for (const [sec, n] of this.queue.counts) {
      let i = 0;
      while (i < edges.length && sec > edges[i]) i++;
      counts[i] += n;
    }
    return {
      targetSec,
      waits: counts.map((tickets, i) => ({ fromSec: i === 0 ? 0 : edges[i - 1], toSec: edges[i] ?? null, tickets })),
      arrivals: [...this.cells].sort(([a], [b]) => a - b).map(([k, issued]) => ({ weekday: Math.floor(k / 100), hour: k % 100, issued })),
    };
  }
}
