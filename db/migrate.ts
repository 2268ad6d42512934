// Schema migrations, all or nothing. The pending migrations run in one transaction with foreign
// keys checked before the commit (SQLite's procedure for schema changes), after a copy of the
// file is taken; a failure rolls everything back and says which migration failed and why. A
// database that a newer (or another) release wrote is refused, not "migrated".
//
// The bookkeeping table is drizzle's (`__drizzle_migrations`: hash, created_at = the journal's
// `when`), so databases migrated by drizzle's own migrator before this runner carry on.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Migration { tag: string; when: number; hash: string; statements: string[] }

const TABLE = '__drizzle_migrations';

export function readMigrations(folder: string): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  return journal.entries.map(({ tag, when }) => {
    const text = readFileSync(join(folder, `${tag}.sql`), 'utf8');
    return { tag, when, hash: createHash('sha256').update(text).digest('hex'), statements: text.split('--> statement-breakpoint') };
  });
}

export type SchemaState =
  /** No table at all: a new file. */
  | { kind: 'empty'; pending: Migration[] }
  | { kind: 'talon'; applied: number; pending: Migration[] }
  /** Migrations this release does not know: a newer release (or another program) wrote it. */
  | { kind: 'newer'; applied: number; unknown: number[] }
  /** Tables, but not Talon's bookkeeping. */
  | { kind: 'foreign' };

export function schemaState(sql: Database.Database, migrations: Migration[]): SchemaState {
  const tables = (sql.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
  if (!tables.includes(TABLE)) return tables.length === 0 ? { kind: 'empty', pending: migrations } : { kind: 'foreign' };
  const done = (sql.prepare(`SELECT created_at AS at FROM ${TABLE} ORDER BY created_at`).all() as { at: number | string }[]).map((r) => Number(r.at));
  if (done.length === 0) return tables.length === 1 ? { kind: 'empty', pending: migrations } : { kind: 'foreign' };
  const known = new Set(migrations.map((m) => m.when));
  const unknown = done.filter((w) => !known.has(w));
  if (unknown.length > 0) return { kind: 'newer', applied: done.length, unknown };
  if (done[0] !== migrations[0]?.when || !['tickets', 'services', 'users'].every((t) => tables.includes(t))) return { kind: 'foreign' };
  const last = done[done.length - 1];
  return { kind: 'talon', applied: done.length, pending: migrations.filter((m) => m.when > last) };
}

export class SchemaError extends Error {}

/** Says what is wrong with a database this release cannot use, or null when it can. */
export function schemaProblem(state: SchemaState): string | null {
  if (state.kind === 'newer') return `the database was written by a newer Talon release (${state.unknown.length} migration(s) this release does not know): install that release again, or restore a backup taken before the upgrade with \`talon restore\``;
  if (state.kind === 'foreign') return 'the file is not a Talon database';
  return null;
}

/**
 * Applies the pending migrations. `backup` is called first when the database already holds
 * data, and must return the copy's path (it throws to stop the migration).
 */
export function migrateDatabase(sql: Database.Database, migrations: Migration[], backup: () => string): { applied: string[]; backup: string | null } {
  const state = schemaState(sql, migrations);
  const problem = schemaProblem(state);
  if (problem) throw new SchemaError(`Cannot open ${sql.name}: ${problem}.`);
  const pending = state.kind === 'talon' || state.kind === 'empty' ? state.pending : [];
  if (pending.length === 0) return { applied: [], backup: null };
  const copy = state.kind === 'talon' ? backup() : null;

  // foreign_keys cannot change inside a transaction: off around it, checked before the commit.
  sql.pragma('foreign_keys = OFF');
  let current = '';
  try {
    sql.exec('BEGIN IMMEDIATE');
    sql.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)`);
    const record = sql.prepare(`INSERT INTO ${TABLE} (hash, created_at) VALUES (?, ?)`);
    for (const m of pending) {
      current = m.tag;
      for (const statement of m.statements) if (statement.trim()) sql.exec(statement);
      record.run(m.hash, m.when);
    }
    current = '';
    const broken = sql.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`${broken.length} foreign key violation(s), e.g. in table ${(broken[0] as { table: string }).table}`);
    sql.exec('COMMIT');
  } catch (err) {
    if (sql.inTransaction) sql.exec('ROLLBACK');
    const where = current ? `migration ${current} failed` : 'the migrations failed';
    throw new SchemaError(`Cannot open ${sql.name}: ${where}: ${(err as Error).message}. Nothing was changed: the database is as it was before the upgrade${copy ? ` (a copy is in ${copy})` : ''}.`);
  } finally {
    sql.pragma('foreign_keys = ON');
  }
  return { applied: pending.map((m) => m.tag), backup: copy };
}
