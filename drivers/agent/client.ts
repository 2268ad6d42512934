// The device agent: runs the printer and button drivers on a kiosk or window PC and talks to the
// hall server over one websocket. It reconnects with backoff after the network or the server
// drops; drivers keep running meanwhile, so their status is current when it is back.
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import WebSocket from 'ws';
import { openButtons } from '../buttons/open-buttons.ts';
import type { ButtonDevice } from '../buttons/types.ts';
import { openPrinter } from '../escpos/open-printer.ts';
import type { Printer } from '../escpos/printer.ts';
import type { Logger } from '../log.ts';
import type { AgentToServer, ServerToAgent } from './protocol.ts';

export interface AgentOptions {
  server: string;
  token: string;
  printer?: string;
  buttons?: string;
  log: Logger;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** No ping from the server for this long = a dead connection (the server pings every 15 s). */
  silenceMs?: number;
  /** Reported to the server with the machine's name, shown in the device administration. */
  version?: string;
}

export class AgentClient extends EventEmitter<{ refused: [string]; connected: [] }> {
  private ws: WebSocket | null = null;
  private printer: Printer | null = null;
  private buttons: ButtonDevice | null = null;
  private backoff: number;
  private retry: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly o: AgentOptions) {
    super();
    this.backoff = o.minBackoffMs ?? 500;
  }

  start(): void { this.connect(); }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.watchdog) clearTimeout(this.watchdog);
    this.ws?.close(1000, 'agent stopping');
    await this.printer?.stop();
    await this.buttons?.stop();
  }

  private connect(): void {
    this.retry = null;
    if (this.stopped) return;
    const url = this.o.server.replace(/^http/, 'ws').replace(/\/+$/, '') + '/api/agent';
    const ws = new WebSocket(url, { headers: { authorization: `Bearer ${this.o.token}` }, handshakeTimeout: 5000 });
    this.ws = ws;
    let answered = false; // an HTTP answer instead of an upgrade: handled here, not as a drop
    ws.on('unexpected-response', (_req, res) => {
      answered = true;
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => {
        ws.terminate();
        let message = body;
        try { message = JSON.parse(body).message ?? body; } catch { /* not JSON */ }
        if (res.statusCode === 401) {
          this.o.log.error({ server: this.o.server, status: res.statusCode, message }, 'the server refused this agent: check AGENT_TOKEN');
          this.stopped = true;
          this.emit('refused', message);
        } else if (res.statusCode === 403) {
          // Disabled by the administrator: wait, slowly, to be enabled again.
          this.o.log.warn({ server: this.o.server, message }, 'this device is disabled on the server');
          this.backoff = this.o.maxBackoffMs ?? 30_000;
          this.reconnectLater();
        } else {
          this.o.log.warn({ server: this.o.server, status: res.statusCode, message }, 'unexpected answer from the server');
          this.reconnectLater();
        }
      });
    });
    ws.on('open', () => {
      opened = true;
      this.backoff = this.o.minBackoffMs ?? 500;
      this.o.log.info({ server: this.o.server }, 'connected to the hall server');
      this.feedWatchdog(ws);
      this.send({ type: 'info', version: this.o.version ?? null, host: hostname(), printer: this.o.printer ?? null, buttons: this.o.buttons ?? null });
      this.emit('connected');
    });
    ws.on('ping', () => this.feedWatchdog(ws));
    ws.on('message', (data) => this.onMessage(data.toString()));
    let opened = false;
    let lastError = '';
    ws.on('error', (err) => { lastError = err.message; });
    ws.on('close', (code, reason) => {
      if (this.ws === ws) this.ws = null;
      if (this.stopped || answered) return;
      if (opened) this.o.log.warn({ code, reason: reason.toString() }, 'disconnected from the hall server');
      else this.o.log.warn({ server: this.o.server, err: lastError, retryInMs: this.backoff }, 'cannot reach the hall server');
      this.reconnectLater();
    });
  }

  private reconnectLater(): void {
    if (this.stopped || this.retry) return;
    // Jitter keeps a dozen agents from hammering a restarting server in step.
    const delay = Math.round(this.backoff * (0.75 + Math.random() * 0.5));
    this.backoff = Math.min(this.backoff * 2, this.o.maxBackoffMs ?? 30_000);
    this.retry = setTimeout(() => this.connect(), delay);
  }

  private feedWatchdog(ws: WebSocket): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.o.log.warn({}, 'no ping from the server: reconnecting');
      ws.terminate();
    }, this.o.silenceMs ?? 45_000);
    this.watchdog.unref();
  }

  private send(m: AgentToServer): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(m));
    return true;
  }

  private sendStatus(): void {
    this.send({ type: 'status', printer: this.printer?.status ?? null, buttons: this.buttons?.status ?? null });
  }

  private onMessage(text: string): void {
    let m: ServerToAgent;
    try { m = JSON.parse(text); } catch {
      this.o.log.warn({}, 'malformed message from the server ignored');
      return;
    }
    switch (m.type) {
      case 'hello': this.onHello(m); break;
      case 'print': void this.onPrint(m.jobId, m.job); break;
      case 'display': this.buttons?.show(m.counter, m.number); break;
    }
  }

  /** Drivers open at the first hello: their settings live in the server's database. */
  private onHello(m: Extract<ServerToAgent, { type: 'hello' }>): void {
    this.o.log.info({ device: m.deviceId, name: m.name }, 'registered as device');
    try {
      if (this.o.printer && !this.printer) {
        this.printer = openPrinter(this.o.printer, this.o.log, { baseUrl: this.o.server, ...m.settings });
        this.printer.on('status', () => this.sendStatus());
        this.printer.start();
      }
      if (this.o.buttons && !this.buttons) {
        this.buttons = openButtons({ address: this.o.buttons, keypads: m.settings.keypads, ratingKeypads: m.settings.ratingKeypads, keys: m.settings.keys, counter: m.counterId }, this.o.log);
        this.buttons.on('status', () => this.sendStatus());
        this.buttons.on('action', (ev) => {
          // A press is not queued while offline: a "call" carried out minutes later would surprise everyone.
          if (!this.send({ type: 'button', ...ev })) this.o.log.warn({ ...ev }, 'button press lost: not connected to the server');
        });
        this.buttons.start();
      }
    } catch (err) {
      this.o.log.error({ err: (err as Error).message }, 'device settings are unusable');
    }
    this.sendStatus();
  }

  private async onPrint(jobId: string, job: Parameters<Printer['print']>[0]): Promise<void> {
    const ok = this.printer ? await this.printer.print(job) : false;
    if (!this.printer) this.o.log.warn({ ticket: job.number }, 'print job for an agent without AGENT_PRINTER');
    this.send({ type: 'printed', jobId, ok });
  }
}
