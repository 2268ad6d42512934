// Restoring a backup with the server stopped. The file is copied next to the database and
// checked there (SQLite opens it, PRAGMA integrity_check says ok, its schema is Talon's and not
// newer than this release); only then is the current database kept as a pre-restore backup and
// replaced by one rename. A refused file changes nothing.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, mkdtempSync, openSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { migrationsFolder } from '../../db/connection';
import { readMigrations, schemaProblem, schemaState } from '../../db/migrate';
import { backupsDir, newBackupPath, prepareDir, vacuumBackup } from './backup-files';

export class RestoreRefused extends Error {}

export interface BackupCheck { tickets: number; migrations: number; pending: number }

/** Checks a database file as a backup this release can restore; throws RestoreRefused that
 * names the file as `shown`. */
export function checkBackup(file: string, shown = file): BackupCheck {
  if (!existsSync(file)) throw new RestoreRefused(`${shown}: no such file`);
  let sql: Database.Database;
  try {
    sql = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new RestoreRefused(`${shown} cannot be opened as an SQLite database: ${(err as Error).message}`);
  }
  try {
    let integrity: unknown;
    try { integrity = sql.pragma('integrity_check', { simple: true }); } catch (err) {
      throw new RestoreRefused(`${shown} is not a usable SQLite database: ${(err as Error).message}`);
    }
    if (integrity !== 'ok') throw new RestoreRefused(`${shown} is damaged: PRAGMA integrity_check says ${String(integrity).slice(0, 300)}`);
    const state = schemaState(sql, readMigrations(migrationsFolder));
    const problem = schemaProblem(state) ?? (state.kind === 'empty' ? 'the file holds no Talon database' : null);
    if (problem || state.kind !== 'talon') throw new RestoreRefused(`${shown} cannot be restored: ${problem}`);
    const tickets = (sql.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
    return { tickets, migrations: state.applied, pending: state.pending.length };
  } finally {
    sql.close();
  }
}

/** checkBackup on a temporary copy: opening a file, even read-only, can leave a journal beside it. */
export function checkBackupCopy(file: string): BackupCheck {
  if (!existsSync(file)) throw new RestoreRefused(`${file}: no such file`);
  const dir = mkdtempSync(join(tmpdir(), 'talon-check-'));
  try {
    copyFileSync(file, join(dir, 'copy.db'));
    return checkBackup(join(dir, 'copy.db'), file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function syncDir(dir: string) {
  const fd = openSync(dir, 'r');
  try { fsyncSync(fd); } finally { closeSync(fd); }
}

/**
 * Replaces `dbFile` by the backup `file`. The server must be stopped (the caller makes sure).
 * Returns the copy of the database as it was, or null when there was none.
 */
export function restoreBackup(file: string, dbFile: string, now: number): { check: BackupCheck; previous: string | null } {
  if (!existsSync(file)) throw new RestoreRefused(`${file}: no such file`);
  const incoming = `${dbFile}.restoring`;
  rmSync(incoming, { force: true });
  copyFileSync(file, incoming);
  try {
    chmodSync(incoming, 0o600);
    const check = checkBackup(incoming, file);
    const previous = existsSync(dbFile) ? keepCurrent(dbFile, now) : null;
    renameSync(incoming, dbFile);
    for (const f of [`${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
    syncDir(dirname(dbFile));
    return { check, previous };
  } finally {
    // What the check's read-only open left beside the copy, and the copy itself when refused.
    for (const f of [incoming, `${incoming}-wal`, `${incoming}-shm`]) rmSync(f, { force: true });
  }
}

/** A pre-restore copy of the database; a damaged one (often why a backup is restored) is copied
 * as raw files. Afterwards its WAL is checkpointed into the file, so it can be replaced. */
function keepCurrent(dbFile: string, now: number): string {
  const dir = backupsDir(dirname(dbFile));
  try {
    const sql = new Database(dbFile, { fileMustExist: true });
    try {
      const copy = vacuumBackup(sql, dir, 'pre-restore', now);
      sql.pragma('wal_checkpoint(TRUNCATE)');
      return copy;
    } finally { sql.close(); }
  } catch {
    prepareDir(dir);
    const copy = newBackupPath(dir, 'pre-restore', now);
    copyFileSync(dbFile, copy);
    chmodSync(copy, 0o600);
    if (existsSync(`${dbFile}-wal`)) { copyFileSync(`${dbFile}-wal`, `${copy}-wal`); chmodSync(`${copy}-wal`, 0o600); }
    return copy;
  }
}

export const dbFileOf = (dataDir: string) => join(dataDir, 'talon.db');
