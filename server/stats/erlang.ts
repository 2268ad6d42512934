// Erlang C: how many windows a hall needs for a service level. Offered load A = λ × s (in
// Erlangs); with c windows, P(wait) = C(c, A); share served within t = 1 − C·e^(−(c−A)·t/s);
// average wait = C·s / (c − A); occupancy = A / c. C is computed from the Erlang B recursion
// B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)), C = c·B / (c − A·(1 − B)), which stays finite for
// thousands of windows where the textbook formula's A^c / c! overflows.
// The model assumes Poisson arrivals, exponential service and that nobody leaves the queue:
// where customers give up, it overstates the windows needed.

export interface Evaluation {
  servers: number;
  /** False when the load reaches the windows' capacity (A ≥ c): the queue grows without end. */
  stable: boolean;
  waitProbabilityPct: number;
  serviceLevelPct: number;
  /** null when unstable (no finite average). */
  avgWaitSec: number | null;
  occupancyPct: number;
}

export interface StaffingInput {
  arrivalsPerHour: number;
  serviceSec: number;
  targetSec: number;
  targetPct: number;
  /** Highest acceptable share of a window's time spent serving; 100 = no limit. */
  maxOccupancyPct?: number;
  /** Share of paid time not at a window (breaks, training, absence). */
  shrinkagePct?: number;
}

export interface StaffingAnswer extends Evaluation { staff: number }

/** Loads beyond this many Erlangs are refused: no customer hall is that large. */
export const MAX_LOAD = 5000;

export const load = (arrivalsPerHour: number, serviceSec: number) => (arrivalsPerHour * serviceSec) / 3600;

/** Erlang B blocking of c windows under load a, by the stable recursion over k = 1..c. */
function erlangBUpTo(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C probability of waiting from the Erlang B value of the same c and A (needs c > A). */
const cFromB = (c: number, a: number, b: number) => (c * b) / (c - a * (1 - b));

function describe(c: number, a: number, b: number, serviceSec: number, targetSec: number): Evaluation {
  if (a === 0) return { servers: c, stable: true, waitProbabilityPct: 0, serviceLevelPct: 100, avgWaitSec: 0, occupancyPct: 0 };
  if (c <= a) return { servers: c, stable: false, waitProbabilityPct: 100, serviceLevelPct: 0, avgWaitSec: null, occupancyPct: 100 };
  const pw = cFromB(c, a, b);
  const sl = 1 - pw * Math.exp((-(c - a) * targetSec) / serviceSec);
  return {
    servers: c,
    stable: true,
    waitProbabilityPct: pw * 100,
    serviceLevelPct: Math.max(0, sl) * 100,
    avgWaitSec: (pw * serviceSec) / (c - a),
    occupancyPct: (a / c) * 100,
  };
}

/** The figures of a given number of windows. */
export function evaluate(servers: number, arrivalsPerHour: number, serviceSec: number, targetSec: number): Evaluation {
  const a = load(arrivalsPerHour, serviceSec);
  return describe(servers, a, erlangBUpTo(servers, a), serviceSec, targetSec);
}

/**
 * The fewest windows that serve `targetPct` % within `targetSec` with occupancy at most
 * `maxOccupancyPct`, and the staff that takes after shrinkage. Zero arrivals need no window.
 */
export function staffing(input: StaffingInput): StaffingAnswer {
  const { arrivalsPerHour, serviceSec, targetSec, targetPct } = input;
  const maxOcc = (input.maxOccupancyPct ?? 100) / 100;
  const shrink = (input.shrinkagePct ?? 0) / 100;
  const a = load(arrivalsPerHour, serviceSec);
  if (!(a <= MAX_LOAD)) throw new RangeError(`a load of ${a.toFixed(0)} Erlangs is beyond ${MAX_LOAD}`);
  if (!(targetPct < 100) || !(maxOcc > 0) || !(shrink < 1)) throw new RangeError('targetPct must be below 100, maxOccupancyPct above 0, shrinkagePct below 100');
  if (a === 0) return { ...describe(0, 0, 1, serviceSec, targetSec), staff: 0 };
  // Start at the first stable count, walking B up to it once, then one step per window.
  let c = Math.floor(a) + 1;
  let b = erlangBUpTo(c, a);
  for (;;) {
    const e = describe(c, a, b, serviceSec, targetSec);
    if (e.serviceLevelPct >= targetPct && e.occupancyPct <= maxOcc * 100 + 1e-9) {
      return { ...e, staff: Math.ceil(c / (1 - shrink) - 1e-9) };
    }
    c++;
    b = (a * b) / (c + a * b);
  }
}
