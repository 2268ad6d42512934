// The before/after report (отчёт о тиражировании): the key figures of a baseline and a current
// period side by side, their change, and the effect of the service time saved:
//   posts freed  = customers a year × (baseline − current average service, hours) / working hours of a post a year
//   money a year = posts freed × yearly cost of a post
// Nothing is rounded here; the screens round to one decimal of their unit.

export interface Figures {
  avgServiceSec: number | null;
  avgWaitSec: number | null;
  servedPerDay: number | null;
  withinTargetPct: number | null;
  avgRating: number | null;
  satisfiedPct: number | null;
}

export interface EffectInput {
  baseline: Figures;
  current: Figures;
  /** Given by the user; otherwise the current period's served a day × workingDaysPerYear. */
  customersPerYear?: number;
  workingDaysPerYear: number;
  hoursPerFteYear: number;
  costPerFteYear: number;
}

export interface Change {
  avgServiceSec: number | null;
  avgServicePct: number | null;
  avgWaitSec: number | null;
  avgWaitPct: number | null;
  servedPerDay: number | null;
  /** Percentage points. */
  withinTargetPct: number | null;
  avgRating: number | null;
  satisfiedPct: number | null;
}

export interface Effect {
  change: Change;
  customersPerYear: number | null;
  customersPerYearFrom: 'input' | 'current';
  /** Average service time saved per customer, seconds (negative: the current period is slower). */
  savedSecPerCustomer: number | null;
  fteFreed: number | null;
  moneyPerYear: number | null;
}

const diff = (b: number | null, c: number | null) => (b === null || c === null ? null : c - b);
const pct = (b: number | null, c: number | null) => (b === null || c === null || b === 0 ? null : ((c - b) / b) * 100);

export function beforeAfter(i: EffectInput): Effect {
  const { baseline: b, current: c } = i;
  const change: Change = {
    avgServiceSec: diff(b.avgServiceSec, c.avgServiceSec),
    avgServicePct: pct(b.avgServiceSec, c.avgServiceSec),
    avgWaitSec: diff(b.avgWaitSec, c.avgWaitSec),
    avgWaitPct: pct(b.avgWaitSec, c.avgWaitSec),
    servedPerDay: diff(b.servedPerDay, c.servedPerDay),
    withinTargetPct: diff(b.withinTargetPct, c.withinTargetPct),
    avgRating: diff(b.avgRating, c.avgRating),
    satisfiedPct: diff(b.satisfiedPct, c.satisfiedPct),
  };
  const customers = i.customersPerYear ?? (c.servedPerDay === null ? null : c.servedPerDay * i.workingDaysPerYear);
  const saved = b.avgServiceSec === null || c.avgServiceSec === null ? null : b.avgServiceSec - c.avgServiceSec;
  const fteFreed = customers === null || saved === null ? null : (customers * saved) / 3600 / i.hoursPerFteYear;
  return {
    change,
    customersPerYear: customers,
    customersPerYearFrom: i.customersPerYear === undefined ? 'current' : 'input',
    savedSecPerCustomer: saved,
    fteFreed,
    moneyPerYear: fteFreed === null ? null : fteFreed * i.costPerFteYear,
  };
}

/** One side of the report as the API answers it: a Talon period's figures or a hand measurement. */
export interface ReportSide extends Figures {
  kind: 'period' | 'manual';
  label: string | null;
  from?: string; to?: string; days?: number; served?: number; ratings?: number;
}

/** POST /api/stats/before-after's answer. */
export interface BeforeAfterReport extends Effect {
  baseline: ReportSide;
  current: ReportSide;
  inputs: { hoursPerFteYear: number; costPerFteYear: number; workingDaysPerYear: number; targetSec: number | null };
}
