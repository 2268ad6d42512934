import { describe, expect, it } from 'vitest';
import { Random } from '../../server/sim/random';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => { const m = mean(xs); return Math.sqrt(mean(xs.map((x) => (x - m) ** 2))); };
const draw = (n: number, f: () => number) => Array.from({ length: n }, f);

describe('seeded random numbers', () => {
  it('repeats a seed, and a named stream does not depend on other draws', () => {
    const a = new Random(7), b = new Random(7);
    expect(draw(5, () => a.next())).toEqual(draw(5, () => b.next()));
    const s1 = new Random(7).stream('arrivals', 'pay');
    const r = new Random(7); r.next(); r.next();
    expect(draw(5, () => r.stream('arrivals', 'pay').next())).toEqual(draw(5, () => new Random(7).stream('arrivals', 'pay').next()));
    expect(s1.next()).not.toBe(new Random(7).stream('arrivals', 'meters').next());
  });

  it('draws lognormal, exponential and Poisson values with the asked mean and spread', () => {
    const r = new Random(42);
    const ln = draw(40_000, () => r.lognormal(540, 0.6));
    expect(mean(ln)).toBeGreaterThan(530); expect(mean(ln)).toBeLessThan(550);
    expect(sd(ln) / mean(ln)).toBeGreaterThan(0.57); expect(sd(ln) / mean(ln)).toBeLessThan(0.63);
    const ex = draw(40_000, () => r.exponential(10));
    expect(mean(ex)).toBeGreaterThan(9.8); expect(mean(ex)).toBeLessThan(10.2);
    for (const lambda of [3, 55, 120]) {
      const p = draw(20_000, () => r.poisson(lambda));
      expect(Math.abs(mean(p) - lambda)).toBeLessThan(0.05 * lambda);
      expect(Math.abs(sd(p) ** 2 - lambda)).toBeLessThan(0.1 * lambda);
    }
    expect(r.poisson(0)).toBe(0);
  });
});
