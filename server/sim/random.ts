// Seeded random numbers for the hall-day simulator and the demo history: a xoroshiro128+
// generator (pure-rand) and the distributions a customer hall needs. Named streams give
// common random numbers: the same (seed, name) draws the same sequence whatever else is drawn.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** 32-bit FNV-1a of a text, to turn a stream's name into a seed. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Random {
  private rng;

  constructor(readonly seed: number) { this.rng = xoroshiro128plus(seed); }

  /** An independent stream for one purpose (arrivals of a service on a day, say). */
  stream(...name: (string | number)[]): Random {
    return new Random(hash32(`${this.seed}:${name.join(':')}`));
  }

  /** Uniform in [0, 1). */
  next(): number { return uniformFloat64(this.rng); }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number { return min + Math.floor(this.next() * (max - min + 1)); }

  exponential(mean: number): number { return -mean * Math.log(1 - this.next()); }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next(), v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal with the given mean and coefficient of variation (sd / mean). */
  lognormal(mean: number, cv: number): number {
    const sigma2 = Math.log(1 + cv * cv);
    return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * this.normal());
  }

  /** Poisson count with mean `lambda` (Knuth's product method, split for large means). */
  poisson(lambda: number): number {
    let n = 0;
    for (let left = lambda; left > 0; left -= 30) {
      const limit = Math.exp(-Math.min(left, 30));
      let p = this.next();
      while (p > limit) { n++; p *= this.next(); }
    }
    return n;
  }

  chance(pct: number): boolean { return this.next() * 100 < pct; }
}
