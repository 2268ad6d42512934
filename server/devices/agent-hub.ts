// Device agents connected over GET /api/agent: one session per device token. The hub sends print
// jobs and LED numbers, and keeps the latest status each agent reports.
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { CLOSE_REFUSED, type AgentToServer, type DeviceState, type ServerToAgent } from '../../drivers/agent/protocol.ts';
import { isButtonAction, type ButtonEvent } from '../../drivers/buttons/types.ts';
import type { Logger } from '../../drivers/log.ts';
import type { TicketPrintJob } from '../device-port';
import type { AgentInfo, DeviceRow } from './store.ts';

interface Session {
  socket: WebSocket;
  printer: DeviceState | null;
  buttons: DeviceState | null;
  jobs: Map<string, (ok: boolean) => void>;
  alive: boolean;
}

export interface AgentHubOptions {
  log: Logger;
  /** The counters a device may act on: its own and those of its keypads. */
  mayAct(row: DeviceRow, counter: number): boolean;
  onButton(row: DeviceRow, ev: ButtonEvent): void;
  hello(row: DeviceRow): Extract<ServerToAgent, { type: 'hello' }>;
  getRow(id: number): DeviceRow | undefined;
  /** Counter → number now on its LED, sent to an agent when it connects. */
  numbers(): [number, string][];
  /** The agent connected, reported what it drives, or left. */
  seen?(deviceId: number, info?: AgentInfo): void;
  pingMs?: number;
}

export class AgentHub {
  private sessions = new Map<number, Session>();
  private pinger: NodeJS.Timeout;

  constructor(private readonly o: AgentHubOptions) {
    // Pings find agents whose network vanished without a FIN; the agent watches them the other way.
    this.pinger = setInterval(() => {
      for (const s of this.sessions.values()) {
        if (!s.alive) { s.socket.terminate(); continue; }
        s.alive = false;
        s.socket.ping();
      }
    }, o.pingMs ?? 15_000);
    this.pinger.unref();
  }

  session(deviceId: number): { printer: DeviceState | null; buttons: DeviceState | null } | undefined {
    return this.sessions.get(deviceId);
  }

  attach(row: DeviceRow, socket: WebSocket): void {
    const old = this.sessions.get(row.id);
    if (old) old.socket.close(4000, 'replaced by a newer connection of this device');
    const s: Session = { socket, printer: null, buttons: null, jobs: new Map(), alive: true };
    this.sessions.set(row.id, s);
    this.o.log.info({ device: row.id, name: row.name }, 'agent connected');
    this.o.seen?.(row.id);
    socket.on('pong', () => { s.alive = true; });
    socket.on('message', (data) => this.onMessage(row.id, s, data.toString()));
    socket.on('close', (code) => {
      for (const resolve of s.jobs.values()) resolve(false);
      s.jobs.clear();
      if (this.sessions.get(row.id) === s) this.sessions.delete(row.id);
      this.o.seen?.(row.id);
      this.o.log.warn({ device: row.id, code }, 'agent disconnected');
    });
    socket.on('error', () => {});
    this.send(s, this.o.hello(row));
    for (const [counter, number] of this.o.numbers()) this.send(s, { type: 'display', counter, number });
  }

  /** Resolves false when the agent is not connected, answers false, or does not answer in time. */
  print(deviceId: number, job: TicketPrintJob, timeoutMs: number): Promise<boolean> {
    const s = this.sessions.get(deviceId);
    if (!s) {
      this.o.log.warn({ device: deviceId, ticket: job.number }, 'agent not connected: ticket not printed');
      return Promise.resolve(false);
    }
    const jobId = randomUUID();
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        s.jobs.delete(jobId);
        this.o.log.warn({ device: deviceId, ticket: job.number }, 'agent print timed out');
        resolve(false);
      }, timeoutMs);
      s.jobs.set(jobId, (ok) => { clearTimeout(timer); s.jobs.delete(jobId); resolve(ok); });
      this.send(s, { type: 'print', jobId, job });
    });
  }

  display(counter: number, number: string | null): void {
    for (const s of this.sessions.values()) this.send(s, { type: 'display', counter, number });
  }

  /** After an admin change: a disabled device is cut off, an enabled one gets its new settings. */
  refresh(deviceId: number, reason?: string): void {
    const s = this.sessions.get(deviceId);
    if (!s) return;
    const row = this.o.getRow(deviceId);
    if (!row?.enabled || reason) s.socket.close(CLOSE_REFUSED, reason ?? 'device disabled');
    else this.send(s, this.o.hello(row));
  }

  close(): void {
    clearInterval(this.pinger);
    for (const s of this.sessions.values()) s.socket.close(1001, 'server stopping');
  }

  private send(s: Session, m: ServerToAgent): void {
    if (s.socket.readyState === s.socket.OPEN) s.socket.send(JSON.stringify(m));
  }

  private onMessage(deviceId: number, s: Session, text: string): void {
    let m: AgentToServer;
    try { m = JSON.parse(text); } catch {
      this.o.log.warn({ device: deviceId }, 'agent sent malformed JSON: ignored');
      return;
    }
    const row = this.o.getRow(deviceId);
    if (!row) return;
    switch (m?.type) {
      case 'info': {
        const text = (v: unknown) => (typeof v === 'string' ? v.slice(0, 300) : null);
        this.o.seen?.(deviceId, { version: text(m.version), host: text(m.host), printer: text(m.printer), buttons: text(m.buttons) });
        return;
      }
      case 'status':
        s.printer = validState(m.printer, PRINTER_STATES);
        s.buttons = validState(m.buttons, BUTTON_STATES);
        return;
      case 'printed':
        s.jobs.get(String(m.jobId))?.(m.ok === true);
        return;
      case 'button':
        if (!Number.isInteger(m.counter) || !isButtonAction(m.action)) break;
        if (!this.o.mayAct(row, m.counter)) {
          this.o.log.warn({ device: deviceId, counter: m.counter }, 'agent button for a counter not assigned to the device: refused');
          return;
        }
        this.o.onButton(row, { counter: m.counter, action: m.action });
        return;
    }
    this.o.log.warn({ device: deviceId, message: text.slice(0, 200) }, 'agent sent an unknown message: ignored');
  }
}

const PRINTER_STATES = ['ok', 'paper_low', 'paper_out', 'offline', 'error'];
const BUTTON_STATES = ['ok', 'offline', 'error'];

/** The contract promises these status values: anything else from an agent is an error. */
function validState(v: unknown, allowed: string[]): DeviceState | null {
  if (!v || typeof v !== 'object') return null;
  const { status, detail } = v as DeviceState;
  const text = typeof detail === 'string' ? detail.slice(0, 300) : null;
  return allowed.includes(status) ? { status, detail: text } : { status: 'error', detail: `agent reported an unknown status: ${String(status).slice(0, 32)}` };
}
