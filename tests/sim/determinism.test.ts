// The same seed gives the same result; every rule sees the same customers (common random
// numbers): the same arrivals, service times and no-shows, whatever the rule does with them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawCustomers, runDay } from '../../server/sim/hall-day';
import { makePolicy, type Policy } from '../../server/sim/policies';
import { Random } from '../../server/sim/random';
import { simulate } from '../../server/sim/run';
import { checkScenario, compile, type PolicyName } from '../../server/sim/scenario';

const ordinary = checkScenario(JSON.parse(readFileSync('scenarios/vodokanal-ordinary.json', 'utf8')));

describe('determinism and common random numbers', () => {
  it('gives the same result for the same seed, another for another seed', () => {
    const a = simulate(ordinary, { days: 3, seed: 7 }).result;
    expect(simulate(ordinary, { days: 3, seed: 7 }).result).toEqual(a);
    const b = simulate(ordinary, { days: 3, seed: 8 }).result;
    expect(b.policies[0].tickets).not.toBe(a.policies[0].tickets);
  });

  it('shows every rule the same customers, called in different orders', () => {
    const model = compile(ordinary);
    const rules = new Map(model.services.map((s) => [s.id, s.rule]));
    const customers = drawCustomers(model, new Random(3), 0);
    const seen = (name: PolicyName) => {
      const inner = makePolicy(name, rules);
      const calls: string[] = [];
      const spy: Policy = (c, heads, now) => {
        const t = inner(c, heads, now) as (ReturnType<Policy> & { c?: { serviceMs: number; noShow: boolean } }) | null;
        if (t) calls.push(`${t.id}:${t.serviceId}:${t.issuedAt}:${t.c!.serviceMs}:${t.c!.noShow}`);
        return t;
      };
      const out = runDay(model, customers, spy);
      return { calls, waits: out.waitMs };
    };
    const fifo = seen('fifo'), talon = seen('talon');
    expect(fifo.calls.length).toBe(customers.length);
    expect([...fifo.calls].sort()).toEqual([...talon.calls].sort()); // the same customers, each with its own service time and no-show
    expect(fifo.calls).not.toEqual(talon.calls); // in a different order
    expect(fifo.waits).not.toEqual(talon.waits);
  });

  it("draws one service's customers the same whatever another service or the rules list", () => {
    const changed = structuredClone(ordinary);
    changed.services.find((s) => s.id === 'pay')!.serviceSec.mean = 300;
    changed.policies = ['talon'];
    const pick = (s: typeof ordinary, key: string) => {
      const m = compile(s);
      const i = m.services.findIndex((x) => x.key === key);
      return drawCustomers(m, new Random(5), 2).filter((c) => c.service === i).map((c) => [c.at, c.serviceMs, c.noShow]);
    };
    expect(pick(changed, 'meters')).toEqual(pick(ordinary, 'meters'));
    // The changed service keeps its arrivals and no-shows; its times scale with the mean.
    const a = pick(ordinary, 'pay'), b = pick(changed, 'pay');
    expect(b.map((x) => x[0])).toEqual(a.map((x) => x[0]));
    expect((b[0][1] as number) / (a[0][1] as number)).toBeCloseTo(300 / 420, 6);
  });
});
