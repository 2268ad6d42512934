// The agent session against an in-process app: what the administrator's changes do to a
// connected agent (disable, enable, a new token), and bad messages from an agent.
import net from 'node:net';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentClient } from '../../drivers/agent/client.ts';
import type { DeviceLayer } from '../../server/devices/layer.ts';
import { MAX_QUEUED_BYTES } from '../../server/hub.ts';
import { testHall } from '../helpers/app.ts';
import { recordLog, until } from './record-log.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

async function hallWithDevice() {
  const hall = await testHall();
  const base = await hall.app.listen({ port: 0, host: '127.0.0.1' });
  const dev = (await hall.req('POST', '/api/admin/devices', { kind: 'buttons', name: 'Окно 1' }, hall.admin)).json;
  const token = (await hall.req('POST', `/api/admin/devices/${dev.id}/token`, undefined, hall.admin)).json.token as string;
  const status = async () => ((await hall.req('GET', '/api/devices', undefined, hall.admin)).json as { id: number; detail: string }[]).find((d) => d.id === dev.id)!.detail;
  return { hall, base, dev, token, status };
}

function agent(server: string, token: string) {
  const log = recordLog();
  const a = new AgentClient({ server, token, log, minBackoffMs: 50, maxBackoffMs: 200 });
  const refused: string[] = [];
  a.on('refused', (m) => refused.push(m));
  a.start();
  cleanup.push(() => a.stop());
  return { a, log, refused };
}

describe('agent sessions and administration', () => {
  it('a disabled device waits and comes back when enabled; a new token shuts out the old one', async () => {
    const { hall, base, dev, token, status } = await hallWithDevice();
    const first = agent(base, token);
    await until(async () => (await status()) === 'the agent has no buttons attached', 5000, 'connected');

    await hall.req('PATCH', `/api/admin/devices/${dev.id}`, { enabled: false }, hall.admin);
    await until(() => first.log.has('warn', 'this device is disabled on the server'), 5000, 'disabled seen');
    expect(await status()).toBe('disabled');
    await hall.req('PATCH', `/api/admin/devices/${dev.id}`, { enabled: true }, hall.admin);
    await until(async () => (await status()) === 'the agent has no buttons attached', 5000, 'back after enable');
    expect(first.refused).toEqual([]);

    const fresh = (await hall.req('POST', `/api/admin/devices/${dev.id}/token`, undefined, hall.admin)).json.token;
    await until(() => first.refused.length === 1, 5000, 'old token refused');
    expect(first.refused[0]).toMatch(/Unknown or revoked device token/);
    const second = agent(base, fresh);
    await until(async () => (await status()) === 'the agent has no buttons attached', 5000, 'new token works');
    expect(second.refused).toEqual([]);
  });

  it('garbage and forbidden commands from an agent are logged and ignored', async () => {
    const { hall, base, token, status } = await hallWithDevice();
    const svc = (await hall.req('GET', '/api/services')).json[0].id as number;
    const ctr = await hall.counter([{ serviceId: svc, priority: 1 }]);
    const op = await hall.operator();
    await hall.req('POST', `/api/counters/${ctr}/open`, undefined, op);
    const t = (await hall.req('POST', '/api/tickets', { serviceId: svc })).json;
    const ws = new WebSocket(base.replace('http', 'ws') + '/api/agent', { headers: { authorization: `Bearer ${token}` } });
    cleanup.push(async () => ws.close());
    await new Promise((r) => ws.once('message', r)); // hello
    ws.send('{not json');
    ws.send(JSON.stringify({ type: 'launch' }));
    ws.send(JSON.stringify({ type: 'button', counter: ctr, action: 'explode' }));
    // The device has no counter assigned: it may not call at this one.
    ws.send(JSON.stringify({ type: 'button', counter: ctr, action: 'call' }));
    ws.send(JSON.stringify({ type: 'status', printer: 'jam', buttons: { status: 'ok', detail: 7 } }));
    await until(async () => (await status()) === null, 5000, 'status taken');
    ws.send(JSON.stringify({ type: 'status', printer: null, buttons: { status: 'on fire', detail: null } }));
    await until(async () => /unknown status: on fire/.test(String(await status())), 5000, 'odd status reported as an error');
    expect((await hall.req('GET', `/api/tickets/${t.id}`)).json.status).toBe('waiting');
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it('an agent that stops reading is dropped once its queue passes the bound, and may connect again', async () => {
    const { hall, base, token, status } = await hallWithDevice();
    const port = Number(new URL(base).port);
    // A real TCP connection that completes the handshake and then never reads.
    const sock = net.connect(port, '127.0.0.1');
    cleanup.push(async () => sock.destroy());
    sock.write(`GET /api/agent HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nAuthorization: Bearer ${token}\r\n`
      + 'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n');
    await new Promise((r) => sock.once('data', r));
    sock.pause();
    await until(async () => (await status()) === 'the agent has no buttons attached', 5000, 'connected');
    const agents = (hall.app.ctx.devices as DeviceLayer).agents;
    const [server] = [...hall.app.websocketServer.clients];
    let most = 0;
    // 12 MB of LED numbers: the kernel's buffers (about 4 MB here) fill first, then the server's queue.
    for (let i = 0; i < 200_000 && server.readyState === WebSocket.OPEN; i++) {
      agents.display(1, `А${String(i % 1000).padStart(3, '0')}`);
      most = Math.max(most, server.bufferedAmount);
    }
    expect(most).toBeLessThan(MAX_QUEUED_BYTES + 1024);
    await until(async () => (await status()) === 'agent not connected', 5000, 'dropped');
    const again = agent(base, token);
    await until(async () => (await status()) === 'the agent has no buttons attached', 5000, 'reconnected');
    expect(again.refused).toEqual([]);
  });
});
