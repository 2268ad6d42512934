// Erlang C against published calculators and at its edges.
import { describe, expect, it } from 'vitest';
import { evaluate, staffing } from '../../server/stats/erlang';

describe('Erlang C', () => {
  it('matches the call-centre calculators: 200 an hour, 180 s, 80 % in 20 s, occupancy ≤ 85 %, shrinkage 30 % → 14 windows, 20 staff', () => {
    const r = staffing({ arrivalsPerHour: 200, serviceSec: 180, targetSec: 20, targetPct: 80, maxOccupancyPct: 85, shrinkagePct: 30 });
    expect(r.servers).toBe(14);
    expect(r.staff).toBe(20);
    // the published figures at 14 agents: service level 88.8 %, P(wait) 17.4 %, average wait 7.8 s, occupancy 71.4 %
    expect(r.serviceLevelPct).toBeCloseTo(88.84, 1);
    expect(r.waitProbabilityPct).toBeCloseTo(17.4, 1);
    expect(r.avgWaitSec).toBeCloseTo(7.8, 0);
    expect(r.occupancyPct).toBeCloseTo(71.43, 2);
    // 13 windows miss the level (79.5 %): the answer is the fewest that reach it
    expect(evaluate(13, 200, 180, 20).serviceLevelPct).toBeLessThan(80);
    expect(evaluate(13, 200, 180, 20).serviceLevelPct).toBeGreaterThan(79);
  });

  it('with 12 windows and 10-minute service: 60 an hour wait 2.25 minutes on average, 70 an hour about 27', () => {
    const at60 = evaluate(12, 60, 600, 900);
    expect(at60.avgWaitSec! / 60).toBeCloseTo(2.25, 2);
    expect(at60.waitProbabilityPct).toBeCloseTo(44.9, 1);
    const at70 = evaluate(12, 70, 600, 900);
    expect(at70.avgWaitSec! / 60).toBeGreaterThan(26.5);
    expect(at70.avgWaitSec! / 60).toBeLessThan(27.5);
    expect(at70.occupancyPct).toBeCloseTo(97.22, 2);
  });

  it('the occupancy cap alone can set the answer', () => {
    // 10 Erlangs with a loose target: 11 windows would do, but 85 % occupancy needs 12
    const loose = staffing({ arrivalsPerHour: 60, serviceSec: 600, targetSec: 3600, targetPct: 50 });
    expect(loose.servers).toBe(11);
    expect(staffing({ arrivalsPerHour: 60, serviceSec: 600, targetSec: 3600, targetPct: 50, maxOccupancyPct: 85 }).servers).toBe(12);
  });

  it('load at or above capacity is an unstable answer, never NaN', () => {
    for (const c of [10, 9, 1]) {
      const e = evaluate(c, 60, 600, 900); // A = 10
      expect(e).toEqual({ servers: c, stable: false, waitProbabilityPct: 100, serviceLevelPct: 0, avgWaitSec: null, occupancyPct: 100 });
    }
    expect(evaluate(0, 60, 600, 900).stable).toBe(false);
  });

  it('zero arrivals need no window and nobody waits', () => {
    expect(staffing({ arrivalsPerHour: 0, serviceSec: 600, targetSec: 900, targetPct: 90, shrinkagePct: 30 }))
      .toEqual({ servers: 0, stable: true, waitProbabilityPct: 0, serviceLevelPct: 100, avgWaitSec: 0, occupancyPct: 0, staff: 0 });
    expect(evaluate(3, 0, 600, 900).avgWaitSec).toBe(0);
  });

  it('stays finite for thousands of windows, where A^c / c! overflows', () => {
    const r = staffing({ arrivalsPerHour: 30_000, serviceSec: 600, targetSec: 20, targetPct: 95 }); // 5,000 Erlangs
    expect(r.servers).toBeGreaterThan(5000);
    expect(r.servers).toBeLessThan(5200);
    for (const v of Object.values(r)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    const e = evaluate(r.servers, 30_000, 600, 20);
    expect(e.serviceLevelPct).toBeGreaterThanOrEqual(95);
    expect(evaluate(r.servers - 1, 30_000, 600, 20).serviceLevelPct).toBeLessThan(95);
  });

  it('refuses what has no answer: a load beyond any hall, a 100 % target', () => {
    expect(() => staffing({ arrivalsPerHour: 1_000_000, serviceSec: 3600, targetSec: 20, targetPct: 80 })).toThrow(RangeError);
    expect(() => staffing({ arrivalsPerHour: 10, serviceSec: 600, targetSec: 20, targetPct: 100 })).toThrow(RangeError);
  });
});
