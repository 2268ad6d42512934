// Services, the counters × services grid and the hall calendar through the administration API,
// and what the kiosk's endpoints make of them.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { testHall, type TestHall } from '../helpers/app';

// testHall's clock: 2026-03-10T07:00:00Z = Tuesday 10:00 in Moscow.
const kiosk = async (h: TestHall, id: number) => ((await h.req('GET', '/api/services')).json as any[]).find((s) => s.id === id);
const issue = (h: TestHall, serviceId: number) => h.req('POST', '/api/tickets', { serviceId });

describe('services', () => {
  it('weekday hours and the standard time are kept; hours close the service at the kiosk', async () => {
    const h = await testHall();
    const hours = { 1: ['08:00', '17:00'], 2: ['11:00', '13:00'], 7: null };
    const r = await h.req('POST', '/api/admin/services', { name: 'Лето', prefix: 'Л', hours, normServiceSec: 480 }, h.admin);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ hours, normServiceSec: 480 });
    expect(await kiosk(h, r.json.id)).toMatchObject({ available: false, closedReason: 'hours', openFrom: '11:00', openTo: '13:00' });
    expect((await issue(h, r.json.id)).json.error).toBe('service_closed');
    await h.req('PATCH', `/api/admin/services/${r.json.id}`, { hours: { 2: ['09:00', '13:00'] } }, h.admin);
    expect(await kiosk(h, r.json.id)).toMatchObject({ available: true, closedReason: null });
    expect((await issue(h, r.json.id)).status).toBe(201);
  });

  it('refuses hours that close before they open, and names the field', async () => {
    const h = await testHall();
    for (const [body, path] of [
      [{ hours: { 2: ['13:00', '11:00'] } }, '/hours/2'],
      [{ hours: { 8: ['09:00', '10:00'] } }, '/hours/8'],
      [{ hours: { 2: ['9:00', '10:00'] } }, '/hours/2/0'],
      [{ openFrom: '18:00', openTo: '09:00' }, '/openTo'],
      [{ openFrom: '09:00' }, '/openTo'],
    ] as const) {
      const r = await h.req('POST', '/api/admin/services', { name: 'X', prefix: 'Х', ...body }, h.admin);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.path, JSON.stringify(body)).toBe(path);
    }
    expect(((await h.req('GET', '/api/admin/services', undefined, h.admin)).json as any[]).some((s) => s.prefix === 'Х')).toBe(false);
  });

  it('a prefix stays unique, an inactive service\'s too', async () => {
    const h = await testHall();
    const id = await h.service('Ж');
    await h.req('PATCH', `/api/admin/services/${id}`, { active: false }, h.admin);
    const r = await h.req('POST', '/api/admin/services', { name: 'Другая', prefix: 'Ж' }, h.admin);
    expect(r.status).toBe(409);
    expect(r.json.path).toBe('/prefix');
  });

  it('the kiosk order: every service once, in the order given; kiosks hear of it', async () => {
    const h = await testHall();
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const ws = new WebSocket(base.replace('http', 'ws') + '/api/ws');
    const events: string[] = [];
    ws.on('message', (m) => events.push(JSON.parse(String(m)).type));
    await new Promise((r) => ws.once('open', r));
    const ids = ((await h.req('GET', '/api/admin/services', undefined, h.admin)).json as any[]).map((s) => s.id);
    const order = [...ids].reverse();
    const r = await h.req('PUT', '/api/admin/services/order', { ids: order }, h.admin);
    expect(r.status).toBe(200);
    expect(((await h.req('GET', '/api/services')).json as any[]).map((s) => s.id)).toEqual(order);
    expect((await h.req('PUT', '/api/admin/services/order', { ids: order.slice(1) }, h.admin)).json.path).toBe('/ids');
    expect((await h.req('PUT', '/api/admin/services/order', { ids: [order[0], ...order.slice(0, -1)] }, h.admin)).status).toBe(400);
    expect(((await h.req('GET', '/api/services')).json as any[]).map((s) => s.id)).toEqual(order);
    await expect.poll(() => events).toContain('services.changed');
    ws.close();
  });
});

