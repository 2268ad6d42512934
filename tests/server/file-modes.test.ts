// The database holds password hashes and every ticket: its folder is 0700 and the database, its
// WAL and its shared-memory file are 0600, on a fresh install and on one made before this rule
// (0755 folder, 0644 files), whatever the umask.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { readConfig } from '../../server/config';

const mode = (f: string) => (statSync(f).mode & 0o777).toString(8);
const cleanup: (() => unknown)[] = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

async function start(dataDir: string) {
  const old = process.umask(0o022); // the usual umask: files 0644, folders 0755 unless told otherwise
  try {
    const app = await buildApp({ config: readConfig({ DATA_DIR: dataDir, QUEUE_ADMIN_PASSWORD: 'modes-Pa55word' }), logger: pino({ level: 'silent' }) });
    cleanup.push(() => app.close());
    await app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 1 } }); // a write: the WAL exists
    return app;
  } finally { process.umask(old); }
}

it('a fresh DATA_DIR is 0700 and the database, WAL and SHM files 0600', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'talon-modes-'));
  chmodSync(parent, 0o755);
  cleanup.push(() => rmSync(parent, { recursive: true, force: true }));
  const dir = join(parent, 'data');
  await start(dir);
  expect(mode(dir)).toBe('700');
  for (const f of ['talon.db', 'talon.db-wal', 'talon.db-shm']) expect([f, mode(join(dir, f))]).toEqual([f, '600']);
});

it('an older install with a 0755 folder and 0644 files is closed up at start', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'talon-modes-'));
  cleanup.push(() => rmSync(parent, { recursive: true, force: true }));
  const dir = join(parent, 'data');
  mkdirSync(dir, { mode: 0o755 });
  chmodSync(dir, 0o755);
  const first = await start(dir);
  await first.close();
  cleanup.pop();
  for (const f of ['talon.db', 'talon.db-wal', 'talon.db-shm']) { writeFileSync(join(dir, f), '', { flag: 'a' }); chmodSync(join(dir, f), 0o644); }
  chmodSync(dir, 0o755);
  await start(dir);
  expect(mode(dir)).toBe('700');
  for (const f of ['talon.db', 'talon.db-wal', 'talon.db-shm']) expect([f, mode(join(dir, f))]).toEqual([f, '600']);
});
