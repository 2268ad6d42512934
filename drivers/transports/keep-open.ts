// Keeps a transport open: opens it, and after a failure or an unplug tries again every
// reconnectMs until stopped. Devices come and go (USB cables, printers switched off for the
// night); the server and the agent never need a restart for that.
import type { Transport } from './transport.ts';

export interface KeepOpenHooks {
  /** The port is open again: check the device, send it its state. */
  opened(): Promise<void> | void;
  /** The port could not be opened or went away. */
  lost(detail: string): void;
}

export class KeepOpen {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;

  constructor(readonly transport: Transport, private readonly reconnectMs: number, private readonly hooks: KeepOpenHooks) {
    transport.on('close', (err) => {
      if (this.stopped) return;
      hooks.lost(`disconnected${err ? `: ${err.message}` : ''}`);
      this.schedule();
    });
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.transport.close().catch(() => {});
  }

  /** Closes a port that misbehaves and opens it afresh a little later. */
  async drop(): Promise<void> {
    await this.transport.close().catch(() => {});
    this.schedule();
  }

  private async connect(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    try {
      await this.transport.open();
    } catch (err) {
      this.hooks.lost((err as Error).message);
      return this.schedule();
    }
    if (this.stopped) return void (await this.transport.close());
    await this.hooks.opened();
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    this.timer = setTimeout(() => void this.connect(), this.reconnectMs);
    this.timer.unref();
  }
}
