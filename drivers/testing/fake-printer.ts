// A fake ESC/POS printer for tests: it decodes the byte stream back into printed lines (through
// the code page table the stream selected, like the real thing), records QR codes, raster
// images and cuts, and answers DLE EOT status requests, or not, as a test sets it.
import iconv from 'iconv-lite';
import { SerialPort } from 'serialport';

export interface PrintedLine { text: string; width: number; height: number; bold: boolean; align: number }
export interface FakeTicket {
  lines: PrintedLine[]; qr: string[]; rasters: { widthBytes: number; height: number; data: Buffer }[];
  /** Where each QR and raster image came in the ticket: before line `line` (the ticket preview). */
  images: { kind: 'qr' | 'raster'; index: number; line: number }[];
}

export interface FakePrinterOptions {
  /** ESC t table numbers this model knows (Epson: 17 = PC866). Others print as cp437. */
  tables?: Record<number, string>;
  /** Many clones start in Chinese double-byte mode until FS . arrives. */
  startsInChineseMode?: boolean;
}

const ESC = 0x1b, GS = 0x1d, FS = 0x1c, DLE = 0x10;

export class FakePrinter {
  paper: 'ok' | 'low' | 'out' = 'ok';
  /** false = a printer that never answers status requests. */
  answersStatus = true;
  readonly tickets: FakeTicket[] = [];
  statusRequests = 0;
  readonly unknown: string[] = [];
  /** Where status answers go; set by the transport wrapper. */
  reply: (b: Buffer) => void = () => {};

  private buf = Buffer.alloc(0);
  private page: FakeTicket = { lines: [], qr: [], rasters: [], images: [] };
  private line: Buffer[] = [];
  private lineText = '';
  private table = 0;
  private chinese: boolean;
  private width = 1;
  private height = 1;
  private boldOn = false;
  private alignment = 0;
  private qrStore = '';
  private waiters: (() => void)[] = [];

  constructor(private readonly opts: FakePrinterOptions = {}) {
    this.chinese = opts.startsInChineseMode ?? true;
  }

  /** Lines printed since the last cut. */
  get pending(): FakeTicket { return this.page; }

  write(chunk: Buffer): void {
    this.buf = Buffer.concat([this.buf, chunk]);
    let used: number;
    while (this.buf.length > 0 && (used = this.step(this.buf)) > 0) this.buf = this.buf.subarray(used);
  }

