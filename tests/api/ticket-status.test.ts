// A ticket's public status: the QR and the status page use an unguessable code, the public view
// has no `privileged` and no times, and walking the day's tickets by id is rate-limited (the
// issue's probe read 1,500 tickets in 0.7 s). Staff still see the whole ticket by id.
import { describe, expect, it } from 'vitest';
import { testHall } from '../helpers/app';

const CONTRACT = ['id', 'number', 'serviceId', 'status', 'ahead', 'etaMinutes', 'counter'];

describe('public ticket status', () => {
  it('the status URL carries the ticket\'s code, which opens its public view', async () => {
    const h = await testHall();
    await h.req('PUT', '/api/admin/settings', { privilegedEnabled: true }, h.admin);
    const svc = (await h.req('GET', '/api/services')).json[0].id;
    const a = (await h.req('POST', '/api/tickets', { serviceId: svc, privileged: true })).json;
    const b = (await h.req('POST', '/api/tickets', { serviceId: svc })).json;
    const code = /^\/kiosk\/\?ticket=([0-9a-f]{16})$/.exec(a.statusUrl)?.[1] ?? '';
    expect(code).toHaveLength(16);
    expect(a.statusUrl).not.toBe(`/kiosk/?ticket=${a.id}`);
    expect(b.statusUrl).not.toBe(a.statusUrl);
    const stored = h.app.ctx.sql.prepare('SELECT code FROM tickets WHERE id = ?').get(a.id) as { code: string };
    expect(stored.code).toBe(code);

    const byCode = await h.req('GET', `/api/tickets/by-code/${code}`);
    expect(byCode.status).toBe(200);
    expect(Object.keys(byCode.json).sort()).toEqual([...CONTRACT, 'service'].sort());
    expect(byCode.json).toMatchObject({ id: a.id, number: a.number, status: 'waiting', counter: null, service: { id: svc } });
    expect((await h.req('GET', '/api/tickets/by-code/0123456789abcdef')).json.error).toBe('not_found');
    expect((await h.req('GET', `/api/tickets/by-code/${code.toUpperCase()}x`)).status).toBe(400);
  });

  it('GET /api/tickets/:id keeps the contract\'s fields for anyone, without privileged or times; staff see all', async () => {
    const h = await testHall();
    await h.req('PUT', '/api/admin/settings', { privilegedEnabled: true }, h.admin);
    const svc = (await h.req('GET', '/api/services')).json[0].id;
    const t = (await h.req('POST', '/api/tickets', { serviceId: svc, privileged: true })).json;
    const anon = (await h.req('GET', `/api/tickets/${t.id}`)).json;
    expect(anon).toMatchObject({ id: t.id, number: t.number, serviceId: svc, status: 'waiting', ahead: 0, etaMinutes: expect.any(Number), counter: null });
    expect(anon).not.toHaveProperty('privileged');
    expect(anon).not.toHaveProperty('issuedAt');
    expect(anon).not.toHaveProperty('calledAt');
    const staff = (await h.req('GET', `/api/tickets/${t.id}`, undefined, h.admin)).json;
    expect(staff).toMatchObject({ privileged: true, issuedAt: t.issuedAt, calledAt: null });
  });

  it('walking tickets by id is held back after 60 a minute per address; by code and with a token it is not', async () => {
    const h = await testHall();
    const svc = (await h.req('GET', '/api/services')).json[0].id;
    const tickets = [];
    for (let i = 0; i < 3; i++) tickets.push((await h.req('POST', '/api/tickets', { serviceId: svc }, h.admin)).json);
    const codes: number[] = [];
    for (let id = 1; id <= 100; id++) codes.push((await h.req('GET', `/api/tickets/${(id % 3) + tickets[0].id}`)).status);
    expect(codes.slice(0, 60).every((c) => c === 200)).toBe(true);
    expect(codes.slice(60).every((c) => c === 429)).toBe(true);
    expect((await h.req('GET', `/api/tickets/${tickets[0].id}`)).json).toEqual({ error: 'rate_limited', message: expect.any(String) });
    expect((await h.req('GET', `/api/tickets/${tickets[0].id}`, undefined, h.admin)).status).toBe(200);
    const code = tickets[0].statusUrl.split('=')[1];
    for (let i = 0; i < 100; i++) expect((await h.req('GET', `/api/tickets/by-code/${code}`)).status).toBe(200);
  });
});
