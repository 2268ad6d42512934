// A ticket printer = ESC/POS encoder + transport. Jobs run one at a time; each has a deadline
// and resolves true/false by it, so a dead printer never holds up ticket issuing. The printer
// keeps itself connected: an unplugged port goes offline and is reopened when it comes back.
import { EventEmitter } from 'node:events';
import type { TicketPrintJob } from '../../server/device-port.ts';
import type { Logger } from '../log.ts';
import { KeepOpen } from '../transports/keep-open.ts';
import type { Transport } from '../transports/transport.ts';
import { defaultEncoderOptions, type EncoderOptions } from './encoder.ts';
import { canPrint, parseStatus, STATUS_PAPER, STATUS_PRINTER, type StatusReading } from './status.ts';
import { ticketBytes, type TicketLayoutOptions } from './ticket.ts';

export interface PrinterOptions {
  encoder: EncoderOptions;
  layout: TicketLayoutOptions;
  /** Longest a print call may take, queueing included, plus 1.5 times the ticket's time on a
   * slow line (a raster QR ticket takes 7 s at 9600 baud): a ticket still printing is not failed. */
  jobTimeoutMs: number;
  /** Wait for one DLE EOT answer byte. */
  statusTimeoutMs: number;
  /** Status polling while idle, so GET /api/devices shows paper_out before a customer finds out. */
  pollMs: number;
  reconnectMs: number;
  /** false for printers without a back channel (one-way cables, some clones): never ask DLE EOT. */
  askStatus: boolean;
}

export const defaultPrinterOptions: PrinterOptions = {
  encoder: defaultEncoderOptions,
  layout: {},
  jobTimeoutMs: 8000,
  statusTimeoutMs: 1000,
  pollMs: 5000,
  reconnectMs: 1000,
  askStatus: true,
};

