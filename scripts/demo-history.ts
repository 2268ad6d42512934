// npm run demo:history -- --days N --per-day M [--data-dir DIR] [--seed S]
// Fills a data directory with a realistic past for the demo hall: the N working days before
// today, about M tickets each (server/sim/history.ts simulates them), written into the same
// tables the server writes. Creates the demo hall when the directory is empty; adds windows and
// operators when M is more than the hall's windows can serve. Run it with the server stopped.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { openDatabase } from '../db/connection';
import { readConfig } from '../server/config';
import { seedDemoHall } from '../server/demo';
import * as engine from '../server/engine';
import { hashPassword } from '../server/auth/password';
import { ConfigStore } from '../server/config/store';
import { AdminService } from '../server/hall/admin';
import { AuditLog } from '../server/hall/audit';
import { dbFileOf } from '../server/ops/restore';
import { SettingsStore } from '../server/settings';
import { simulateDay, type DayPlan, type HistoryHall, type HistoryService } from '../server/sim/history';
import { Random } from '../server/sim/random';

const { values: args } = parseArgs({
  options: { days: { type: 'string' }, 'per-day': { type: 'string' }, 'data-dir': { type: 'string' }, seed: { type: 'string', default: '1' } },
});
const days = Number(args.days), perDay = Number(args['per-day']), seed = Number(args.seed);
if (!(Number.isInteger(days) && days > 0 && days <= 5000 && perDay > 0 && perDay <= 100_000 && Number.isInteger(seed))) {
  console.error('usage: npm run demo:history -- --days N --per-day M [--data-dir DIR] [--seed S]   (N ≤ 5000, M ≤ 100000)');
  process.exit(2);
}

const config = readConfig({ ...process.env, ...(args['data-dir'] ? { DATA_DIR: args['data-dir'] } : {}) });
const tz = config.timezone;
const log = pino({ level: 'info' });
const db = openDatabase(dbFileOf(config.dataDir));
const sql = db.$client;
const audit = new AuditLog(sql, Date.now);
const admin = new AdminService(db, Date.now, audit);
const configDoc = new ConfigStore({ sql, clock: Date.now, audit, settings: new SettingsStore(sql, tz), admin });
await seedDemoHall(admin, configDoc, config.dataDir, config.adminPassword, log);
const t0 = performance.now();

const today = engine.hallDay(Date.now(), tz);
const todayStart = engine.zonedEpoch(today, '00:00', tz);
if ((sql.prepare('SELECT COUNT(*) AS n FROM tickets WHERE issued_at < ?').get(todayStart) as { n: number }).n > 0) {
  console.error(`${config.dataDir} already has tickets before today: demo:history fills an empty past only.`);
  process.exit(1);
}

// The demo hall's mix of work; a hall of other services gets equal shares.
const SHARES: Record<string, number> = { П: 39, У: 18, Д: 15, Р: 10, Н: 8, Ю: 5 };
const serviceRows = sql.prepare('SELECT id, prefix, default_service_sec AS sec, max_wait_sec AS maxWait FROM services WHERE active = 1 ORDER BY sort_order, id').all() as { id: number; prefix: string; sec: number; maxWait: number }[];
if (serviceRows.length === 0) throw new Error('the hall has no active services');
const services: HistoryService[] = serviceRows.map((s) => ({ id: s.id, prefix: s.prefix, meanServiceSec: s.sec, maxWaitSec: s.maxWait, share: SHARES[s.prefix] ?? 10, noShowPct: 4 }));

// Working days and their hours: the hall calendar where it has hours, else Monday to Friday
// 08:00–18:00 and Saturday 09:00–15:00.
const settings = new SettingsStore(sql, tz).get();
const defaultHours = (day: string): engine.DayHours | null => {
  const wd = engine.isoWeekday(day);
  return wd === '7' ? null : wd === '6' ? { open: '09:00', close: '15:00' } : { open: '08:00', close: '18:00' };
};
const WEEKDAY_LOAD: Record<string, number> = { 1: 1.2, 2: 1.05, 3: 1, 4: 1, 5: 0.9, 6: 0.55, 7: 0.5 };
const plans: DayPlan[] = [];
for (let day = today; plans.length < days;) {
  day = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const h = engine.hallHours(day, settings.calendar);
  const hours = h === undefined ? defaultHours(day) : h;
  if (!hours) continue;
  // Payment days: the first ten days of a month are busier.
  const load = WEEKDAY_LOAD[engine.isoWeekday(day)] * (Number(day.slice(8)) <= 10 ? 1.15 : 1);
  plans.unshift({ day, open: engine.zonedEpoch(day, hours.open, tz), close: engine.zonedEpoch(day, hours.close, tz), tz, expected: load });
}
const meanLoad = plans.reduce((a, p) => a + p.expected, 0) / plans.length;
for (const p of plans) p.expected = (p.expected / meanLoad) * perDay;

