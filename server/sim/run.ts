// Many simulated hall days of a scenario under each dispatch rule, on the same customers, and
// the contract's result: waits by rule and by service, and the wait estimates' errors.
import { percent } from '../stats/tally';
import { drawCustomers, ESTIMATORS, runDay, type EstimatorName } from './hall-day';
import { makePolicy } from './policies';
import { Random } from './random';
import { compile, type Model, type PolicyName, type Scenario } from './scenario';

export interface WaitFigures {
  tickets: number;
  meanWaitSec: number | null;
  p50WaitSec: number | null;
  p90WaitSec: number | null;
  overTargetPct: number | null;
  maxWaitSec: number | null;
}
export interface PolicyResult extends WaitFigures {
  policy: PolicyName;
  byService: (WaitFigures & { service: string })[];
  utilisationPct: number | null;
  noShows: number;
  /** Customers never called: no window served their service until the end of the day. */
  expired: number;
}
export interface EtaResult { estimator: EstimatorName; tickets: number; maeSec: number | null; biasSec: number | null; within5MinPct: number | null }
export interface SimResult {
  scenario: string | null;
  days: number;
  seed: number;
  targetSec: number;
  policies: PolicyResult[];
  /** The wait estimates given at issue against the real waits under the `talon` rule. */
  eta: EtaResult[];
}

/** `overdueAtPct`: the hall's setting for the `talon` rule and for the estimates (default 100). */
export interface SimOptions { days: number; seed: number; overdueAtPct?: number }

const round = (x: number) => Math.round(x);

/** Waits of one group of tickets: whole seconds of the called ones, the queue time of the expired. */
class Waits {
  called: number[] = [];
  over = 0;
  expired = 0;
  add(sec: number, targetSec: number) { this.called.push(sec); if (sec > targetSec) this.over++; }
  addExpired(sec: number, targetSec: number) { this.expired++; if (sec > targetSec) this.over++; }
  figures(): WaitFigures {
    const a = Float64Array.from(this.called).sort();
    const n = a.length, all = n + this.expired;
    const rank = (p: number) => a[Math.max(0, Math.ceil((p / 100) * n) - 1)];
    return {
      tickets: all,
      meanWaitSec: n ? round(a.reduce((s, x) => s + x, 0) / n) : null,
      p50WaitSec: n ? rank(50) : null,
      p90WaitSec: n ? rank(90) : null,
      overTargetPct: percent(this.over, all),
      maxWaitSec: n ? a[n - 1] : null,
    };
  }
}

export interface SimRun { result: SimResult; waits: Map<PolicyName, number[]> }

/** A simulation run day by day (so that a caller can yield between days), then summed up. */
export class Simulation {
  private model: Model;
  private root: Random;
  private runs;
  private err = Object.fromEntries(ESTIMATORS.map((e) => [e, { n: 0, abs: 0, sum: 0, within: 0 }]));
  private day = 0;

  constructor(private scenario: Scenario, private opts: SimOptions) {
    this.model = compile(scenario);
    this.root = new Random(opts.seed);
    const rules = new Map(this.model.services.map((s) => [s.id, s.rule]));
    this.runs = this.model.policies.map((name) => ({
      name, policy: makePolicy(name, rules, opts.overdueAtPct), all: new Waits(), byService: this.model.services.map(() => new Waits()), busy: 0, open: 0, noShows: 0,
    }));
  }

  get done() { return this.day >= this.opts.days; }

  /** Simulates the next day under every rule. */
  step() {
    const { model, err } = this;
    const target = model.targetSec;
    const customers = drawCustomers(model, this.root, this.day++);
    for (const r of this.runs) {
      const talon = r.name === 'talon';
      const out = runDay(model, customers, r.policy, talon ? { estimate: { overdueAtPct: this.opts.overdueAtPct } } : {});
      r.busy += out.busyMs; r.open += out.openMs;
      customers.forEach((c, i) => {
        const w = out.waitMs[i];
        if (w === null) return;
        const sec = round(w / 1000);
        r.all.add(sec, target); r.byService[c.service].add(sec, target);
        if (c.noShow) r.noShows++;
        if (!talon) return;
        for (const e of ESTIMATORS) {
          const d = out.eta[e][i] - w / 1000, x = err[e];
          x.n++; x.abs += Math.abs(d); x.sum += d; if (Math.abs(d) <= 300) x.within++;
        }
      });
      for (const x of out.expired) { r.all.addExpired(round(x.ms / 1000), target); r.byService[x.service].addExpired(round(x.ms / 1000), target); }
    }
  }

  finish(): SimRun {
    const { model, err } = this;
    const policies = this.runs.map((r): PolicyResult => ({
      policy: r.name,
      ...r.all.figures(),
      byService: model.services.map((s, i) => ({ service: s.key, ...r.byService[i].figures() })),
      utilisationPct: percent(r.busy, r.open),
      noShows: r.noShows,
      expired: r.all.expired,
    }));
    const eta = this.runs.some((r) => r.name === 'talon') ? ESTIMATORS.map((e): EtaResult => {
      const x = err[e];
      return { estimator: e, tickets: x.n, maeSec: x.n ? round(x.abs / x.n) : null, biasSec: x.n ? round(x.sum / x.n) : null, within5MinPct: percent(x.within, x.n) };
    }) : [];
    return {
      result: { scenario: this.scenario.name ?? null, days: this.day, seed: this.opts.seed, targetSec: model.targetSec, policies, eta },
      waits: new Map(this.runs.map((r) => [r.name, r.all.called])),
    };
  }
}

export function simulate(scenario: Scenario, opts: SimOptions): SimRun {
  const sim = new Simulation(scenario, opts);
  while (!sim.done) sim.step();
  return sim.finish();
}

/** The same, giving the event loop back between days (a server must keep serving meanwhile). */
export async function simulateYielding(scenario: Scenario, opts: SimOptions): Promise<SimRun> {
  const sim = new Simulation(scenario, opts);
  while (!sim.done) { sim.step(); await new Promise((r) => setImmediate(r)); }
  return sim.finish();
}
