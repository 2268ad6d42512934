import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WebSocket as WebSocketClient, WebSocketServer, type WebSocket } from 'ws';
import { Hub } from '../../server/hub';
import { testHall } from '../helpers/app';

function collect(ws: WebSocket) {
  const msgs: any[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (d) => { msgs.push(JSON.parse(d.toString())); waiters.splice(0).forEach((w) => w()); });
  const until = async (n: number) => { while (msgs.length < n) await new Promise<void>((r) => waiters.push(r)); return msgs; };
  return { msgs, until };
}

describe('websocket', () => {
  it('sends the snapshot first, then one event per change with seq rising by exactly one, each after its commit', async () => {
    const h = await testHall();
    const a = await h.service('А');
    const c = await h.counter([{ serviceId: a, priority: 1 }], 'Окно 7');
    const op = await h.operator();
    // A second connection to the same file sees only what is committed.
    const reader = new Database(join(h.dir, 'talon.db'), { readonly: true });
    const statusSeen: string[] = [];
    h.app.ctx.hub.subscribe((e: any) => {
      if (e.ticket) statusSeen.push(`${e.type}:${(reader.prepare('SELECT status FROM tickets WHERE id = ?').get(e.ticket.id) as any)?.status}`);
    });
    let c0!: ReturnType<typeof collect>;
    const ws = await h.app.injectWS('/api/ws', {}, { onInit: (w: WebSocket) => { c0 = collect(w); } });
    const { until } = c0;
    const [snap] = await until(1);
    expect(snap).toMatchObject({ type: 'snapshot', seq: expect.any(Number), calls: [], waiting: [], notices: [], services: expect.any(Array), counters: expect.any(Array) });

    await h.req('POST', `/api/counters/${c}/open`, {}, op);
    const t = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    await h.req('POST', `/api/counters/${c}/start`, {}, op);
    await h.req('POST', `/api/counters/${c}/finish`, {}, op);
    await h.req('POST', `/api/counters/${c}/next`, {}, op); // nobody waits: no event
    expect((await h.req('POST', `/api/counters/${c}/start`, {}, op)).status).toBe(409); // failed: no event
    const msgs = await until(6);
    await new Promise((r) => setTimeout(r, 100));
    expect(msgs.map((m) => m.type)).toEqual(['snapshot', 'counter.changed', 'ticket.issued', 'ticket.called', 'ticket.serving', 'ticket.finished']);
    msgs.forEach((m, i) => expect(m.seq).toBe(snap.seq + i));
    expect(msgs[3]).toMatchObject({ ticket: { id: t.id, number: 'А001', serviceId: a }, counter: { id: c, name: 'Окно 7' }, waiting: [], at: expect.any(String) });
    expect(msgs[2].waiting).toEqual([{ serviceId: a, count: 1 }]);
    expect(statusSeen).toEqual(['ticket.issued:waiting', 'ticket.called:called', 'ticket.serving:serving', 'ticket.finished:done']);
    ws.terminate();
    reader.close();
  });

  it('a reconnecting client gets a snapshot with the current calls and seq', async () => {
    const h = await testHall();
    const a = await h.service('А');
    const c = await h.counter([{ serviceId: a, priority: 1 }], 'Окно 2');
    const op = await h.operator();
    let one!: ReturnType<typeof collect>;
    const first = await h.app.injectWS('/api/ws', {}, { onInit: (w: WebSocket) => { one = collect(w); } });
    await one.until(1);
    first.terminate(); // dropped
    await h.req('POST', `/api/counters/${c}/open`, {}, op);
    await h.req('POST', '/api/tickets', { serviceId: a });
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    let two!: ReturnType<typeof collect>;
    const again = await h.app.injectWS('/api/ws', {}, { onInit: (w: WebSocket) => { two = collect(w); } });
    const [snap] = await two.until(1);
    expect(snap.seq).toBe(one.msgs[0].seq + 3);
    expect(snap.calls).toEqual([expect.objectContaining({ number: 'А001', counterName: 'Окно 2', status: 'called' })]);
    again.terminate();
  });

  it('the events of one batch reach each screen in one socket write, in order', async () => {
    const hub = new Hub(() => Date.parse('2026-11-22T10:00:00Z'));
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    const writes: number[] = [];
    wss.on('connection', (ws) => {
      // Count the writes that reach the TCP socket: without the cork, ws makes one per frame.
      const socket = (ws as any)._socket;
      const writev = socket._writev.bind(socket), write = socket._write.bind(socket);
      socket._writev = (chunks: unknown[], cb: () => void) => { writes.push(chunks.length); writev(chunks, cb); };
      socket._write = (chunk: unknown, enc: string, cb: () => void) => { writes.push(1); write(chunk, enc, cb); };
      hub.add(ws, () => ({}) as any);
    });
    await new Promise((r) => wss.once('listening', r));
    const client = new WebSocketClient(`ws://127.0.0.1:${(wss.address() as { port: number }).port}`);
    const got = collect(client);
    await got.until(1); // the snapshot
    writes.length = 0;
    const ticket = { id: 1, number: 'А001', serviceId: 1 };
    hub.publish([{ type: 'ticket.finished', ticket, waiting: [] }, { type: 'ticket.called', ticket: { ...ticket, id: 2, number: 'А002' }, waiting: [] }] as any);
    expect(writes).toEqual([4]); // two frames, header and payload each, in one writev
    const msgs = await got.until(3);
    expect(msgs.slice(1).map((m) => [m.type, m.seq])).toEqual([['ticket.finished', 1], ['ticket.called', 2]]);
    client.terminate();
    await new Promise((r) => wss.close(r));
  });

  it('pings every screen and drops one that does not answer; one that answers stays', async () => {
    const hub = new Hub(() => 0, { pingMs: 40 });
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    wss.on('connection', (ws) => hub.add(ws, () => ({}) as any));
    await new Promise((r) => wss.once('listening', r));
    const url = `ws://127.0.0.1:${(wss.address() as { port: number }).port}`;
    const live = new WebSocketClient(url);
    const dead = new WebSocketClient(url, { autoPong: false }); // a screen whose network vanished
    await Promise.all([live, dead].map((c) => new Promise((r) => c.once('message', r))));
    const closed = new Promise((r) => dead.once('close', r));
    let pings = 0;
    live.on('ping', () => { pings++; });
    await Promise.race([closed, new Promise((_, no) => setTimeout(() => no(new Error('the silent screen was kept')), 3000))]);
    expect(hub.clientCount).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(pings).toBeGreaterThan(2);
    expect(live.readyState).toBe(WebSocketClient.OPEN);
    expect(hub.clientCount).toBe(1);
    hub.closeAll();
    live.terminate();
    await new Promise((r) => wss.close(r));
  });
});
