// `npx tsx bench/replies.ts`: what the reply schemas gain in serialising, and what the request
// histogram costs per reply.
// 1. Hot answers of a real hall: a month of history (npm run demo:history, 22 working days ×
//    2,740 tickets) in a temporary DATA_DIR, 12 counters open with a ticket each, 200 waiting.
//    For GET /api/stats/live, GET /api/stats/report by=hour over the month and
//    GET /api/admin/services, a preSerialization hook takes the handler's own object and the
//    serializer Fastify compiled from the route's schema (reply.getSerializationFunction); both
//    serialisations of that object are timed, and the whole request (app.inject) beside them.
// 2. Two small answers with their schemas compiled by fast-json-stringify here, and one
//    observation of talon_http_request_duration_seconds (prom-client, three labels).
import fjs from 'fast-json-stringify';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import pino from 'pino';
import { Histogram, Registry } from 'prom-client';
import { Type } from 'typebox';
import { buildApp } from '../server/app';
import { readConfig } from '../server/config';
import { IssuedTicket, Service } from '../server/replies/public';

const DAYS = 22, PER_DAY = 2740, TZ = 'Europe/Moscow';

const ROUNDS = 21;
/** ns per call of a and of b: rounds of ~50 ms each, a and b taking turns (so that the other work
 * on this shared machine falls on both alike); the fastest round of each (the least disturbed)
 * and the median one. */
function compare(a: () => unknown, b: () => unknown) {
  const once = (fn: () => unknown, n: number) => { const t0 = performance.now(); for (let i = 0; i < n; i++) fn(); return ((performance.now() - t0) / n) * 1e6; };
  for (let w = 0; w < 3; w++) { once(a, 500); once(b, 500); } // warm both up first
  const n = Math.max(50, Math.round(50e6 / Math.min(once(a, 200), once(b, 200))));
  const ra: number[] = [], rb: number[] = [];
  for (let r = 0; r < ROUNDS; r++) { ra.push(once(a, n)); rb.push(once(b, n)); }
  const med = (x: number[]) => [...x].sort((p, q) => p - q)[ROUNDS >> 1];
  return { a: Math.min(...ra), b: Math.min(...rb), aMed: med(ra), bMed: med(rb), n };
}
const f0 = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 0 });
function report(label: string, plain: () => unknown, schema: () => unknown) {
  const c = compare(plain, schema);
  console.log(`  JSON.stringify        ${f0(c.a).padStart(7)} ns   (median round ${f0(c.aMed)})`);
  console.log(`  with the reply schema ${f0(c.b).padStart(7)} ns   (median round ${f0(c.bMed)})   JSON.stringify / schema = ${(c.a / c.b).toFixed(2)} (medians ${(c.aMed / c.bMed).toFixed(2)})   [${label}: fastest of ${ROUNDS} rounds of ${f0(c.n)}]`);
}

