// What the supervisor's screens add to the contract, over the API: the tickets behind a report a
// page at a time (the same tickets the report counts), the distribution of waits whose share at
// or under the target is the report's within-target share, one service's queue now; bad input
// gets a clear 4xx, an operator 403.
import { describe, expect, it } from 'vitest';
import { testHall, type TestHall } from '../helpers/app';

const T0 = Date.parse('2026-03-10T06:00:00Z'); // 09:00 in Moscow, a Tuesday
const range = 'from=2026-03-09T21:00:00.000Z&to=2026-03-10T21:00:00.000Z';

/** Five tickets of A (waits 60, 300, 301, 1000 s, one still waiting) and one of B, called at C1 by op1. */
async function day(h: TestHall) {
  const a = await h.service('А'), b = await h.service('Б', { maxWaitSec: 600 });
  const c1 = await h.counter([{ serviceId: a, priority: 1 }, { serviceId: b, priority: 2 }], 'Окно 1');
  const op = await h.operator('op1');
  h.clock.now = T0;
  await h.req('POST', `/api/counters/${c1}/open`, undefined, op);
  const ids: number[] = [];
  for (const [at, s] of [[0, a], [10, a], [20, a], [30, a], [40, b], [50, a]] as const) {
    h.clock.now = T0 + at * 1000;
    ids.push((await h.req('POST', '/api/tickets', { serviceId: s })).json.id);
  }
  // each call finishes the one before: waits 60, 300-10, … so call at issue + wait
  const calls: [number, number][] = [[0, 60], [10, 310], [20, 321], [30, 1030]];
  for (const [issuedAt, calledAt] of calls) {
    h.clock.now = T0 + calledAt * 1000;
    const r = await h.req('POST', `/api/counters/${c1}/next`, { finishCurrent: true }, op);
    expect(r.json.ticket.id).toBe(ids[calls.findIndex(([i]) => i === issuedAt)]);
  }
  h.clock.now = T0 + 1100 * 1000;
  return { a, b, c1, ids };
}

