// Backup files in DATA_DIR/backups: their names, writing them (online, or with VACUUM INTO when
// nothing else runs), listing and pruning. A copy is written under a temporary name and renamed
// when complete, so a half-written file is never listed; files are 0600 in a 0700 folder (they
// hold password hashes and every ticket).
import type Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** manual: the administration or `talon backup`; the others are made by Talon itself. */
export type BackupKind = 'manual' | 'daily' | 'pre-migration' | 'pre-restore';

export interface BackupFile { file: string; name: string; bytes: number; at: string; kind: BackupKind }

// talon-YYYYMMDD-HHMMSS[-kind][-n].db, the time in UTC; a manual copy has no kind (its name
// predates the others).
const NAME = /^talon-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(daily|pre-migration|pre-restore))?(?:-\d+)?\.db$/;

export const backupsDir = (dataDir: string) => join(dataDir, 'backups');

/** The backups folder, created when missing, private to the server's user. */
export function prepareDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** A free name for a new backup taken at `now`. */
export function newBackupPath(dir: string, kind: BackupKind, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `talon-${stamp}${kind === 'manual' ? '' : `-${kind}`}`;
  let file = join(dir, `${base}.db`);
  for (let i = 2; existsSync(file); i++) file = join(dir, `${base}-${i}.db`);
  return file;
}

async function written(file: string, write: (tmp: string) => Promise<unknown> | unknown) {
  const tmp = `${file}.partial`;
  try {
    await write(tmp);
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return { file, bytes: statSync(file).size };
}

/** A consistent online copy through SQLite's backup API, while the hall keeps working. */
export async function backupDatabase(sql: Database.Database, dataDir: string, now: number, kind: BackupKind = 'manual') {
  const dir = backupsDir(dataDir);
  prepareDir(dir);
  return written(newBackupPath(dir, kind, now), (tmp) => sql.backup(tmp));
}

/** A synchronous copy (VACUUM INTO) for when nothing else uses the database: before a migration. */
export function vacuumBackup(sql: Database.Database, dir: string, kind: BackupKind, now: number): string {
  prepareDir(dir);
  const file = newBackupPath(dir, kind, now);
  const tmp = `${file}.partial`;
  try {
    sql.prepare('VACUUM INTO ?').run(tmp);
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  return file;
}

/** Every backup, newest first. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const file = join(dir, name);
    out.push({
      file, name, bytes: statSync(file).size,
      at: new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6])).toISOString(),
      kind: (m[7] as BackupKind | undefined) ?? 'manual',
    });
  }
  return out.sort((a, b) => b.at.localeCompare(a.at) || b.name.localeCompare(a.name));
}

/** The backup of that name (no paths: a download names a file, never a location). */
export function findBackup(dataDir: string, name: string): BackupFile | undefined {
  return listBackups(dataDir).find((b) => b.name === name);
}

/** Keeps the newest `keep` backups of one kind and deletes the rest; returns what it deleted. */
export function pruneBackups(dataDir: string, kind: BackupKind, keep: number): string[] {
  const old = listBackups(dataDir).filter((b) => b.kind === kind).slice(Math.max(keep, 0));
  for (const b of old) rmSync(b.file, { force: true });
  return old.map((b) => b.name);
}