// ---- 1. hot answers of a real hall ----
const dir = mkdtempSync(join(tmpdir(), 'talon-bench-replies-'));
try {
  const password = 'bench-admin-Pa55';
  const env = { ...process.env, DATA_DIR: join(dir, 'data'), QUEUE_TIMEZONE: TZ, QUEUE_ADMIN_PASSWORD: password };
  const gen = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo-history.ts', '--days', String(DAYS), '--per-day', String(PER_DAY)], { env, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`demo:history failed: ${gen.stderr}`);
  const app = await buildApp({ config: readConfig({ DATA_DIR: env.DATA_DIR, QUEUE_TIMEZONE: TZ, QUEUE_ADMIN_PASSWORD: password }), logger: pino({ level: 'silent' }) });
  const taken = new Map<string, { payload: unknown; serialize: (v: unknown) => string }>();
  app.addHook('preSerialization', async (req, reply, payload) => {
    const serialize = reply.getSerializationFunction(String(reply.statusCode)) as ((v: unknown) => string) | undefined;
    if (serialize) taken.set(req.routeOptions.url!, { payload, serialize });
    return payload;
  });
  const call = async (method: string, url: string, token?: string, body?: unknown) => {
    const r = await app.inject({ method: method as 'GET', url, payload: body as object, headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (r.statusCode >= 300) throw new Error(`${method} ${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
    return r.json();
  };
  const login = async (l: string, p: string) => (await call('POST', '/api/auth/login', undefined, { login: l, password: p })).token as string;
  const admin = await login('admin', password);

  // The live hall: 12 counters open with their operators and a ticket each, 200 waiting.
  const services = (await call('GET', '/api/services')) as { id: number }[];
  const counters = ((await call('GET', '/api/counters', admin)) as { id: number }[]).slice(0, 12);
  for (const [i, c] of counters.entries()) {
    await call('POST', '/api/admin/users', admin, { login: `bench-${i}`, name: `Оператор ${i + 1}`, password: 'bench-user-Pa55', role: 'operator' });
    const token = await login(`bench-${i}`, 'bench-user-Pa55');
    await call('POST', `/api/counters/${c.id}/open`, token, {});
    for (let k = 0; k < 16; k++) await call('POST', '/api/tickets', admin, { serviceId: services[(i + k) % services.length].id });
    await call('POST', `/api/counters/${c.id}/next`, token, {});
  }
  for (let k = 0; k < 20; k++) await call('POST', '/api/tickets', admin, { serviceId: services[k % services.length].id });

  const now = Date.now(), day = 86_400_000;
  const month = `from=${encodeURIComponent(new Date(now - 31 * day).toISOString())}&to=${encodeURIComponent(new Date(now).toISOString())}`;
  const hot: [string, string, string][] = [
    ['GET /api/stats/live (12 open counters, 200 waiting)', '/api/stats/live', '/api/stats/live'],
    [`GET /api/stats/report by=hour, a month (${f0(DAYS * PER_DAY)} tickets)`, `/api/stats/report?${month}&by=hour`, '/api/stats/report'],
    ['GET /api/admin/services (the demo hall)', '/api/admin/services', '/api/admin/services'],
  ];
  const live = await call('GET', '/api/stats/live', admin);
  console.log(`hall: ${live.counters.filter((c: { state: string }) => c.state === 'open').length} counters open, ${live.services.reduce((a: number, s: { waiting: number }) => a + s.waiting, 0)} waiting`);
  for (const [label, url, route] of hot) {
    const requestMs: number[] = [];
    for (let i = 0; i < 21; i++) { const t0 = performance.now(); await call('GET', url, admin); requestMs.push(performance.now() - t0); }
    const { payload, serialize } = taken.get(route)!;
    const plain = JSON.stringify(payload);
    if (!isDeepStrictEqual(JSON.parse(serialize(payload)), JSON.parse(plain))) throw new Error(`${route}: the schema's serialisation differs from JSON.stringify`);
    console.log(`${label}: ${f0(plain.length)} bytes; the whole request ${(requestMs.sort((x, y) => x - y)[10]).toFixed(2)} ms (app.inject, median of 21)`);
    report(route, () => JSON.stringify(payload), () => serialize(payload));
  }
  await app.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ---- 2. small answers, and the request histogram ----
const ticket = {
  id: 1234, number: 'П015', serviceId: 1, status: 'waiting', privileged: false, ahead: 4, etaMinutes: 12, counter: null,
  issuedAt: '2026-03-10T07:00:00.000Z', calledAt: null, service: { id: 1, name: 'Оплата и задолженность', nameEn: 'Payments and debts' },
  statusUrl: '/kiosk/?ticket=1234', printed: true,
};
const services = Array.from({ length: 6 }, (_, i) => ({
  id: i, name: 'Оплата и задолженность', nameEn: 'Payments and debts', prefix: 'П', group: 'Физическим лицам', groupEn: 'Individuals',
  waiting: 7, etaMinutes: 12, available: true, closedReason: null, openFrom: null, openTo: null,
}));
for (const [label, schema, value] of [['POST /api/tickets answer', IssuedTicket, ticket], ['GET /api/services, 6 services', Type.Array(Service), services]] as const) {
  const withSchema = fjs(schema as object);
  console.log(`${label}: ${f0(JSON.stringify(value).length)} bytes`);
  report(label, () => JSON.stringify(value), () => withSchema(value as never));
}
const h = new Histogram({ name: 'x_seconds', help: 'x', labelNames: ['method', 'route', 'status_code'], registers: [new Registry()] });
const obs = compare(() => h.observe({ method: 'POST', route: '/api/tickets', status_code: '201' }, 0.0012), () => {});
console.log(`one request observation: ${f0(obs.a)} ns (fastest of ${ROUNDS} rounds of ${f0(obs.n)}; median round ${f0(obs.aMed)})`);
