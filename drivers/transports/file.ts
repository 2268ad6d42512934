// A device file such as /dev/usb/lp0 (the Linux usblp driver). Nothing comes back through it,
// so a printer on a file reports only what the writes tell: open and accepted, or gone.
import { EventEmitter } from 'node:events';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Transport, TransportEvents } from './transport.ts';

export class FileTransport extends EventEmitter<TransportEvents> implements Transport {
  readonly canRead = false;
  private fh: FileHandle | null = null;
  constructor(private readonly path: string) { super(); }

  get address() { return `file:${this.path}`; }
  get isOpen() { return this.fh !== null; }

  async open(): Promise<void> {
    // No O_CREAT: a missing /dev/usb/lp0 means unplugged, and must not become a regular file.
    this.fh = await open(this.path, constants.O_WRONLY | constants.O_APPEND);
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
