// A small ESC/POS command builder (Epson TM-T20/T88 command set, which the Russian-market
// clones from Xprinter, Rongta, Atol, Kefar follow). Each method appends bytes; build() joins them.
import { encodeText } from './codepage.ts';
import { qrNative, qrRaster, type QrOptions } from './qr.ts';

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';

export interface EncoderOptions {
  /** ESC t n: the printer's table number for the code page (PC866: 17 Epson, 7 Rongta, 12 Kefar). */
  codepage: number;
  /** iconv-lite name of the same code page. */
  encoding: string;
  /** 'native' = GS ( k; 'raster' = a GS v 0 image for printers without QR support. */
  qr: 'native' | 'raster';
}

export const defaultEncoderOptions: EncoderOptions = { codepage: 17, encoding: 'cp866', qr: 'native' };

// C0 controls but LF, DEL and C1 controls (U+0080-U+009F; PC866's Cyrillic bytes are encoded
// later, from letters).
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function printable(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(CONTROL, '');
}

export class EscPosEncoder {
  private parts: Buffer[] = [];
  constructor(readonly options: EncoderOptions = defaultEncoderOptions) {}

  private push(...bytes: number[]): this {
    this.parts.push(Buffer.from(bytes));
    return this;
  }

  /** ESC @ resets; FS . leaves the Chinese double-byte mode many clones start in; ESC t n selects the table. */
  init(): this {
    return this.push(ESC, 0x40).push(FS, 0x2e).push(ESC, 0x74, this.options.codepage);
  }

  align(a: Align): this {
    return this.push(ESC, 0x61, a === 'left' ? 0 : a === 'center' ? 1 : 2);
  }

  /** GS ! n: character width and height multipliers, 1..8 each. */
  size(width: number, height = width): this {
    const w = Math.min(8, Math.max(1, Math.round(width))) - 1;
    const h = Math.min(8, Math.max(1, Math.round(height))) - 1;
    return this.push(GS, 0x21, (w << 4) | h);
  }

  bold(on: boolean): this {
    return this.push(ESC, 0x45, on ? 1 : 0);
  }

  /** Text in the printer's code page; line breaks become LF. Every other control character is
   * dropped (a tab becomes a space): text from the database must never act as a command (ESC @
   * resets the printer, GS V cuts the paper, BEL rings). */
  text(s: string): this {
    this.parts.push(encodeText(printable(s), this.options.encoding));
    return this;
  }

  line(s = ''): this {
    return this.text(s).push(LF);
  }

  /** ESC d n: print and feed n lines. */
  feed(lines = 1): this {
    return this.push(ESC, 0x64, Math.min(255, Math.max(0, lines)));
  }

  qr(data: string, opts: Partial<QrOptions> = {}): this {
    const o: QrOptions = { moduleSize: 6, ecc: 'M', ...opts };
    if (this.options.qr === 'raster') {
      this.parts.push(qrRaster(data, o)); // the image has its quiet zone
      return this;
    }
    // GS ( k prints the symbol without its quiet zone: Epson asks for 4 modules of paper below
    // it before anything else is printed (ESC J n: print and feed n dots).
    this.parts.push(qrNative(data, o));
    return this.push(ESC, 0x4a, Math.min(255, 4 * o.moduleSize));
  }

  /** GS V 66 n: feed to the cutter and cut (partial cut where the printer has no full one). */
  cut(): this {
    return this.push(GS, 0x56, 66, 0);
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }
}
