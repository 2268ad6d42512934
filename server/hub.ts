// The websocket hub: stamps every committed change with the next `seq`, serialises it once and
// sends it to every connected screen. New clients get a snapshot first, built at the same seq.
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { HallEvent, HallEventDraft, Snapshot } from './protocol';

export class Hub {
  private seq = 0;
  private clients = new Set<WebSocket>();
  /** In-process listeners (the device layer, tests): called after commit like sockets. */
  private listeners = new Set<(e: HallEvent) => void>();

  constructor(private clock: () => number) {}

  get currentSeq() { return this.seq; }
  get clientCount() { return this.clients.size; }

  add(ws: WebSocket, snapshot: (seq: number) => Omit<Snapshot, 'seq' | 'type'>) {
    this.clients.add(ws);
    ws.on('close', () => this.clients.delete(ws));
    ws.on('error', () => this.clients.delete(ws));
    ws.send(JSON.stringify({ type: 'snapshot', seq: this.seq, ...snapshot(this.seq) }));
  }

  subscribe(fn: (e: HallEvent) => void) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Call only after the change is committed. */
  publish(drafts: HallEventDraft[]) {
    if (drafts.length === 0) return;
    const at = new Date(this.clock()).toISOString();
    const events = drafts.map((d) => ({ ...d, seq: ++this.seq, at }) as HallEvent);
    // Encoded once for all screens; ws would otherwise encode the string for every socket.
    const frames = events.map((e) => Buffer.from(JSON.stringify(e)));
    for (const ws of this.clients) {
      if (ws.readyState !== ws.OPEN) continue;
      // A `next` is two events (finished, called): corked, they leave in one write per screen.
      // `_socket` is ws's own field; tests/api/websocket.test.ts notices if an upgrade renames it.
      const socket = (ws as unknown as { _socket?: Socket })._socket;
      socket?.cork();
      for (const f of frames) ws.send(f, { binary: false });
      socket?.uncork();
    }
    for (const e of events) for (const fn of this.listeners) fn(e);
  }

  closeAll() {
    for (const ws of this.clients) ws.close(1001, 'server stopping');
  }
}
