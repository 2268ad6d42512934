// The simulator against queueing theory: one service, c identical counters, exponential
// service, constant Poisson arrivals over a long day. The mean wait of customers arriving after
// a warm-up lies within the simulation's 95 % confidence interval (over independent days)
// around the Erlang C value.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../server/stats/erlang';
import { drawCustomers, runDay } from '../../server/sim/hall-day';
import { makePolicy } from '../../server/sim/policies';
import { Random } from '../../server/sim/random';
import { compile, type Scenario } from '../../server/sim/scenario';

const SERVICE_SEC = 60, WARMUP_MS = 3 * 3_600_000;

function mmc(c: number, load: number): Scenario {
  const perHour = (load * c * 3600) / SERVICE_SEC;
  return {
    open: '00:00', close: '23:00', targetSec: 900,
    services: [{ id: 'x', serviceSec: { mean: SERVICE_SEC, cv: 1, dist: 'exponential' } }],
    counters: Array.from({ length: c }, (_, i) => ({ id: `w${i}`, services: [{ service: 'x', priority: 1 }] })),
    arrivals: { x: Object.fromEntries(Array.from({ length: 23 }, (_, h) => [String(h).padStart(2, '0'), perHour])) },
    policies: ['talon'],
  };
}

describe('the simulator against Erlang C', () => {
  for (const c of [1, 3, 8]) {
    for (const load of [0.5, 0.7, 0.9]) {
      it(`c = ${c}, load ${load}: the simulated mean wait's 95 % interval holds the Erlang C value`, () => {
        const model = compile(mmc(c, load));
        const policy = makePolicy('talon', new Map(model.services.map((s) => [s.id, s.rule])));
        const root = new Random(2026);
        const days = load === 0.9 ? 80 : 30;
        const means: number[] = [];
        for (let d = 0; d < days; d++) {
          const cs = drawCustomers(model, root, d);
          const out = runDay(model, cs, policy);
          let sum = 0, n = 0;
          cs.forEach((x, i) => { if (x.at >= WARMUP_MS) { sum += out.waitMs[i]! / 1000; n++; } });
          means.push(sum / n);
        }
        const m = means.reduce((a, b) => a + b, 0) / days;
        const sd = Math.sqrt(means.reduce((a, b) => a + (b - m) ** 2, 0) / (days - 1));
        const half = 1.96 * sd / Math.sqrt(days);
        const theory = evaluate(c, (load * c * 3600) / SERVICE_SEC, SERVICE_SEC, 0).avgWaitSec!; // the product's Erlang C (tests/lean/erlang.test.ts checks it against published values)
        expect(Math.abs(m - theory)).toBeLessThanOrEqual(half);
        expect(half).toBeLessThan(0.15 * theory); // an interval narrow enough to mean something
      });
    }
  }
});
