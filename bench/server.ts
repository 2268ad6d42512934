// npm run bench: starts the real server (the bundle `npm start` runs) on a temporary DATA_DIR and prints, in one run, the
// latency and throughput of issuing and calling tickets, the websocket fan-out delay to 200
// screens, the server's peak memory, and the floors they stand on, measured by the same client:
// a bare node:http server, the same with one durable raw SQLite insert per request, a bare ws
// broadcast (bench/bare-server.mjs; one frame where a `next` sends two) and one durable raw SQLite
// transaction on the same disk.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { BUNDLE_NODE_FLAGS, startServer } from '../tests/helpers/server-process';

const CONCURRENCY = 20, PACED_RPS = 200, PACED_N = 1000, BURST_N = 5000, SOCKETS = 200, FANOUT_CALLS = 100;

// --trace-gc: V8 prints each collection on the server's stdout, so the bench can count the
// full (mark-compact) pauses that fall in each phase.
const s = await startServer({ LOG_LEVEL: 'error' }, { bundle: true, nodeFlags: ['--trace-gc'] });
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY * 2 });

/** GET /api/health: no database, no work; the cost of an HTTP round trip on this machine. */
function health(): Promise<{ ms: number; serverMs: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port: s.port, path: '/api/health', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: performance.now() - t0, serverMs: Number(/dur=([\d.]+)/.exec(String(res.headers['server-timing']))?.[1]) }));
    }).on('error', reject);
  });
}

function post(path: string, body: unknown, token: string): Promise<{ status: number; json: any; ms: number; serverMs: number }> {
  const data = JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.port, path, method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), authorization: `Bearer ${token}` } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text), ms: performance.now() - t0, serverMs: Number(/dur=([\d.]+)/.exec(String(res.headers['server-timing']))?.[1]) }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** CPU time of the whole machine from /proc/stat: all of it, and the part the VM's host took (steal). */
function cpuTicks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  return { total: f.reduce((a, b) => a + b, 0), steal: f[7] };
}
/** The server's mark-compact pauses printed (--trace-gc) since output offset `from`: count, longest, why. */
function fullGcs(from: number) {
  const pauses = [...s.log().slice(from).matchAll(/Mark-Compact.*? MB, ([\d.]+) \/ [\d.]+ ms.*\) ([^;()]+); GC in/g)]
    .map((m) => ({ ms: Number(m[1]), why: m[2].trim() }));
  return pauses.length ? `${pauses.length} (longest ${fmt(Math.max(...pauses.map((p) => p.ms)))} ms; ${[...new Set(pauses.map((p) => p.why))].join(', ')})` : '0';
}
const memKb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${s.proc.pid}/status`, 'utf8'))![1]);
const pct = (xs: number[], p: number) => { const a = [...xs].sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.ceil((p / 100) * a.length) - 1)]; };
const fmt = (x: number) => x.toFixed(2);
const check = (r: { status: number; json: any }, want: number) => { if (r.status !== want) throw new Error(`HTTP ${r.status}: ${JSON.stringify(r.json)}`); };

/** Opens SOCKETS websockets to `port`, then `FANOUT_CALLS` times: `trigger` and the time until every socket has the `ticket.called`. */
async function fanOut(port: number, trigger: (i: number) => Promise<unknown>) {
  const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => new Promise<WebSocket>((res, rej) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/ws`);
    ws.once('message', () => res(ws)); // the snapshot
    ws.once('error', rej);
  })));
  const times: number[] = [];
  for (let i = 0; i < FANOUT_CALLS; i++) {
    let t0 = 0, got = 0;
    const all = new Promise<void>((done) => {
      for (const ws of sockets) {
        const on = (d: WebSocket.RawData) => {
          if (!d.toString().includes('"ticket.called"')) return;
          ws.off('message', on);
          if (++got === SOCKETS) { times.push(performance.now() - t0); done(); }
        };
        ws.on('message', on);
      }
    });
    t0 = performance.now();
    await trigger(i);
    await all;
    await new Promise((r) => setTimeout(r, 10));
  }
  sockets.forEach((ws) => ws.terminate());
  return times;
}

/** A bodyless POST to the bare server (bench/bare-server.mjs). */
function postTo(port: number, path = '/'): Promise<void> {
  return new Promise((resolve, reject) => {
    http.request({ host: '127.0.0.1', port, path, method: 'POST', agent }, (res) => { res.resume(); res.on('end', resolve); }).on('error', reject).end();
  });
}

