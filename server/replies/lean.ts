// Reply schemas of the lean analysis (role supervisor): the production analysis sheet, the
// before/after report, staffing, floating lunches, wait-estimate accuracy, ratings, the "what if"
// simulation; the operator's own lunch and the customers' ratings. Conventions: ./common.ts.
import { Type } from 'typebox';
import type { FeedbackService } from '../hall/feedback';
import type { LeanViews } from '../hall/lean';
import type { LunchService } from '../hall/lunches';
import type { AdoptedLunchPlan } from '../settings';
import type { BeforeAfterReport } from '../stats/before-after';
import type { StaffingAnswer } from '../stats/erlang';
import type { SimResult } from '../sim/run';
import { AnyObj, Arr, Bool, Choice, Day, Dict, Fits, HHMM, Int, Num, Obj, Opt, OrNull, Str, Time } from './common';
import { LunchRules } from './admin';

const Hour = Type.String({ description: 'The hour of the day, "00"–"23"' });
const Mark = Type.String({ enum: ['green', 'yellow', 'red', 'none'] });

// ---- production analysis sheet ----

const SheetNote = Obj({ id: Int, reasonId: Str, text: OrNull(Str), measure: OrNull(Str), author: OrNull(Str), at: Time });
export const PlanFact = Obj({
  day: Day, counterId: OrNull(Int),
  hours: Arr(Obj({
    hour: Hour, plan: Num, fact: Int, cumPlan: Num, cumFact: Int, deviation: Num, notes: Arr(SheetNote),
    state: Opt(Type.String({ enum: ['past', 'current', 'future'] })), windows: Opt(Num), mark: Opt(Mark), cumMark: Opt(Mark),
  })),
  reasons: Opt(Arr(Choice)), now: Opt(Time),
});
export const PlanFactNote = Obj({
  ...SheetNote.properties, day: Day, hour: Hour, counterId: OrNull(Int), userId: Int,
}, 'The note recorded');

// ---- before/after ----

const Side = Obj({
  avgServiceSec: Opt(OrNull(Num)), avgWaitSec: Opt(OrNull(Num)), servedPerDay: Opt(OrNull(Num)), withinTargetPct: Opt(OrNull(Num)),
  avgRating: Opt(OrNull(Num)), satisfiedPct: Opt(OrNull(Num)),
  kind: Opt(Type.String({ enum: ['period', 'manual'] })), label: Opt(OrNull(Str)),
  from: Opt(Time), to: Opt(Time), days: Opt(Int), served: Opt(Int), ratings: Opt(Int),
});
const N = OrNull(Num);
export const BeforeAfter = Obj({
  baseline: Side, current: Side,
  change: Obj({
    avgServiceSec: N, avgServicePct: N, avgWaitSec: N, avgWaitPct: N, servedPerDay: N, withinTargetPct: N,
    avgRating: Opt(N), satisfiedPct: Opt(N),
  }),
  fteFreed: N, moneyPerYear: N,
  customersPerYear: Opt(N), customersPerYearFrom: Opt(Type.String({ enum: ['input', 'current'] })), savedSecPerCustomer: Opt(N),
  inputs: Opt(Obj({ hoursPerFteYear: Num, costPerFteYear: Num, workingDaysPerYear: Int, targetSec: OrNull(Int) })),
});

// ---- staffing ----

const Evaluation_ = {
  servers: Int, serviceLevelPct: Num, waitProbabilityPct: Num,
  avgWaitSec: OrNull(Type.Number({ description: 'null when the load reaches the windows (no finite average)' })), occupancyPct: Num,
};
export const Erlang = Obj({
  ...Evaluation_, staff: Int,
  stable: Opt(Bool), loadErlangs: Opt(Num),
  given: Opt(Obj({ ...Evaluation_, stable: Opt(Bool) }, 'The figures of the `servers` asked for')),
});

export const Staffing = Obj({
  from: Time, to: Time, targetSec: Num, targetPct: Num,
  days: Dict(Type.Integer({ description: 'Working days of each ISO weekday in the period' })),
  cells: Arr(Obj({ weekday: Int, hour: Hour, days: Int, arrivalsPerHour: Num, meanServiceSec: Num, needed: Int, open: Num, gap: Num, lunchOk: Bool })),
  lunchHours: Dict(Arr(Hour)),
});

// ---- floating lunches ----

