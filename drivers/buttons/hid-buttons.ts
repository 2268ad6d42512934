// Vendor HID call buttons (not the keyboard-emulating kind: those are F-keys in the console).
// The device sends input reports; a mapping says which byte/bit means which key. A key fires
// once when it goes down, not again while held or when released.
import { EventEmitter } from 'node:events';
import type { Logger } from '../log.ts';
import type { ButtonDevice, ButtonEvent, ButtonStatus, ButtonAction } from './types.ts';

/** The part of node-hid's HIDAsync the driver uses, so tests can replay recorded reports. */
export interface HidDevice {
  on(event: 'data', cb: (report: Buffer) => void): unknown;
  on(event: 'error', cb: (err: Error) => void): unknown;
  close(): Promise<void> | void;
}

export type HidOpener = (vendorId: number, productId: number) => Promise<HidDevice>;

/** node-hid needs libusb-1.0 and the device's permissions (a udev rule); loaded only when used. */
export const nodeHidOpener: HidOpener = async (vendorId, productId) => {
  const { HIDAsync } = await import('node-hid');
  return HIDAsync.open(vendorId, productId);
};

export interface HidKey {
  /** Byte offset in the report (including the report id byte where the device sends one). */
  index: number;
  /** Pressed when (byte & mask) != 0; without a mask, when byte === value. */
  mask?: number;
  value?: number;
  action: ButtonAction;
}

export interface HidButtonsOptions {
  vendorId: number;
  productId: number;
  keys: HidKey[];
  counter: number;
  reconnectMs?: number;
}

const pressed = (k: HidKey, r: Buffer | null) => {
  if (!r || k.index >= r.length) return false;
  return k.mask !== undefined ? (r[k.index] & k.mask) !== 0 : r[k.index] === k.value;
};

export class HidButtons extends EventEmitter<{ action: [ButtonEvent]; status: [ButtonStatus] }> implements ButtonDevice {
  private current: ButtonStatus = { status: 'offline', detail: 'not connected yet' };
  private device: HidDevice | null = null;
  private last: Buffer | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(private readonly opts: HidButtonsOptions, private readonly open: HidOpener, private readonly log: Logger) {
    super();
  }

  get status(): ButtonStatus { return this.current; }
  private get id() { return `hid:${this.opts.vendorId.toString(16).padStart(4, '0')}:${this.opts.productId.toString(16).padStart(4, '0')}`; }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    const d = this.device;
    this.device = null;
    await d?.close();
  }

  show(): void { /* HID call buttons have no display */ }

  /** One input report, from the device or from a recording. */
  report(r: Buffer): void {
    // A device always sends reports of one length; another length is a glitch, not a key.
    if (this.last && r.length !== this.last.length) {
      this.log.warn({ buttons: this.id, report: r.toString('hex') }, 'HID report of unexpected length ignored');
      return;
    }
    for (const k of this.opts.keys) {
      if (pressed(k, r) && !pressed(k, this.last)) this.emit('action', { counter: this.opts.counter, action: k.action });
    }
    this.last = Buffer.from(r);
  }

  private async connect(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    try {
      const d = await this.open(this.opts.vendorId, this.opts.productId);
      if (this.stopped) return void (await d.close());
      this.device = d;
      this.last = null;
      d.on('data', (r) => this.report(r));
      d.on('error', (err) => {
        // node-hid reports an unplug as a read error; the device object is dead after it.
        if (this.device !== d) return;
        this.device = null;
        this.setStatus({ status: 'offline', detail: err.message });
        void Promise.resolve(d.close()).catch(() => {});
        this.schedule();
      });
      this.setStatus({ status: 'ok', detail: null });
    } catch (err) {
      this.setStatus({ status: 'offline', detail: (err as Error).message });
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => void this.connect(), this.opts.reconnectMs ?? 2000);
    this.timer.unref();
  }

  private setStatus(s: ButtonStatus): void {
    if (s.status === this.current.status && s.detail === this.current.detail) return;
    this.current = s;
    this.log[s.status === 'ok' ? 'info' : 'warn']({ buttons: this.id, ...s }, 'HID buttons status');
    this.emit('status', s);
  }
}
