// A full disk, for real: the server runs with its DATA_DIR on an 8 MB tmpfs of its own (a mount
// namespace, `unshare -m`: root here and in CI), and the test fills that file system through
// /proc/<pid>/root. Writes then answer 503 disk_full (not 500 internal), the health check says
// so, nothing answered 201 is lost, and once space is freed the hall works again by itself.
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type ServerProcess } from '../helpers/server-process';

let s: ServerProcess;
beforeAll(async () => {
  const dataDir = mkdtempSync('/tmp/talon-full-');
  mkdirSync(`${dataDir}/data`);
  s = await startServer({}, {
    dataDir,
    prefix: ['unshare', '-m', '--', 'sh', '-c', `mount -t tmpfs -o size=8m talon-full '${dataDir}/data' && exec "$@"`, 'sh'],
  });
});
afterAll(async () => { await s?.stop(); });

/** Fills the server's file system (seen through its mount namespace) to the last byte. */
function fill(path: string): number {
  const fd = openSync(path, 'w');
  const chunk = Buffer.alloc(64 * 1024, 0x55);
  let bytes = 0;
  try {
    for (;;) bytes += writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally { closeSync(fd); }
  return bytes;
}

it('a full disk answers writes with 503 disk_full, turns the health check red, loses nothing and recovers', async () => {
  const admin = await s.login();
  const svc = (await s.call('GET', '/api/services')).json[0].id;
  const before = (await s.call('POST', '/api/tickets', { serviceId: svc }, admin)).json;
  const filler = `/proc/${s.proc.pid}/root${s.dataDir}/data/filler`;
  expect(fill(filler)).toBeGreaterThan(4 * 1024 * 1024); // the server's mount, not ours

  // It asks the file system at most once a second.
  await expect.poll(async () => (await s.call('GET', '/api/health')).json, { timeout: 3000 }).toEqual({ error: 'disk_full', message: expect.stringContaining('full') });
  // A write may still fit in pages the WAL already has (here the first ticket already failed):
  // the first one that needs new space fails, and every one after it.
  const answered: { id: number; number: string }[] = [];
  let full: { status: number; json: any } | undefined;
  for (let i = 0; i < 3000 && !full; i++) {
    const r = await s.call('POST', '/api/tickets', { serviceId: svc }, admin);
    if (r.status === 201) answered.push(r.json);
    else full = r;
  }
  expect(full).toEqual({ status: 503, json: { error: 'disk_full', message: expect.any(String) } });
  const login = await s.call('POST', '/api/auth/login', { login: 'admin', password: 'test-admin-Pa55' }); // a token is a write too
  expect(login).toEqual({ status: 503, json: { error: 'disk_full', message: expect.any(String) } });
  expect((await s.call('GET', '/api/services')).status).toBe(200); // reading still works

  rmSync(filler);
  const after = await s.call('POST', '/api/tickets', { serviceId: svc }, admin);
  expect(after.status).toBe(201);
  await expect.poll(async () => (await s.call('GET', '/api/health')).json, { timeout: 3000 }).toEqual({ status: 'ok' });
  // Every ticket that was answered 201 is in the database file, and the file is sound. (A
  // restart would mount a fresh tmpfs: sqlite3 reads the file in the server's mount namespace.)
  const issued = [before, ...answered, after.json];
  const sqlite = (query: string) => execFileSync('nsenter', ['-m', '-t', String(s.proc.pid), 'sqlite3', '-readonly', `${s.dataDir}/data/talon.db`, query], { encoding: 'utf8' }).trim();
  expect(sqlite('PRAGMA integrity_check')).toBe('ok');
  expect(sqlite(`SELECT id || ' ' || number FROM tickets WHERE id IN (${issued.map((t) => t.id).join(',')}) ORDER BY id`).split('\n'))
    .toEqual(issued.map((t) => `${t.id} ${t.number}`));
  expect(new Set(issued.map((t) => t.number)).size).toBe(issued.length);
  expect(s.log()).not.toMatch(/"level":50[^\n]*"stack"/);
}, 120_000);
