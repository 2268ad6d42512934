// The `talon` command against a running server: a backup while tickets are issued, a new admin
// password that ends the old sessions, status and version; usage errors.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server-process';
import { talon } from '../helpers/talon-cli';

describe('talon', () => {
  it('backs up, resets the admin password and reports status while the server runs', async () => {
    const server = await startServer();
    try {
      const env = { DATA_DIR: join(server.dataDir, 'data'), PORT: String(server.port), HOST: '127.0.0.1' };
      const svc = (await server.call('GET', '/api/services')).json[0].id;
      for (let i = 0; i < 3; i++) await server.call('POST', '/api/tickets', { serviceId: svc });

      const b = await talon(env, 'backup');
      expect(b).toMatchObject({ code: 0, err: '' });
      const copy = new Database(b.out.trim(), { readonly: true });
      expect(copy.prepare('SELECT COUNT(*) AS n FROM tickets').get()).toEqual({ n: 3 });
      copy.close();
      const listed = (await server.call('GET', '/api/admin/backups', undefined, await server.login())).json;
      expect(listed.map((x: { file: string }) => x.file)).toContain(b.out.trim());

      const old = await server.login();
      const reset = await talon(env, 'reset-admin-password');
      expect(reset.code).toBe(0);
      const password = /is now: (\S+)/.exec(reset.out)![1];
      expect(password.length).toBeGreaterThanOrEqual(16);
      expect((await server.call('GET', '/api/auth/me', undefined, old)).status).toBe(401); // its sessions ended
      expect((await server.call('POST', '/api/auth/login', { login: 'admin', password: 'test-admin-Pa55' })).status).toBe(401);
      const fresh = await server.login('admin', password);
      expect((await server.call('GET', '/api/auth/me', undefined, fresh)).json.user.role).toBe('admin');
      const db = new Database(join(env.DATA_DIR, 'talon.db'), { readonly: true });
      expect(db.prepare("SELECT must_change_password AS m FROM users WHERE login = 'admin'").get()).toEqual({ m: 1 });
      expect(db.prepare("SELECT action, entity, after FROM audit_log WHERE action = 'reset_password'").get()).toEqual({ action: 'reset_password', entity: 'user', after: '{"by":"talon reset-admin-password","login":"admin"}' });
      expect(JSON.stringify(db.prepare('SELECT * FROM audit_log').all())).not.toContain(password);
      db.close();

      // An administrator that does not exist (renamed, deleted) is created.
      const created = await talon(env, 'reset-admin-password', 'helpdesk');
      const second = /is now: (\S+)/.exec(created.out)![1];
      const helpdesk = await server.login('helpdesk', second);
      expect((await server.call('GET', '/api/auth/me', undefined, helpdesk)).json.user).toMatchObject({ login: 'helpdesk', role: 'admin' });

      const status = await talon(env, 'status');
      expect(status.code).toBe(0);
      expect(status.out).toMatch(/^Talon \d+\.\d+\.\d+ \(Node\.js v20/);
      expect(status.out).toMatch(/server: {3}answering on port \d+/);
      expect(status.out).toMatch(/backups: {2}1 in .*; last talon-\d{8}-\d{6}\.db \(manual, \d+ min ago\)/);
      const version = await talon(env, 'version');
      expect(version.out).toMatch(/database: \d+ migrations applied\n/);

      await server.kill('SIGTERM');
      const down = await talon(env, 'status');
      expect(down.code).toBe(1);
      expect(down.out).toMatch(/server: {3}not answering on port/);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('says how to use it', async () => {
    for (const args of [['restore'], ['--bogus']]) {
      const r = await talon({ DATA_DIR: '/nonexistent' }, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/usage: talon status \| backup/);
    }
    const none = await talon({ DATA_DIR: '/nonexistent/talon' }, 'backup');
    expect(none).toMatchObject({ code: 1, err: expect.stringMatching(/^talon: no database at \/nonexistent\/talon\/talon\.db/) });
  }, 60_000);
});
