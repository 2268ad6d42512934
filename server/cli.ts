// `talon`: the installer's command (ops/bin/talon runs it as the server's user with talon.env).
//   talon status                  is it running, version, database, disk, backups
//   talon backup                  a consistent copy now (also while the server runs)
//   talon check FILE              would FILE restore? (integrity, schema)
//   talon restore FILE            replaces the database by FILE; the server must be stopped
//   talon reset-admin-password [LOGIN]   a new random password for the admin (shown once)
//   talon version
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { migrationsFolder } from '../db/connection';
import { readMigrations, schemaProblem, schemaState } from '../db/migrate';
import { hashPassword } from './auth/password';
import { readConfig, type HallConfig } from './config';
import { backupsDir, vacuumBackup } from './ops/backup-files';
import { BackupService } from './ops/backups';
import { storageFigures } from './ops/health';
import { RestoreRefused, checkBackupCopy, dbFileOf, restoreBackup } from './ops/restore';
import { release } from './paths';
import { defaultSettings, type HallSettings } from './settings';

class CliError extends Error {}

const mb = (n: number) => `${(n / 1024 ** 2).toFixed(1)} MB`;
const gb = (n: number) => `${(n / 1024 ** 3).toFixed(1)} GB`;
const ago = (sec: number) => (sec < 5400 ? `${Math.round(sec / 60)} min ago` : sec < 172_800 ? `${Math.round(sec / 3600)} h ago` : `${Math.round(sec / 86400)} days ago`);

/** The hall database as it is, without migrating it (that is the server's job). */
function openHall(config: HallConfig, readonly: boolean): Database.Database {
  const file = dbFileOf(config.dataDir);
  if (!existsSync(file)) throw new CliError(`no database at ${file}: has the server started once? (DATA_DIR=${config.dataDir})`);
  const sql = new Database(file, { readonly, fileMustExist: true });
  sql.pragma('busy_timeout = 5000');
  const problem = schemaProblem(schemaState(sql, readMigrations(migrationsFolder)));
  if (problem) { sql.close(); throw new CliError(`${file}: ${problem}`); }
  return sql;
}

function backupSettings(sql: Database.Database): HallSettings['backup'] {
  const row = sql.prepare("SELECT value FROM settings WHERE key = 'backup'").get() as { value: string } | undefined;
  return row ? JSON.parse(row.value) : defaultSettings.backup;
}

/** Does a server answer on this machine's port? */
async function serverAnswers(config: HallConfig): Promise<boolean> {
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host;
  try {
    const r = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${config.port}/api/health`, { signal: AbortSignal.timeout(2000) });
    return r.ok;
  } catch { return false; }
}

function systemdState(): string | null {
  if (!existsSync('/run/systemd/system')) return null;
  try { return execFileSync('systemctl', ['is-active', 'talon'], { encoding: 'utf8' }).trim(); } catch (err) {
    return String((err as { stdout?: string }).stdout ?? 'unknown').trim() || 'unknown';
  }
}

async function status(config: HallConfig): Promise<number> {
  const up = await serverAnswers(config);
  const unit = systemdState();
  console.log(`Talon ${release} (Node.js ${process.version})`);
  if (unit) console.log(`service:  talon.service is ${unit}`);
  console.log(`server:   ${up ? `answering on port ${config.port}` : `not answering on port ${config.port}`}`);
  const file = dbFileOf(config.dataDir);
  if (!existsSync(file)) { console.log(`data:     no database yet in ${config.dataDir}`); return up ? 0 : 1; }
  const f = storageFigures(file, config.dataDir);
  console.log(`data:     ${config.dataDir}: database ${mb(f.database.bytes)}, WAL ${mb(f.database.walBytes)}; ${gb(f.disk.freeBytes)} free of ${gb(f.disk.totalBytes)}`);
  const sql = openHall(config, true);
  try {
    const backups = new BackupService({ sql, dataDir: config.dataDir, clock: Date.now, timezone: config.timezone, settings: () => backupSettings(sql), log: pino({ level: 'silent' }) });
    const s = backups.status();
    const count = backups.list().length;
    console.log(`backups:  ${count} in ${backupsDir(config.dataDir)}; ${s.last ? `last ${s.last.name} (${s.last.kind}, ${ago(s.ageSec!)})` : 'none yet'}${s.stale ? ' — STALE: older than a day' : ''}`);
    console.log(`          next daily backup ${s.next ?? 'not scheduled'} (settings: ${backupSettings(sql).time}, keep ${backupSettings(sql).keep})`);
    return up && !s.stale ? 0 : 1;
  } finally { sql.close(); }
}

function backup(config: HallConfig): void {
  const sql = openHall(config, false);
  try {
    // VACUUM INTO reads one consistent snapshot; the running server keeps writing meanwhile.
    const file = vacuumBackup(sql, backupsDir(config.dataDir), 'manual', Date.now());
    console.log(file);
  } finally { sql.close(); }
}

function check(file: string): void {
  const c = checkBackupCopy(file);
  console.log(`${file}: a Talon database, integrity ok, ${c.tickets} tickets, ${c.migrations} migrations${c.pending ? ` (${c.pending} to apply at the next start)` : ''}`);
}

async function restore(config: HallConfig, file: string): Promise<void> {
  if (await serverAnswers(config)) throw new CliError(`the server answers on port ${config.port}: stop it first (sudo systemctl stop talon), or run \`sudo talon restore\`, which stops and starts it`);
  const { check: c, previous } = restoreBackup(file, dbFileOf(config.dataDir), Date.now());
  console.log(`restored ${file}: ${c.tickets} tickets${c.pending ? `; ${c.pending} migration(s) will be applied at the next start` : ''}`);
  if (previous) console.log(`the database as it was is kept in ${previous}`);
}

