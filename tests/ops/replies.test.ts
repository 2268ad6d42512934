// The reply schemas strip nothing and change nothing: across a hall day that touches every
// route with a JSON answer (public, counters, administration, devices, statistics, lean, the
// simulation, operations), each answer as Fastify serialised it with the route's schema
// (fast-json-stringify) equals JSON.stringify of the very object the handler returned, taken
// in a preSerialization hook. Files and streams answer the media type the document names.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ADMIN, testHall } from '../helpers/app';

const MIN = 60_000;
const docPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const mediaType = (ct: unknown) => String(ct ?? '').split(';')[0].trim();

/** Routes whose 2xx answer this scenario does not reach, and why. */
const NOT_REACHED: Record<string, string> = {
  'POST /api/admin/devices/{id}/test-print 200': 'needs a printer that answers; tests/drivers/server-devices.test.ts compares its whole answer',
};

describe('reply schemas', () => {
  it('keep every field of every JSON answer across administration, statistics and lean', async () => {
    const compared = new Set<string>();
    const files = new Map<string, string>();
    const mismatches: unknown[] = [];
    const unschemed: string[] = [];
    const payloads = new WeakMap<object, unknown>();
    const h = await testHall({}, undefined, { beforeReady(app) {
      app.addHook('preSerialization', async (req, _reply, payload) => { payloads.set(req, JSON.parse(JSON.stringify(payload))); return payload; });
      app.addHook('onSend', async (req, reply, body) => {
        const route = `${req.method} ${docPath(req.routeOptions.url ?? req.url)} ${reply.statusCode}`;
        const type = mediaType(reply.getHeader('content-type'));
        if (type !== 'application/json') { if (reply.statusCode < 300) files.set(route, type); return body; }
        const before = payloads.get(req);
        if (before === undefined) return body;
        const schemas = (req.routeOptions.schema?.response ?? {}) as Record<string, unknown>;
        if (!schemas[reply.statusCode]) unschemed.push(route);
        compared.add(route);
        const after = JSON.parse(String(body));
        if (!isDeepStrictEqual(after, before)) mismatches.push({ route, before, after });
        return body;
      });
    } });
    const { req } = h;
    const ok = async (method: string, url: string, body?: unknown, token: string = h.admin, status = 200) => {
      const r = await req(method, url, body, token);
      expect(r.status, `${method} ${url}: ${JSON.stringify(r.json)}`).toBe(status);
      return r.json;
    };
    const raw = (url: string, token?: string) => h.app.inject({ url, headers: token ? { authorization: `Bearer ${token}` } : {} });

    // ---- first run and administration ----
    await ok('GET', '/api/admin/setup');
    await ok('POST', '/api/admin/setup/template', { template: 'mfc', dryRun: true });
    const services = await ok('GET', '/api/admin/services');
    const pay = services.find((s: { prefix: string }) => s.prefix === 'П').id;
    const meters = services.find((s: { prefix: string }) => s.prefix === 'У').id;
    const svc = (await ok('POST', '/api/admin/services', { name: 'Пробная', prefix: 'Я', maxWaitSec: 600, hours: { 1: ['08:00', '20:00'], 2: ['08:00', '20:00'], 7: null } }, h.admin, 201)).id;
    await ok('PATCH', `/api/admin/services/${svc}`, { normServiceSec: 300, nameEn: 'Trial', dailyLimit: 50 });
    await ok('PUT', '/api/admin/services/order', { ids: [svc, ...services.map((s: { id: number }) => s.id)] });
    const counters = await ok('GET', '/api/admin/counters');
    const w1 = counters.find((c: { name: string }) => c.name === 'Окно 1').id;
    const w2 = counters.find((c: { name: string }) => c.name === 'Окно 2').id;
    const extra = (await ok('POST', '/api/admin/counters', { name: 'Окно 99', services: [{ serviceId: svc, priority: 1 }] }, h.admin, 201)).id;
    await ok('PATCH', `/api/admin/counters/${extra}`, { name: 'Окно 98' });
    await ok('PUT', '/api/admin/counter-services', { grid: [{ counterId: w1, services: [{ serviceId: pay, priority: 1 }, { serviceId: meters, priority: 2 }, { serviceId: svc, priority: 3 }] }] });
    const generated = await ok('POST', '/api/admin/users', { login: 'newbie', name: 'Новичок', role: 'operator' }, h.admin, 201);
    expect(generated.password).toEqual(expect.any(String));
    const sup = (await ok('POST', '/api/admin/users', { login: 'sup', name: 'Старший', role: 'supervisor', password: 'super-Pa55' }, h.admin, 201)).id;
    await ok('PATCH', `/api/admin/users/${generated.id}`, { name: 'Новичок Н.' });
    await ok('POST', `/api/admin/users/${generated.id}/reset-password`);
    await ok('POST', `/api/admin/users/${generated.id}/end-sessions`);
    await ok('GET', '/api/admin/users');
    const notice = (await ok('POST', '/api/admin/notices', { text: 'Отключение воды', textEn: 'Water outage', endsAt: '2026-03-11T07:00:00Z' }, h.admin, 201)).id;
    const gone = (await ok('POST', '/api/admin/notices', { text: 'Временно' }, h.admin, 201)).id;
    await ok('PATCH', `/api/admin/notices/${notice}`, { startsAt: '2026-03-10T06:00:00Z' });
    await ok('DELETE', `/api/admin/notices/${gone}`);
    await ok('GET', '/api/admin/notices');
    await ok('GET', '/api/admin/settings');
    await ok('PUT', '/api/admin/settings', { recallLimit: 2, breakLimitSec: { default: 600, lunch: 1800 }, publicUrl: 'http://hall.local:8080', boards: { main: { rows: 6, sound: true } } });
    await ok('GET', '/api/admin/calendar');
    const hours = { open: '08:00', close: '20:00' };
    await ok('PUT', '/api/admin/calendar', { week: { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: hours, 7: null }, holidays: ['2026-12-31'], days: { '2026-12-30': { open: '09:00', close: '15:00' } } });
    const doc = await ok('GET', '/api/admin/config');
    const changed = { ...doc, users: [...doc.users, { login: 'imported', name: 'Из файла', role: 'operator' }] };
    expect((await ok('POST', '/api/admin/config?dryRun=true', changed)).changes.length).toBeGreaterThan(0);
    expect((await ok('POST', '/api/admin/config', changed)).passwords).toHaveLength(1);
    await ok('GET', '/api/admin/audit?limit=50');

    // ---- devices and operations ----
    await ok('GET', '/api/devices');
    const printer = (await ok('POST', '/api/admin/devices', { kind: 'printer', name: 'Киоск', config: { address: 'tcp:192.0.2.10:9100', codepage: 17 } }, h.admin, 201)).id;
    await ok('POST', '/api/admin/devices', { kind: 'buttons', name: 'Пульты', counterId: w1, config: { keypads: { 1: w1 } } }, h.admin, 201);
    await ok('PATCH', `/api/admin/devices/${printer}`, { name: 'Киоск у входа', enabled: false });
    await ok('POST', `/api/admin/devices/${printer}/token`, undefined, h.admin, 201);
    await ok('GET', '/api/admin/devices');
    await ok('POST', '/api/admin/ticket-preview', { serviceId: pay, service: { ticketFooter: 'Возьмите паспорт' } });
    const backup = await ok('POST', '/api/admin/backup', undefined, h.admin, 201);
    const backups = await ok('GET', '/api/admin/backups');
    expect(backups[0].file).toBe(backup.file);
    expect((await raw(`/api/admin/backups/${backups[0].name}`, h.admin)).statusCode).toBe(200);
    await ok('GET', '/api/admin/health');
    expect((await raw('/metrics')).statusCode).toBe(200);
    expect((await raw('/api/admin/audit.csv', h.admin)).statusCode).toBe(200);
    expect((await raw('/api/announce.wav?ticket=П001&counter=Окно 1')).statusCode).toBe(200);

    // ---- a morning of counter work (10:00 Moscow) ----
    const op = await h.operator('op1');
    const op2 = await h.operator('op2');
    for (const [m, url] of [['GET', '/api/health'], ['GET', '/api/services'], ['GET', '/api/settings/public'], ['GET', '/api/notices'], ['GET', '/api/display']]) await ok(m, url, undefined, '');
    await ok('GET', '/api/auth/me', undefined, op);
    await ok('GET', '/api/staff/settings', undefined, op);
    const tickets = [];
    tickets.push(await ok('POST', '/api/tickets', { serviceId: pay }, '', 201)); // a kiosk's
    for (const s of [pay, meters, svc, pay, meters, pay, meters, pay]) tickets.push(await ok('POST', '/api/tickets', { serviceId: s }, op, 201));
    await ok('GET', `/api/tickets/${tickets[0].id}`, undefined, '');
    await ok('GET', `/api/tickets/${tickets[0].id}`, undefined, op);
    await ok('GET', `/api/tickets/by-code/${tickets[1].code}`, undefined, '');
    await ok('POST', `/api/counters/${w1}/open`, {}, op);
    await ok('POST', `/api/counters/${w2}/open`, {}, op2);
    await ok('POST', `/api/counters/${w1}/next`, {}, op);
    await ok('GET', `/api/counters/${w1}`, undefined, op);
    h.clock.advance(2 * MIN);
    await ok('POST', `/api/counters/${w1}/recall`, {}, op);
    await ok('POST', `/api/counters/${w1}/start`, {}, op);
    h.clock.advance(6 * MIN);
    await ok('POST', `/api/counters/${w1}/finish`, { outcome: 'resolved' }, op);
    const done = h.app.ctx.sql.prepare("SELECT id FROM tickets WHERE status = 'done'").pluck().get();
    await ok('POST', '/api/feedback', { ticketId: done, rating: 5, comment: 'Быстро' }, '', 201);
    await ok('POST', `/api/counters/${w1}/next`, {}, op);
    await ok('POST', `/api/counters/${w1}/transfer`, { serviceId: meters }, op);
    await ok('POST', `/api/counters/${w2}/next`, {}, op2);
    await ok('POST', `/api/counters/${w2}/start`, {}, op2);
    h.clock.advance(5 * MIN);
    await ok('POST', `/api/counters/${w2}/next`, { finishCurrent: true }, op2);
    await ok('POST', `/api/counters/${w2}/postpone`, { minutes: 1 }, op2);
    await ok('POST', `/api/counters/${w1}/next`, {}, op);
    await ok('POST', `/api/counters/${w1}/no-show`, {}, op);
    await ok('POST', `/api/counters/${w2}/break`, { reason: 'lunch' }, op2);
    await ok('GET', '/api/counters', undefined, op);
    h.clock.advance(40 * MIN); // a break past its limit, waits past their target
    const live = await ok('GET', '/api/stats/live');
    expect(live.alerts.map((a: { kind: string }) => a.kind)).toEqual(expect.arrayContaining(['wait_over_target', 'break_too_long']));
    await ok('GET', `/api/stats/live/services/${pay}`);
    await ok('POST', `/api/counters/${w2}/resume`, {}, op2);
    await ok('POST', `/api/counters/${w1}/next`, {}, op);
    await ok('POST', `/api/counters/${w1}/start`, {}, op);
    h.clock.advance(4 * MIN);
    await ok('POST', `/api/counters/${w1}/finish`, {}, op);
    await ok('GET', `/api/counters/${w2}`, undefined, op2);
    await ok('POST', `/api/counters/${w2}/close`, {}, op2);
    await ok('GET', '/api/display', undefined, '');

    // ---- statistics ----
    const day = { from: '2026-03-09T21:00:00Z', to: '2026-03-10T21:00:00Z' };
    const range = `from=${day.from}&to=${day.to}`;
    await ok('GET', `/api/stats/summary?${range}`);
    for (const by of ['none', 'service', 'operator', 'counter', 'hour', 'weekday', 'day']) await ok('GET', `/api/stats/report?${range}&by=${by}`);
    await ok('GET', `/api/stats/report?from=2026-02-28T21:00:00Z&to=2026-03-31T21:00:00Z&by=hour&serviceId=${pay}&targetSec=300`);
    expect((await raw(`/api/stats/report.csv?${range}&by=service`, h.admin)).statusCode).toBe(200);
    expect((await raw(`/api/stats/report.xlsx?${range}&by=hour`, h.admin)).statusCode).toBe(200);
    expect((await raw(`/api/stats/tickets.csv?${range}`, h.admin)).statusCode).toBe(200);
    await ok('GET', `/api/stats/tickets/${tickets[1].id}/events`);
    await ok('GET', `/api/stats/tickets?number=${encodeURIComponent(tickets[0].number)}`);
    await ok('GET', `/api/stats/report/tickets?${range}&limit=5`);
    await ok('GET', `/api/stats/distribution?${range}`);
    await ok('GET', `/api/stats/eta-accuracy?${range}`);
    for (const by of ['service', 'counter']) await ok('GET', `/api/stats/feedback?${range}&by=${by}`);

    // ---- lean ----
    await ok('GET', '/api/stats/plan-fact');
    await ok('GET', `/api/stats/plan-fact?day=2026-03-10&counterId=${w1}`);
    await ok('POST', '/api/stats/plan-fact/notes', { day: '2026-03-10', hour: '10', counterId: w1, reasonId: 'complex_case', text: 'Сложный перерасчёт' }, h.admin, 201);
    const beforeAfter = { baseline: { avgServiceSec: 700, avgWaitSec: 1500, label: 'До' }, current: day, hoursPerFteYear: 1970, costPerFteYear: 600_000 };
    await ok('POST', '/api/stats/before-after', beforeAfter);
    expect((await h.app.inject({ method: 'POST', url: '/api/stats/before-after.xlsx', payload: beforeAfter, headers: { authorization: `Bearer ${h.admin}` } })).statusCode).toBe(200);
    await ok('GET', '/api/stats/erlang?arrivalsPerHour=40&serviceSec=420&targetSec=900&targetPct=90&servers=5');
    await ok('GET', '/api/stats/erlang?arrivalsPerHour=40&serviceSec=420&targetSec=900&targetPct=90&servers=3'); // unstable: avgWaitSec null
    await ok('GET', `/api/stats/staffing?${range}`);
    const rules = await ok('GET', '/api/stats/lunch-rules');
    await ok('PUT', '/api/stats/lunch-rules', { ...rules, byUser: { [sup]: { minutes: 30, from: '12:00', to: '14:00' } } });
    await ok('GET', '/api/stats/lunch-plan?day=2026-03-11');
    const opId = (await ok('GET', '/api/auth/me', undefined, op)).user.id;
    await ok('POST', '/api/stats/lunch-plan', { day: '2026-03-10', lunches: [{ userId: opId, start: '13:00', end: '14:00' }] }, h.admin, 201);
    await ok('GET', '/api/staff/lunch', undefined, op);
    await ok('POST', '/api/stats/simulate', { ...day, days: 2, change: { arrivalsPct: 20 } });

    // ---- the next morning: the day expired, a backup is stale ----
    h.clock.advance(27 * 60 * MIN);
    const admin = await h.login('admin', ADMIN);
    expect((await ok('GET', '/api/stats/live', undefined, admin)).alerts.map((a: { kind: string }) => a.kind)).toContain('backup_stale');
    await ok('GET', '/api/admin/health', undefined, admin);
    await ok('GET', '/api/openapi.json', undefined, '');
    const me = await h.login('sup', 'super-Pa55');
    await ok('POST', '/api/auth/password', { current: 'super-Pa55', password: 'super-Pa56-new' }, me);
    await ok('POST', '/api/auth/logout', {}, me);

    // Refusals are answers too: {error, message[, path]}.
    expect((await req('GET', '/api/tickets/999999')).status).toBe(404);
    expect((await req('POST', `/api/counters/${w1}/start`, {}, await h.login('op1', 'operator-Pa55'))).status).toBe(409);
    expect((await req('POST', '/api/admin/services', { name: 'Дубль', prefix: 'П' }, admin)).json.path).toBe('/prefix');
    expect((await req('GET', '/api/stats/report?from=2026-03-10T00:00:00Z&to=2026-03-09T00:00:00Z', undefined, admin)).status).toBe(400);
    expect((await req('GET', '/api/admin/settings')).status).toBe(401);
    expect([...compared].filter((r) => / 4\d\d$/.test(r)).length).toBeGreaterThanOrEqual(5);

    expect(mismatches).toEqual([]);
    expect(unschemed).toEqual([]);

    // Not vacuous: every documented route with a 2xx answer was reached, and a file or stream
    // answered a media type its route documents.
    const document = (await req('GET', '/api/openapi.json')).json;
    const expected: string[] = [];
    for (const [path, ops] of Object.entries<Record<string, { responses: Record<string, { content?: object }> }>>(document.paths)) {
      if (!path.startsWith('/api/') && path !== '/metrics') continue;
      for (const [method, op] of Object.entries(ops)) {
        for (const [code, r] of Object.entries(op.responses)) {
          if (!/^2/.test(code)) continue;
          const key = `${method.toUpperCase()} ${path} ${code}`;
          if (path.startsWith('/api/docs')) continue;
          expected.push(key);
          const answered = compared.has(key) ? 'application/json' : files.get(key);
          if (answered) expect(Object.keys(r.content ?? {}), key).toContain(answered);
        }
      }
    }
    expect(expected.length).toBeGreaterThan(90);
    expect(expected.filter((r) => !compared.has(r) && !files.has(r) && !NOT_REACHED[r])).toEqual([]);
    expect([...files.keys()].sort()).toEqual(expect.arrayContaining(['GET /api/admin/audit.csv 200', 'GET /api/stats/report.xlsx 200', 'GET /metrics 200', 'GET /api/admin/backups/{name} 200']));
  }, 60_000);
});
