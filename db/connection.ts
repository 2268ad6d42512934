// Opens the hall database: WAL journal with synchronous=FULL (a ticket answered with 201 has
// reached the disk), foreign keys, a busy timeout for the backup and the sqlite3 shell, and the
// migrations in db/migrations applied before anything else runs: all or nothing, after a copy
// of the file in backups/ (db/migrate.ts).
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { mkdirSync } from 'node:fs';
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
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
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
