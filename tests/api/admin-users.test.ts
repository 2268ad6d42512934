// Users and their sessions: deactivation ends them for good, a password change ends the others,
// a generated or reset password must be changed first, the last administrator stays.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testHall, type TestHall } from '../helpers/app';

const PASS = 'operator-Pa55';
const login = async (h: TestHall, l: string, p = PASS) => h.req('POST', '/api/auth/login', { login: l, password: p });
const me = (h: TestHall, token: string) => h.req('GET', '/api/counters', undefined, token);

async function user(h: TestHall, l: string, role = 'operator') {
  const r = await h.req('POST', '/api/admin/users', { login: l, name: l, password: PASS, role }, h.admin);
  expect(r.status).toBe(201);
  return r.json.id as number;
}

describe('sessions', () => {
  it('deactivation ends a session on the next request, and reactivation does not bring it back', async () => {
    const h = await testHall();
    const id = await user(h, 'olga');
    const t1 = (await login(h, 'olga')).json.token;
    const t2 = (await login(h, 'olga')).json.token;
    expect((await me(h, t1)).status).toBe(200);
    expect((await h.req('PATCH', `/api/admin/users/${id}`, { active: false }, h.admin)).status).toBe(200);
    expect((await me(h, t1)).status).toBe(401);
    expect((await login(h, 'olga')).status).toBe(401);
    expect((await h.req('PATCH', `/api/admin/users/${id}`, { active: true }, h.admin)).status).toBe(200);
    expect((await me(h, t1)).status).toBe(401);
    expect((await me(h, t2)).status).toBe(401);
    const t3 = (await login(h, 'olga')).json.token;
    expect((await me(h, t3)).status).toBe(200);
  });

  it('one\'s own password change ends the other sessions and keeps this one', async () => {
    const h = await testHall();
    await user(h, 'ivan');
    const here = (await login(h, 'ivan')).json.token;
    const there = (await login(h, 'ivan')).json.token;
    expect((await h.req('POST', '/api/auth/password', { current: 'wrong-one', password: 'new-Pa55word' }, here)).json.error).toBe('wrong_password');
    expect((await me(h, there)).status).toBe(200); // a wrong current password changes nothing
    const r = await h.req('POST', '/api/auth/password', { current: PASS, password: 'new-Pa55word' }, here);
    expect(r.status).toBe(200);
    expect(r.json.sessionsEnded).toBe(1);
    expect((await me(h, here)).status).toBe(200);
    expect((await me(h, there)).status).toBe(401);
    expect((await login(h, 'ivan')).status).toBe(401);
    expect((await login(h, 'ivan', 'new-Pa55word')).status).toBe(200);
  });

  it('an administrator\'s new password for a user, and "end all sessions", end every session', async () => {
    const h = await testHall();
    const id = await user(h, 'pavel');
    const t1 = (await login(h, 'pavel')).json.token;
    expect((await h.req('PATCH', `/api/admin/users/${id}`, { password: 'other-Pa55word' }, h.admin)).status).toBe(200);
    expect((await me(h, t1)).status).toBe(401);
    const t2 = (await login(h, 'pavel', 'other-Pa55word')).json.token;
    const r = await h.req('POST', `/api/admin/users/${id}/end-sessions`, undefined, h.admin);
    expect(r.json).toEqual({ ended: 1 });
    expect((await me(h, t2)).status).toBe(401);
  });

  it('a reset password is generated, shown once, and must be changed before anything else', async () => {
    const h = await testHall();
    const id = await user(h, 'anna');
    const old = (await login(h, 'anna')).json.token;
    const reset = await h.req('POST', `/api/admin/users/${id}/reset-password`, undefined, h.admin);
    expect(reset.status).toBe(200);
    expect(reset.json.password).toMatch(/^[A-Za-z2-9]{12}$/);
    expect((await me(h, old)).status).toBe(401);
    expect(JSON.stringify((await h.req('GET', '/api/admin/users', undefined, h.admin)).json)).not.toContain(reset.json.password);
    const l = await login(h, 'anna', reset.json.password);
    expect(l.json.user.mustChangePassword).toBe(true);
    const r = await me(h, l.json.token);
    expect(r.status).toBe(403);
    expect(r.json.error).toBe('password_change_required');
    expect((await h.req('GET', '/api/auth/me', undefined, l.json.token)).json.user.mustChangePassword).toBe(true);
    expect((await h.req('POST', '/api/auth/password', { current: reset.json.password, password: 'anna-own-Pa55' }, l.json.token)).status).toBe(200);
    expect((await me(h, l.json.token)).status).toBe(200);
    expect((await login(h, 'anna', 'anna-own-Pa55')).json.user.mustChangePassword).toBe(false);
  });

  it('a user created without a password gets a generated one to change at the first login', async () => {
    const h = await testHall();
    const r = await h.req('POST', '/api/admin/users', { login: 'new', name: 'Новый', role: 'operator' }, h.admin);
    expect(r.status).toBe(201);
    expect(r.json.mustChangePassword).toBe(true);
    const l = await login(h, 'new', r.json.password);
    expect(l.status).toBe(200);
    expect((await me(h, l.json.token)).json.error).toBe('password_change_required');
  });

  it('the last active administrator cannot be demoted or deactivated; with a second one they can', async () => {
    const h = await testHall();
    const admins = (await h.req('GET', '/api/admin/users', undefined, h.admin)).json.filter((u: any) => u.role === 'admin');
    expect(admins).toHaveLength(1);
    const id = admins[0].id;
    for (const patch of [{ role: 'supervisor' }, { active: false }]) {
      const r = await h.req('PATCH', `/api/admin/users/${id}`, patch, h.admin);
      expect(r.status).toBe(409);
      expect(r.json.error).toBe('last_admin');
    }
    expect((await me(h, h.admin)).status).toBe(200);
    const second = await user(h, 'boss', 'admin');
    expect((await h.req('PATCH', `/api/admin/users/${id}`, { role: 'supervisor' }, h.admin)).status).toBe(200);
    // The demoted admin's token no longer has the rights; the other admin is now the last one.
    expect((await h.req('GET', '/api/admin/users', undefined, h.admin)).status).toBe(403);
    const boss = (await login(h, 'boss')).json.token;
    expect((await h.req('PATCH', `/api/admin/users/${second}`, { active: false }, boss)).json.error).toBe('last_admin');
  });
});

describe('the first start', () => {
  it('a generated admin password is written to the file and must be changed at the first login', async () => {
    const h = await testHall({ QUEUE_ADMIN_PASSWORD: '' });
    const password = readFileSync(join(h.dir, 'initial-admin-password.txt'), 'utf8').trim();
    const l = await login(h, 'admin', password);
    expect(l.json.user.mustChangePassword).toBe(true);
    expect((await h.req('GET', '/api/admin/services', undefined, l.json.token)).json.error).toBe('password_change_required');
  });

  it('a password given in QUEUE_ADMIN_PASSWORD is the installer\'s choice: no forced change', async () => {
    const h = await testHall();
    expect((await h.req('GET', '/api/auth/me', undefined, h.admin)).json.user.mustChangePassword).toBe(false);
  });
});
