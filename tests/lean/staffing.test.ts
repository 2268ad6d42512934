// Staffing over the API: the Erlang calculator with its edges, the hall's weekday × hour picture
// from a scripted history on the injected clock, and the floating-lunch plan built on it.
import { describe, expect, it } from 'vitest';
import { testHall } from '../helpers/app';
import { planLunches, type LunchInput } from '../../server/stats/lunch-plan';
import { at, close, hallWith, msk, newDay, ok, open, serve } from './day';

describe('GET /api/stats/erlang', () => {
  it('answers the published example and a "what if" for a given number of windows', async () => {
    const h = await testHall();
    const r = await ok(h, 'GET', '/api/stats/erlang?arrivalsPerHour=200&serviceSec=180&targetSec=20&targetPct=80&maxOccupancyPct=85&shrinkagePct=30');
    expect(r).toMatchObject({ servers: 14, staff: 20, stable: true, loadErlangs: 10 });
    const w = await ok(h, 'GET', '/api/stats/erlang?arrivalsPerHour=70&serviceSec=600&targetSec=900&targetPct=90&servers=12');
    expect(w.given.servers).toBe(12);
    expect(w.given.avgWaitSec / 60).toBeCloseTo(27, 0);
    const over = await ok(h, 'GET', '/api/stats/erlang?arrivalsPerHour=70&serviceSec=600&targetSec=900&targetPct=90&servers=11');
    expect(over.given).toEqual({ servers: 11, stable: false, waitProbabilityPct: 100, serviceLevelPct: 0, avgWaitSec: null, occupancyPct: 100 });
    const idle = await ok(h, 'GET', '/api/stats/erlang?arrivalsPerHour=0&serviceSec=600&targetSec=900&targetPct=90');
    expect(idle).toMatchObject({ servers: 0, staff: 0, avgWaitSec: 0 });
  });

  it('refuses bad and huge inputs with a 4xx, never NaN', async () => {
    const h = await testHall();
    const q = 'arrivalsPerHour=60&serviceSec=600&targetSec=900&targetPct=90';
    for (const [url, status, code] of [
      ['/api/stats/erlang?serviceSec=600&targetSec=900&targetPct=90', 400, 'validation'],
      [`/api/stats/erlang?${q.replace('60&', 'abc&')}`, 400, 'validation'],
      [`/api/stats/erlang?${q.replace('60&', '-5&')}`, 400, 'validation'],
      [`/api/stats/erlang?${q.replace('targetPct=90', 'targetPct=100')}`, 400, 'validation'],
      [`/api/stats/erlang?${q.replace('serviceSec=600', 'serviceSec=0')}`, 400, 'validation'],
      [`/api/stats/erlang?${q}&shrinkagePct=95`, 400, 'validation'],
      [`/api/stats/erlang?${q}&servers=1e3`, 400, 'validation'],
      ['/api/stats/erlang?arrivalsPerHour=100000&serviceSec=86400&targetSec=20&targetPct=80', 422, 'too_large'],
      [`/api/stats/erlang?${q}&bogus=1`, 400, 'validation'],
    ] as const) {
      const r = await h.req('GET', url, undefined, h.admin);
      expect([r.status, r.json.error, typeof r.json.message], url).toEqual([status, code, 'string']);
    }
    // the largest load allowed is answered, in finite numbers
    const big = await ok(h, 'GET', '/api/stats/erlang?arrivalsPerHour=30000&serviceSec=600&targetSec=20&targetPct=95&shrinkagePct=10');
    expect(JSON.stringify(big)).not.toMatch(/NaN|Infinity|null/);
    expect(big.servers).toBeGreaterThan(5000);
  });
});

/** Two Tuesdays: window 1 open 09:00–10:00 on both, window 2 also 09:00–09:30 on the second;
 * 6 customers of 10 minutes in hour 09 on the first Tuesday, 4 on the second. */
