// A device file such as /dev/usb/lp0 (the Linux usblp driver). Nothing comes back through it,
// so a printer on a file reports only what the writes tell: open and accepted, or gone. Only a
// character device is ever opened: never an ordinary file (see address.ts).
import { EventEmitter } from 'node:events';
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Transport, TransportEvents } from './transport.ts';

export class FileTransport extends EventEmitter<TransportEvents> implements Transport {
  readonly canRead = false;
  private fh: FileHandle | null = null;
  constructor(private readonly path: string) { super(); }

  get address() { return `file:${this.path}`; }
  get isOpen() { return this.fh !== null; }

  async open(): Promise<void> {
    // A regular file or a FIFO is refused before the open (which would wait for a FIFO's reader)
    // and after it (in case the path changed between): only a device's file is written to.
    if (!(await stat(this.path)).isCharacterDevice()) throw new Error(`${this.address} is not a character device`);
    // No O_CREAT: a missing /dev/usb/lp0 means unplugged, and must not become a regular file.
    const fh = await open(this.path, constants.O_WRONLY | constants.O_APPEND);
    if (!(await fh.stat()).isCharacterDevice()) {
      await fh.close();
      throw new Error(`${this.address} is not a character device`);
    }
    this.fh = fh;
  }

  async write(data: Buffer): Promise<void> {
    if (!this.fh) throw new Error(`${this.address} is not open`);
    try {
      await this.fh.write(data);
    } catch (err) {
      await this.close();
      this.emit('close', err as Error);
      throw err;
    }
  }

  async close(): Promise<void> {
    const fh = this.fh;
    this.fh = null;
    await fh?.close().catch(() => {});
  }
}
