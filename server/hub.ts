// The websocket hub: stamps every committed change with the next `seq`, serialises it once and
// sends it to every connected screen. New clients get a snapshot first, built at the same seq.
// A screen that stops reading is dropped once its queue passes a bound (it reconnects and takes
// a fresh snapshot), and pings find screens whose network vanished without a FIN.
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import type { HallEvent, HallEventDraft, Snapshot } from './protocol';

/** Bytes a socket may have queued in the server (beyond the kernel's buffers): about 600
 * ticket events. A screen that far behind is better served by a fresh snapshot. */
export const MAX_QUEUED_BYTES = 128 * 1024;

export interface HubOptions {
  /** A screen that has not answered the previous ping by the next one is dropped. */
  pingMs?: number;
  /** Told once per publish how many screens were dropped for not reading. */
  onDrop?: (count: number) => void;
}

export class Hub {
  private seq = 0;
  /** Each screen, and whether it answered the last ping. */
  private clients = new Map<WebSocket, { alive: boolean }>();
  /** In-process listeners (the device layer, tests): called after commit like sockets. */
  private listeners = new Set<(e: HallEvent) => void>();
  private readonly pinger: NodeJS.Timeout;

  constructor(private clock: () => number, private readonly o: HubOptions = {}) {
    this.pinger = setInterval(() => this.ping(), o.pingMs ?? 30_000);
    this.pinger.unref();
  }

  get currentSeq() { return this.seq; }
  get clientCount() { return this.clients.size; }

  add(ws: WebSocket, snapshot: (seq: number) => Omit<Snapshot, 'seq' | 'type'>) {
    const state = { alive: true };
    this.clients.set(ws, state);
    ws.on('pong', () => { state.alive = true; });
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
    let dropped = 0;
    for (const ws of this.clients.keys()) {
      if (ws.readyState !== ws.OPEN) continue;
      if (ws.bufferedAmount > MAX_QUEUED_BYTES) { this.drop(ws); dropped++; continue; }
      // A `next` is two events (finished, called): corked, they leave in one write per screen.
      // `_socket` is ws's own field; tests/api/websocket.test.ts notices if an upgrade renames it.
      const socket = (ws as unknown as { _socket?: Socket })._socket;
      socket?.cork();
      for (const f of frames) ws.send(f, { binary: false });
      socket?.uncork();
    }
    if (dropped) this.o.onDrop?.(dropped);
    for (const e of events) for (const fn of this.listeners) fn(e);
  }

  closeAll() {
    clearInterval(this.pinger);
    for (const ws of this.clients.keys()) ws.close(1001, 'server stopping');
  }

  /** terminate(), not close(): a close frame would wait behind the queue it cannot drain. */
  private drop(ws: WebSocket) {
    this.clients.delete(ws);
    ws.terminate();
  }

  private ping() {
    for (const [ws, state] of this.clients) {
      if (!state.alive) { this.drop(ws); continue; }
      state.alive = false;
      ws.ping();
    }
  }
}