const Adopted = Obj({ adoptedAt: Time, adoptedBy: Int, lunches: Arr(Obj({ userId: Int, start: HHMM, end: HHMM })) });
export const LunchProposal = Obj({
  day: Day, weekday: Int, open: HHMM, close: HHMM, targetSec: Num, targetPct: Num,
  history: Obj({ from: Time, to: Time, days: Int }),
  operators: Arr(Obj({ userId: Int, name: Str, minutes: Int, from: HHMM, to: HHMM })),
  candidates: Arr(Obj({ userId: Int, name: Str })),
  lunches: Arr(Obj({ userId: Int, name: Str, start: HHMM, end: HHMM, inWindow: Bool })),
  slots: Arr(Obj({ at: HHMM, needed: Num, open: Num })),
  short: Arr(Obj({ hour: Hour, missing: Num })),
  feasible: Bool,
  adopted: OrNull(Adopted),
});
export const LunchAdopted = Obj({ day: Day, ...Adopted.properties });
export const OwnLunch = Obj({ day: Day, lunch: OrNull(Obj({ start: HHMM, end: HHMM, startsAt: Time, endsAt: Time })) });

// ---- wait-estimate accuracy, ratings ----

const Sec = OrNull(Int);
const EtaFigures = {
  tickets: Int, meanWaitSec: Sec, maeSec: Sec, biasSec: Sec, within5MinPct: OrNull(Num),
  meanPromisedSec: Opt(Sec),
};
export const EtaAccuracy = Obj({
  ...EtaFigures,
  byService: Arr(Obj({ ...EtaFigures, serviceId: Opt(Int), key: Opt(Str), label: Opt(Str) })),
  from: Opt(Time), to: Opt(Time),
  byHour: Opt(Arr(Obj({ ...EtaFigures, hour: Opt(Hour), key: Opt(Str), label: Opt(Str) }))),
});

const RatingRow = Obj({ key: Str, label: Str, count: Int, avgRating: OrNull(Num), satisfiedPct: OrNull(Num) });
export const Ratings = Obj({ rows: Arr(RatingRow), total: RatingRow, from: Opt(Time), to: Opt(Time), by: Opt(Str) });
export const Rated = Obj({ id: Int, ticketId: Int, rating: Int, at: Time }, 'The rating recorded');

// ---- "what if" ----

const Figures = { tickets: Int, meanWaitSec: OrNull(Num), p50WaitSec: OrNull(Num), p90WaitSec: OrNull(Num), overTargetPct: OrNull(Num), maxWaitSec: OrNull(Num) };
const SimResult_ = Obj({
  policies: Arr(Obj({
    policy: Str, ...Figures, byService: Arr(Obj({ ...Figures, service: Opt(Str) })), utilisationPct: OrNull(Num),
    noShows: Opt(Int), expired: Opt(Int),
  })),
  eta: Arr(Obj({ estimator: Str, maeSec: OrNull(Num), within5MinPct: OrNull(Num), tickets: Opt(Int), biasSec: Opt(OrNull(Num)) })),
  scenario: Opt(OrNull(Str)), days: Opt(Int), seed: Opt(Int), targetSec: Opt(Num),
}, "The contract's simulation result");
export const WhatIf = Obj({
  weekday: Int, days: Int, seed: Int,
  scenario: Obj({ today: AnyObj('The hall\'s scenario built from its history'), change: AnyObj('The scenario with the change') }),
  today: SimResult_, change: SimResult_,
});

// The views fit these schemas (checked by the compiler; answers a route puts together, in the
// route: the sheet, the before/after report, Erlang C, the simulation).
export const viewsFit: [
  Fits<BeforeAfterReport, typeof BeforeAfter>, Fits<StaffingAnswer, typeof Erlang>, Fits<ReturnType<LeanViews['staffing']>, typeof Staffing>,
  Fits<ReturnType<LunchService['proposal']>, typeof LunchProposal>, Fits<AdoptedLunchPlan & { day: string }, typeof LunchAdopted>,
  Fits<ReturnType<LunchService['ofUser']>, typeof OwnLunch>, Fits<ReturnType<LunchService['setRules']>, typeof LunchRules>,
  Fits<ReturnType<LeanViews['etaAccuracy']>, typeof EtaAccuracy>, Fits<ReturnType<LeanViews['feedback']>, typeof Ratings>,
  Fits<Awaited<ReturnType<FeedbackService['rate']>>, typeof Rated>, Fits<SimResult, typeof SimResult_>,
] = [true, true, true, true, true, true, true, true, true, true, true];
