// npm run bench:sim: the simulator's speed (one hall day of 600 customers under the four rules,
// with the estimates; then 1,000 such days) and the forward wait estimate's cost on the ticket
// issue path of a real server (in process, the demo hall with its 12 counters open).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { buildApp } from '../server/app';
import { readConfig } from '../server/config';
import { newTicket } from '../server/hall/wait-estimate';
import { Simulation } from '../server/sim/run';
import { checkScenario } from '../server/sim/scenario';

const fmt = (x: number) => x.toFixed(2);
const pct = (xs: number[], p: number) => { const a = [...xs].sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.ceil((p / 100) * a.length) - 1)]; };

// ---- the simulator ----
const peak = checkScenario(JSON.parse(readFileSync('scenarios/vodokanal-peak.json', 'utf8')));
const total = Object.values(peak.arrivals).reduce((a, h) => a + Object.values(h).reduce((x, y) => x + y, 0), 0);
for (const h of Object.values(peak.arrivals)) for (const k of Object.keys(h)) h[k] *= 600 / total; // 600 customers a day
peak.policies = ['fifo', 'talon', 'novosga', 'qsystem'];
const DAYS = Number(process.env.SIM_DAYS ?? 1000);
const sim = new Simulation(peak, { days: DAYS, seed: 1 });
const perDay: number[] = [];
const t0 = performance.now();
while (!sim.done) { const t = performance.now(); sim.step(); perDay.push(performance.now() - t); }
const wall = (performance.now() - t0) / 1000;
const r = sim.finish().result;
console.log(`simulator: ${DAYS} hall days of ${Math.round(r.policies[0].tickets / DAYS)} customers, 12 windows, 4 rules (talon with both estimates at every issue)`);
console.log(`  one day, all 4 rules: p50 ${fmt(pct(perDay, 50))} ms   p99 ${fmt(pct(perDay, 99))} ms   (target ≤ 50 ms)`);
console.log(`  ${DAYS} days × 4 rules: ${wall.toFixed(1)} s   (target about a minute)`);

// ---- the estimate on the issue path ----
const dir = mkdtempSync(join(tmpdir(), 'talon-bench-sim-'));
let now = Date.parse('2026-03-10T07:00:00Z');
const app = await buildApp({ config: readConfig({ DATA_DIR: dir, QUEUE_ADMIN_PASSWORD: 'bench-admin-Pa55', QUEUE_TIMEZONE: 'Europe/Moscow' }), clock: () => now, logger: pino({ level: 'silent' }) });
try {
  const { queue, admin, sql } = app.ctx;
  const services = admin.listServices().map((s) => s.id);
  const counters = admin.listCounters();
  const hash = (sql.prepare("SELECT password_hash AS h FROM users WHERE login = 'admin'").get() as { h: string }).h;
  for (const [i, c] of counters.entries()) {
    const u = sql.prepare("INSERT INTO users (login, name, role, password_hash, created_at) VALUES (?, ?, 'operator', ?, ?)").run(`b${i}`, `b${i}`, hash, now);
    await app.ctx.commits.run(() => queue.open(c.id, Number(u.lastInsertRowid)));
    await app.ctx.commits.run(() => queue.next(c.id, Number(u.lastInsertRowid)));
  }
  console.log('\nwait estimate on the issue path (in process, demo hall, 12 counters open and busy; issue() = the SQL transaction of POST /api/tickets without its disk flush)');
  for (const target of [50, 150, 300]) {
    while ((queue.waiting().reduce((a, w) => a + w.count, 0)) < target) { now += 1000; await app.ctx.commits.run(() => queue.issue(services[Math.floor(Math.random() * services.length)])); }
    const fwd: number[] = [], ql: number[] = [], issue: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const s = services[i % services.length], t = newTicket(s, now);
      let a = performance.now();
      queue.eta.waitSec(queue.eta.snapshot(now), t, 0, 600);
      fwd.push(performance.now() - a);
      a = performance.now();
      queue.eta.queueLength(s, 0, 600);
      ql.push(performance.now() - a);
    }
    // The whole issue, and the same with the queue-length estimate only (the forward one off).
    const old: number[] = [];
    const snapshot = queue.eta.snapshot.bind(queue.eta);
    for (let i = 0; i < 100; i++) {
      const forward = i % 2 === 0;
      queue.eta.snapshot = forward ? snapshot : () => null;
      const a = performance.now();
      queue.issue(services[i % services.length]);
      (forward ? issue : old).push(performance.now() - a);
      now += 100;
    }
    queue.eta.snapshot = snapshot;
    console.log(`  ${String(target).padStart(3)} waiting: forward estimate p50 ${fmt(pct(fwd, 50) * 1000)} µs, p99 ${fmt(pct(fwd, 99) * 1000)} µs; queue-length p50 ${fmt(pct(ql, 50) * 1000)} µs, p99 ${fmt(pct(ql, 99) * 1000)} µs; issue() p50 ${fmt(pct(issue, 50))} ms, p99 ${fmt(pct(issue, 99))} ms; with the queue-length estimate only p50 ${fmt(pct(old, 50))} ms, p99 ${fmt(pct(old, 99))} ms`);
  }
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
