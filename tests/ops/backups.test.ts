// Backups: the daily job on an injected clock with retention, listing and download, a copy read
// by the sqlite3 shell while the server issues tickets, staleness in the health detail.
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ADMIN, testHall, type TestHall } from '../helpers/app';
import { startServer } from '../helpers/server-process';

const run = promisify(execFile);
const H = 3600_000;
/** 2026-03-10T07:00Z is 10:00 in Moscow (UTC+3, no DST): the test hall's clock starts there. */
const moscow = (day: number, hhmm: string) => Date.parse(`2026-03-${String(day).padStart(2, '0')}T${hhmm}:00+03:00`);

const files = (h: TestHall) => readdirSync(join(h.dir, 'backups')).sort();

describe('daily backup', () => {
  it('runs at the set time in the hall zone, once, and keeps the set number of copies', async () => {
    const h = await testHall();
    const backups = h.app.ctx.backups;
    expect(await backups.check()).toBeNull(); // a new hall without tickets: nothing worth a copy
    const svc = (await h.req('GET', '/api/services')).json[0].id;
    await h.req('POST', '/api/tickets', { serviceId: svc });
    // The hall's first ticket, and no daily copy yet: the first one is made at once.
    expect((await backups.check())!.file).toMatch(/talon-20260310-070000-daily\.db$/);
    expect(await backups.check()).toBeNull();

    const manual = (await h.req('POST', '/api/admin/backup', undefined, h.admin)).json;
    // The time and the retention are hall settings.
    expect((await h.req('PUT', '/api/admin/settings', { backup: { time: '3:00', keep: 3 } }, h.admin)).status).toBe(400);
    expect((await h.req('PUT', '/api/admin/settings', { backup: { time: '03:00', keep: 0 } }, h.admin)).status).toBe(400);
    expect((await h.req('PUT', '/api/admin/settings', { backup: { time: '03:00', keep: 3 } }, h.admin)).json.backup).toEqual({ time: '03:00', keep: 3 });
    h.clock.now = moscow(11, '02:59');
    expect(await backups.check()).toBeNull(); // not yet: 03:00 today has not come
    h.clock.now = moscow(11, '03:00') + 20_000;
    expect((await backups.check())!.file).toMatch(/talon-20260311-000020-daily\.db$/);
    h.clock.now = moscow(11, '03:40');
    expect(await backups.check()).toBeNull(); // once a day
    for (const day of [12, 13, 14]) {
      h.clock.now = moscow(day, '03:00') + 5_000;
      const made = await backups.check();
      expect(made!.pruned).toEqual(day === 14 ? ['talon-20260311-000020-daily.db'] : day === 13 ? ['talon-20260310-070000-daily.db'] : []);
    }
    expect(files(h)).toEqual([
      'talon-20260310-070000.db', // the manual copy: retention is for daily copies only
      'talon-20260312-000005-daily.db', 'talon-20260313-000005-daily.db', 'talon-20260314-000005-daily.db',
    ]);
    expect(manual.file).toMatch(/talon-20260310-070000\.db$/);

    // Switched off at night: the copy is made when it is switched on.
    h.clock.now = moscow(16, '08:15');
    expect((await backups.check())!.file).toMatch(/talon-20260316-051500-daily\.db$/);
    // Another time of day from the settings.
    h.app.ctx.settings.update({ backup: { time: '22:30', keep: 3 } });
    h.clock.now = moscow(16, '22:29');
    expect(await backups.check()).toBeNull();
    h.clock.now = moscow(16, '22:31');
    expect(await backups.check()).not.toBeNull();
    expect(backups.status().next).toBe(new Date(moscow(17, '22:30')).toISOString());
  });

  it('is listed newest first and downloadable by an administrator only', async () => {
    const h = await testHall();
    const svc = (await h.req('GET', '/api/services')).json[0].id;
    await h.req('POST', '/api/tickets', { serviceId: svc });
    await h.app.ctx.backups.check();
    h.clock.advance(60_000);
    const manual = (await h.req('POST', '/api/admin/backup', undefined, h.admin)).json;
    const list = await h.req('GET', '/api/admin/backups', undefined, h.admin);
    expect(list.status).toBe(200);
    expect(list.json).toEqual([
      { file: manual.file, name: 'talon-20260310-070100.db', bytes: manual.bytes, at: '2026-03-10T07:01:00.000Z', kind: 'manual' },
      { file: expect.stringMatching(/daily\.db$/), name: 'talon-20260310-070000-daily.db', bytes: expect.any(Number), at: '2026-03-10T07:00:00.000Z', kind: 'daily' },
    ]);
    const op = await h.operator();
    expect((await h.req('GET', '/api/admin/backups', undefined, op)).status).toBe(403);
    expect((await h.req('GET', '/api/admin/backups/talon-20260310-070100.db', undefined, op)).status).toBe(403);

    const dl = await h.app.inject({ url: '/api/admin/backups/talon-20260310-070100.db', headers: { authorization: `Bearer ${h.admin}` } });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/vnd.sqlite3');
    expect(dl.headers['content-disposition']).toBe('attachment; filename="talon-20260310-070100.db"');
    expect(dl.rawPayload.equals(readFileSync(manual.file))).toBe(true);
    for (const [name, status] of [['talon-20990101-000000.db', 404], ['..%2Ftalon.db', 400], ['talon.db', 400]] as const) {
      const r = await h.req('GET', `/api/admin/backups/${name}`, undefined, h.admin);
      expect(r.status, name).toBe(status);
      expect(r.json.error).toBe(status === 404 ? 'not_found' : 'validation');
    }
    // Private: they hold password hashes and every ticket.
    expect(statSync(join(h.dir, 'backups')).mode & 0o777).toBe(0o700);
    for (const f of files(h)) expect(statSync(join(h.dir, 'backups', f)).mode & 0o777).toBe(0o600);
  });

  it('a stale last backup is an alert and a problem in the health detail', async () => {
    const h = await testHall();
    const started = h.clock.now;
    // Staff tokens last a shift: a new login after each jump of the clock.
    const admin = async () => (await h.req('POST', '/api/auth/login', { login: 'admin', password: ADMIN })).json.token;
    const health = async () => (await h.req('GET', '/api/admin/health', undefined, await admin())).json;
    const fresh = await health();
    expect(fresh).toMatchObject({
      status: 'ok', problems: [], release: expect.stringMatching(/^\d+\.\d+\.\d+/), uptimeSec: 0, websockets: 0, devices: [],
      database: { file: join(h.dir, 'talon.db'), bytes: expect.any(Number), walBytes: expect.any(Number) },
      disk: { freeBytes: expect.any(Number), totalBytes: expect.any(Number) },
      backup: { last: null, stale: false },
    });
    expect(fresh.database.bytes).toBeGreaterThan(0);
    expect((await h.req('GET', '/api/admin/health', undefined, await h.operator())).status).toBe(403);
    expect((await h.req('GET', '/api/admin/health')).status).toBe(401);
    // the live hall's alert list (GET /api/stats/live) says so too
    const backupAlerts = async () => ((await h.req('GET', '/api/stats/live', undefined, await admin())).json.alerts as { kind: string }[]).filter((a) => a.kind === 'backup_stale');
    expect(await backupAlerts()).toEqual([]);
    h.clock.now = started + 27 * H; // running a day and more without any copy
    expect(await backupAlerts()).toEqual([expect.objectContaining({ kind: 'backup_stale', severity: 'warning', messageEn: 'No backup of the database yet', since: new Date(started + 26 * H).toISOString() })]);

    const token = await admin();
    await h.req('POST', '/api/admin/backup', undefined, token);
    const at = Date.parse((await h.req('GET', '/api/admin/backups', undefined, token)).json[0].at);
    expect(await backupAlerts()).toEqual([]);
    h.clock.now = at + 25 * H;
    expect((await health()).backup).toMatchObject({ stale: false, ageSec: 25 * 3600 });
    h.clock.now = at + 30 * H;
    const late = await health();
    expect(late).toMatchObject({ status: 'warning', backup: { stale: true, staleSince: new Date(at + 26 * H).toISOString() }, uptimeSec: Math.round((h.clock.now - started) / 1000) });
    expect(late.problems).toEqual([expect.stringMatching(/^the last backup is older than a day/)]);
    expect(await backupAlerts()).toEqual([expect.objectContaining({ messageEn: 'The last backup of the database is 30 hours old', message: 'Последней резервной копии базы 30 ч' })]);
  });
});

