import { describe, expect, it } from 'vitest';
import { ADMIN, testHall } from '../helpers/app';

const isError = (r: { status: number; json: any }, status: number, error?: string) => {
  expect(r.status).toBe(status);
  // `path` (the input field at fault) is there when the error is about one field.
  expect(r.json).toEqual({ error: error ?? expect.any(String), message: expect.any(String), ...('path' in r.json ? { path: expect.any(String) } : {}) });
};

describe('staff authentication and roles', () => {
  it('logs in, never returns hashes, and logs out', async () => {
    const h = await testHall();
    const login = await h.req('POST', '/api/auth/login', { login: 'admin', password: ADMIN });
    expect(login.json.user).toEqual({ id: expect.any(Number), login: 'admin', name: expect.any(String), role: 'admin', mustChangePassword: false });
    const users = await h.req('GET', '/api/admin/users', undefined, login.json.token);
    expect(JSON.stringify(users.json)).not.toMatch(/scrypt|hash/i);
    const stored = h.app.ctx.sql.prepare("SELECT password_hash AS h FROM users WHERE login = 'admin'").get() as { h: string };
    expect(stored.h).toMatch(/^scrypt\$/);
    expect(stored.h).not.toContain(ADMIN);
    const tokenRow = h.app.ctx.sql.prepare('SELECT token_hash AS t FROM tokens').all() as { t: string }[];
    expect(tokenRow.map((r) => r.t)).not.toContain(login.json.token);
    expect((await h.req('POST', '/api/auth/logout', undefined, login.json.token)).status).toBe(200);
    isError(await h.req('GET', '/api/admin/users', undefined, login.json.token), 401, 'unauthorized');
  });

  it('gives one answer for a wrong login and a wrong password, then 429 after repeated failures', async () => {
    const h = await testHall();
    const wrongPass = await h.req('POST', '/api/auth/login', { login: 'admin', password: 'nope-nope' });
    const wrongLogin = await h.req('POST', '/api/auth/login', { login: 'nobody', password: 'nope-nope' });
    isError(wrongPass, 401, 'unauthorized');
    expect(wrongLogin.json).toEqual(wrongPass.json);
    for (let i = 0; i < 4; i++) await h.req('POST', '/api/auth/login', { login: 'admin', password: 'nope-nope' });
    isError(await h.req('POST', '/api/auth/login', { login: 'admin', password: ADMIN }), 429, 'rate_limited');
  });

  it('401 without a token, 403 for a role that lacks the right', async () => {
    const h = await testHall();
    const op = await h.operator();
    isError(await h.req('GET', '/api/admin/users'), 401, 'unauthorized');
    isError(await h.req('GET', '/api/admin/users', undefined, op), 403, 'forbidden');
    isError(await h.req('POST', '/api/admin/services', { name: 'X', prefix: 'Х' }, op), 403, 'forbidden');
    isError(await h.req('GET', '/api/stats/summary?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z', undefined, op), 403, 'forbidden');
    isError(await h.req('GET', '/api/counters', undefined, 'forged-token'), 401, 'unauthorized');
    await h.req('POST', '/api/admin/users', { login: 'sup', name: 'Sup', password: 'supervisor-Pa55', role: 'supervisor' }, h.admin);
    const sup = (await h.req('POST', '/api/auth/login', { login: 'sup', password: 'supervisor-Pa55' })).json.token;
    expect((await h.req('GET', '/api/stats/summary?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z', undefined, sup)).status).toBe(200);
    expect((await h.req('GET', '/api/counters', undefined, sup)).status).toBe(200); // supervisor has operator rights
    isError(await h.req('GET', '/api/admin/users', undefined, sup), 403, 'forbidden');
  });

  it('a duplicate login is 409; a short password is refused', async () => {
    const h = await testHall();
    await h.operator('ivanova');
    isError(await h.req('POST', '/api/admin/users', { login: 'ivanova', name: 'I', password: 'another-Pa55', role: 'operator' }, h.admin), 409, 'conflict');
    isError(await h.req('POST', '/api/admin/users', { login: 'petrov', name: 'P', password: 'short', role: 'operator' }, h.admin), 400, 'validation');
  });

  it('limits anonymous ticket issuing, but not staff or device tokens', async () => {
    const h = await testHall({ QUEUE_KIOSK_RATE_PER_MIN: '3' });
    const svc = (await h.req('GET', '/api/services')).json[0].id;
    for (let i = 0; i < 3; i++) expect((await h.req('POST', '/api/tickets', { serviceId: svc })).status).toBe(201);
    isError(await h.req('POST', '/api/tickets', { serviceId: svc }), 429, 'rate_limited');
    expect((await h.req('POST', '/api/tickets', { serviceId: svc }, h.admin)).status).toBe(201);
  });
});

describe('bad input', () => {
  it('answers malformed JSON, wrong types, unknown fields and ids, huge bodies with 4xx and keeps serving', async () => {
    const h = await testHall();
    const svc = (await h.req('GET', '/api/services')).json[0].id;
    isError(await h.req('POST', '/api/tickets', '{"serviceId": '), 400, 'bad_json');
    isError(await h.req('POST', '/api/tickets', { serviceId: 'x' }), 400, 'validation');
    isError(await h.req('POST', '/api/tickets', { serviceId: String(svc) }), 400, 'validation');
    isError(await h.req('POST', '/api/tickets', { serviceId: -1 }), 400, 'validation');
    isError(await h.req('POST', '/api/tickets', { serviceId: svc, extra: 1 }), 400, 'validation');
    isError(await h.req('POST', '/api/tickets', [svc]), 400, 'validation');
    isError(await h.req('GET', '/api/tickets/abc'), 400, 'validation');
    isError(await h.req('GET', '/api/tickets/1e3'), 400, 'validation');
    isError(await h.req('GET', '/api/tickets/424242'), 404, 'not_found');
    isError(await h.req('GET', '/api/nothing-here'), 404, 'not_found');
    isError(await h.req('POST', '/api/tickets', JSON.stringify({ serviceId: svc, pad: 'x'.repeat(10 * 1024 * 1024) })), 413, 'too_large');
    isError(await h.req('POST', '/api/counters/1/postpone', { minutes: 'soon' }, h.admin), 400, 'validation');
    isError(await h.req('GET', '/api/stats/summary?from=yesterday&to=2026-03-11T00:00:00Z', undefined, h.admin), 400, 'validation');
    const ok = await h.req('POST', '/api/tickets', { serviceId: svc });
    expect(ok.status).toBe(201);
    expect(h.app.ctx.sql.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 1 });
  });
});

describe('pages', () => {
  it('serves the three screens, and their addresses without the slash redirect with the settings kept', async () => {
    const h = await testHall();
    for (const page of ['kiosk', 'console', 'display']) {
      const res = await h.app.inject({ method: 'GET', url: `/${page}/` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
    }
    const r = await h.app.inject({ method: 'GET', url: '/display?rows=4&counters=1,2' });
    expect(r.statusCode).toBe(302);
    expect(r.headers.location).toBe('/display/?rows=4&counters=1,2');
    // Security headers on pages, API answers and errors alike; plain http on a hall LAN: no HSTS,
    // no upgrade to https.
    for (const url of ['/kiosk/', '/api/health', '/api/nothing-here']) {
      const headers = (await h.app.inject({ method: 'GET', url })).headers;
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(String(headers['content-security-policy'])).toContain("default-src 'self'");
      expect(String(headers['content-security-policy'])).toContain("media-src 'self' blob: data:");
      expect(String(headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
      expect(headers['strict-transport-security']).toBeUndefined();
    }
  });
});
