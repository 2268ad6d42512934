import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { testHall } from '../helpers/app';

const range = 'from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z';

describe('statistics', () => {
  it('sums waits (issue → first call) and services (start → finish) by service and operator', async () => {
    const h = await testHall();
    const a = await h.service('А'), b = await h.service('Б');
    const c = await h.counter([{ serviceId: a, priority: 1 }, { serviceId: b, priority: 1 }]);
    const op = await h.operator();
    const opId = (await h.req('GET', '/api/auth/me', undefined, op)).json.user.id;
    await h.req('POST', `/api/counters/${c}/open`, {}, op);
    for (const s of [a, a, b]) await h.req('POST', '/api/tickets', { serviceId: s });
    // А001 waits 60 s and is served 300 s; А002 waits 360 s, service counted from the call 120 s; Б001 no-show after 480 s
    h.clock.advance(60_000); await h.req('POST', `/api/counters/${c}/next`, {}, op); await h.req('POST', `/api/counters/${c}/start`, {}, op);
    h.clock.advance(300_000); await h.req('POST', `/api/counters/${c}/next`, { finishCurrent: true }, op);
    h.clock.advance(120_000); await h.req('POST', `/api/counters/${c}/next`, { finishCurrent: true }, op);
    await h.req('POST', `/api/counters/${c}/no-show`, {}, op);
    const sum = (await h.req('GET', `/api/stats/summary?${range}`, undefined, h.admin)).json;
    expect(sum).toEqual({
      issued: 3, served: 2, noShow: 1, avgWaitSec: 300, avgServiceSec: 210, p90WaitSec: 480,
      byService: [{ serviceId: a, issued: 2, served: 2, avgWaitSec: 210, avgServiceSec: 210 }, { serviceId: b, issued: 1, served: 0, avgWaitSec: 480, avgServiceSec: null }],
      byOperator: [{ userId: opId, served: 2, avgServiceSec: 210 }],
    });
    const empty = (await h.req('GET', '/api/stats/summary?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z', undefined, h.admin)).json;
    expect(empty).toMatchObject({ issued: 0, served: 0, avgWaitSec: null, p90WaitSec: null, byService: [] });
    expect((await h.req('GET', '/api/stats/summary?from=2026-03-11T00:00:00Z&to=2026-03-10T00:00:00Z', undefined, h.admin)).status).toBe(400);
  });

  it('exports one CSV row per ticket, quoted where needed', async () => {
    const h = await testHall();
    const a = await h.service('А');
    await h.req('PATCH', `/api/admin/services/${a}`, { name: 'Оплата, "долги"' }, h.admin);
    await h.req('POST', '/api/tickets', { serviceId: a });
    const res = await h.app.inject({ method: 'GET', url: `/api/stats/tickets.csv?${range}`, headers: { authorization: `Bearer ${h.admin}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('number,service,status,issued,called,started,finished,counter,operator,wait_sec,service_sec,eta_sec,outcome,privileged');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^А001,"Оплата, ""долги""",waiting,2026-03-10T07:00:00.000Z,/);
  });
});

describe('backup', () => {
  it('writes a consistent copy that SQLite opens while the hall keeps working', async () => {
    const h = await testHall();
    const svc = (await h.req('GET', '/api/services')).json[0].id;
    for (let i = 0; i < 5; i++) await h.req('POST', '/api/tickets', { serviceId: svc });
    const op = await h.operator();
    expect((await h.req('POST', '/api/admin/backup', undefined, op)).status).toBe(403);
    const r = await h.req('POST', '/api/admin/backup', undefined, h.admin);
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ file: expect.stringContaining(`${h.dir}/backups/talon-`), bytes: expect.any(Number) });
    await h.req('POST', '/api/tickets', { serviceId: svc }); // after the copy
    const copy = new Database(r.json.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 5 });
    copy.close();
    const second = (await h.req('POST', '/api/admin/backup', undefined, h.admin)).json;
    expect(second.file).not.toBe(r.json.file);
  });
});
