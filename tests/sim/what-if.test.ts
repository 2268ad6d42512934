// POST /api/stats/simulate by states: a history written through the API on an injected clock,
// the scenario built from it, a change side by side, and bad requests refused.
import { describe, expect, it } from 'vitest';
import { ADMIN, testHall } from '../helpers/app';

const MIN = 60_000;

async function hallWithHistory() {
  const h = await testHall();
  const services = (await h.req('GET', '/api/admin/services', undefined, h.admin)).json as { id: number; prefix: string }[];
  const pay = services.find((s) => s.prefix === 'П')!.id;
  const counters = (await h.req('GET', '/api/admin/counters', undefined, h.admin)).json as { id: number; name: string }[];
  const w1 = counters.find((c) => c.name === 'Окно 1')!.id;
  await h.operator('op1');
  const login = async (l: string, password: string) => (await h.req('POST', '/api/auth/login', { login: l, password })).json.token as string;
  // Two Tuesdays (10:00–12:00 Moscow): one window open, a customer every 6 minutes, 8-minute visits.
  for (const day of ['2026-03-10', '2026-03-17']) {
    h.clock.now = Date.parse(`${day}T07:00:00Z`);
    const op = await login('op1', 'operator-Pa55'); // a login lasts a working day
    expect((await h.req('POST', `/api/counters/${w1}/open`, {}, op)).status).toBe(200);
    for (let i = 0; i < 20; i++) {
      expect((await h.req('POST', '/api/tickets', { serviceId: pay }, op)).status).toBe(201); // staff: past the kiosk's rate limit
      const next = await h.req('POST', `/api/counters/${w1}/next`, { finishCurrent: true }, op);
      if (next.json.ticket) await h.req('POST', `/api/counters/${w1}/start`, {}, op);
      h.clock.advance(6 * MIN);
    }
    h.clock.now = Date.parse(`${day}T09:00:00Z`);
    await h.req('POST', `/api/counters/${w1}/finish`, {}, op);
    expect((await h.req('POST', `/api/counters/${w1}/close`, {}, op)).status).toBe(200);
  }
  h.clock.now = Date.parse('2026-03-18T12:00:00Z');
  h.admin = await login('admin', ADMIN);
  return { h, pay, w1 };
}

const period = { from: '2026-03-09T00:00:00Z', to: '2026-03-18T00:00:00Z' };

describe('what if on the hall history', () => {
  it('builds the scenario from the history and simulates a change beside it', async () => {
    const { h, pay, w1 } = await hallWithHistory();
    const res = await h.req('POST', '/api/stats/simulate', { ...period, days: 20, change: { serviceTimePct: { [pay]: -25 }, openCounters: { '10': 2, '11': 2 } } }, h.admin);
    expect(res.status).toBe(200);
    const { weekday, scenario, today, change } = res.json;
    expect(weekday).toBe(2);
    const svc = (s: any) => s.services.find((x: any) => x.id === String(pay));
    expect(svc(scenario.today).serviceSec.mean).toBeGreaterThan(350); // 6-minute visits (finish at the next call)
    expect(svc(scenario.today).serviceSec.mean).toBeLessThan(370);
    expect(svc(scenario.change).serviceSec.mean).toBeCloseTo(svc(scenario.today).serviceSec.mean * 0.75, 0);
    expect(scenario.today.arrivals[String(pay)]).toEqual({ 10: 10, 11: 10 });
    expect(scenario.today.open).toBe('10:00');
    expect(scenario.today.staffing).toEqual({ 10: 1, 11: 1 });
    expect(scenario.today.counters[0].id).toBe(String(w1)); // the counter open longest first
    expect(scenario.change.staffing).toEqual({ 10: 2, 11: 2 });
    expect(today.policies[0].policy).toBe('talon');
    expect(change.policies[0].tickets).toBe(today.policies[0].tickets); // the same customers
    expect(change.policies[0].meanWaitSec).toBeLessThan(today.policies[0].meanWaitSec);
    expect(today.eta.map((e: any) => e.estimator)).toEqual(['queue-length', 'forward']);
  });

  it('needs the supervisor role and refuses bad requests with a clear 400', async () => {
    const { h, pay, w1 } = await hallWithHistory();
    const ask = (body: object, token = h.admin) => h.req('POST', '/api/stats/simulate', { ...period, days: 5, ...body }, token);
    expect((await h.req('POST', '/api/stats/simulate', { ...period, change: {} })).status).toBe(401);
    expect((await ask({ change: {} }, await h.operator())).status).toBe(403);
    const refused: [object, RegExp][] = [
      [{ change: { arrivalsPct: -150 } }, /arrivalsPct must be >= -100/],
      [{ change: { serviceTimePct: { 99999: -25 } } }, /unknown service 99999/],
      [{ change: { counters: [{ counterId: w1, services: [] }] } }, /serves nothing/],
      [{ change: { counters: [{ counterId: 77777, services: [{ serviceId: pay, priority: 1 }] }] } }, /unknown counter 77777/],
      [{ change: { openCounters: { 10: 150 } } }, /asks for 150 counters, the hall has 12/],
      [{ days: 500, change: { arrivalsPct: 1000 } }, /more than one request may ask/],
      [{ from: period.to, to: period.from, change: {} }, /`from` must be before `to`/],
      [{ weekday: 7, change: {} }, /no tickets on that weekday/],
      [{ change: { lunch: { plan: 'fixed', start: '11:40', minutes: 45 } } }, /lunch must fit/],
    ];
    for (const [body, message] of refused) {
      const r = await ask(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error).toBe('validation');
      expect(r.json.message).toMatch(message);
    }
  });
});
