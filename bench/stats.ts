// npm run bench:stats: the statistics on a million tickets, over HTTP against the built server
// (the bundle `npm start` runs). Prints, each with its floor (a raw SQLite aggregate over the
// same rows of the same file, in this process) and the ratio: `report by=service` over a year
// and a month, `by=hour` over a month, `live` with 12 open counters and 200 waiting, the XLSX
// and CSV of a month, and the server's peak memory while it streams a year's tickets.csv.
// The history (npm run demo:history, 365 working days × 2,740 tickets) is kept in
// BENCH_STATS_DIR (default /tmp/talon-bench-stats) and reused by the next run.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, BUNDLE_NODE_FLAGS, startServer } from '../tests/helpers/server-process';

const TZ = 'Europe/Moscow';
const DAYS = 365, PER_DAY = 2740;
const dir = process.env.BENCH_STATS_DIR ?? '/tmp/talon-bench-stats';
const dbFile = join(dir, 'data', 'talon.db');
const marker = join(dir, 'history.json');
const root = join(import.meta.dirname, '..');

// ---- the history ----
const want = JSON.stringify({ days: DAYS, perDay: PER_DAY, tz: TZ, password: ADMIN_PASSWORD });
let generation = 'reused from an earlier run';
if (!existsSync(marker) || readFileSync(marker, 'utf8') !== want) {
  spawnSync('rm', ['-rf', dir]);
  console.log(`generating the history in ${dir} (npm run demo:history -- --days ${DAYS} --per-day ${PER_DAY}) …`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/demo-history.ts'), '--days', String(DAYS), '--per-day', String(PER_DAY), '--data-dir', join(dir, 'data')], {
    cwd: root, env: { ...process.env, QUEUE_TIMEZONE: TZ, QUEUE_ADMIN_PASSWORD: ADMIN_PASSWORD }, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`demo:history failed: ${r.stderr}`);
  generation = r.stdout.trim().split('\n').filter((l) => !l.startsWith('  20')).join('\n  ');
  writeFileSync(marker, want);
}

const s = await startServer({ QUEUE_TIMEZONE: TZ, LOG_LEVEL: 'error' }, { dataDir: dir, bundle: true });
let agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** GET over keep-alive HTTP: the time to the last byte, the server's own time, and the size. */
function get(path: string, token: string): Promise<{ ms: number; serverMs: number; bytes: number; status: number; body: Buffer }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: s.port, path, agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ ms: performance.now() - t0, serverMs: Number(/dur=([\d.]+)/.exec(String(res.headers['server-timing']))?.[1]), bytes: body.length, status: res.statusCode!, body });
      });
    }).on('error', reject);
  });
}
async function timed(path: string, token: string, n: number) {
  await get(path, token); // warm: the JIT and the page cache
  const runs = [];
  for (let i = 0; i < n; i++) {
    const r = await get(path, token);
    if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status} ${r.body.toString().slice(0, 200)}`);
    runs.push(r);
  }
  return { ms: median(runs.map((r) => r.ms)), bytes: runs[0].bytes, body: runs[0].body };
}
function floorOf(fn: () => unknown, n: number) {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); fn(); ms.push(performance.now() - t0); }
  return median(ms);
}
const memKb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${s.proc.pid}/status`, 'utf8'))![1]);