  async waitForTickets(n: number, timeoutMs = 5000): Promise<FakeTicket[]> {
    const t0 = Date.now();
    while (this.tickets.length < n) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`fake printer: ${this.tickets.length} of ${n} tickets after ${timeoutMs} ms`);
      await new Promise<void>((r) => { this.waiters.push(r); setTimeout(r, 50); });
    }
    return this.tickets;
  }

  private encoding(): string {
    return this.opts.tables?.[this.table] ?? (this.table === 17 ? 'cp866' : 'cp437');
  }

  private flushText(): void {
    if (this.line.length) this.lineText += iconv.decode(Buffer.concat(this.line), this.encoding());
    this.line = [];
  }

  private newline(): void {
    this.flushText();
    // Paper out: the mechanism prints nothing.
    if (this.paper !== 'out') this.page.lines.push({ text: this.lineText, width: this.width, height: this.height, bold: this.boldOn, align: this.alignment });
    this.lineText = '';
  }

  private reset(): void {
    this.table = 0;
    this.chinese = this.opts.startsInChineseMode ?? true;
    this.width = this.height = 1;
    this.boldOn = false;
    this.alignment = 0;
  }

  private status(n: number): void {
    this.statusRequests++;
    if (!this.answersStatus) return;
    const out = this.paper === 'out';
    const byte = n === 1 ? (out ? 0x1e : 0x16) : n === 4 ? (out ? 0x72 : this.paper === 'low' ? 0x1e : 0x12) : n === 2 ? (out ? 0x32 : 0x12) : 0x12;
    this.reply(Buffer.from([byte]));
  }

  /** Consumes one command or text byte from the head of b; 0 = incomplete, wait for more. */
  private step(b: Buffer): number {
    const c = b[0];
    const need = (n: number) => (b.length >= n ? n : 0);
    if (c === 0x0a) { this.newline(); return 1; }
    if (c === 0x0d) return 1;
    if (c === DLE) {
      if (b.length < 3) return 0;
      if (b[1] === 0x04) this.status(b[2]);
      else this.unknown.push(`DLE ${b[1]}`);
      return 3;
    }
    if (c === ESC) {
      if (b.length < 2) return 0;
      switch (b[1]) {
        case 0x40: this.flushText(); this.reset(); return 2;
        case 0x74: if (!need(3)) return 0; this.flushText(); this.table = b[2]; return 3;
        case 0x61: if (!need(3)) return 0; this.alignment = b[2] % 48; return 3;
        case 0x45: if (!need(3)) return 0; this.boldOn = (b[2] & 1) === 1; return 3;
        case 0x64: if (!need(3)) return 0; if (this.line.length || this.lineText) this.newline(); for (let i = 0; i < b[2]; i++) this.newline(); return 3;
        default: if (!need(3)) return 0; this.unknown.push(`ESC ${b[1]}`); return 3;
      }
    }
    if (c === FS) {
      if (b.length < 2) return 0;
      if (b[1] === 0x2e) this.chinese = false;
      else if (b[1] === 0x26) this.chinese = true;
      else this.unknown.push(`FS ${b[1]}`);
      return 2;
    }
    if (c === GS) {
      if (b.length < 2) return 0;
      switch (b[1]) {
        case 0x21: if (!need(3)) return 0; this.width = (b[2] >> 4) + 1; this.height = (b[2] & 7) + 1; return 3;
        case 0x56: { if (!need(3)) return 0; const withN = b[2] === 65 || b[2] === 66; if (withN && !need(4)) return 0; this.cut(); return withN ? 4 : 3; }
        case 0x28: {
          if (!need(5)) return 0;
          const len = b[3] | (b[4] << 8);
          if (!need(5 + len)) return 0;
          const body = b.subarray(5, 5 + len);
          if (b[2] === 0x6b && body[0] === 0x31 && body[1] === 0x50) this.qrStore = body.subarray(3).toString('utf8');
          if (b[2] === 0x6b && body[0] === 0x31 && body[1] === 0x51 && this.paper !== 'out') this.image('qr', this.page.qr.push(this.qrStore) - 1);
          return 5 + len;
        }
        case 0x76: {
          if (!need(8)) return 0;
          const widthBytes = b[4] | (b[5] << 8), height = b[6] | (b[7] << 8);
          if (!need(8 + widthBytes * height)) return 0;
          if (this.paper !== 'out') this.image('raster', this.page.rasters.push({ widthBytes, height, data: Buffer.from(b.subarray(8, 8 + widthBytes * height)) }) - 1);
          return 8 + widthBytes * height;
        }
        default: if (!need(3)) return 0; this.unknown.push(`GS ${b[1]}`); return 3;
      }
    }
    if (c >= 0x80 && this.chinese) {
      // Double-byte mode eats two bytes per glyph: Cyrillic comes out as Chinese characters.
      if (b.length < 2) return 0;
      this.flushText();
      this.lineText += '\ufffd';
      return 2;
    }
    this.line.push(b.subarray(0, 1));
    return 1;
  }

  private image(kind: 'qr' | 'raster', index: number): void {
    this.page.images.push({ kind, index, line: this.page.lines.length });
  }

  private cut(): void {
    if (this.line.length || this.lineText) this.newline();
    if (this.paper !== 'out') this.tickets.push(this.page);
    this.page = { lines: [], qr: [], rasters: [], images: [] };
    for (const w of this.waiters.splice(0)) w();
  }
}

/** The fake printer on the far end of a pty pair. */
export async function openFakeSerialPrinter(path: string, opts?: FakePrinterOptions): Promise<FakePrinter & { close(): Promise<void> }> {
  const fake = new FakePrinter(opts);
  const port = new SerialPort({ path, baudRate: 19200, autoOpen: false });
  await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
  port.on('data', (d: Buffer) => fake.write(d));
  port.on('error', () => {});
  fake.reply = (bytes) => { if (port.isOpen) port.write(bytes); };
  return Object.assign(fake, {
    close: () => new Promise<void>((res) => (port.isOpen ? port.close(() => res()) : res())),
  });
}
