// Opens the hall database: WAL journal with synchronous=FULL (a ticket answered with 201 has
// reached the disk), foreign keys, a busy timeout for the backup and the sqlite3 shell, and the
// migrations in db/migrations applied before anything else runs. The database holds password
// hashes and every customer's ticket: its folder is 0700 and its files 0600, whatever the umask.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { root } from '../server/paths';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = join(root, 'db', 'migrations');

export function openDatabase(file: string): Db {
  if (file !== ':memory:') keepPrivate(file);
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db as Db;
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
