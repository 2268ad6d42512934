// Network printers on the raw port 9100 (JetDirect style). Status answers come back on the socket.
import { EventEmitter } from 'node:events';
import net from 'node:net';
import type { Transport, TransportEvents } from './transport.ts';

export class TcpTransport extends EventEmitter<TransportEvents> implements Transport {
  readonly canRead = true;
  private socket: net.Socket | null = null;
  constructor(private readonly host: string, private readonly port: number, private readonly connectTimeoutMs = 3000) { super(); }

  get address() { return `tcp:${this.host}:${this.port}`; }
  get isOpen() { return this.socket !== null && !this.socket.destroyed; }

  open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ host: this.host, port: this.port });
      s.setNoDelay(true);
      s.setTimeout(this.connectTimeoutMs, () => s.destroy(new Error(`connect to ${this.address} timed out`)));
      s.once('error', reject);
      s.once('connect', () => {
        s.setTimeout(0);
        s.off('error', reject);
        // Keepalive notices a printer switched off without a FIN.
        s.setKeepAlive(true, 5000);
        this.socket = s;
        s.on('data', (d) => this.emit('data', d));
        s.on('error', () => { /* followed by 'close' */ });
        s.on('close', () => {
          if (this.socket === s) this.socket = null;
          this.emit('close', null);
        });
        resolve();
      });
    });
  }

  write(data: Buffer): Promise<void> {
    const s = this.socket;
    if (!s || s.destroyed) return Promise.reject(new Error(`${this.address} is not connected`));
    return new Promise((resolve, reject) => s.write(data, (err) => (err ? reject(err) : resolve())));
  }

  close(): Promise<void> {
    const s = this.socket;
    this.socket = null;
    if (!s) return Promise.resolve();
    return new Promise((resolve) => { s.once('close', () => resolve()); s.destroy(); });
  }
}
