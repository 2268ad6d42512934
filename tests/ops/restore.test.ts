// `talon restore`: a round trip brings back exactly the tickets of the backup; a corrupt,
// foreign or newer file is refused and nothing changes.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from '../../db/connection';
import { readMigrations } from '../../db/migrate';
import { RestoreRefused, checkBackup, restoreBackup } from '../../server/ops/restore';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { talon } from '../helpers/talon-cli';

const rows = (file: string) => {
  const sql = new Database(file, { readonly: true });
  try { return sql.prepare('SELECT * FROM tickets ORDER BY id').all(); } finally { sql.close(); }
};
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('talon restore', () => {
  let server: ServerProcess;

  it('brings back exactly the tickets of the backup, keeps the current database, refuses while the server runs', async () => {
    server = await startServer();
    const data = join(server.dataDir, 'data');
    const env = { DATA_DIR: data, PORT: String(server.port), HOST: '127.0.0.1' };
    const svc = (await server.call('GET', '/api/services')).json[0].id;
    for (let i = 0; i < 3; i++) expect((await server.call('POST', '/api/tickets', { serviceId: svc })).status).toBe(201);
    const admin = await server.login();
    const backup = (await server.call('POST', '/api/admin/backup', undefined, admin)).json.file as string;
    for (let i = 0; i < 2; i++) await server.call('POST', '/api/tickets', { serviceId: svc });

    const running = await talon(env, 'restore', backup);
    expect(running.code).toBe(1);
    expect(running.err).toMatch(/the server answers on port \d+: stop it first/);
    expect((await server.call('GET', '/api/tickets/5')).status).toBe(200);

    await server.kill('SIGTERM');
    const before = rows(join(data, 'talon.db'));
    expect(before).toHaveLength(5);
    const r = await talon(env, 'restore', backup);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/restored .*: 3 tickets/);
    expect(rows(join(data, 'talon.db'))).toEqual(rows(backup));
    expect(rows(backup)).toEqual(before.slice(0, 3));
    const kept = /kept in (\S+)/.exec(r.out)![1];
    expect(kept).toMatch(/-pre-restore\.db$/);
    expect(rows(kept)).toEqual(before);

    await server.restart();
    expect((await server.call('GET', '/api/tickets/3')).status).toBe(200);
    expect((await server.call('GET', '/api/tickets/4')).status).toBe(404);
    const next = (await server.call('POST', '/api/tickets', { serviceId: svc })).json;
    expect(next.id).toBe(4);
    await server.stop();
  }, 120_000);

  it('refuses a corrupt, truncated, foreign or newer file and changes nothing', async () => {
    const data = mkdtempSync(join(tmpdir(), 'talon-restore-'));
    dirs.push(data);
    const db = join(data, 'talon.db');
    const hall = openDatabase(db).$client;
    hall.prepare("INSERT INTO services (name, prefix) VALUES ('Оплата', 'П')").run();
    hall.prepare("INSERT INTO tickets (service_id, original_service_id, number, hall_day, seq, status, issued_at) VALUES (1, 1, 'П001', '2026-03-10', 1, 'waiting', 0)").run();
    const good = join(data, 'good.db');
    hall.prepare('VACUUM INTO ?').run(good);
    hall.close();
    expect(checkBackup(good)).toEqual({ tickets: 1, migrations: readMigrations(migrationsFolder).length, pending: 0 });

    const bad: [string, (f: string) => void, RegExp][] = [
      ['garbage', (f) => writeFileSync(f, Buffer.alloc(8192, 7)), /not a usable SQLite database: file is not a database/],
      ['truncated', (f) => writeFileSync(f, readFileSync(good).subarray(0, 4096 * 3)), /damaged: PRAGMA integrity_check says|not a usable SQLite database/],
      ['a damaged page', (f) => {
        // The header of the tickets table's first page overwritten (a bad sector, a half write).
        const s = new Database(good, { readonly: true });
        const { page, size } = s.prepare("SELECT rootpage AS page, (SELECT page_size FROM pragma_page_size) AS size FROM sqlite_schema WHERE name = 'tickets'").get() as { page: number; size: number };
        s.close();
        const bytes = readFileSync(good);
        bytes.fill(0xff, (page - 1) * size, (page - 1) * size + 12);
        writeFileSync(f, bytes);
      }, /damaged: PRAGMA integrity_check says|malformed/],
      ['foreign', (f) => { const s = new Database(f); s.exec('CREATE TABLE notes (id integer, text text)'); s.close(); }, /not a Talon database/],
      ['empty', (f) => writeFileSync(f, ''), /holds no Talon database/],
      ['newer', (f) => {
        const folder = join(data, 'newer-migrations');
        cpSync(migrationsFolder, folder, { recursive: true });
        const journal = JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8'));
        journal.entries.push({ idx: 3, version: '6', when: journal.entries.at(-1).when + 1, tag: '0100_next', breakpoints: true });
        writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify(journal));
        writeFileSync(join(folder, '0100_next.sql'), 'CREATE TABLE `next_thing` (`id` integer);');
        cpSync(good, f);
        openDatabase(f, { migrationsFolder: folder }).$client.close();
      }, /written by a newer Talon release/],
    ];
    const state = () => ({ db: digest(db), files: readdirSync(data).sort(), backups: existsSync(join(data, 'backups')) ? readdirSync(join(data, 'backups')) : [] });
    for (const [what, make, reason] of bad) {
      const file = join(data, `${what.replace(/ /g, '-')}.db`);
      make(file);
      const before = state();
      expect(() => restoreBackup(file, db, Date.now()), what).toThrow(RestoreRefused);
      expect(() => restoreBackup(file, db, Date.now()), what).toThrow(reason);
      expect(state(), what).toEqual(before);
    }
    expect(rows(db)).toHaveLength(1);

    // The command says it plainly, with its own exit status.
    const r = await talon({ DATA_DIR: data, PORT: '1' }, 'restore', join(data, 'foreign.db'));
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/^talon: .*foreign\.db cannot be restored: the file is not a Talon database/);
    const missing = await talon({ DATA_DIR: data, PORT: '1' }, 'restore', join(data, 'nope.db'));
    expect(missing).toMatchObject({ code: 3, err: expect.stringMatching(/no such file/) });
  }, 60_000);
});
