// Serial keypads: one line (a USB-serial or RS-485 adapter) carries one or more keypads, each
// with an address. Key presses become counter actions; called numbers go back to the LEDs.
import { EventEmitter } from 'node:events';
import type { Logger } from '../log.ts';
import { KeepOpen } from '../transports/keep-open.ts';
import type { Transport } from '../transports/transport.ts';
import { ledLine, LineSplitter, parseKeyLine } from './line-protocol.ts';
import type { ButtonDevice, ButtonEvent, ButtonStatus } from './types.ts';

export interface KeypadOptions {
  /** Keypad address → counter id. */
  keypads?: Record<string, number>;
  /** Every keypad on this line works for this counter (a single keypad at a window). */
  counter?: number | null;
  /** Rating keypad address → counter id: customers' keypads whose keys 1–5 rate the visit. */
  ratingKeypads?: Record<string, number>;
  reconnectMs?: number;
}

/** Address 0 is a broadcast: every keypad on the line shows it. */
const BROADCAST = 0;

export class SerialKeypad extends EventEmitter<{ action: [ButtonEvent]; status: [ButtonStatus] }> implements ButtonDevice {
  private current: ButtonStatus = { status: 'offline', detail: 'not connected yet' };
  private readonly keep: KeepOpen;
  private readonly splitter: LineSplitter;
  /** Last number per counter, sent again when a keypad reconnects. */
  private readonly shown = new Map<number, string | null>();

  constructor(readonly transport: Transport, private readonly opts: KeypadOptions, private readonly log: Logger) {
    super();
    this.splitter = new LineSplitter((l) => this.onLine(l), (what) => this.log.warn({ keypad: transport.address, what }, 'keypad garbage ignored'));
    transport.on('data', (d) => this.splitter.push(d));
    this.keep = new KeepOpen(transport, opts.reconnectMs ?? 1000, {
      opened: () => {
        this.setStatus({ status: 'ok', detail: null });
        for (const [counter, number] of this.shown) this.show(counter, number);
      },
      lost: (detail) => this.setStatus({ status: 'offline', detail }),
    });
  }

  get status(): ButtonStatus { return this.current; }

  start(): void { this.keep.start(); }
  stop(): Promise<void> { return this.keep.stop(); }

  show(counter: number, number: string | null): void {
    this.shown.set(counter, number);
    if (!this.transport.isOpen) return;
    for (const addr of this.addressesOf(counter)) {
      this.transport.write(ledLine(addr, number)).catch((err) => this.log.warn({ keypad: this.transport.address, err: err.message }, 'LED update failed'));
    }
  }

  private addressesOf(counter: number): number[] {
    if (this.opts.counter === counter) return [BROADCAST];
    return Object.entries(this.opts.keypads ?? {}).filter(([, c]) => c === counter).map(([a]) => Number(a));
  }

  private onLine(line: string): void {
    const ratings = this.opts.ratingKeypads ?? {};
    const key = parseKeyLine(line, (addr) => String(addr) in ratings);
    if ('error' in key) {
      this.log.warn({ keypad: this.transport.address, line: JSON.stringify(line).slice(0, 80), error: key.error }, 'keypad garbage ignored');
      return;
    }
    const counter = ratings[String(key.addr)] ?? this.opts.keypads?.[String(key.addr)] ?? this.opts.counter ?? null;
    if (counter === null) {
      this.log.warn({ keypad: this.transport.address, addr: key.addr }, 'key press from a keypad with no counter assigned');
      return;
    }
    this.emit('action', { counter, action: key.action });
  }

  private setStatus(s: ButtonStatus): void {
    if (s.status === this.current.status && s.detail === this.current.detail) return;
    this.current = s;
    this.log[s.status === 'ok' ? 'info' : 'warn']({ keypad: this.transport.address, ...s }, 'keypad status');
    this.emit('status', s);
  }
}
