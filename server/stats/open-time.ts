// Window time open (breaks excluded) by hour, for the sheet's plan and the staffing picture: the
// supervisor reports' counter clock (counter-time.ts) run over each hour, so an hour's open time
// is what a report of that hour would say.
import { CounterClock, type CounterEventFact } from './counter-time';

export interface Bucket { start: number; end: number }

/**
 * Seconds open per counter in each bucket. `days` hold buckets in time order (the hours of each
 * day); `events` are in time order and include, per counter, its last event before the first
 * bucket. Time after `until` (now) is not counted. Each hour's clock is given every counter's
 * last event before the hour and the events within it, which is all it needs.
 */
export function openSecByBucket(days: Bucket[][], events: CounterEventFact[], until: number, midnightAfter: (at: number) => number): Map<number, number>[][] {
  const last = new Map<number, CounterEventFact>();
  let i = 0;
  return days.map((buckets) => buckets.map((b) => {
    while (i < events.length && events[i].at < b.start) { last.set(events[i].counterId, events[i]); i++; }
    const clock = new CounterClock(b.start, Math.min(b.end, until), midnightAfter);
    for (const e of [...last.values()].sort((x, y) => x.at - y.at)) clock.counterEvent(e);
    for (let j = i; j < events.length && events[j].at < b.end; j++) clock.counterEvent(events[j]);
    return new Map([...clock.finish().byCounter].map(([id, t]) => [id, t.openMs / 1000]));
  }));
}
