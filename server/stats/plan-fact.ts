// The production analysis sheet (бланк производственного анализа) of one hall day, hour by hour:
// plan = what the open windows could serve at their standard service times (a window open for
// the whole hour at a 10-minute standard plans 6 customers), fact = customers served (finished
// `done`) in the hour, their running totals, deviation = cumFact − cumPlan. The current hour's
// plan counts the open time up to now, so the sheet fills as the day goes on; later hours are
// `future` and empty.
import type { HourBound } from './hours';

export type Mark = 'green' | 'yellow' | 'red' | 'none';


export interface SheetNote { id: number; hour: string; reasonId: string; text: string | null; measure: string | null; author: string | null; at: string }

export interface SheetInput {
  hours: HourBound[];
  now: number;
  /** Seconds each counter was open in each hour (up to now), aligned with `hours`. */
  openSec: Map<number, number>[];
  /** Standard service time of each counter's work, seconds. */
  normSec: (counterId: number) => number;
  /** Finish times of the `done` tickets counted (the hall's, or one counter's). */
  finished: number[];
  notes: SheetNote[];
}

export interface SheetHour {
  hour: string;
  state: 'past' | 'current' | 'future';
  /** Window-hours open in the hour (breaks excluded). */
  windows: number;
  plan: number;
  fact: number;
  cumPlan: number;
  cumFact: number;
  deviation: number;
  /** The hour's fact against its plan, and the running totals against each other. */
  mark: Mark;
  cumMark: Mark;
  notes: Omit<SheetNote, 'hour'>[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** At or above plan: green; within 10 % under: yellow; further under: red; no plan and no fact: none. */
export function markOf(fact: number, plan: number): Mark {
  if (plan <= 0) return fact > 0 ? 'green' : 'none';
  if (fact >= plan) return 'green';
  return fact >= 0.9 * plan ? 'yellow' : 'red';
}

/** A counter's standard time: the mean standard time of its main (lowest-priority-number) services. */
export function counterNormSec(links: { priority: number; normSec: number }[]): number {
  if (!links.length) return 600;
  const main = Math.min(...links.map((l) => l.priority));
  const norms = links.filter((l) => l.priority === main).map((l) => l.normSec);
  return norms.reduce((a, b) => a + b, 0) / norms.length;
}

/**
 * Which hours the sheet lists: the hall's opening hours when it has them, widened to any hour
 * with open windows or customers served; with neither, none.
 */
export function sheetHours(all: HourBound[], opening: { open: string; close: string } | null | undefined, active: (h: HourBound) => boolean): HourBound[] {
  // An hour belongs when any minute of it is within the hours (08:30–17:30 lists 08 to 17).
  const inHours = (h: HourBound) => !!opening && `${h.hour}:59` >= opening.open && `${h.hour}:00` < opening.close;
  const used = all.filter((h) => inHours(h) || active(h));
  if (!used.length) return [];
  const first = all.indexOf(used[0]), last = all.indexOf(used[used.length - 1]);
  return all.slice(first, last + 1).filter((h) => h.end > h.start);
}

export function planFactSheet(input: SheetInput): SheetHour[] {
  const finished = [...input.finished].sort((a, b) => a - b);
  let cumPlan = 0, cumFact = 0, fi = 0;
  return input.hours.map((h, i) => {
    const state = input.now >= h.end ? 'past' : input.now >= h.start ? 'current' : 'future';
    let windows = 0, plan = 0;
    if (state !== 'future') {
      for (const [id, sec] of input.openSec[i]) {
        windows += sec / 3600;
        plan += sec / input.normSec(id);
      }
    }
    while (fi < finished.length && finished[fi] < h.start) fi++;
    let fact = 0;
    while (fi < finished.length && finished[fi] < h.end) { fact++; fi++; }
    const p = round1(plan);
    cumPlan = round1(cumPlan + p);
    cumFact += fact;
    const shown = state !== 'future';
    return {
      hour: h.hour, state, windows: round1(windows), plan: p, fact,
      cumPlan: shown ? cumPlan : 0, cumFact: shown ? cumFact : 0, deviation: shown ? round1(cumFact - cumPlan) : 0,
      mark: shown ? markOf(fact, p) : 'none', cumMark: shown ? markOf(cumFact, cumPlan) : 'none',
      notes: input.notes.filter((n) => n.hour === h.hour).map(({ hour: _h, ...n }) => n),
    };
  });
}