// Windows: grouped by their main service, each group staffed each day for about 87% of its
// service's expected work, one window at least (supervisors plan staff by the load), so that
// queues form at the hourly peaks; the hall gets more windows when the busiest day needs them.
const UTILISATION = 0.87;
const counters = (sql.prepare('SELECT id FROM counters WHERE active = 1 ORDER BY id').all() as { id: number }[]).map((c) => ({
  id: c.id, links: sql.prepare('SELECT service_id AS serviceId, priority FROM counter_services WHERE counter_id = ?').all(c.id) as engine.CounterLink[],
}));
const mainOf = (c: { links: engine.CounterLink[] }) => c.links.find((l) => l.priority === 1)?.serviceId ?? c.links[0]?.serviceId ?? 0;
const totalShare = services.reduce((a, x) => a + x.share, 0);
/** Windows a service's group needs on a day. */
const windowsFor = (p: DayPlan, serviceId: number) => {
  const x = services.find((v) => v.id === serviceId);
  const workSec = x ? (p.expected * x.share / totalShare) * x.meanServiceSec : 0;
  return Math.max(1, Math.ceil(workSec / ((p.close - p.open) / 1000 - 65 * 60) / UTILISATION));
};
const hallCounters = counters.length;
// More windows, like the hall's own in turn, until every group has what its busiest day needs.
for (let i = counters.length; ; i++) {
  const short = services.some((x) => counters.filter((c) => mainOf(c) === x.id).length < Math.max(...plans.map((p) => windowsFor(p, x.id))));
  if (!short) break;
  const like = counters[i % hallCounters];
  counters.push({ id: admin.createCounter({ name: `Окно ${i + 1}`, services: like.links }), links: like.links });
}
for (const p of plans) {
  p.counters = [];
  for (const main of new Set(counters.map(mainOf))) p.counters.push(...counters.filter((c) => mainOf(c) === main).slice(0, windowsFor(p, main)).map((c) => c.id));
}

// Operators: one per window and a few more, so that days differ in who sits where.
const SURNAMES = ['Иванова', 'Петрова', 'Смирнова', 'Кузнецова', 'Попова', 'Васильева', 'Соколова', 'Михайлова', 'Новикова', 'Фёдорова',
  'Морозова', 'Волкова', 'Алексеева', 'Лебедева', 'Семёнова', 'Егорова', 'Павлова', 'Козлова', 'Степанова', 'Николаева'];
const INITIALS = 'АВГДЕИКЛМНОСТЮ';
const operators = (sql.prepare("SELECT id FROM users WHERE role = 'operator' AND active = 1 ORDER BY id").all() as { id: number }[]).map((u) => u.id);
const rnd = new Random(seed);
const names = rnd.stream('names');
// They share the hash of one random password nobody knows (one scrypt, not one per operator):
// the administration sets real passwords.
const unknownHash = await hashPassword(randomBytes(18).toString('base64url'));
const addUser = sql.prepare("INSERT INTO users (login, name, role, password_hash, active, created_at) VALUES (?, ?, 'operator', ?, 1, ?)");
for (let i = operators.length; i < counters.length + 3; i++) {
  const name = `${SURNAMES[i % SURNAMES.length]} ${INITIALS[names.int(0, INITIALS.length - 1)]}. ${INITIALS[names.int(0, INITIALS.length - 1)]}.`;
  let login = `operator${i + 1}`;
  while (sql.prepare('SELECT 1 FROM users WHERE login = ?').get(login)) login += 'x';
  operators.push(Number(addUser.run(login, name, unknownHash, Date.now()).lastInsertRowid));
}

const hall: HistoryHall = {
  services, counters, operators,
  outcomes: settings.outcomes.map((o) => o.id),
  shortBreakReasons: settings.breakReasons.map((b) => b.id).filter((id) => id !== 'lunch'),
};
if (hall.shortBreakReasons.length === 0) hall.shortBreakReasons.push('technical');

