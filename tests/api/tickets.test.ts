import { describe, expect, it } from 'vitest';
import { testHall } from '../helpers/app';

describe('public ticket API', () => {
  it('serves the demo hall: Cyrillic-prefixed services and 12 counters', async () => {
    const h = await testHall();
    const services = (await h.req('GET', '/api/services')).json;
    expect(services.length).toBeGreaterThanOrEqual(5);
    for (const s of services) expect(s).toMatchObject({ id: expect.any(Number), name: expect.any(String), prefix: expect.stringMatching(/^[А-ЯЁ]$/), waiting: 0, etaMinutes: expect.any(Number) });
    expect((await h.req('GET', '/api/admin/counters', undefined, h.admin)).json).toHaveLength(12);
  });

  it('issues numbered tickets with people ahead, per service and per hall day', async () => {
    const h = await testHall();
    const a = await h.service('А');
    const first = await h.req('POST', '/api/tickets', { serviceId: a });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ number: 'А001', serviceId: a, status: 'waiting', ahead: 0, etaMinutes: expect.any(Number), issuedAt: expect.stringMatching(/Z$/) });
    const second = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    expect(second).toMatchObject({ number: 'А002', ahead: 1 });
    expect((await h.req('GET', `/api/tickets/${second.id}`)).json).toMatchObject({ id: second.id, number: 'А002', status: 'waiting', ahead: 1, counter: null });
    expect((await h.req('GET', '/api/services')).json.find((s: any) => s.id === a).waiting).toBe(2);
    // 21:00 UTC is midnight in Moscow: a new hall day starts at 001 again
    h.clock.now = Date.parse('2026-03-10T21:00:00Z');
    expect((await h.req('POST', '/api/tickets', { serviceId: a })).json.number).toBe('А001');
  });

  it('estimates the wait from the queue, open counters and recent service times', async () => {
    const h = await testHall();
    const a = await h.service('А', { defaultServiceSec: 600 });
    const c1 = await h.counter([{ serviceId: a, priority: 1 }]);
    const op = await h.operator();
    await h.req('POST', `/api/counters/${c1}/open`, {}, op);
    // One idle counter: the first ticket is called at once, the second waits one service
    expect((await h.req('POST', '/api/tickets', { serviceId: a })).json.etaMinutes).toBe(0);
    expect((await h.req('POST', '/api/tickets', { serviceId: a })).json.etaMinutes).toBe(10);
    // Served tickets teach the estimate: a 4-minute service
    await h.req('POST', `/api/counters/${c1}/next`, {}, op);
    await h.req('POST', `/api/counters/${c1}/start`, {}, op);
    h.clock.advance(240_000);
    await h.req('POST', `/api/counters/${c1}/finish`, {}, op);
    const third = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    expect(third.ahead).toBe(1);
    expect(third.etaMinutes).toBe(4); // (1 + 1 - 1 idle) × 240 s / 1 counter
  });

  it('refuses unknown, closed and limited services with 404 and 409', async () => {
    const h = await testHall();
    expect((await h.req('POST', '/api/tickets', { serviceId: 9999 })).status).toBe(404);
    const limited = await h.service('Л', { dailyLimit: 1 });
    expect((await h.req('POST', '/api/tickets', { serviceId: limited })).status).toBe(201);
    const over = await h.req('POST', '/api/tickets', { serviceId: limited });
    expect(over.status).toBe(409);
    expect(over.json.error).toBe('service_closed');
    const svc = (await h.req('GET', '/api/services')).json.find((s: any) => s.id === limited);
    expect(svc).toMatchObject({ available: false, closedReason: 'limit' });
    const night = await h.service('Ч', { openFrom: '08:00', openTo: '09:00' }); // clock is 10:00 Moscow
    expect((await h.req('POST', '/api/tickets', { serviceId: night })).status).toBe(409);
  });

  it('privileged tickets only where the hall enables them, and then they go first', async () => {
    const h = await testHall();
    const a = await h.service('А');
    expect((await h.req('POST', '/api/tickets', { serviceId: a, privileged: true })).status).toBe(409);
    await h.req('PUT', '/api/admin/settings', { privilegedEnabled: true }, h.admin);
    const normal = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    h.clock.advance(1000);
    const priv = (await h.req('POST', '/api/tickets', { serviceId: a, privileged: true })).json;
    expect(priv).toMatchObject({ privileged: true, ahead: 0 });
    const c = await h.counter([{ serviceId: a, priority: 1 }]);
    const op = await h.operator();
    await h.req('POST', `/api/counters/${c}/open`, {}, op);
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).json.ticket.id).toBe(priv.id);
    expect(normal.id).toBeLessThan(priv.id);
  });

  it('shows calls on the display, newest call first', async () => {
    const h = await testHall();
    const a = await h.service('А');
    const c1 = await h.counter([{ serviceId: a, priority: 1 }], 'Окно 1');
    const c2 = await h.counter([{ serviceId: a, priority: 1 }], 'Окно 2');
    const [op1, op2] = [await h.operator(), await h.operator()];
    await h.req('POST', `/api/counters/${c1}/open`, {}, op1);
    await h.req('POST', `/api/counters/${c2}/open`, {}, op2);
    await h.req('POST', '/api/tickets', { serviceId: a });
    await h.req('POST', '/api/tickets', { serviceId: a });
    await h.req('POST', '/api/tickets', { serviceId: a });
    await h.req('POST', `/api/counters/${c1}/next`, {}, op1);
    h.clock.advance(1000);
    await h.req('POST', `/api/counters/${c2}/next`, {}, op2);
    const d = (await h.req('GET', '/api/display')).json;
    expect(d.calls.map((c: any) => [c.number, c.counterName, c.status])).toEqual([['А002', 'Окно 2', 'called'], ['А001', 'Окно 1', 'called']]);
    expect(d.waiting).toEqual([{ serviceId: a, count: 1 }]);
    expect((await h.req('GET', `/api/tickets/${d.calls[0].ticketId}`)).json.counter).toEqual({ id: c2, name: 'Окно 2' });
  });

  it('shows active notices only', async () => {
    const h = await testHall();
    await h.req('POST', '/api/admin/notices', { text: 'Отключение воды на ул. Ленина до 18:00', endsAt: '2026-03-10T15:00:00Z' }, h.admin);
    await h.req('POST', '/api/admin/notices', { text: 'Старое', endsAt: '2026-03-09T15:00:00Z' }, h.admin);
    const notices = (await h.req('GET', '/api/display')).json.notices;
    expect(notices.map((n: any) => n.text)).toEqual(['Отключение воды на ул. Ленина до 18:00']);
  });
});
