// Serial ports (USB-serial, RS-485 adapters, socat ptys in tests) through serialport 13.
import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import type { Transport, TransportEvents } from './transport.ts';

export interface SerialOptions {
  path: string;
  baudRate: number;
  /** Hardware (RTS/CTS) or software (XON/XOFF) flow control; printers with a small buffer need one. */
  flow: 'none' | 'rtscts' | 'xonxoff';
}

export class SerialTransport extends EventEmitter<TransportEvents> implements Transport {
  readonly canRead = true;
  private port: SerialPort | null = null;
  constructor(private readonly opts: SerialOptions) { super(); }

  get address() { return `serial:${this.opts.path}`; }
  /** 8N1: ten bits on the wire per byte. */
  get bytesPerSecond() { return this.opts.baudRate / 10; }
  get isOpen() { return this.port?.isOpen ?? false; }

  open(): Promise<void> {
    const port = new SerialPort({
      path: this.opts.path,
      baudRate: this.opts.baudRate,
      rtscts: this.opts.flow === 'rtscts',
      xon: this.opts.flow === 'xonxoff',
      xoff: this.opts.flow === 'xonxoff',
      autoOpen: false,
    });
    return new Promise((resolve, reject) => {
      port.open((err) => {
        if (err) return reject(err);
        this.port = port;
        port.on('data', (d: Buffer) => this.emit('data', d));
        port.on('error', () => { /* followed by 'close'; the owner logs that */ });
        port.on('close', (e: Error | null) => {
          if (this.port === port) this.port = null;
          this.emit('close', e ?? null);
        });
        // Some printers need DTR asserted; a pty or a bare adapter refuses the ioctl
        // ("Inappropriate ioctl"): modem lines are optional.
        port.set({ dtr: true, rts: true }, () => {});
        resolve();
      });
    });
  }

  write(data: Buffer): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return Promise.reject(new Error(`${this.address} is not open`));
    return new Promise((resolve, reject) => {
      port.write(data, (err) => {
        if (err) return reject(err);
        port.drain((e) => (e ? reject(e) : resolve()));
      });
    });
  }

  close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }
}
