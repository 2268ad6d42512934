// Real-time status (DLE EOT n). The answer byte has fixed bits (0, 1, 4, 7 = 0, 1, 1, 0), which
// tells a status byte from line noise or a printer that does not speak ESC/POS.
export type PrinterStatus = 'ok' | 'paper_low' | 'paper_out' | 'offline' | 'error';

export const STATUS_PRINTER = Buffer.from([0x10, 0x04, 0x01]);
export const STATUS_PAPER = Buffer.from([0x10, 0x04, 0x04]);

export interface StatusReading {
  status: PrinterStatus;
  detail: string | null;
}

const isStatusByte = (b: number) => (b & 0x93) === 0x12;

/** printer = answer to DLE EOT 1, paper = answer to DLE EOT 4. */
export function parseStatus(printer: number, paper: number): StatusReading {
  if (!isStatusByte(printer) || !isStatusByte(paper)) {
    return { status: 'error', detail: `unexpected status bytes 0x${printer.toString(16)} 0x${paper.toString(16)}` };
  }
  if (paper & 0x60) return { status: 'paper_out', detail: 'paper roll is empty' };
  // Offline without paper end: cover open, feed button held or a mechanical error.
  if (printer & 0x08) return { status: 'error', detail: 'printer is offline (cover open or mechanical error)' };
  if (paper & 0x0c) return { status: 'paper_low', detail: 'paper roll is near its end' };
  return { status: 'ok', detail: null };
}

/** A status at which a ticket can still be printed. */
export const canPrint = (s: PrinterStatus) => s === 'ok' || s === 'paper_low';