describe('supervisor details', () => {
  it('lists a service\'s queue oldest first, with waits on the server\'s clock, postponed and counter-only tickets marked', async () => {
    const h = await testHall();
    const d = await day(h);
    // A's first four tickets were called; its fifth (issued at +50 s) waits
    const q = await h.req('GET', `/api/stats/live/services/${d.a}`, undefined, h.admin);
    expect(q.status).toBe(200);
    expect(q.json).toMatchObject({ at: new Date(h.clock.now).toISOString(), serviceId: d.a, maxWaitSec: 900 });
    expect(q.json.tickets).toEqual([{ id: d.ids[5], number: 'А005', status: 'waiting', privileged: false, issuedAt: new Date(T0 + 50_000).toISOString(), waitSec: 1050, counter: null, postponedUntil: null }]);
    // the called ticket 4 goes back to the queue for this counter only, then steps away for 5 minutes
    const op = await h.operator('op2');
    const c2 = await h.counter([{ serviceId: d.a, priority: 1 }], 'Окно 2');
    await h.req('POST', `/api/counters/${c2}/open`, undefined, op);
    const lead = await h.req('POST', `/api/auth/login`, { login: 'op1', password: 'operator-Pa55' });
    expect((await h.req('POST', `/api/counters/${d.c1}/transfer`, { counterId: c2 }, lead.json.token)).status).toBe(200);
    const after = (await h.req('GET', `/api/stats/live/services/${d.a}`, undefined, h.admin)).json.tickets;
    expect(after.map((t: { id: number; counter: unknown }) => [t.id, t.counter])).toEqual([[d.ids[3], { id: c2, name: 'Окно 2' }], [d.ids[5], null]]);
    expect((await h.req('POST', `/api/counters/${c2}/next`, {}, op)).json.ticket.id).toBe(d.ids[3]);
    expect((await h.req('POST', `/api/counters/${c2}/postpone`, { minutes: 5 }, op)).status).toBe(200);
    const postponed = (await h.req('GET', `/api/stats/live/services/${d.a}`, undefined, h.admin)).json.tickets[0];
    expect(postponed).toMatchObject({ id: d.ids[3], status: 'postponed', postponedUntil: new Date(h.clock.now + 300_000).toISOString() });
    expect((await h.req('GET', '/api/stats/live/services/999', undefined, h.admin)).status).toBe(404);
    expect((await h.req('GET', '/api/stats/live/services/x', undefined, h.admin)).status).toBe(400);
    expect((await h.req('GET', `/api/stats/live/services/${d.a}`, undefined, op)).status).toBe(403);
  });

  it('lists the report\'s tickets oldest first, a page at a time, with the report\'s filters', async () => {
    const h = await testHall();
    const d = await day(h);
    const all = await h.req('GET', `/api/stats/report/tickets?${range}`, undefined, h.admin);
    expect(all.status).toBe(200);
    expect(all.json.total).toBe(6);
    expect(all.json.tickets.map((t: { id: number }) => t.id)).toEqual(d.ids);
    expect(all.json.tickets[0]).toMatchObject({ number: 'А001', status: 'done', waitSec: 60, serviceSec: 250, counter: { id: d.c1, name: 'Окно 1' }, user: { name: 'op1' } });
    expect(all.json.tickets[3]).toMatchObject({ status: 'called', waitSec: 1000, serviceSec: null });
    expect(all.json.tickets[5]).toMatchObject({ status: 'waiting', waitSec: null, calledAt: null, counter: null });
    const page = await h.req('GET', `/api/stats/report/tickets?${range}&offset=2&limit=2`, undefined, h.admin);
    expect([page.json.total, page.json.tickets.map((t: { id: number }) => t.id)]).toEqual([6, d.ids.slice(2, 4)]);
    const onlyB = await h.req('GET', `/api/stats/report/tickets?${range}&serviceId=${d.b}`, undefined, h.admin);
    expect(onlyB.json.tickets.map((t: { id: number }) => t.id)).toEqual([d.ids[4]]);
    // the same count as the report with the same filter
    const report = await h.req('GET', `/api/stats/report?${range}&serviceId=${d.a}`, undefined, h.admin);
    const listA = await h.req('GET', `/api/stats/report/tickets?${range}&serviceId=${d.a}`, undefined, h.admin);
    expect(listA.json.total).toBe(report.json.total.issued);
  });

  it('spreads the waits over the buckets so that the share at or under the target is the report\'s', async () => {
    const h = await testHall();
    const d = await day(h);
    for (const target of [300, 310, 600]) {
      const dist = await h.req('GET', `/api/stats/distribution?${range}&serviceId=${d.a}&targetSec=${target}`, undefined, h.admin);
      expect(dist.status).toBe(200);
      const upTo = dist.json.waits.filter((w: { toSec: number | null }) => w.toSec !== null && w.toSec <= target);
      const within = upTo.reduce((n: number, w: { tickets: number }) => n + w.tickets, 0);
      const base = dist.json.waits.reduce((n: number, w: { tickets: number }) => n + w.tickets, 0);
      const report = await h.req('GET', `/api/stats/report?${range}&serviceId=${d.a}&targetSec=${target}`, undefined, h.admin);
      expect(Math.round((1000 * within) / base) / 10, `target ${target}`).toBe(report.json.total.withinTargetPct);
    }
    const dist = await h.req('GET', `/api/stats/distribution?${range}&serviceId=${d.a}`, undefined, h.admin);
    // A's own target (900) is the line; 300 s sits in the first bucket, 301 in the next
    expect(dist.json).toMatchObject({ tz: 'Europe/Moscow', targetSec: 900 });
    expect(dist.json.waits.map((w: { tickets: number }) => w.tickets)).toEqual([2, 1, 1, 0, 0]);
    expect(dist.json.arrivals).toEqual([{ weekday: 2, hour: 9, issued: 5 }]);
  });

  it('refuses bad input with a clear 4xx and an operator with 403', async () => {
    const h = await testHall();
    const op = await h.operator();
    for (const [url, status, error] of [
      [`/api/stats/report/tickets?${range}`, 403, 'forbidden'],
      [`/api/stats/distribution?${range}`, 403, 'forbidden'],
    ] as const) {
      const r = await h.req('GET', url, undefined, op);
      expect([url, r.status, r.json.error]).toEqual([url, status, error]);
    }
    for (const [url, status, error] of [
      ['/api/stats/report/tickets?from=2026-03-10T00:00:00Z&to=2026-03-09T00:00:00Z', 400, 'validation'],
      ['/api/stats/distribution?from=2020-01-01T00:00:00Z&to=2026-03-09T00:00:00Z', 400, 'range_too_long'],
      [`/api/stats/report/tickets?${range}&serviceId=999`, 404, 'not_found'],
      [`/api/stats/report/tickets?${range}&limit=5000`, 400, 'validation'],
      [`/api/stats/report/tickets?${range}&offset=-1`, 400, 'validation'],
      [`/api/stats/distribution?${range}&targetSec=99999`, 400, 'validation'],
      [`/api/stats/distribution?${range}&by=hour`, 400, 'validation'],
      ['/api/stats/distribution?from=yesterday&to=today', 400, 'validation'],
    ] as const) {
      const r = await h.req('GET', url, undefined, h.admin);
      expect([url, r.status, r.json.error]).toEqual([url, status, error]);
    }
  });
});
