// Bad scenarios are refused with a sentence that says what is wrong; the shipped ones pass.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioProblem } from '../../server/sim/scenario';

const base = () => ({
  open: '08:00', close: '17:00', targetSec: 900,
  services: [{ id: 'pay', serviceSec: { mean: 540, cv: 0.6 }, noShowPct: 3 }],
  counters: [{ id: 'w1', services: [{ service: 'pay', priority: 1 }] }],
  arrivals: { pay: { '09': 40, '10': 55 } },
});

describe('scenario checks', () => {
  it('accepts the contract example and the shipped scenarios', () => {
    expect(scenarioProblem({ ...base(), policies: ['fifo', 'talon'] })).toBeNull();
    const shipped = readdirSync('scenarios');
    expect(shipped).toEqual(expect.arrayContaining(['mfc-large.json', 'vodokanal-ordinary.json', 'vodokanal-peak.json']));
    for (const f of shipped) expect(scenarioProblem(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8'))), f).toBeNull();
  });

  const bad: [string, (s: any) => void, RegExp][] = [
    ['a negative rate', (s) => { s.arrivals.pay['09'] = -5; }, /arrivals\/pay\/09 must be >= 0/],
    ['an unknown service in arrivals', (s) => { s.arrivals.water = { '09': 1 }; }, /unknown service water/],
    ['an unknown service at a counter', (s) => { s.counters[0].services.push({ service: 'gas', priority: 2 }); }, /counter w1 serves an unknown service gas/],
    ['a counter serving nothing', (s) => { s.counters.push({ id: 'w2', services: [] }); }, /counter w2 serves nothing/],
    ['absurd sizes', (s) => { s.arrivals.pay = { '09': 5000, '10': 5000, '11': 5000, '12': 5000, '13': 5000 }; }, /more than the simulator takes/],
    ['too many counters', (s) => { s.counters = Array.from({ length: 201 }, (_, i) => ({ id: `w${i}`, services: [{ service: 'pay', priority: 1 }] })); }, /must not have more than 200/],
    ['arrivals outside the hours', (s) => { s.arrivals.pay['20'] = 3; }, /outside the hall's hours/],
    ['a lunch outside the counter hours', (s) => { s.counters[0].lunch = { plan: 'fixed', start: '16:40', minutes: 45 }; }, /lunch must fit/],
    ['exponential with another cv', (s) => { s.services[0].serviceSec = { mean: 300, cv: 0.5, dist: 'exponential' }; }, /exponential times have cv 1/],
    ['close before open', (s) => { s.close = '07:00'; }, /open must be before close/],
    ['an unknown rule', (s) => { s.policies = ['lifo']; }, /policies/],
    ['an unknown field', (s) => { s.colour = 'red'; }, /\/colour is not a field of a scenario/],
    ['more counters staffed than exist', (s) => { s.staffing = { '09': 3 }; }, /asks for 3 counters, the hall has 1/],
  ];
  for (const [what, spoil, message] of bad) {
    it(`refuses ${what}`, () => {
      const s = base();
      spoil(s);
      expect(scenarioProblem(s)).toMatch(message);
    });
  }
});
