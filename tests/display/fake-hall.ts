// A small stand-in hall server that speaks the websocket protocol (snapshot, then seq-numbered
// events) and serves the built board: for the soak test, which pushes more events than a real
// hall makes in months. The real server is used by the other board tests.
import { createServer, type Server } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { extname, join, resolve, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { HallEventDraft, Snapshot } from '../../server/protocol';

const dist = resolve(import.meta.dirname, '../../dist/hall-display');
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export interface FakeHall {
  base: string;
  snapshot: Omit<Snapshot, 'seq' | 'at'>;
  /** Stamps seq and at and sends to every board. */
  send(e: HallEventDraft): void;
  /** Loses the next event (a gap in seq), as a board would see after a missed message. */
  loseOne(): void;
  /** Drops every connection (a network cut). */
  drop(): void;
  clients(): number;
  close(): Promise<void>;
}

export function baseSnapshot(): Omit<Snapshot, 'seq' | 'at'> {
  return {
    type: 'snapshot', bootId: 'fake-boot', version: 'fake-1', calls: [], notices: [],
    waiting: [{ serviceId: 1, count: 3 }],
    services: [{ id: 1, name: 'Оплата услуг', nameEn: 'Payments', prefix: 'А', group: null, groupEn: null, waiting: 3, etaMinutes: 5, available: true, closedReason: null, openFrom: null, openTo: null }],
    counters: [{ id: 1, name: 'Окно 1', state: 'open', breakReason: null, user: null }],
    settings: { hallName: 'Тестовый зал', hallNameEn: 'Test hall', privilegedEnabled: false, timezone: 'Europe/Moscow', boards: {} },
  };
}

export async function startFakeHall(): Promise<FakeHall> {
  let seq = 0;
  const sockets = new Set<WebSocket>();
  const hall: Partial<FakeHall> = { snapshot: baseSnapshot() };
  const http: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/api/')) {
      res.writeHead(501, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_implemented', message: 'fake hall' }));
      return;
    }
    const rel = normalize(path.replace(/^\/display\/?/, '') || 'index.html').replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, rel);
    if (!file.startsWith(dist) || !existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  const wss = new WebSocketServer({ server: http, path: '/api/ws' });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.send(JSON.stringify({ ...hall.snapshot, seq, at: new Date().toISOString() }));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const port = (http.address() as AddressInfo).port;
  return Object.assign(hall, {
    base: `http://127.0.0.1:${port}`,
    send(e: HallEventDraft) {
      const msg = JSON.stringify({ ...e, seq: ++seq, at: new Date().toISOString() });
      for (const ws of sockets) ws.send(msg);
    },
    loseOne() { seq++; },
    drop() { for (const ws of sockets) ws.terminate(); },
    clients: () => sockets.size,
    close: async () => {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      await new Promise<void>((r) => http.close(() => r()));
    },
  }) as FakeHall;
}
