// npx tsx bench/lean.ts [--days N] [--per-day M]: the lean tools' answers on a realistic history
// (npm run demo:history into a temporary DATA_DIR), timed in-process through app.inject():
// the day's sheet, the staffing picture over 8 weeks, the lunch plan, the wait-estimate accuracy
// and the ratings of a month, and the before/after report of two months, each the median of 5.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildApp } from '../server/app';
import { readConfig } from '../server/config';
import { hallDay } from '../server/engine';

const { values: a } = parseArgs({ options: { days: { type: 'string', default: '120' }, 'per-day': { type: 'string', default: '400' } } });
const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'talon-lean-bench-'));
const env = { ...process.env, DATA_DIR: dir, QUEUE_ADMIN_PASSWORD: 'bench-admin-Pa55', QUEUE_TIMEZONE: 'Europe/Moscow', LOG_LEVEL: 'warn' };
try {
  const t0 = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/demo-history.ts'), '--days', a.days!, '--per-day', a['per-day']!], { env, stdio: 'inherit', cwd: root });
  console.log(`history: ${a.days} working days × ~${a['per-day']} tickets in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const app = await buildApp({ config: readConfig(env), logger: pino({ level: 'silent' }) });
  const token = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'admin', password: 'bench-admin-Pa55' } })).json().token;
  const headers = { authorization: `Bearer ${token}` };
  const now = Date.now();
  const day = (back: number) => hallDay(now - back * 86_400_000, 'Europe/Moscow');
  const iso = (back: number) => new Date(now - back * 86_400_000).toISOString();
  const time = async (label: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const ms: number[] = [];
    let status = 0;
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      const r = await app.inject({ method, url, headers, payload });
      ms.push(performance.now() - s);
      status = r.statusCode;
    }
    ms.sort((x, y) => x - y);
    console.log(`${label.padEnd(58)} ${String(status)}  median ${ms[2].toFixed(1)} ms  (min ${ms[0].toFixed(1)}, max ${ms[4].toFixed(1)})`);
  };
  await time(`GET plan-fact, yesterday, the hall`, 'GET', `/api/stats/plan-fact?day=${day(1)}`);
  await time(`GET staffing, the last 8 weeks`, 'GET', `/api/stats/staffing?from=${iso(56)}&to=${iso(0)}`);
  await time(`GET lunch-plan, today (8 weeks of the weekday)`, 'GET', `/api/stats/lunch-plan?day=${day(0)}`);
  await time(`GET eta-accuracy, the last 30 days`, 'GET', `/api/stats/eta-accuracy?from=${iso(30)}&to=${iso(0)}`);
  await time(`GET feedback by operator, the last 30 days`, 'GET', `/api/stats/feedback?from=${iso(30)}&to=${iso(0)}&by=operator`);
  await time(`POST before-after, two Talon months`, 'POST', '/api/stats/before-after', {
    baseline: { from: iso(120), to: iso(90) }, current: { from: iso(30), to: iso(0) }, hoursPerFteYear: 1973, costPerFteYear: 600_000,
  });
  await time(`GET erlang, 30,000 an hour (5,000 Erlangs)`, 'GET', '/api/stats/erlang?arrivalsPerHour=30000&serviceSec=600&targetSec=20&targetPct=95');
  const tickets = (app.ctx.sql.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n;
  console.log(`(${tickets.toLocaleString('en')} tickets in the database; ${new Date().toISOString()})`);
  await app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
