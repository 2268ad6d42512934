// A consistent online copy of the database through SQLite's backup API, while the hall keeps
// working; the copy is an ordinary SQLite file that the sqlite3 shell opens.
import type Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export async function backupDatabase(sql: Database.Database, dataDir: string, now: number) {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  let file = join(dir, `talon-${stamp}.db`);
  for (let i = 2; existsSync(file); i++) file = join(dir, `talon-${stamp}-${i}.db`);
  await sql.backup(file);
  return { file, bytes: statSync(file).size };
}
