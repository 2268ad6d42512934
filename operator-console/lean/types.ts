// Shapes of the analysis endpoints (docs/API-EXTENSIONS.md, "Lean analysis"); the figures' own
// types come from the pure functions that compute them.
import type { Choice } from '../../server/settings';
import type { BeforeAfterReport, ReportSide } from '../../server/stats/before-after';
import type { Evaluation, StaffingAnswer } from '../../server/stats/erlang';
import type { EtaFigures, EtaGroup } from '../../server/stats/eta-accuracy';
import type { RatingFigures, RatingGroup } from '../../server/stats/feedback';
import type { Lunch, LunchSlot, ShortHour } from '../../server/stats/lunch-plan';
import type { SheetHour } from '../../server/stats/plan-fact';
import type { StaffingCell } from '../../server/stats/staffing';

export type { SheetHour, StaffingCell };

export interface PlanFactSheet { day: string; counterId: number | null; hours: SheetHour[]; reasons: Choice[]; now: string }

export type { BeforeAfterReport, ReportSide as Side };

export type ErlangAnswer = StaffingAnswer & { loadErlangs: number; given?: Evaluation };

export interface StaffingGrid { from: string; to: string; targetSec: number; targetPct: number; days: Record<string, number>; cells: StaffingCell[]; lunchHours: Record<string, string[]> }

export interface LunchProposal {
  day: string; weekday: number; open: string; close: string; targetSec: number; targetPct: number;
  history: { from: string; to: string; days: number };
  operators: { userId: number; name: string; minutes: number; from: string; to: string }[];
  candidates: { userId: number; name: string }[];
  lunches: Lunch[]; slots: LunchSlot[]; short: ShortHour[]; feasible: boolean;
  adopted: { adoptedAt: string; adoptedBy: number; lunches: { userId: number; start: string; end: string }[] } | null;
}

export interface LunchRules { minutes: number; from: string; to: string; byUser: Record<string, { minutes: number; from: string; to: string }> }

export interface EtaReport extends EtaFigures { byService: (EtaGroup & { serviceId: number })[]; byHour: (EtaGroup & { hour: string })[] }

export interface FeedbackReport { by: string; rows: RatingGroup[]; total: RatingFigures }
