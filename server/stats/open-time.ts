// Window time open (breaks excluded) by hour, for the sheet's plan and the staffing picture: the
// supervisor reports' counter clock (counter-time.ts) run over each hour of a day, so an hour's
// open time is what a report of that hour would say.
import { CounterClock, type CounterEventFact } from './counter-time';

export interface Bucket { start: number; end: number }

/**
 * Seconds open per counter in each bucket. `days` are runs of adjacent buckets (the hours of a
 * day); `events` are in time order and include, per counter, its last event before the first
 * day. Time after `until` (now) is not counted.
 */
export function openSecByBucket(days: Bucket[][], events: CounterEventFact[], until: number, midnightAfter: (at: number) => number): Map<number, number>[][] {
  const last = new Map<number, CounterEventFact>();
  let i = 0;
  return days.map((buckets) => {
    if (!buckets.length) return [];
    const from = buckets[0].start, to = buckets[buckets.length - 1].end;
    while (i < events.length && events[i].at < from) { last.set(events[i].counterId, events[i]); i++; }
    const clocks = buckets.map((b) => new CounterClock(b.start, Math.min(b.end, until), midnightAfter));
    const feed = (e: CounterEventFact) => { for (const c of clocks) c.counterEvent(e); };
    for (const e of [...last.values()].sort((a, b) => a.at - b.at)) feed(e);
    for (let j = i; j < events.length && events[j].at < to; j++) feed(events[j]);
    return clocks.map((c) => new Map([...c.finish().byCounter].map(([id, t]) => [id, t.openMs / 1000])));
  });
}
