// The ticket as the printer will print it: the very bytes of ticketBytes() (the one ticket
// layout), read back by the ESC/POS decoder that the tests check printed tickets with, through
// the printer's own code page. Characters the code page lacks show as the printer prints them.
import type { TicketPrintJob } from '../../server/device-port.ts';
import { FakePrinter, type PrintedLine } from '../testing/fake-printer.ts';
import type { EncoderOptions } from './encoder.ts';
import { ticketBytes, type TicketLayoutOptions } from './ticket.ts';

export type PreviewBlock =
  | ({ kind: 'text' } & PrintedLine)
  | { kind: 'qr'; data: string }
  /** A raster image (QR for printers without GS ( k): rows of `widthBytes` bytes, base64, 1 = black. */
  | { kind: 'raster'; widthBytes: number; height: number; data: string };

export interface TicketPreview { width: number; bytes: number; blocks: PreviewBlock[] }

export function previewTicket(job: TicketPrintJob, enc: EncoderOptions, layout: TicketLayoutOptions = {}): TicketPreview {
  const bytes = ticketBytes(job, enc, layout);
  const printer = new FakePrinter({ tables: { [enc.codepage]: enc.encoding }, startsInChineseMode: false });
  printer.write(bytes);
  const t = printer.tickets[0];
  const blocks: PreviewBlock[] = [];
  const images = [...t.images];
  t.lines.forEach((line, i) => {
    while (images.length && images[0].line === i) blocks.push(image(images.shift()!));
    blocks.push({ kind: 'text', ...line });
  });
  for (const im of images) blocks.push(image(im));
  return { width: layout.width ?? 32, bytes: bytes.length, blocks };

  function image(im: FakePrinterImage): PreviewBlock {
    if (im.kind === 'qr') return { kind: 'qr', data: t.qr[im.index] };
    const r = t.rasters[im.index];
    return { kind: 'raster', widthBytes: r.widthBytes, height: r.height, data: r.data.toString('base64') };
  }
}

type FakePrinterImage = FakePrinter['tickets'][number]['images'][number];