/** Open loop: one request every 1000/rps ms, whatever the answers do. */
async function paced(n: number, rps: number, fn: (i: number) => Promise<{ ms: number; serverMs: number }>) {
  const lat: number[] = [], inServer: number[] = [];
  const jobs: Promise<void>[] = [];
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const due = t0 + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    jobs.push(fn(i).then((r) => { lat.push(r.ms); inServer.push(r.serverMs); }));
  }
  await Promise.all(jobs);
  return { p50: pct(lat, 50), p99: pct(lat, 99), max: Math.max(...lat), rps: n / ((performance.now() - t0) / 1000), server: { p50: pct(inServer, 50), p99: pct(inServer, 99) } };
}

/** Closed loop: `clients` callers, each sending its next request when the last is answered. */
async function burst(n: number, clients: number, fn: (client: number) => Promise<{ ms: number }>) {
  const lat: number[] = [];
  let left = n;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: clients }, async (_, c) => { while (left-- > 0) lat.push((await fn(c)).ms); }));
  return { p50: pct(lat, 50), p99: pct(lat, 99), rps: n / ((performance.now() - t0) / 1000) };
}

try {
  const admin = await s.login();
  const svc = (await post('/api/admin/services', { name: 'Нагрузка', prefix: 'Я' }, admin)).json.id;
  const counters: { id: number; token: string }[] = [];
  for (let i = 0; i < CONCURRENCY; i++) {
    const id = (await post('/api/admin/counters', { name: `Окно ${100 + i}`, services: [{ serviceId: svc, priority: 1 }] }, admin)).json.id;
    check(await post('/api/admin/users', { login: `bench${i}`, name: `Bench ${i}`, password: 'bench-user-Pa55', role: 'operator' }, admin), 201);
    const token = await s.login(`bench${i}`, 'bench-user-Pa55');
    check(await post(`/api/counters/${id}/open`, {}, token), 200);
    counters.push({ id, token });
  }
  // Restart after the setup, so that the memory figure is that of serving the hall, not of the
  // 16 MB scrypt buffers of creating 20 accounts. Tokens and open counters live in the database.
  await s.restart();

  const issue = async () => { const r = await post('/api/tickets', { serviceId: svc }, admin); check(r, 201); return r; };
  const next = async (c: number) => { const k = counters[c]; const r = await post(`/api/counters/${k.id}/next`, { finishCurrent: true }, k.token); check(r, 200); return r; };

  // Warm-up: a hall's server runs all day, so measure it with its code optimised by the JIT.
  await burst(2000, CONCURRENCY, issue);
  await burst(1000, CONCURRENCY, (c) => next(c));
  const cpu0 = cpuTicks();
  const phases: string[] = [`idle ${(memKb('VmRSS') / 1024).toFixed(0)}`];
  const floorHttp = await paced(PACED_N, PACED_RPS, health);
  const gcs: string[] = [];
  let logAt = s.log().length; // the server's output so far: GC lines after it belong to the next phase
  const phase = (name: string) => {
    phases.push(`${name} ${(memKb('VmHWM') / 1024).toFixed(0)}`);
    gcs.push(`${name}: ${fullGcs(logAt)}`);
    logAt = s.log().length;
  };
  const issuePaced = await paced(PACED_N, PACED_RPS, issue);
  phase('issue paced');
  const issueBurst = await burst(BURST_N, CONCURRENCY, issue);
  phase('issue burst');
  const nextPaced = await paced(PACED_N, PACED_RPS, (i) => next(i % CONCURRENCY));
  phase('next paced');
  const nextBurst = await burst(BURST_N, CONCURRENCY, (c) => next(c));
  phase('next burst');

  // Fan-out: 200 screens connected; time from sending `next` to `ticket.called` on every one.
  const fanout = await fanOut(s.port, (i) => next(i % CONCURRENCY));
  phase('fan-out');
  // Its floor: the same measurement against a bare `ws` broadcast server (bench/bare-server.mjs).
  const bare = spawn(process.execPath, [join(import.meta.dirname, 'bare-server.mjs'), join(s.dataDir, 'bare.db')], { stdio: ['ignore', 'pipe', 'inherit'] });
  // An error thrown outside these awaits (a reset keep-alive socket) ends the bench without the
  // finally below: the child must not outlive it.
  const endBare = () => bare.kill();
  process.once('exit', endBare);
  let fanoutFloor: number[], bareHttp: Awaited<ReturnType<typeof paced>>, bareDurable: Awaited<ReturnType<typeof paced>>;
  try {
    const port = Number(await new Promise<string>((res) => bare.stdout!.once('data', (d) => res(String(d)))));
    fanoutFloor = await fanOut(port, () => postTo(port));
    // and the floor of an HTTP round trip: plain node:http, no framework, nothing done
    const timed = (path: string) => async () => { const t0 = performance.now(); await postTo(port, path); return { ms: performance.now() - t0, serverMs: NaN }; };
    bareHttp = await paced(PACED_N, PACED_RPS, timed('/'));
    // and of a durable request: the same, with one raw synchronous=FULL insert before the answer
    bareDurable = await paced(PACED_N, PACED_RPS, timed('/durable'));
  } finally {
    bare.kill();
    process.off('exit', endBare);
  }

  const peakKb = memKb('VmHWM');
  const cpu1 = cpuTicks();

  // The floor: one durable insert transaction with raw better-sqlite3, on the disk of DATA_DIR.
  const raw = new Database(join(s.dataDir, 'floor.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const ins = raw.prepare('INSERT INTO t (v) VALUES (?)');
  const tx = raw.transaction((v: string) => ins.run(v));
  // Back to back, and paced like the requests: the disk's flush has a tail of its own under load.
  const floor: number[] = [];
  for (let i = 0; i < 1000; i++) { const t0 = performance.now(); tx('x' + i); floor.push(performance.now() - t0); }
  const floorPaced = await paced(PACED_N, PACED_RPS, async (i) => { const t0 = performance.now(); tx('p' + i); return { ms: performance.now() - t0, serverMs: NaN }; });
  raw.close();

  const line = (name: string, r: { p50: number; p99: number; rps: number; server?: { p50: number; p99: number } }, mode: string) =>
    console.log(`${name.padEnd(30)} ${mode.padEnd(26)} p50 ${fmt(r.p50)} ms   p99 ${fmt(r.p99)} ms   ${r.rps.toFixed(0)} req/s` +
      (r.server ? `   (inside the server: p50 ${fmt(r.server.p50)} ms, p99 ${fmt(r.server.p99)} ms)` : ''));
  console.log(`\nTalon server benchmark (${new Date().toISOString()}, node ${process.version} ${BUNDLE_NODE_FLAGS.join(' ')})`);
  line('bare node:http (floor)', { ...bareHttp, server: undefined }, `paced ${PACED_RPS} req/s`);
  line('bare + durable insert (floor)', { ...bareDurable, server: undefined }, `paced ${PACED_RPS} req/s`);
  line('GET /api/health', floorHttp, `paced ${PACED_RPS} req/s`);
  line('POST /api/tickets', issuePaced, `paced ${PACED_RPS} req/s`);
  line('POST /api/tickets', issueBurst, `${CONCURRENCY} clients, closed loop`);
  line('POST /api/counters/:id/next', nextPaced, `paced ${PACED_RPS} req/s`);
  line('POST /api/counters/:id/next', nextBurst, `${CONCURRENCY} clients, closed loop`);
  console.log(`next → ticket.called on all ${SOCKETS} websockets: p50 ${fmt(pct(fanout, 50))} ms   p99 ${fmt(pct(fanout, 99))} ms` +
    `   (floor, a bare ws broadcast to ${SOCKETS}: p50 ${fmt(pct(fanoutFloor, 50))} ms, p99 ${fmt(pct(fanoutFloor, 99))} ms)`);
  console.log(`server peak memory (VmHWM): ${(peakKb / 1024).toFixed(1)} MB (by phase, MB: ${phases.join(', ')}; of it the node binary's own pages: ${(memKb('RssFile') / 1024).toFixed(0)} MB)`);
  console.log(`server's full GC pauses (mark-compact) by phase: ${gcs.join('; ')}`);
  console.log(`durable raw insert transaction (floor): p50 ${fmt(pct(floor, 50))} ms   p99 ${fmt(pct(floor, 99))} ms;` +
    ` paced ${PACED_RPS}/s: p50 ${fmt(floorPaced.p50)} ms   p99 ${fmt(floorPaced.p99)} ms   max ${fmt(floorPaced.max)} ms`);
  console.log(`issue p50 / floor p50 at ${PACED_RPS} req/s: ${(issuePaced.p50 / pct(floor, 50)).toFixed(2)}×`);
  console.log(`CPU time taken by the VM's host (steal) during the measurements: ${((100 * (cpu1.steal - cpu0.steal)) / (cpu1.total - cpu0.total)).toFixed(1)}%`);
  console.log(`targets: p99 ≤ 5 ms at ${PACED_RPS} req/s; ≥ 2000 tickets/s; fan-out p99 ≤ 20 ms; peak memory ≤ 150 MB`);
} finally {
  agent.destroy();
  await s.stop();
}