describe('the counters × services grid', () => {
  it('sets the whole grid in one transaction: a bad row changes nothing', async () => {
    const h = await testHall();
    const counters = (await h.req('GET', '/api/admin/counters', undefined, h.admin)).json as any[];
    const [a, b] = counters;
    const services = ((await h.req('GET', '/api/admin/services', undefined, h.admin)).json as any[]).map((s) => s.id);
    const grid = [
      { counterId: a.id, services: [{ serviceId: services[2], priority: 1 }] },
      { counterId: b.id, services: [{ serviceId: services[0], priority: 1 }, { serviceId: services[1], priority: 3 }] },
    ];
    const r = await h.req('PUT', '/api/admin/counter-services', { grid }, h.admin);
    expect(r.status).toBe(200);
    const after = (await h.req('GET', '/api/admin/counters', undefined, h.admin)).json as any[];
    expect(after.find((c) => c.id === a.id).services).toEqual(grid[0].services);
    expect(after.find((c) => c.id === b.id).services).toEqual(grid[1].services);
    expect(after.find((c) => c.id === counters[2].id).services).toEqual(counters[2].services); // not listed: unchanged

    const bad = [{ counterId: a.id, services: [] }, { counterId: b.id, services: [{ serviceId: 999_999, priority: 1 }] }];
    expect((await h.req('PUT', '/api/admin/counter-services', { grid: bad }, h.admin)).status).toBe(404);
    expect((await h.req('PUT', '/api/admin/counter-services', { grid: [{ counterId: 999_999, services: [] }] }, h.admin)).status).toBe(404);
    expect((await h.req('GET', '/api/admin/counters', undefined, h.admin)).json).toEqual(after);
  });
});

describe('the hall calendar', () => {
  it('validates what is saved and names the field at fault', async () => {
    const h = await testHall();
    for (const [cal, path] of [
      [{ week: { 2: { open: '18:00', close: '08:00' } }, holidays: [], days: {} }, '/week/2'],
      [{ week: {}, holidays: ['2026-02-30'], days: {} }, '/holidays/0'],
      [{ week: {}, holidays: ['01.05.2026'], days: {} }, '/holidays/0'],
      [{ week: {}, holidays: [], days: { '2026-03-07': { open: '10:00', close: '09:00' } } }, '/days/2026-03-07'],
      [{ week: {}, holidays: [] }, '/days'],
    ] as const) {
      const r = await h.req('PUT', '/api/admin/calendar', cal, h.admin);
      expect(r.status, JSON.stringify(cal)).toBe(400);
      expect(r.json.path, JSON.stringify(cal)).toBe(path);
    }
    const ok = await h.req('PUT', '/api/admin/calendar', { week: {}, holidays: ['2026-05-09', '2026-05-01', '2026-05-09'], days: {} }, h.admin);
    expect(ok.json.holidays).toEqual(['2026-05-01', '2026-05-09']);
  });

  it('a holiday and the hall\'s hours close every service at the kiosk; a shortened day closes early', async () => {
    const h = await testHall();
    const id = await h.service('Ж');
    const week = Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, { open: '08:00', close: '17:00' }]));
    await h.req('PUT', '/api/admin/calendar', { week, holidays: ['2026-03-10'], days: {} }, h.admin);
    expect(await kiosk(h, id)).toMatchObject({ available: false, closedReason: 'holiday' });
    expect((await issue(h, id)).status).toBe(409);
    await h.req('PUT', '/api/admin/calendar', { week, holidays: [], days: { '2026-03-10': { open: '08:00', close: '09:30' } } }, h.admin);
    expect(await kiosk(h, id)).toMatchObject({ closedReason: 'hall_closed', openFrom: '08:00', openTo: '09:30' });
    await h.req('PUT', '/api/admin/calendar', { week, holidays: [], days: {} }, h.admin);
    expect(await kiosk(h, id)).toMatchObject({ available: true, openFrom: '08:00', openTo: '17:00' });
    h.clock.advance(7 * 3600_000); // 17:00 Moscow
    expect(await kiosk(h, id)).toMatchObject({ available: false, closedReason: 'hall_closed' });
    expect((await issue(h, id)).status).toBe(409);
  });
});

describe('notices', () => {
  it('reach the boards when they start and leave when they end, with no other change', async () => {
    const h = await testHall();
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    const ws = new WebSocket(base.replace('http', 'ws') + '/api/ws');
    const shown: string[][] = [];
    ws.on('message', (m) => { const e = JSON.parse(String(m)); if (e.type === 'notices.changed') shown.push(e.notices.map((n: any) => n.text)); });
    await new Promise((r) => ws.once('open', r));
    const at = (ms: number) => new Date(h.clock.now + ms).toISOString();
    const r = await h.req('POST', '/api/admin/notices', { text: 'Отключение воды', startsAt: at(300), endsAt: at(600) }, h.admin);
    expect(r.status).toBe(201);
    await expect.poll(() => shown).toEqual([[]]); // saved, not started yet
    h.clock.advance(300);
    await expect.poll(() => shown, { timeout: 3000 }).toEqual([[], ['Отключение воды']]);
    h.clock.advance(300);
    await expect.poll(() => shown, { timeout: 3000 }).toEqual([[], ['Отключение воды'], []]);
    const bad = await h.req('PATCH', `/api/admin/notices/${r.json.id}`, { endsAt: at(-1000) }, h.admin);
    expect(bad.json.path).toBe('/endsAt');
    ws.close();
  });
});
