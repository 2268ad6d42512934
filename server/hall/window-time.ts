// Window time open (breaks excluded) by hour, from the counter event log: the supervisor
// reports' counter clock (stats/counter-time.ts) run over each hour. The production analysis
// sheet's plan, the staffing picture and the "what if" history all read it here.
import type Database from 'better-sqlite3';
import type { CounterEventFact } from '../stats/counter-time';
import type { HourBound } from '../stats/hours';
import { openSecByBucket } from '../stats/open-time';
import { midnightsAfter } from '../stats/zone';

export class WindowTime {
  private s;
  /** The local midnight after an instant: an open window is not counted past it. */
  private midnightAfter: (at: number) => number;

  constructor(sql: Database.Database, tz: string, private clock: () => number) {
    this.midnightAfter = midnightsAfter(tz);
    this.s = {
      counterEvents: sql.prepare('SELECT counter_id AS counterId, user_id AS userId, action, at FROM counter_events WHERE at >= ? AND at < ? ORDER BY at, id'),
      // Each counter's state as the range begins: its last event before it (the counter/time index).
      counterIds: sql.prepare('SELECT id FROM counters ORDER BY id').pluck(),
      lastBefore: sql.prepare(`SELECT counter_id AS counterId, user_id AS userId, action, at FROM counter_events
        WHERE counter_id = ? AND at < ? ORDER BY at DESC, id DESC LIMIT 1`),
    };
  }

  /** Seconds open per counter (breaks excluded) in each hour of each day (hours in time order), up to now. */
  byHour(days: HourBound[][], counterId: number | null = null): Map<number, number>[][] {
    const from = days[0]?.[0]?.start ?? 0, to = days.at(-1)?.at(-1)?.end ?? 0;
    const before = (this.s.counterIds.all() as number[]).map((id) => this.s.lastBefore.get(id, from) as CounterEventFact | undefined)
      .filter((e) => e !== undefined).sort((a, b) => a.at - b.at);
    const events = [...before, ...this.s.counterEvents.all(from, to)] as CounterEventFact[];
    return openSecByBucket(days, counterId === null ? events : events.filter((e) => e.counterId === counterId), this.clock(), this.midnightAfter);
  }
}
