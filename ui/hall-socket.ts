// The screens' live connection: takes the snapshot, applies events in `seq` order, and on a
// gap or a drop reconnects and takes a fresh snapshot. Reloads the page when the server's
// version changes (an upgrade), so a board on a wall never runs stale code.
import type { HallEvent, Snapshot, ServerMessage } from '../server/protocol';

export interface HallSocketHandlers {
  onSnapshot(s: Snapshot): void;
  onEvent(e: HallEvent): void;
  onStatus?(online: boolean): void;
}

export interface HallSocketOptions {
  url?: string;
  /** Longest pause between reconnect attempts. */
  maxDelayMs?: number;
  reload?: () => void;
}

export function connectHall(h: HallSocketHandlers, opts: HallSocketOptions = {}) {
  const url = opts.url ?? `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`;
  const maxDelay = opts.maxDelayMs ?? 5000;
  let ws: WebSocket | null = null;
  let seq = -1;
  let version: string | null = null;
  let delay = 250;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const open = () => {
    if (stopped) return;
    ws = new WebSocket(url);
    ws.onmessage = (m) => {
      const msg = JSON.parse(String(m.data)) as ServerMessage;
      if (msg.type === 'snapshot') {
        if (version && msg.version !== version) return (opts.reload ?? (() => location.reload()))();
        version = msg.version;
        seq = msg.seq;
        delay = 250;
        h.onStatus?.(true);
        h.onSnapshot(msg);
        return;
      }
      if (msg.seq !== seq + 1) return ws?.close(); // a gap: reconnect for a fresh snapshot
      seq = msg.seq;
      h.onEvent(msg);
    };
    ws.onclose = () => {
      ws = null;
      h.onStatus?.(false);
      if (stopped) return;
      timer = setTimeout(open, delay);
      delay = Math.min(delay * 2, maxDelay);
    };
    ws.onerror = () => ws?.close();
  };
  open();
  return {
    close() { stopped = true; clearTimeout(timer); ws?.close(); },
    /** Drop the connection and resynchronise (after an action whose answer was lost). */
    resync() { ws?.close(); },
  };
}
