// The hall's staffing picture over a period, per ISO weekday and hour: mean arrivals, mean
// service time, the windows Erlang C needs for the target, the windows that were open on
// average, and the gap. The hall is taken as one pool of windows serving every customer.
import { staffing as erlang } from './erlang';
import { bucketIndex, type HourBound } from './hours';

export interface WorkDay { day: string; weekday: number; hours: HourBound[] }

export interface StaffingData {
  days: WorkDay[];
  /** Issue times of the period's tickets. */
  issued: number[];
  /** Issue time and service seconds of its `done` tickets. */
  services: { issuedAt: number; sec: number }[];
  /** Seconds open per counter in each hour of each day (open-time.ts), aligned with `days`. */
  openSec: Map<number, number>[][];
  /** Service time assumed where the period has none (the services' standard times). */
  fallbackServiceSec: number;
  targetSec: number;
  targetPct: number;
}

export interface StaffingCell {
  weekday: number;
  hour: string;
  /** Working days of this weekday in the period. */
  days: number;
  arrivalsPerHour: number;
  meanServiceSec: number;
  needed: number;
  open: number;
  /** open − needed: below zero the hall was short of windows. */
  gap: number;
  /** At least one window to spare: a lunch break here does not miss the target. */
  lunchOk: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

interface Acc { arrivals: number; serviceSum: number; serviceN: number; openSec: number }

export function staffingGrid(d: StaffingData): StaffingCell[] {
  const buckets = d.days.flatMap((w, i) => w.hours.map((h, k) => ({ ...h, weekday: w.weekday, openSec: [...d.openSec[i][k].values()].reduce((a, b) => a + b, 0) })))
    .sort((a, b) => a.start - b.start);
  const daysOf = new Map<number, number>();
  for (const w of d.days) daysOf.set(w.weekday, (daysOf.get(w.weekday) ?? 0) + 1);
  const acc = new Map<string, Acc>();
  const at = (i: number) => {
    const b = buckets[i];
    const k = `${b.weekday}|${b.hour}`;
    let a = acc.get(k);
    if (!a) { a = { arrivals: 0, serviceSum: 0, serviceN: 0, openSec: 0 }; acc.set(k, a); }
    return a;
  };
  for (const t of d.issued) { const i = bucketIndex(buckets, t); if (i >= 0) at(i).arrivals++; }
  let allSum = 0;
  for (const s of d.services) {
    allSum += s.sec;
    const i = bucketIndex(buckets, s.issuedAt);
    if (i >= 0) { const a = at(i); a.serviceSum += s.sec; a.serviceN++; }
  }
  const overall = d.services.length ? allSum / d.services.length : d.fallbackServiceSec;
  buckets.forEach((b, i) => { if (b.openSec > 0) at(i).openSec += b.openSec; });
  const cells: StaffingCell[] = [];
  for (const [k, a] of acc) {
    if (a.arrivals === 0 && a.openSec === 0) continue;
    const [wd, hour] = k.split('|');
    const weekday = Number(wd);
    const days = daysOf.get(weekday)!;
    const arrivalsPerHour = a.arrivals / days;
    const meanServiceSec = a.serviceN ? a.serviceSum / a.serviceN : overall;
    const needed = erlang({ arrivalsPerHour, serviceSec: meanServiceSec, targetSec: d.targetSec, targetPct: d.targetPct }).servers;
    const open = a.openSec / 3600 / days;
    cells.push({
      weekday, hour, days, arrivalsPerHour: round2(arrivalsPerHour), meanServiceSec: Math.round(meanServiceSec), needed,
      open: round2(open), gap: round2(open - needed), lunchOk: open - needed >= 1,
    });
  }
  return cells.sort((x, y) => x.weekday - y.weekday || x.hour.localeCompare(y.hour));
}
