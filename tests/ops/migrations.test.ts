// Migrations are all or nothing, take a copy of the file first, and refuse a database that a
// newer release wrote.
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsFolder, openDatabase } from '../../db/connection';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });
const tmp = () => { const d = mkdtempSync(join(tmpdir(), 'talon-mig-')); dirs.push(d); return d; };

/** A copy of the real migrations, cut to the first `count` and followed by `extra`. */
function folder(count: number, extra: { tag: string; sql: string }[] = []): string {
  const dir = tmp();
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  let when = journal.entries[journal.entries.length - 1].when;
  for (const e of extra) {
    writeFileSync(join(dir, `${e.tag}.sql`), e.sql);
    journal.entries.push({ idx: journal.entries.length, version: '6', when: ++when, tag: e.tag, breakpoints: true });
  }
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const all = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')).entries.length;

function hallAt(count: number) {
  const data = tmp();
  const file = join(data, 'talon.db');
  openDatabase(file, { migrationsFolder: folder(count) }).$client.close();
  const sql = new Database(file);
  sql.prepare("INSERT INTO services (name, prefix) VALUES ('Оплата', 'П')").run();
  const add = sql.prepare("INSERT INTO tickets (service_id, original_service_id, number, hall_day, seq, status, issued_at) VALUES (1, 1, ?, '2026-03-10', ?, 'waiting', 0)");
  for (let i = 1; i <= 3; i++) add.run(`П00${i}`, i);
  sql.close();
  return { data, file };
}

const tables = (file: string) => {
  const sql = new Database(file, { readonly: true });
  try {
    return {
      tables: (sql.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name),
      migrations: (sql.prepare('SELECT COUNT(*) AS n FROM __drizzle_migrations').get() as { n: number }).n,
      tickets: (sql.prepare('SELECT number FROM tickets ORDER BY id').all() as { number: string }[]).map((t) => t.number),
    };
  } finally { sql.close(); }
};

describe('migrations', () => {
  it('a new database gets every migration and no backup', () => {
    const data = tmp();
    openDatabase(join(data, 'talon.db')).$client.close();
    expect(tables(join(data, 'talon.db')).migrations).toBe(all);
    expect(readdirSync(data)).not.toContain('backups');
  });

  it('copies the file before migrating a database that holds data', () => {
    const { data, file } = hallAt(2);
    expect(tables(file).tables).not.toContain('audit_log');
    const now = Date.parse('2026-03-11T05:00:00Z');
    openDatabase(file, { now }).$client.close();
    const after = tables(file);
    expect(after).toMatchObject({ migrations: all, tickets: ['П001', 'П002', 'П003'] });
    expect(after.tables).toContain('audit_log');

    const backups = readdirSync(join(data, 'backups'));
    expect(backups).toEqual(['talon-20260311-050000-pre-migration.db']);
    const copy = join(data, 'backups', backups[0]);
    // The copy is the database as it was: the old schema, the same tickets; private to its owner.
    expect(tables(copy)).toMatchObject({ migrations: 2, tickets: ['П001', 'П002', 'П003'] });
    expect(tables(copy).tables).not.toContain('audit_log');
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    expect(statSync(join(data, 'backups')).mode & 0o777).toBe(0o700);

    openDatabase(file).$client.close(); // nothing pending: no second copy
    expect(readdirSync(join(data, 'backups'))).toHaveLength(1);
  });

  it('a failing migration changes nothing and says which one failed and why', () => {
    const { file } = hallAt(all);
    const before = tables(file);
    const broken = folder(all, [
      { tag: '0100_half', sql: 'CREATE TABLE `half_done` (`id` integer);\n--> statement-breakpoint\nALTER TABLE `tickets` ADD `extra` integer;\n--> statement-breakpoint\nUPDATE `no_such_table` SET x = 1;' },
    ]);
    expect(() => openDatabase(file, { migrationsFolder: broken })).toThrow(/migration 0100_half failed: no such table: no_such_table\. Nothing was changed.*a copy is in .*pre-migration\.db/);
    expect(tables(file)).toEqual(before);
    const cols = new Database(file, { readonly: true });
    expect((cols.prepare("SELECT COUNT(*) AS n FROM pragma_table_info('tickets') WHERE name = 'extra'").get() as { n: number }).n).toBe(0);
    cols.close();
  });

  it('a migration that would break a foreign key is rolled back', () => {
    const { file } = hallAt(all);
    const before = tables(file);
    const orphan = folder(all, [{ tag: '0100_orphans', sql: "INSERT INTO tickets (service_id, original_service_id, number, hall_day, seq, status, issued_at) VALUES (99, 99, 'X001', '2026-03-10', 1, 'waiting', 0);" }]);
    expect(() => openDatabase(file, { migrationsFolder: orphan })).toThrow(/the migrations failed: \d+ foreign key violation\(s\), e\.g\. in table \w+\. Nothing was changed/);
    expect(tables(file)).toEqual(before);
  });

  it('refuses a database written by a newer release, and a file that is not Talon\'s', () => {
    const { file } = hallAt(all);
    openDatabase(file, { migrationsFolder: folder(all, [{ tag: '0100_newer', sql: 'CREATE TABLE `newer` (`id` integer);' }]) }).$client.close();
    expect(() => openDatabase(file)).toThrow(/written by a newer Talon release/);
    expect(tables(file).tables).toContain('newer');

    const other = join(tmp(), 'other.db');
    const sql = new Database(other);
    sql.exec('CREATE TABLE notes (id integer)');
    sql.close();
    expect(() => openDatabase(other)).toThrow(/not a Talon database/);
  });
});
