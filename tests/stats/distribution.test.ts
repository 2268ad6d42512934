// The distribution of waits and arrivals behind the reports' charts, on the scripted hall day
// (tests/stats/scripted-day.ts): TheQ's buckets with the target as an edge, a ticket at an edge
// in the bucket below it (within target is "at most"), expired tickets by their time in the
// queue, tickets still waiting left out, arrivals by local weekday and hour.
import { describe, expect, it } from 'vitest';
import { DistributionBuilder, queueSec } from '../../server/stats/distribution';
import { A, DAY_FROM, DAY_TO, TZ, maxWaitSec, tickets } from './scripted-day';

const build = (targetSec: number | null, only?: number) => {
  const b = new DistributionBuilder({ from: DAY_FROM, to: DAY_TO, tz: TZ, targetSec, maxWaitSec });
  for (const t of tickets) if (only === undefined || t.serviceId === only) b.add(t);
  return b.build();
};
const counts = (d: ReturnType<typeof build>) => d.waits.map((w) => [w.fromSec, w.toSec, w.tickets]);

describe('distribution of waits and arrivals', () => {
  it('puts each ticket\'s time in the queue in TheQ\'s buckets; services with different targets draw no line', () => {
    expect(tickets.map(queueSec)).toEqual([120, 330, 1200, 300, 900, 27000, 300, null]);
    const d = build(null);
    expect(d.targetSec).toBeNull();
    expect(counts(d)).toEqual([[0, 300, 3], [300, 900, 2], [900, 1200, 1], [1200, 3600, 0], [3600, null, 1]]);
  });

  it('a report\'s target becomes an edge, and the tickets at or under it are the report\'s within-target share', () => {
    const d = build(600);
    expect(d.targetSec).toBe(600);
    expect(counts(d)).toEqual([[0, 300, 3], [300, 600, 1], [600, 900, 1], [900, 1200, 1], [1200, 3600, 0], [3600, null, 1]]);
    // the API's report at targetSec=300 gives 42.9 % (tests/api/stats-report.test.ts): 3 of 7
    const at300 = build(300);
    expect(at300.waits[0].tickets / at300.waits.reduce((n, w) => n + w.tickets, 0)).toBeCloseTo(0.429, 3);
  });

  it('one service\'s own target is the line when no report target is named', () => {
    const d = build(null, A);
    expect(d.targetSec).toBe(600);
    expect(counts(d)).toEqual([[0, 300, 1], [300, 600, 1], [600, 900, 0], [900, 1200, 1], [1200, 3600, 0], [3600, null, 1]]);
  });

  it('counts arrivals by the local weekday and hour of issue, 09:59:59.999 in 09 and 10:00 in 10', () => {
    // 2026-03-10 is a Tuesday in Moscow
    expect(build(null).arrivals).toEqual([
      { weekday: 2, hour: 9, issued: 3 }, { weekday: 2, hour: 10, issued: 3 }, { weekday: 2, hour: 17, issued: 1 }, { weekday: 2, hour: 18, issued: 1 },
    ]);
  });
});