const s = {
  ticket: sql.prepare(`INSERT INTO tickets (id, service_id, original_service_id, number, hall_day, seq, status, privileged, issued_at, first_called_at, called_at,
      started_at, finished_at, counter_id, user_id, target_counter_id, recalls, outcome, eta_sec, source, code)
    VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'kiosk', ?)`),
  event: sql.prepare('INSERT INTO ticket_events (ticket_id, from_status, to_status, action, counter_id, user_id, at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
  counterEvent: sql.prepare('INSERT INTO counter_events (counter_id, user_id, action, reason, at) VALUES (?, ?, ?, ?, ?)'),
};
let nextId = ((sql.prepare('SELECT MAX(id) AS id FROM tickets').get() as { id: number | null }).id ?? 0) + 1;
let ticketCount = 0, eventCount = 0, counterEventCount = 0, expired = 0;
const writeDay = sql.transaction((d: ReturnType<typeof simulateDay>) => {
  const codes = randomBytes(8 * d.tickets.length).toString('hex');
  d.tickets.forEach((t, i) => {
    if (t.status === 'waiting' || t.status === 'called' || t.status === 'serving' || t.status === 'postponed') throw new Error(`ticket ${t.number} left ${t.status}`);
    if (t.status === 'expired') expired++;
    s.ticket.run(t.id, t.serviceId, t.originalServiceId, t.number, t.hallDay, t.seq, t.status, t.issuedAt, t.firstCalledAt, t.calledAt,
      t.startedAt, t.finishedAt, t.counterId, t.userId, t.targetCounterId, t.recalls, t.outcome, t.etaSec, codes.slice(16 * i, 16 * i + 16));
  });
  for (const e of d.events) s.event.run(e.ticketId, e.fromStatus, e.toStatus, e.action, e.counterId, e.userId, e.at, e.detail);
  for (const e of d.counterEvents) s.counterEvent.run(e.counterId, e.userId, e.action, e.reason, e.at);
});

// A bulk load of the past in one transaction: all of it or nothing. The indexes of the two big
// tables are dropped first and built again from their own definitions at the end (much faster
// than growing them row by row; a unique one that failed would undo the whole load).
sql.pragma('synchronous = OFF');
const indexes = sql.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('tickets', 'ticket_events') AND sql IS NOT NULL").all() as { name: string; sql: string }[];
let simMs = 0, indexMs = 0;
sql.transaction(() => {
  for (const ix of indexes) sql.exec(`DROP INDEX "${ix.name}"`);
  for (const [i, plan] of plans.entries()) {
    const a = performance.now();
    const d = simulateDay(plan, hall, rnd.stream('day', plan.day), nextId);
    simMs += performance.now() - a;
    writeDay(d);
    nextId += d.tickets.length;
    ticketCount += d.tickets.length; eventCount += d.events.length; counterEventCount += d.counterEvents.length;
    if (plans.length >= 20 && (i + 1) % Math.ceil(plans.length / 10) === 0) console.log(`  ${plan.day}: ${ticketCount.toLocaleString('en')} tickets so far`);
  }
  const a = performance.now();
  for (const ix of indexes) sql.exec(ix.sql);
  indexMs = performance.now() - a;
})();
sql.pragma('wal_checkpoint(TRUNCATE)');
sql.pragma('synchronous = FULL');
sql.close();
const sec = (performance.now() - t0) / 1000;
console.log([
  `demo:history: ${plans.length} working days (${plans[0].day} … ${plans[plans.length - 1].day}, zone ${tz}) in ${config.dataDir}`,
  `  ${ticketCount.toLocaleString('en')} tickets (${expired.toLocaleString('en')} expired at closing time), ${eventCount.toLocaleString('en')} ticket events, ${counterEventCount.toLocaleString('en')} counter events`,
  `  ${counters.length} windows${counters.length > hallCounters ? ` (${counters.length - hallCounters} added: the hall's ${hallCounters} serve fewer than ${Math.round(perDay)} a day)` : ''}, ${operators.length} operators`,
  `  ${sec.toFixed(1)} s in all (simulation ${(simMs / 1000).toFixed(1)} s, indexes ${(indexMs / 1000).toFixed(1)} s), ${Math.round(ticketCount / sec).toLocaleString('en')} tickets/s`,
].join('\n'));
