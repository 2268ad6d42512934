// The ASCII line protocol of serial keypads (DIY buttons and RS-485 LED keypads); see README.md.
import iconv from 'iconv-lite';
import { fitText } from '../escpos/codepage.ts';
import type { ButtonAction } from './types.ts';

export const MAX_LINE = 32;

const KEYS: Record<string, ButtonAction> = {
  C: 'call', R: 'recall', S: 'start', N: 'no_show', F: 'finish',
  // The four keys of an RS-485 LED keypad, left to right.
  '1': 'call', '2': 'start', '3': 'no_show', '4': 'finish',
};

/** The customers' rating keypad at a window: five keys, 1 (bad) to 5 (excellent). */
const RATING_KEYS: Record<string, ButtonAction> = { '1': 'rate1', '2': 'rate2', '3': 'rate3', '4': 'rate4', '5': 'rate5' };

export interface KeyPress { addr: number; action: ButtonAction }

/** `K<addr>:<key>` → the key press, or an error message for the log. `isRating(addr)` says
 * which addresses are rating keypads, whose keys 1–5 are ratings. */
export function parseKeyLine(line: string, isRating: (addr: number) => boolean = () => false): KeyPress | { error: string } {
  const m = /^K(\d{1,3}):([A-Z0-9])$/.exec(line);
  if (!m) return { error: 'not a key line' };
  const addr = Number(m[1]);
  if (addr < 1 || addr > 254) return { error: `address ${addr} out of range 1..254` };
  const action = (isRating(addr) ? RATING_KEYS : KEYS)[m[2]];
  if (!action) return { error: `unknown key ${m[2]}` };
  return { addr, action };
}

/** What fits a 3-character LED: А015 → А15; when prefix and digits are too long, the last 3 digits. */
export function ledText(number: string | null): string {
  if (!number) return '';
  const m = /^(\D*)0*(\d+)$/.exec(number);
  if (!m) return number.slice(-3);
  const short = m[1] + m[2];
  return short.length <= 3 ? short : m[2].padStart(3, '0').slice(-3);
}

/** `L<addr>:<text>\n` in CP866 (the keypads' microcontrollers have one-byte fonts). */
export function ledLine(addr: number, number: string | null): Buffer {
  return Buffer.concat([Buffer.from(`L${addr}:`), iconv.encode(fitText(ledText(number), 'cp866'), 'cp866'), Buffer.from('\n')]);
}

/**
 * Splits a byte stream into lines. Lines longer than MAX_LINE are garbage (wrong baud rate,
 * noise on a long RS-485 run): they are dropped up to the next newline and reported.
 */
export class LineSplitter {
  private buf: number[] = [];
  private overflow = false;
  constructor(private readonly onLine: (line: string) => void, private readonly onGarbage: (what: string) => void) {}

  push(chunk: Buffer): void {
    for (const b of chunk) {
      if (b === 0x0a) {
        if (this.overflow) this.onGarbage(`line longer than ${MAX_LINE} bytes`);
        else if (this.buf.length) this.onLine(Buffer.from(this.buf).toString('latin1').replace(/\r$/, ''));
        this.buf = [];
        this.overflow = false;
      } else if (!this.overflow) {
        this.buf.push(b);
        if (this.buf.length > MAX_LINE) { this.overflow = true; this.buf = []; }
      }
    }
  }
}
