// CPU time the server spends per POST /api/tickets (user + system of its process, /proc/<pid>/stat),
// closed loop of 20 clients, for two builds started alternately: less disturbed by other load on
// the machine than latency is. Usage: node bench/cpu-per-ticket.mjs <rootA> <rootB> [rounds], each
// root a checkout with node_modules and its bundle built (node scripts/build-server.mjs).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [rootA, rootB, roundsArg] = process.argv.slice(2);
const ROUNDS = Number(roundsArg ?? 3), WARM = 1000, N = 4000, CLIENTS = 20;
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
const ticks = (pid) => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' '); return Number(f[11]) + Number(f[12]); };
const freePort = () => new Promise((r) => { const s = net.createServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => r(p)); }); });
function call(port, method, path, body, token) {
  return new Promise((resolve, reject) => {
    const data = body ? JSON.stringify(body) : undefined;
    const req = http.request({ host: '127.0.0.1', port, path, method, agent, headers: { ...(data ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } }, (res) => {
      let t = ''; res.on('data', (d) => { t += d; }); res.on('end', () => resolve({ status: res.statusCode, json: t ? JSON.parse(t) : null }));
    });
    req.on('error', reject); req.end(data);
  });
}
async function run(root) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'talon-cpu-'));
  const proc = spawn(process.execPath, ['--optimize-for-size', '--no-memory-reducer', join(root, 'dist/server/main.mjs')], { cwd: root, stdio: 'ignore', env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), QUEUE_ADMIN_PASSWORD: 'bench-Pa55word', LOG_LEVEL: 'warn' } });
  try {
    for (let i = 0; ; i++) { try { if ((await call(port, 'GET', '/api/health')).status === 200) break; } catch {} await new Promise((r) => setTimeout(r, 100)); if (i > 600) throw new Error('no start'); }
    const token = (await call(port, 'POST', '/api/auth/login', { login: 'admin', password: 'bench-Pa55word' })).json.token;
    const svc = (await call(port, 'POST', '/api/admin/services', { name: 'Нагрузка', prefix: 'Я' }, token)).json.id;
    const burst = async (n) => { let left = n; await Promise.all(Array.from({ length: CLIENTS }, async () => { while (left-- > 0) { const r = await call(port, 'POST', '/api/tickets', { serviceId: svc }, token); if (r.status !== 201) throw new Error(String(r.status)); } })); };
    await burst(WARM);
    const t0 = ticks(proc.pid), w0 = performance.now();
    await burst(N);
    const cpuMs = (ticks(proc.pid) - t0) * 10, wallMs = performance.now() - w0;
    return { cpuUsPerTicket: (cpuMs * 1000) / N, rps: N / (wallMs / 1000) };
  } finally { proc.kill('SIGKILL'); rmSync(dir, { recursive: true, force: true }); }
}
const out = { A: [], B: [] };
for (let i = 0; i < ROUNDS; i++) for (const [k, root] of [['A', rootA], ['B', rootB]]) { const r = await run(root); out[k].push(r); console.log(k, root, `CPU ${r.cpuUsPerTicket.toFixed(0)} µs/ticket, ${r.rps.toFixed(0)} tickets/s`); }
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const k of ['A', 'B']) console.log(k, 'median CPU µs/ticket', med(out[k].map((r) => r.cpuUsPerTicket)).toFixed(0), 'median tickets/s', med(out[k].map((r) => r.rps)).toFixed(0));
