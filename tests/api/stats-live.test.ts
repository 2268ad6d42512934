// GET /api/stats/live over the API on an injected clock: queues, counters, today's Row and the
// four alerts; a printer's status change reaches the screens as an event; operators get 403.
import { describe, expect, it } from 'vitest';
import type { DevicePort, DeviceView } from '../../server/device-port';
import type { HallEvent } from '../../server/protocol';
import { testHall } from '../helpers/app';

const MIN = 60_000;

function fakeDevices(list: DeviceView[]): DevicePort {
  return { printTicket: async () => undefined, list: () => list.map((d) => ({ ...d })), close: async () => {} };
}

describe('the live hall over the API', () => {
  it('shows queues, counters, today and every alert kind, and refuses operators', async () => {
    const printers: DeviceView[] = [{ id: 3, kind: 'printer', name: 'Киоск у входа', status: 'paper_out', detail: null }];
    const h = await testHall({}, fakeDevices(printers));
    const a = await h.service('А', { maxWaitSec: 600 }), b = await h.service('Б', { maxWaitSec: 900 });
    const c1 = await h.counter([{ serviceId: a, priority: 1 }], 'Окно 1');
    const c2 = await h.counter([{ serviceId: b, priority: 1 }], 'Окно 2');
    const op1 = await h.operator('op1'), op2 = await h.operator('op2');
    const t0 = h.clock.now;
    await h.req('POST', `/api/counters/${c1}/open`, {}, op1);
    for (let i = 0; i < 3; i++) { await h.req('POST', '/api/tickets', { serviceId: a }); h.clock.advance(MIN); }
    await h.req('POST', '/api/tickets', { serviceId: b });
    await h.req('POST', `/api/counters/${c2}/open`, {}, op2);
    await h.req('POST', `/api/counters/${c2}/break`, { reason: 'lunch' }, op2);
    h.clock.advance(9 * MIN); // 12 minutes after the first ticket of А
    const called = (await h.req('POST', `/api/counters/${c1}/next`, {}, op1)).json.ticket;
    h.clock.advance(MIN);

    expect((await h.req('GET', '/api/stats/live', undefined, op1)).status).toBe(403);
    const r = await h.req('GET', '/api/stats/live', undefined, h.admin);
    expect(r.status).toBe(200);
    const live = r.json;
    expect(live.at).toBe(new Date(h.clock.now).toISOString());
    const svc = (id: number) => live.services.find((s: any) => s.serviceId === id);
    // А: А002 (issued t0+1) and А003 (t0+2) wait 12 and 11 minutes; both past 10
    expect(svc(a)).toEqual({ serviceId: a, name: 'Service А', nameEn: null, waiting: 2, longestWaitSec: 720, oldestIssuedAt: new Date(t0 + MIN).toISOString(), etaMinutes: expect.any(Number), overdue: 2, maxWaitSec: 600 });
    expect(svc(b)).toMatchObject({ waiting: 1, longestWaitSec: 600, overdue: 0 });
    const ctr = (id: number) => live.counters.find((c: any) => c.counterId === id);
    expect(ctr(c1)).toEqual({
      counterId: c1, name: 'Окно 1', state: 'open', user: { id: expect.any(Number), name: 'op1' },
      ticket: { id: called.id, number: 'А001', serviceId: a, status: 'called', calledAt: new Date(h.clock.now - MIN).toISOString(), startedAt: null },
      since: new Date(h.clock.now - MIN).toISOString(), sinceSec: 60, breakReason: null, breakLimitSec: null,
    });
    expect(ctr(c2)).toMatchObject({ state: 'break', breakReason: 'lunch', sinceSec: 600, breakLimitSec: 3600, ticket: null });
    expect(live.alerts.map((x: any) => [x.kind, x.severity, x.serviceId ?? x.counterId ?? x.deviceId, x.since])).toEqual([
      ['printer', 'critical', 3, new Date(t0).toISOString()], // seen so since the server started
      ['no_counter_open', 'critical', b, new Date(t0 + 3 * MIN).toISOString()], // since the lunch began
      ['wait_over_target', 'warning', a, new Date(t0 + 11 * MIN).toISOString()], // А002 passed 10 minutes
    ]);
    expect(live.alerts[0].message).toBe('Принтер «Киоск у входа»: нет бумаги');
    // The next change by time alone: Б001 (issued at t0 + 3 min) passes its 15 minutes.
    expect(live.nextChangeAt).toBe(new Date(t0 + 18 * MIN + 1).toISOString());
    // Today is the day's report.
    const day = await h.req('GET', `/api/stats/report?from=2026-03-09T21:00:00Z&to=2026-03-10T21:00:00Z`, undefined, h.admin);
    expect(live.today).toEqual(day.json.total);
    expect(live.today).toMatchObject({ issued: 4, called: 1, avgWaitSec: 720 });

    // A lunch past the hall's limit (60 minutes by default; the administration may set it)
    h.clock.advance(51 * MIN);
    expect((await h.req('GET', '/api/stats/live', undefined, h.admin)).json.alerts.map((x: any) => x.kind)).toContain('break_too_long');
    expect((await h.req('PUT', '/api/admin/settings', { breakLimitSec: { default: 600, lunch: 7200 } }, h.admin)).status).toBe(200);
    expect((await h.req('GET', '/api/stats/live', undefined, h.admin)).json.alerts.map((x: any) => x.kind)).not.toContain('break_too_long');
    expect((await h.req('PUT', '/api/admin/settings', { breakLimitSec: { lunch: 10 } }, h.admin)).status).toBe(400);
  });

  it('tells the screens when a device changes status, with no state in the event', async () => {
    const printers: DeviceView[] = [{ id: 3, kind: 'printer', name: 'Киоск', status: 'ok', detail: null }];
    const h = await testHall({}, fakeDevices(printers));
    const seen: HallEvent[] = [];
    const got = new Promise<void>((resolve) => h.app.ctx.hub.subscribe((e) => { seen.push(e); if (e.type === 'devices.changed') resolve(); }));
    printers[0].status = 'paper_low';
    await got; // the watcher looks every 2 seconds
    expect(seen.filter((e) => e.type === 'devices.changed')).toEqual([{ type: 'devices.changed', seq: expect.any(Number), at: expect.any(String) }]);
    const alerts = (await h.req('GET', '/api/stats/live', undefined, h.admin)).json.alerts;
    expect(alerts).toEqual([expect.objectContaining({ kind: 'printer', severity: 'warning', deviceId: 3, message: 'Принтер «Киоск»: заканчивается бумага' })]);
  });
});
