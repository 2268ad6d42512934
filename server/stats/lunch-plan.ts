// Floating lunches: a plan that staggers the operators' lunch breaks so that no part of the day
// has fewer windows open than it needs, or, where that cannot be done, the plan that misses
// least, with the hours named. Every operator on duty keeps a window open from the hall's
// opening to its closing except during their lunch. Times are minutes after local midnight.
//
// Search: operators with the fewest possible starts are placed first, each at the start that
// adds the least shortfall (window-slots below the need), then the fewest overlapping lunches,
// then the earliest; then lunches are moved, one and two at a time, to their best starts given
// the others, until no move helps; the same from the reverse order, and the better plan is
// kept. Deterministic; tests check it against every combination on small halls.

export interface LunchOperator {
  userId: number;
  name: string;
  /** Lunch length, minutes. */
  minutes: number;
  /** The allowed window: the lunch starts at or after `from` and ends by `to`. */
  from: number;
  to: number;
}

export interface LunchInput {
  open: number;
  close: number;
  /** Windows needed by hour 'HH' (missing hours need none). */
  neededByHour: Record<string, number>;
  operators: LunchOperator[];
  slotMin?: number;
}

export interface Lunch { userId: number; name: string; start: string; end: string; /** false: the allowed window did not fit in the hall's hours. */ inWindow: boolean }
export interface LunchSlot { at: string; needed: number; open: number }
export interface ShortHour { hour: string; missing: number }
export interface LunchPlan { lunches: Lunch[]; slots: LunchSlot[]; short: ShortHour[]; feasible: boolean }

export const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
export const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

export function planLunches(input: LunchInput): LunchPlan {
  const step = input.slotMin ?? 15;
  const first = Math.ceil(input.open / step) * step;
  const slotCount = Math.max(0, Math.floor((input.close - first) / step));
  const slotAt = (k: number) => first + k * step;
  const need = Array.from({ length: slotCount }, (_, k) => input.neededByHour[hhmm(slotAt(k)).slice(0, 2)] ?? 0);
  const staff = input.operators.length;
  const lunching = new Array<number>(slotCount).fill(0);

  // The starts each operator may take, as slot indexes, and how many slots their lunch covers.
  const ops = input.operators.map((o) => {
    const len = Math.max(1, Math.ceil(o.minutes / step));
    const lo = Math.max(o.from, first), hi = Math.min(o.to, input.close) - len * step;
    const starts: number[] = [];
    for (let m = Math.ceil(lo / step) * step; m <= hi; m += step) starts.push((m - first) / step);
    const inWindow = starts.length > 0;
    // A window outside the hall's hours: the nearest start that fits the day, flagged.
    if (!inWindow) starts.push(Math.max(0, Math.min(slotCount - len, Math.round((Math.max(o.from, first) - first) / step))));
    return { o, len, starts, inWindow, at: -1 };
  });

  const cover = (s: number, len: number, d: number) => { for (let k = s; k < Math.min(s + len, slotCount); k++) lunching[k] += d; };
  const costAt = (s: number, len: number): [number, number] => {
    let short = 0, overlap = 0;
    for (let k = s; k < Math.min(s + len, slotCount); k++) {
      const openNow = staff - lunching[k];
      short += Math.max(0, need[k] - (openNow - 1)) - Math.max(0, need[k] - openNow);
      overlap += lunching[k];
    }
    return [short, overlap];
  };
  const best = (op: (typeof ops)[number]) => {
    let pick = op.starts[0], key: [number, number] = [Infinity, Infinity];
    for (const s of op.starts) {
      const c = costAt(s, op.len);
      if (c[0] < key[0] || (c[0] === key[0] && c[1] < key[1])) { pick = s; key = c; }
    }
    return pick;
  };

  const total = () => lunching.reduce((a, l, k) => a + Math.max(0, need[k] - (staff - l)), 0);
  const spread = () => lunching.reduce((a, l) => a + l * l, 0);
  /** Moves one lunch, then two at once, to their best starts given the rest, until nothing helps. */
  const improve = () => {
    for (let round = 0; round < 50; round++) {
      let moved = false;
      for (const op of ops) {
        cover(op.at, op.len, -1);
        const s = best(op);
        if (s !== op.at) moved = true;
        op.at = s;
        cover(op.at, op.len, 1);
      }
      for (let i = 0; i < ops.length; i++) {
        for (let j = i + 1; j < ops.length; j++) {
          const a = ops[i], b = ops[j];
          const before: [number, number] = [total(), spread()];
          cover(a.at, a.len, -1); cover(b.at, b.len, -1);
          let pick: [number, number] = [a.at, b.at], key = before;
          for (const sa of a.starts) {
            cover(sa, a.len, 1);
            for (const sb of b.starts) {
              cover(sb, b.len, 1);
              const k: [number, number] = [total(), spread()];
              if (k[0] < key[0] || (k[0] === key[0] && k[1] < key[1])) { key = k; pick = [sa, sb]; }
              cover(sb, b.len, -1);
            }
            cover(sa, a.len, -1);
          }
          if (pick[0] !== a.at || pick[1] !== b.at) moved = true;
          a.at = pick[0]; b.at = pick[1];
          cover(a.at, a.len, 1); cover(b.at, b.len, 1);
        }
      }
      if (!moved) break;
    }
  };

  // Greedy from two orders (least flexible first, and the reverse), each improved; the better kept.
  const byFlex = [...ops].sort((a, b) => a.starts.length - b.starts.length || a.o.userId - b.o.userId);
  let kept: number[] | null = null, keptKey: [number, number] = [Infinity, Infinity];
  for (const order of [byFlex, [...byFlex].reverse()]) {
    lunching.fill(0);
    for (const op of order) { op.at = best(op); cover(op.at, op.len, 1); }
    improve();
    const key: [number, number] = [total(), spread()];
    if (key[0] < keptKey[0] || (key[0] === keptKey[0] && key[1] < keptKey[1])) { keptKey = key; kept = ops.map((o) => o.at); }
  }
  lunching.fill(0);
  ops.forEach((op, i) => { op.at = kept![i]; cover(op.at, op.len, 1); });

  const slots = need.map((n, k) => ({ at: hhmm(slotAt(k)), needed: n, open: staff - lunching[k] }));
  const shortBy = new Map<string, number>();
  for (const s of slots) {
    const miss = s.needed - s.open;
    if (miss > 0) shortBy.set(s.at.slice(0, 2), Math.max(shortBy.get(s.at.slice(0, 2)) ?? 0, miss));
  }
  const short = [...shortBy].map(([hour, missing]) => ({ hour, missing }));
  const lunches = ops.map((op) => ({
    userId: op.o.userId, name: op.o.name, start: hhmm(slotAt(op.at)), end: hhmm(Math.min(slotAt(op.at) + op.o.minutes, input.close)), inWindow: op.inWindow,
  }));
  return { lunches, slots, short, feasible: short.length === 0 };
}
