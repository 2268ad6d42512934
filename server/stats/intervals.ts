// When each counter was open for customers, from the counter event log: open → (break | close),
// resume → (break | close). Breaks are not open time. Pure: events in, intervals out.
// (Stands in for the interval computation of the supervisor reports until it lands: replace
// the body, keep the shape.)

export interface CounterEvent { counterId: number; action: string; at: number }

export type Interval = [start: number, end: number];

/**
 * Open intervals per counter within [from, to). `events` are sorted by time and include, per
 * counter, its last event before `from` (so a counter opened yesterday and still open counts).
 */
export function openIntervals(events: CounterEvent[], from: number, to: number): Map<number, Interval[]> {
  const since = new Map<number, number>();
  const out = new Map<number, Interval[]>();
  const push = (counter: number, start: number, end: number) => {
    const s = Math.max(start, from), e = Math.min(end, to);
    if (e <= s) return;
    const list = out.get(counter) ?? [];
    list.push([s, e]);
    out.set(counter, list);
  };
  for (const ev of events) {
    if (ev.at >= to) break;
    const open = since.get(ev.counterId);
    if (ev.action === 'open' || ev.action === 'resume') {
      if (open === undefined) since.set(ev.counterId, ev.at);
    } else if (ev.action === 'break' || ev.action === 'close') {
      if (open !== undefined) { push(ev.counterId, open, ev.at); since.delete(ev.counterId); }
    }
  }
  for (const [counter, start] of since) push(counter, start, to);
  return out;
}

/** Seconds of `intervals` that fall in [start, end). */
export function overlapSec(intervals: readonly Interval[], start: number, end: number): number {
  let ms = 0;
  for (const [s, e] of intervals) ms += Math.max(0, Math.min(e, end) - Math.max(s, start));
  return ms / 1000;
}
