// Opens the hall database: WAL journal with synchronous=FULL (a ticket answered with 201 has
// reached the disk), foreign keys, a busy timeout for the backup and the sqlite3 shell, and the
// migrations in db/migrations applied before anything else runs: all or nothing, after a copy
// of the file in backups/ (db/migrate.ts). The database holds password hashes and every
// customer's ticket: its folder is 0700 and its files 0600, whatever the umask.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from '../server/paths';
import { vacuumBackup } from '../server/ops/backup-files';
import { migrateDatabase, readMigrations } from './migrate';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const migrationsFolder = join(root, 'db', 'migrations');

export interface OpenOptions {
  /** Another folder of migrations (tests). */
  migrationsFolder?: string;
  now?: number;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') keepPrivate(file);
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    migrateDatabase(sqlite, readMigrations(opts.migrationsFolder ?? migrationsFolder),
      () => vacuumBackup(sqlite, join(dirname(file), 'backups'), 'pre-migration', opts.now ?? Date.now()));
  } catch (err) {
    sqlite.close();
    throw err;
  }
  return drizzle(sqlite, { schema }) as Db;
}

/** Created 0600 before SQLite opens it, since SQLite gives the -wal and -shm files the database
 * file's mode; an older install's files (0644, a 0755 folder) are closed up too. */
function keepPrivate(file: string) {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
}