async function resetAdminPassword(config: HallConfig, login: string): Promise<void> {
  const sql = openHall(config, false);
  try {
    const password = randomBytes(12).toString('base64url');
    const hash = await hashPassword(password);
    const now = Date.now();
    const cols = new Set((sql.prepare("SELECT name FROM pragma_table_info('users')").all() as { name: string }[]).map((c) => c.name));
    const hasAudit = sql.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'audit_log'").get() !== undefined;
    sql.transaction(() => {
      const user = sql.prepare('SELECT id FROM users WHERE login = ?').get(login) as { id: number } | undefined;
      let id = user?.id;
      if (id === undefined) id = Number(sql.prepare("INSERT INTO users (login, name, role, password_hash, active, created_at) VALUES (?, 'Администратор', 'admin', ?, 1, ?)").run(login, hash, now).lastInsertRowid);
      else sql.prepare("UPDATE users SET password_hash = ?, role = 'admin', active = 1 WHERE id = ?").run(hash, id);
      if (cols.has('must_change_password')) sql.prepare('UPDATE users SET must_change_password = 1 WHERE id = ?').run(id);
      // Every session of the account ends: whoever had the old password is out.
      sql.prepare('UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL').run(now, id);
      if (hasAudit) sql.prepare("INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, NULL, 'reset_password', 'user', ?, NULL, ?)").run(now, String(id), JSON.stringify({ by: 'talon reset-admin-password', login }));
    })();
    console.log(`The password of "${login}" is now: ${password}`);
    console.log('It is shown only here. Log in with it and change it; every session of that account has ended.');
  } finally { sql.close(); }
}

function version(config: HallConfig): void {
  const known = readMigrations(migrationsFolder);
  console.log(`Talon ${release}`);
  console.log(`Node.js ${process.version} (modules ABI ${process.versions.modules})`);
  console.log(`schema: ${known.length} migrations, the last ${known[known.length - 1].tag}`);
  const file = dbFileOf(config.dataDir);
  if (existsSync(file)) {
    const sql = new Database(file, { readonly: true });
    try {
      const s = schemaState(sql, known);
      console.log(`database: ${s.kind === 'talon' ? `${s.applied} migrations applied${s.pending.length ? `, ${s.pending.length} pending` : ''}` : schemaProblem(s) ?? s.kind}`);
    } finally { sql.close(); }
  }
}

const usage = `usage: talon status | backup | check FILE | restore FILE | reset-admin-password [LOGIN] | version`;

async function main(argv: string[]): Promise<number> {
  let positionals: string[];
  try { ({ positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true })); } catch (err) {
    console.error(`talon: ${(err as Error).message}\n${usage}`);
    return 2;
  }
  const [command, arg] = positionals;
  const config = readConfig();
  switch (command) {
    case 'status': return status(config);
    case 'backup': backup(config); return 0;
    case 'check': if (!arg) break; check(arg); return 0;
    case 'restore': if (!arg) break; await restore(config, arg); return 0;
    case 'reset-admin-password': await resetAdminPassword(config, arg ?? 'admin'); return 0;
    case 'version': version(config); return 0;
  }
  console.error(usage);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof CliError || err instanceof RestoreRefused)) throw err;
  console.error(`talon: ${err.message}`);
  process.exitCode = err instanceof RestoreRefused ? 3 : 1;
}