async function history(h: Awaited<ReturnType<typeof testHall>>) {
  const { serviceId, windows } = await hallWith(h, 2, 600, 'Л', '2026-03-03');
  const [w1, w2] = windows;
  for (const [day, n] of [['2026-03-03', 6], ['2026-03-10', 4]] as const) {
    await newDay(h, day, windows);
    at(h, '09:00', day);
    await open(h, w1);
    if (n === 4) await open(h, w2);
    for (let i = 0; i < n; i++) {
      await serve(h, w1, serviceId, 600);
      if (n === 4 && i === 2) await close(h, w2); // 09:30
    }
    at(h, '10:00', day);
    await close(h, w1);
  }
  return { serviceId, windows };
}

describe('GET /api/stats/staffing', () => {
  it('gives per weekday and hour the mean arrivals, service time, windows needed and open, and the gap', async () => {
    const h = await testHall();
    await history(h);
    const r = await ok(h, 'GET', '/api/stats/staffing?from=2026-03-01T00:00:00%2B03:00&to=2026-03-15T00:00:00%2B03:00');
    expect(r.targetSec).toBe(900);
    expect(r.targetPct).toBe(90);
    expect(r.days).toEqual({ 2: 2 });
    // 5 an hour of 10 minutes (0.83 Erlang): 2 windows serve 95.7 % within 15 minutes, 1 only 35 %
    expect(r.cells).toEqual([{ weekday: 2, hour: '09', days: 2, arrivalsPerHour: 5, meanServiceSec: 600, needed: 2, open: 1.25, gap: -0.75, lunchOk: false }]);
    expect(r.lunchHours).toEqual({});
    // a looser target needs one window: then a second open window could go to lunch
    const loose = await ok(h, 'GET', '/api/stats/staffing?from=2026-03-01T00:00:00%2B03:00&to=2026-03-15T00:00:00%2B03:00&targetSec=3600&targetPct=50');
    expect(loose.cells[0]).toMatchObject({ needed: 1, gap: 0.25, lunchOk: false });
    for (const url of ['/api/stats/staffing?from=2026-03-15T00:00:00Z&to=2026-03-01T00:00:00Z', '/api/stats/staffing?from=2024-01-01T00:00:00Z&to=2026-03-01T00:00:00Z', '/api/stats/staffing?from=x&to=y']) {
      expect((await h.req('GET', url, undefined, h.admin)).status).toBe(400);
    }
  });
});

/** The least total shortfall any plan can reach, by trying every combination of starts. */
function bruteForceShortfall(input: LunchInput): number {
  const step = 15;
  const starts = input.operators.map((o) => { const s = []; for (let m = o.from; m + o.minutes <= o.to; m += step) s.push(m); return s; });
  let best = Infinity;
  const pick: number[] = [];
  const go = (i: number) => {
    if (i === starts.length) {
      let short = 0;
      for (let t = input.open; t < input.close; t += step) {
        const away = pick.filter((s, k) => t >= s && t < s + input.operators[k].minutes).length;
        const need = input.neededByHour[String(Math.floor(t / 60)).padStart(2, '0')] ?? 0;
        short += Math.max(0, need - (input.operators.length - away));
      }
      best = Math.min(best, short);
      return;
    }
    for (const s of starts[i]) { pick[i] = s; go(i + 1); }
  };
  go(0);
  return best;
}

const shortfall = (plan: ReturnType<typeof planLunches>) => plan.slots.reduce((a, s) => a + Math.max(0, s.needed - s.open), 0);
const op = (userId: number, from = '11:00', to = '15:00', minutes = 60) => ({ userId, name: `op${userId}`, minutes, from: Number(from.slice(0, 2)) * 60 + Number(from.slice(3)), to: Number(to.slice(0, 2)) * 60 + Number(to.slice(3)) });

