// The audit log: each administrative change through the API with who, when, what, before and
// after; never a password, hash or token; nothing for a change that was refused; filters and CSV.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, testHall, type TestHall } from '../helpers/app';

const audit = async (h: TestHall, q = '') => (await h.req('GET', `/api/admin/audit${q}`, undefined, h.admin)).json as any[];

function rawAudit(h: TestHall): string {
  const db = new Database(join(h.dir, 'talon.db'), { readonly: true });
  try { return JSON.stringify(db.prepare('SELECT * FROM audit_log').all()); } finally { db.close(); }
}

describe('audit log', () => {
  it('records every change with its user, before and after, and no secret', async () => {
    const h = await testHall();
    const adminId = (await h.req('GET', '/api/auth/me', undefined, h.admin)).json.user.id;
    const svc = (await h.req('POST', '/api/admin/services', { name: 'Водомеры', prefix: 'В', maxWaitSec: 600 }, h.admin)).json;
    await h.req('PATCH', `/api/admin/services/${svc.id}`, { maxWaitSec: 1200, ticketFooter: 'Паспорт' }, h.admin);
    const ctr = (await h.req('POST', '/api/admin/counters', { name: 'Окно В', services: [{ serviceId: svc.id, priority: 1 }] }, h.admin)).json;
    await h.req('PUT', '/api/admin/counter-services', { grid: [{ counterId: ctr.id, services: [{ serviceId: svc.id, priority: 2 }] }] }, h.admin);
    const u = (await h.req('POST', '/api/admin/users', { login: 'vera', name: 'Вера', password: 'secret-Pa55word', role: 'operator' }, h.admin)).json;
    await h.req('PATCH', `/api/admin/users/${u.id}`, { password: 'second-Pa55word', role: 'supervisor' }, h.admin);
    const reset = (await h.req('POST', `/api/admin/users/${u.id}/reset-password`, undefined, h.admin)).json;
    const n = (await h.req('POST', '/api/admin/notices', { text: 'Отключение воды до 18:00' }, h.admin)).json;
    await h.req('DELETE', `/api/admin/notices/${n.id}`, undefined, h.admin);
    await h.req('PUT', '/api/admin/settings', { recallLimit: 5, publicUrl: 'http://10.1.2.3:8080/' }, h.admin);
    await h.req('PUT', '/api/admin/calendar', { week: { 1: { open: '08:00', close: '17:00' } }, holidays: ['2026-05-01'], days: {} }, h.admin);
    const dev = (await h.req('POST', '/api/admin/devices', { kind: 'printer', name: 'Киоск' }, h.admin)).json;
    const token = (await h.req('POST', `/api/admin/devices/${dev.id}/token`, undefined, h.admin)).json.token;

    const all = await audit(h);
    // The first start applied the demo hall's template and made the admin, as the server itself.
    expect(all.filter((e) => e.user === null).map((e) => `${e.action} ${e.entity}`)).toEqual(['create user', 'template config']);
    const log = all.filter((e) => e.user !== null);
    const find = (entity: string, action: string) => log.find((e) => e.entity === entity && e.action === action);
    expect(log.every((e) => e.user?.id === adminId && typeof e.at === 'string')).toBe(true);
    expect(find('service', 'create')).toMatchObject({ entityId: String(svc.id), before: null, after: { name: 'Водомеры', prefix: 'В', maxWaitSec: 600 } });
    expect(find('service', 'update')).toMatchObject({ before: { maxWaitSec: 600, ticketFooter: '' }, after: { maxWaitSec: 1200, ticketFooter: 'Паспорт' } });
    expect(Object.keys(find('service', 'update').after).sort()).toEqual(['maxWaitSec', 'ticketFooter']);
    expect(find('counter', 'create').after).toMatchObject({ name: 'Окно В', services: [{ serviceId: svc.id, priority: 1 }] });
    expect(find('counter_services', 'update')).toMatchObject({ before: { services: [{ priority: 1 }] }, after: { services: [{ priority: 2 }] } });
    expect(find('user', 'create').after).toMatchObject({ login: 'vera', role: 'operator' });
    expect(find('user', 'update')).toMatchObject({ before: { role: 'operator' }, after: { role: 'supervisor' } });
    expect(find('user', 'change_password')).toMatchObject({ entityId: String(u.id), before: null, after: null });
    expect(find('user', 'reset_password').after).toMatchObject({ mustChangePassword: true });
    expect(find('notice', 'create').after).toMatchObject({ text: 'Отключение воды до 18:00' });
    expect(find('notice', 'delete').before).toMatchObject({ text: 'Отключение воды до 18:00' });
    expect(find('settings', 'update')).toMatchObject({ before: { recallLimit: 3, publicUrl: null }, after: { recallLimit: 5, publicUrl: 'http://10.1.2.3:8080' } });
    expect(find('calendar', 'update').after).toMatchObject({ holidays: ['2026-05-01'] });
    expect(find('device', 'create').after).toMatchObject({ kind: 'printer', name: 'Киоск' });
    expect(find('device', 'issue_token').after).toEqual({ tokenIssued: true, olderTokensRevoked: true });

    const raw = rawAudit(h);
    for (const secret of ['secret-Pa55word', 'second-Pa55word', reset.password, token, ADMIN, 'scrypt$', 'passwordHash', 'password_hash', 'tokenHash']) {
      expect(raw).not.toContain(secret);
    }
  });

  it('a refused change leaves no record: the change and its record are one transaction', async () => {
    const h = await testHall();
    const before = (await audit(h)).length;
    expect((await h.req('POST', '/api/admin/services', { name: 'Дубль', prefix: 'П' }, h.admin)).status).toBe(409);
    const admins = (await h.req('GET', '/api/admin/users', undefined, h.admin)).json;
    expect((await h.req('PATCH', `/api/admin/users/${admins[0].id}`, { active: false }, h.admin)).status).toBe(409);
    expect((await h.req('PUT', '/api/admin/counter-services', { grid: [{ counterId: 1, services: [{ serviceId: 1, priority: 1 }, { serviceId: 1, priority: 2 }] }] }, h.admin)).status).toBe(409);
    expect((await audit(h)).length).toBe(before);
  });

  it('filters by time, entity and user, and exports CSV with neutralised cells', async () => {
    const h = await testHall();
    await h.req('POST', '/api/admin/services', { name: '=HYPERLINK("http://x")', prefix: 'Ж' }, h.admin);
    h.clock.advance(3600_000);
    const t = new Date(h.clock.now).toISOString();
    await h.req('POST', '/api/admin/notices', { text: 'Позже' }, h.admin);
    const later = await audit(h, `?from=${encodeURIComponent(t)}`);
    expect(later.map((e) => e.entity)).toEqual(['notice']);
    expect((await audit(h, `?to=${encodeURIComponent(t)}&entity=service`)).map((e) => e.after.prefix)).toEqual(['Ж']);
    const adminId = (await h.req('GET', '/api/auth/me', undefined, h.admin)).json.user.id;
    expect((await audit(h, `?userId=${adminId}`)).length).toBe(2); // not the server's own first-start record
    expect(await audit(h, `?userId=${adminId + 100}`)).toEqual([]);
    expect((await h.req('GET', '/api/admin/audit?from=yesterday', undefined, h.admin)).status).toBe(400);

    const csv = await h.app.inject({ url: '/api/admin/audit.csv?entity=service', headers: { authorization: `Bearer ${h.admin}` } });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('at,login,user,action,entity,entity_id,before,after');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',admin,');
    expect(lines[1]).toContain('""name"":""=HYPERLINK'); // inside the JSON cell, which itself starts with {
    expect(lines[1].split(',').some((cell) => cell.startsWith('='))).toBe(false);
  });

  it('is for administrators only', async () => {
    const h = await testHall();
    const op = await h.operator();
    expect((await h.req('GET', '/api/admin/audit', undefined, op)).status).toBe(403);
    expect((await h.req('GET', '/api/admin/audit')).status).toBe(401);
  });
});