describe('online backup', () => {
  it('is a file the sqlite3 shell reads while the server issues tickets', async () => {
    const server = await startServer();
    try {
      const admin = await server.login();
      const svc = (await server.call('GET', '/api/services')).json[0].id;
      let issued = 0;
      let stop = false;
      // Four clients issue tickets the whole time the copies are taken.
      const clients = Array.from({ length: 4 }, async () => {
        while (!stop) if ((await server.call('POST', '/api/tickets', { serviceId: svc }, admin)).status === 201) issued++;
      });
      while (issued < 50) await new Promise((r) => setTimeout(r, 20));
      const copies: { file: string; before: number; after: number }[] = [];
      for (let i = 0; i < 3; i++) {
        const before = issued;
        const b = await server.call('POST', '/api/admin/backup', undefined, admin);
        expect(b.status).toBe(201);
        copies.push({ file: b.json.file, before, after: issued });
      }
      stop = true;
      await Promise.all(clients);
      for (const c of copies) {
        const { stdout } = await run('sqlite3', ['-readonly', c.file, 'PRAGMA integrity_check; SELECT COUNT(*) FROM tickets; SELECT COUNT(DISTINCT number) = COUNT(*) FROM tickets;']);
        const [integrity, count, unique] = stdout.trim().split('\n');
        expect(integrity).toBe('ok');
        // Every ticket answered before the copy began is in it; none after it ended.
        expect(Number(count)).toBeGreaterThanOrEqual(c.before);
        expect(Number(count)).toBeLessThanOrEqual(c.after + 4);
        expect(unique).toBe('1');
      }
      expect(issued).toBeGreaterThan(copies[2].before);
      const live = new Database(join(server.dataDir, 'data', 'talon.db'), { readonly: true });
      expect((live.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n).toBe(issued);
      live.close();
    } finally {
      await server.stop();
    }
  }, 90_000);
});