describe('floating lunches', () => {
  it('staggers four lunches so that three windows stay open all day', () => {
    const p = planLunches({ open: 9 * 60, close: 18 * 60, neededByHour: { '11': 3, '12': 3, '13': 3, '14': 3 }, operators: [op(1), op(2), op(3), op(4)] });
    expect(p.feasible).toBe(true);
    expect(p.short).toEqual([]);
    expect(p.lunches.map((l) => l.start).sort()).toEqual(['11:00', '12:00', '13:00', '14:00']);
    expect(Math.min(...p.slots.map((s) => s.open))).toBe(3);
  });

  it('keeps each operator\'s own length and window', () => {
    const p = planLunches({ open: 9 * 60, close: 18 * 60, neededByHour: { '13': 2 }, operators: [op(1, '13:00', '14:00', 30), op(2, '12:00', '15:00', 45), op(3, '11:00', '13:00', 60)] });
    const l = Object.fromEntries(p.lunches.map((x) => [x.userId, x]));
    expect(l[1].start >= '13:00' && l[1].end <= '14:00').toBe(true);
    expect(l[2].start >= '12:00' && l[2].end <= '15:00').toBe(true);
    expect(l[3]).toMatchObject({ end: expect.stringMatching(/^1[12]:|^13:00$/) });
    expect(p.feasible).toBe(true);
  });

  it('where no plan keeps the need, gives the plan that misses least and names the hours', () => {
    const input: LunchInput = {
      open: 9 * 60, close: 17 * 60, neededByHour: { '11': 3, '12': 4, '13': 3, '14': 4 },
      operators: [op(1, '11:00', '14:00'), op(2, '11:30', '14:30'), op(3, '12:00', '15:00'), op(4, '12:00', '14:00')],
    };
    const p = planLunches(input);
    expect(p.feasible).toBe(false);
    expect(shortfall(p)).toBe(bruteForceShortfall(input));
    // every hour named is one where fewer windows are open than needed, with the largest gap
    for (const s of p.short) {
      const gaps = p.slots.filter((x) => x.at.startsWith(s.hour)).map((x) => x.needed - x.open);
      expect(Math.max(...gaps)).toBe(s.missing);
    }
    expect(p.short.map((s) => s.hour)).toEqual([...new Set(p.slots.filter((s) => s.open < s.needed).map((s) => s.at.slice(0, 2)))]);
  });

  it('reaches the least shortfall on random halls too (against brute force)', () => {
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + rnd(3);
      const neededByHour: Record<string, number> = {};
      for (let hh = 11; hh < 15; hh++) neededByHour[String(hh)] = rnd(n + 1);
      const operators = Array.from({ length: n }, (_, k) => { const f = 11 * 60 + 15 * rnd(5); return { userId: k + 1, name: `o${k}`, minutes: [30, 45, 60][rnd(3)], from: f, to: f + 90 + 15 * rnd(4) }; });
      const input = { open: 9 * 60, close: 17 * 60, neededByHour, operators };
      expect(shortfall(planLunches(input)), JSON.stringify(input)).toBe(bruteForceShortfall(input));
    }
  });

  it('over the API: proposes from the same weekday\'s history, is adopted, and the operator reads their slot', async () => {
    const h = await testHall();
    const { windows } = await hallWith(h, 3, 600, 'Л', '2026-03-03');
    // history: two Tuesdays where hour 09 needs 2 windows (as above), with a third operator idle
    for (const [day, n] of [['2026-03-03', 6], ['2026-03-10', 4]] as const) {
      await newDay(h, day, windows);
      at(h, '09:00', day); await open(h, windows[0]);
      const serviceId = (await ok(h, 'GET', '/api/admin/services')).find((s: any) => s.prefix === 'Л').id;
      for (let i = 0; i < n; i++) await serve(h, windows[0], serviceId, 600);
      at(h, '10:00', day); await close(h, windows[0]);
    }
    h.app.ctx.settings.update({ calendar: { week: { '2': { open: '09:00', close: '12:00' } }, holidays: [], days: {} } });
    const rules = await ok(h, 'PUT', '/api/stats/lunch-rules', { minutes: 60, from: '09:00', to: '12:00', byUser: { [windows[2].userId]: { minutes: 30, from: '09:00', to: '10:00' } } });
    expect(rules.byUser[windows[2].userId]).toEqual({ minutes: 30, from: '09:00', to: '10:00' });
    await newDay(h, '2026-03-17', windows);
    const ids = windows.map((w) => w.userId).join(',');
    const p = await ok(h, 'GET', `/api/stats/lunch-plan?day=2026-03-17&userIds=${ids}`);
    expect(p).toMatchObject({ day: '2026-03-17', weekday: 2, open: '09:00', close: '12:00', history: { days: 2 }, feasible: true, adopted: null });
    // hour 09 needs 2 of the 3: at most one at lunch then
    const early = p.slots.filter((x: any) => x.at < '10:00');
    expect(early.map((s: any) => s.at)).toEqual(['09:00', '09:15', '09:30', '09:45']);
    for (const s of early) expect(s.open).toBeGreaterThanOrEqual(2);
    const third = p.lunches.find((l: any) => l.userId === windows[2].userId);
    expect(third.start >= '09:00' && third.end <= '10:00').toBe(true);

    const events: string[] = [];
    h.app.ctx.hub.subscribe((e) => events.push(e.type));
    const adopted = await h.req('POST', '/api/stats/lunch-plan', { day: '2026-03-17', lunches: p.lunches.map((l: any) => ({ userId: l.userId, start: l.start, end: l.end })) }, h.admin);
    expect(adopted.status).toBe(201);
    expect(events).toEqual(['lunch.changed']);
    expect((await ok(h, 'GET', `/api/stats/lunch-plan?day=2026-03-17&userIds=${ids}`)).adopted.lunches).toHaveLength(3);
    // both the rules and the adopted plan are in the audit log, with who made them
    const audit = (await ok(h, 'GET', '/api/admin/audit?entity=settings')) as any[];
    expect(audit.find((a) => a.entityId === 'lunchPlans/2026-03-17')).toMatchObject({ user: { login: 'admin' }, before: null, after: { lunches: expect.any(Array) } });
    expect(audit.find((a) => a.after?.lunch)?.after.lunch.byUser[windows[2].userId]).toEqual({ minutes: 30, from: '09:00', to: '10:00' });
    const mine = await ok(h, 'GET', '/api/staff/lunch', undefined, windows[2].token);
    expect(mine).toEqual({ day: '2026-03-17', lunch: { start: third.start, end: third.end, startsAt: new Date(msk(third.start, '2026-03-17')).toISOString(), endsAt: new Date(msk(third.end, '2026-03-17')).toISOString() } });
    await newDay(h, '2026-03-18', windows);
    expect((await ok(h, 'GET', '/api/staff/lunch', undefined, windows[2].token)).lunch).toBeNull();

    for (const [method, url, body] of [
      ['PUT', '/api/stats/lunch-rules', { minutes: 60, from: '12:00', to: '12:30', byUser: {} }],
      ['PUT', '/api/stats/lunch-rules', { minutes: 60, from: '25:00', to: '26:00', byUser: {} }],
      ['POST', '/api/stats/lunch-plan', { day: '2026-03-17', lunches: [{ userId: 9999, start: '12:00', end: '13:00' }] }],
      ['POST', '/api/stats/lunch-plan', { day: '2026-03-17', lunches: [{ userId: windows[0].userId, start: '13:00', end: '12:00' }] }],
      ['GET', '/api/stats/lunch-plan?day=2026-03-17&userIds=9999', undefined],
      ['GET', '/api/stats/lunch-plan?day=2026-13-01', undefined],
    ] as const) {
      const r = await h.req(method, url, body, h.admin);
      expect([r.status, r.json.error], `${method} ${url} ${JSON.stringify(body)}`).toEqual([400, 'validation']);
    }
    expect((await h.req('GET', '/api/stats/lunch-plan?day=2026-03-17', undefined, windows[0].token)).status).toBe(403);
  });
});