try {
  const admin = await s.login();
  const post = async (path: string, body: unknown, token: string) => {
    const r = await fetch(s.base + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const today = Date.now();
  const day = 86_400_000;
  const year = { from: new Date(today - 365 * day).toISOString(), to: new Date(today).toISOString() };
  const month = { from: new Date(today - 30 * day).toISOString(), to: new Date(today).toISOString() };
  const q = (r: { from: string; to: string }, extra = '') => `from=${encodeURIComponent(r.from)}&to=${encodeURIComponent(r.to)}${extra}`;

  // ---- the live hall: 12 counters open with their operators, 212 tickets issued, 12 called ----
  const services = (await (await fetch(`${s.base}/api/services`)).json()) as { id: number }[];
  const counters = ((await (await fetch(`${s.base}/api/counters`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { id: number; state: string }[]).slice(0, 12);
  for (const [i, c] of counters.entries()) {
    const login = `bench-live-${i}`;
    await fetch(`${s.base}/api/admin/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, body: JSON.stringify({ login, name: `Оператор ${i + 1}`, password: 'bench-user-Pa55', role: 'operator' }) });
    const token = await s.login(login, 'bench-user-Pa55');
    if (c.state === 'closed') await post(`/api/counters/${c.id}/open`, {}, token);
    (c as any).token = token;
  }
  const waitingNow = (await (await fetch(`${s.base}/api/display`)).json()).waiting.reduce((a: number, w: { count: number }) => a + w.count, 0);
  for (let i = waitingNow; i < 212; i++) await post('/api/tickets', { serviceId: services[i % services.length].id }, admin);
  for (const c of counters) { try { await post(`/api/counters/${c.id}/next`, {}, (c as any).token); } catch { /* still has its ticket from an earlier run */ } }
  const waitingCount = async () => JSON.parse((await get('/api/stats/live', admin)).body.toString()).services.reduce((a: number, x: any) => a + x.waiting, 0);
  for (let n = await waitingCount(), i = 0; n < 200; n++, i++) await post('/api/tickets', { serviceId: services[i % services.length].id }, admin);
  // A run earlier today left more: their customers leave (no-show) until 200 wait.
  for (let n = await waitingCount(), i = 0; n > 200; i++) {
    const c = counters[i % counters.length] as { id: number; token?: string };
    try { await post(`/api/counters/${c.id}/no-show`, {}, c.token!); } catch { /* nothing called there */ }
    if ((await post(`/api/counters/${c.id}/next`, {}, c.token!)).ticket) n--;
  }
  // As bench/server.ts does: start again after the setup, so that the memory figures are those
  // of serving the hall, not of the scrypt buffers of the logins above (tokens live on disk).
  agent.destroy();
  await s.restart();
  agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const liveCheck = JSON.parse((await get('/api/stats/live', admin)).body.toString());
  const openCounters = liveCheck.counters.filter((c: any) => c.state === 'open').length;
  const waiting = liveCheck.services.reduce((a: number, x: any) => a + x.waiting, 0);

  // ---- floors: raw SQLite over the same rows of the same file ----
  const raw = new Database(dbFile, { readonly: true });
  const range = (r: { from: string; to: string }) => [Date.parse(r.from), Date.parse(r.to)] as const;
  const ticketsIn = (r: { from: string; to: string }) => (raw.prepare('SELECT COUNT(*) AS n FROM tickets WHERE issued_at >= ? AND issued_at < ?').get(...range(r)) as { n: number }).n;
  const byService = raw.prepare(`SELECT original_service_id, COUNT(*), AVG(first_called_at - issued_at), AVG(CASE WHEN status = 'done' THEN finished_at - started_at END)
    FROM tickets WHERE issued_at >= ? AND issued_at < ? GROUP BY original_service_id`);
  const byHour = raw.prepare(`SELECT (issued_at / 3600000) % 24, COUNT(*), AVG(first_called_at - issued_at), AVG(CASE WHEN status = 'done' THEN finished_at - started_at END)
    FROM tickets WHERE issued_at >= ? AND issued_at < ? GROUP BY 1`);
  const byDay = raw.prepare(`SELECT issued_at / 86400000, COUNT(*), AVG(first_called_at - issued_at), AVG(CASE WHEN status = 'done' THEN finished_at - started_at END)
    FROM tickets WHERE issued_at >= ? AND issued_at < ? GROUP BY 1`);
  const scan = raw.prepare('SELECT COUNT(*), SUM(first_called_at - issued_at), SUM(finished_at - started_at) FROM tickets WHERE issued_at >= ? AND issued_at < ?');
  const rows = raw.prepare('SELECT * FROM tickets WHERE issued_at >= ? AND issued_at < ?');
  const liveFloor = () => {
    raw.prepare("SELECT service_id, COUNT(*), MIN(issued_at) FROM tickets WHERE status = 'waiting' GROUP BY service_id").all();
    raw.prepare("SELECT counter_id, status, called_at FROM tickets WHERE status IN ('called', 'serving')").all();
    raw.prepare('SELECT COUNT(*), AVG(first_called_at - issued_at) FROM tickets WHERE issued_at >= ?').get(today - (today % day));
  };

  const lines: string[] = [];
  const row = (name: string, ms: number, floorMs: number, floorName: string, target: string, extra = '') =>
    lines.push(`${name.padEnd(44)} ${fmt(ms).padStart(7)} ms   floor ${fmt(floorMs).padStart(6)} ms (${floorName})   ×${(ms / floorMs).toFixed(1).padEnd(5)} ${target}${extra}`);
  const health = await timed('/api/health', admin, 50);
  lines.push(`${'GET /api/health (an HTTP round trip)'.padEnd(44)} ${fmt(health.ms).padStart(7)} ms`);

  const yearReport = await timed(`/api/stats/report?${q(year, '&by=service')}`, admin, 7);
  row(`report by=service, a year (${ticketsIn(year).toLocaleString('en')} tickets)`, yearReport.ms, floorOf(() => byService.all(...range(year)), 7), 'GROUP BY service', 'target ≤ 1000 ms',
    `; bare scan ${fmt(floorOf(() => scan.get(...range(year)), 7))} ms`);
  const monthReport = await timed(`/api/stats/report?${q(month, '&by=service')}`, admin, 21);
  row(`report by=service, a month (${ticketsIn(month).toLocaleString('en')})`, monthReport.ms, floorOf(() => byService.all(...range(month)), 21), 'GROUP BY service', 'target ≤ 150 ms',
    `; bare scan ${fmt(floorOf(() => scan.get(...range(month)), 21))} ms`);
  const hourReport = await timed(`/api/stats/report?${q(month, '&by=hour')}`, admin, 21);
  row('report by=hour, a month', hourReport.ms, floorOf(() => byHour.all(...range(month)), 21), 'GROUP BY hour', 'target ≤ 150 ms');
  const live = await timed('/api/stats/live', admin, 201);
  row(`live (${openCounters} open counters, ${waiting} waiting)`, live.ms, floorOf(liveFloor, 201), 'queue, calls, today', 'target ≤ 20 ms');
  const xlsx = await timed(`/api/stats/report.xlsx?${q(month, '&by=day')}`, admin, 11);
  row(`report.xlsx by=day, a month (${(xlsx.bytes / 1024).toFixed(0)} KB)`, xlsx.ms, floorOf(() => byDay.all(...range(month)), 11), 'GROUP BY day', '');
  const csv = await timed(`/api/stats/report.csv?${q(month, '&by=day')}`, admin, 11);
  row(`report.csv by=day, a month (${(csv.bytes / 1024).toFixed(0)} KB)`, csv.ms, floorOf(() => byDay.all(...range(month)), 11), 'GROUP BY day', '');
  const ticketsMonth = await timed(`/api/stats/tickets.csv?${q(month)}`, admin, 5);
  row(`tickets.csv, a month (${(ticketsMonth.bytes / 1048576).toFixed(1)} MB)`, ticketsMonth.ms, floorOf(() => rows.all(...range(month)), 5), 'SELECT * of its rows', '');
  // Not targets, for the record
  const opMonth = await timed(`/api/stats/report?${q(month, '&by=operator')}`, admin, 11);
  row('report by=operator, a month (with counter time)', opMonth.ms, floorOf(() => byService.all(...range(month)), 11), 'GROUP BY service', '');
  const dayYear = await timed(`/api/stats/report?${q(year, '&by=day')}`, admin, 5);
  row('report by=day, a year', dayYear.ms, floorOf(() => byDay.all(...range(year)), 5), 'GROUP BY day', '');

  // ---- the server's memory while it streams a year's tickets ----
  const idleMb = memKb('VmRSS') / 1024;
  writeFileSync(`/proc/${s.proc.pid}/clear_refs`, '5'); // resets VmHWM to the current RSS
  const t0 = performance.now();
  const yearCsv = await get(`/api/stats/tickets.csv?${q(year)}`, admin);
  const csvSec = (performance.now() - t0) / 1000;
  if (yearCsv.status !== 200) throw new Error(`tickets.csv, a year: HTTP ${yearCsv.status} ${yearCsv.body.toString().slice(0, 200)}`); // else the memory figure would be an error's
  const peakMb = memKb('VmHWM') / 1024;
  const ticketLines = yearCsv.body.toString().split('\r\n').length - 2;
  raw.close();

  console.log(`\nTalon statistics benchmark (${new Date().toISOString()}, node ${process.version} ${BUNDLE_NODE_FLAGS.join(' ')}, zone ${TZ}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  console.log(`history: ${generation}`);
  console.log('medians over HTTP (keep-alive, to the last byte); floors: the same rows of the same file with raw better-sqlite3 in the bench process\n');
  for (const l of lines) console.log(l);
  console.log(`\nyear's tickets.csv: ${ticketLines.toLocaleString('en')} lines, ${(yearCsv.bytes / 1048576).toFixed(0)} MB in ${csvSec.toFixed(1)} s;` +
    ` server memory: idle ${idleMb.toFixed(0)} MB, peak while streaming (VmHWM) ${peakMb.toFixed(0)} MB (target ≤ 200 MB)`);
} finally {
  agent.destroy();
  await s.kill('SIGTERM'); // keeps the history for the next run
}
