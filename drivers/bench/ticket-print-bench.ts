// What printing adds to issuing a ticket: `npx tsx drivers/bench/ticket-print-bench.ts`.
// POST /api/tickets latency on the real server with no printer, with QUEUE_PRINTER on a pty,
// and through a device agent (a child process) on a pty; the fake printer sits at the far end.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { startServer, type ServerProcess } from '../../tests/helpers/server-process.ts';
import { openFakeSerialPrinter } from '../testing/fake-printer.ts';
import { startPtyPair } from '../testing/pty-pair.ts';

const N = 40;
const root = resolve(import.meta.dirname, '../..');
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function issue(s: ServerProcess, label: string, token?: string) {
  const serviceId = (await s.call('GET', '/api/services')).json[0].id;
  const ms: number[] = [];
  let printed = 0;
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const r = await s.call('POST', '/api/tickets', { serviceId }, token);
    ms.push(performance.now() - t0);
    if (r.status !== 201) throw new Error(`${label}: ${r.status} ${JSON.stringify(r.json)}`);
    if (r.json.printed) printed++;
  }
  console.log(`${label}: POST /api/tickets p50 ${pct(ms, 0.5).toFixed(1)} ms, p95 ${pct(ms, 0.95).toFixed(1)} ms, printed ${printed}/${N}`);
}

const plain = await startServer({ LOG_LEVEL: 'error', QUEUE_KIOSK_RATE_PER_MIN: '100000' });
await issue(plain, 'no printer');
await plain.stop();

const pty = await startPtyPair();
const fake = await openFakeSerialPrinter(pty.b);
const direct = await startServer({ LOG_LEVEL: 'error', QUEUE_KIOSK_RATE_PER_MIN: '100000', QUEUE_PRINTER: `serial:${pty.a}` });
await new Promise((r) => setTimeout(r, 1500)); // the printer's first status check
await issue(direct, 'QUEUE_PRINTER on a pty');
await direct.stop();
await fake.close();

const fake2 = await openFakeSerialPrinter(pty.b);
const s = await startServer({ LOG_LEVEL: 'error', QUEUE_KIOSK_RATE_PER_MIN: '100000' });
const admin = await s.login();
const dev = (await s.call('POST', '/api/admin/devices', { kind: 'printer', name: 'bench kiosk' }, admin)).json;
const token = (await s.call('POST', `/api/admin/devices/${dev.id}/token`, undefined, admin)).json.token;
const agent = spawn(process.execPath, ['--import', 'tsx', join(root, 'drivers/agent/main.ts')], {
  cwd: root, stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'error', AGENT_SERVER: s.base, AGENT_TOKEN: token, AGENT_PRINTER: `serial:${pty.a}` },
});
while (!(await s.call('GET', '/api/devices', undefined, admin)).json.some((d: { id: number; status: string }) => d.id === dev.id && d.status === 'ok')) {
  await new Promise((r) => setTimeout(r, 100));
}
await issue(s, 'device agent on a pty', token);
console.log(`fake printers received ${fake.tickets.length + fake2.tickets.length} tickets`);
agent.kill('SIGTERM');
await s.stop();
await fake2.close();
await pty.stop();
