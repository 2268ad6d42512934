// One interface for every byte pipe to a device, in the spirit of node-serialport's bindings:
// the printer and keypad drivers never know whether they talk to a pty, a socket or /dev/usb/lp0.
import type { EventEmitter } from 'node:events';

export interface TransportEvents {
  data: [Buffer];
  /** The pipe went away (unplugged, socket reset). The owner decides when to open it again. */
  close: [Error | null];
}

export interface Transport extends EventEmitter<TransportEvents> {
  /** Printable address for logs and device views. */
  readonly address: string;
  /** False where nothing can come back (a device file): no status answers to wait for. */
  readonly canRead: boolean;
  /** Bytes a second the line carries, where the line is slower than the printer (serial). */
  readonly bytesPerSecond?: number;
  readonly isOpen: boolean;
  open(): Promise<void>;
  /** Resolves when the bytes are handed to the OS (drained for serial). */
  write(data: Buffer): Promise<void>;
  close(): Promise<void>;
}