class Timeout extends Error {}

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const t = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Timeout(`${what} timed out after ${ms} ms`)), ms); });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export class Printer extends EventEmitter<{ status: [StatusReading] }> {
  readonly options: PrinterOptions;
  private current: StatusReading = { status: 'offline', detail: 'not connected yet' };
  private chain: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private rx: number[] = [];
  private wake: (() => void) | null = null;
  private readonly keep: KeepOpen;
  private pollTimer: NodeJS.Timeout | null = null;

  constructor(readonly transport: Transport, options: Partial<PrinterOptions>, private readonly log: Logger) {
    super();
    this.options = { ...defaultPrinterOptions, ...options };
    transport.on('data', (d) => {
      // Only answers to our own requests matter; stray bytes (ASB, noise) must not pile up.
      if (this.rx.length < 64) for (const b of d) this.rx.push(b);
      this.wake?.();
    });
    this.keep = new KeepOpen(transport, this.options.reconnectMs, {
      opened: async () => {
        this.log.info({ printer: this.address }, 'printer port open');
        await this.exclusive(() => this.refresh());
      },
      lost: (detail) => {
        // Keep the more telling reason when the port was closed on purpose (no status answer).
        if (this.current.status !== 'offline' || !this.current.detail?.startsWith('no answer')) this.setStatus({ status: 'offline', detail });
      },
    });
  }

  get status(): StatusReading { return this.current; }
  /** Whether status comes from the printer, or only from the port being open and writable. */
  private get asks(): boolean { return this.options.askStatus && this.transport.canRead; }
  get address(): string { return this.transport.address; }

  start(): void {
    if (this.pollTimer) return;
    this.keep.start();
    this.pollTimer = setInterval(() => {
      if (this.transport.isOpen && this.pending === 0) void this.exclusive(() => this.refresh()).catch(() => {});
    }, this.options.pollMs);
    this.pollTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    await this.keep.stop();
  }

  print(job: TicketPrintJob): Promise<boolean> {
    let bytes: Buffer;
    try {
      bytes = ticketBytes(job, this.options.encoder, this.options.layout);
    } catch (err) {
      this.log.error({ printer: this.address, job: job?.number, err: (err as Error).message }, 'ticket could not be encoded');
      return Promise.resolve(false);
    }
    return this.printBytes(bytes, `ticket ${job.number}`);
  }

  /** Never rejects; resolves false when the bytes could not be printed before the deadline. */
  private printBytes(bytes: Buffer, label: string): Promise<boolean> {
    const bps = this.transport.bytesPerSecond;
    const timeoutMs = this.options.jobTimeoutMs + (bps ? Math.ceil((1500 * bytes.length) / bps) : 0);
    const deadline = Date.now() + timeoutMs;
    this.pending++;
    // The job's deadline ends it once, whether it is still queued (this timer) or still writing
    // (the write's own timeout, which may fire first at the same instant): one warning either way.
    let warned = false;
    const timeOut = () => { if (!warned) this.log.warn({ printer: this.address, job: label, timeoutMs }, 'print job timed out'); warned = true; };
    const run = this.exclusive(() => this.runJob(bytes, label, deadline, timeOut)).finally(() => { this.pending--; });
    let timer: NodeJS.Timeout;
    const timedOut = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => { timeOut(); resolve(false); }, timeoutMs);
    });
    return Promise.race([run.catch(() => false), timedOut]).finally(() => clearTimeout(timer));
  }

  private async runJob(bytes: Buffer, label: string, deadline: number, timeOut: () => void): Promise<boolean> {
    const left = () => deadline - Date.now();
    // A ticket printed after its caller gave up would be a second, confusing ticket.
    if (left() <= 0) return false;
    if (!this.transport.isOpen) {
      this.log.warn({ printer: this.address, job: label, detail: this.current.detail }, 'printer offline: job not printed');
      return false;
    }
    if (this.asks) {
      const s = await this.refresh();
      if (!canPrint(s.status)) {
        this.log.warn({ printer: this.address, job: label, status: s.status, detail: s.detail }, 'printer not ready: job not printed');
        return false;
      }
    }
    try {
      await within(this.transport.write(bytes), Math.max(1, left()), 'write');
    } catch (err) {
      if (err instanceof Timeout) timeOut();
      else this.log.error({ printer: this.address, job: label, err: (err as Error).message }, 'print write failed');
      // A write stuck on flow control or a dead port: start over with a fresh connection.
      this.setStatus({ status: 'offline', detail: (err as Error).message });
      await this.keep.drop();
      return false;
    }
    this.log.info({ printer: this.address, job: label, bytes: bytes.length }, 'printed');
    if (this.asks && left() > 0) await this.refresh();
    else if (!this.asks) this.setStatus({ status: 'ok', detail: null });
    return true;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn, fn);
    this.chain = next.catch(() => {});
    return next;
  }

  /** DLE EOT 1 then DLE EOT 4; no answer means offline (and a fresh connection next time). */
  private async refresh(): Promise<StatusReading> {
    if (!this.transport.isOpen) return this.current;
    if (!this.asks) return this.setStatus({ status: 'ok', detail: null });
    this.rx = [];
    try {
      const printer = await this.ask(STATUS_PRINTER);
      const paper = await this.ask(STATUS_PAPER);
      return this.setStatus(parseStatus(printer, paper));
    } catch (err) {
      const detail = err instanceof Timeout ? 'no answer to status request (DLE EOT)' : (err as Error).message;
      this.setStatus({ status: 'offline', detail });
      await this.keep.drop();
      return this.current;
    }
  }

  private async ask(request: Buffer): Promise<number> {
    await within(this.transport.write(request), this.options.statusTimeoutMs, 'status request');
    const t0 = Date.now();
    while (this.rx.length === 0) {
      const left = this.options.statusTimeoutMs - (Date.now() - t0);
      if (left <= 0) throw new Timeout('status answer');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => { clearTimeout(timer); resolve(); };
      });
      this.wake = null;
    }
    return this.rx.shift()!;
  }

  private setStatus(s: StatusReading): StatusReading {
    const changed = s.status !== this.current.status || s.detail !== this.current.detail;
    this.current = s;
    if (changed) {
      const fields = { printer: this.address, status: s.status, detail: s.detail };
      if (s.status === 'ok') this.log.info(fields, 'printer status');
      else this.log.warn(fields, 'printer status');
      this.emit('status', s);
    }
    return s;
  }
}
