// Builds a Printer from an address string plus settings (from the database, the server's defaults):
//   serial:/dev/ttyUSB0?baud=19200&codepage=17&encoding=cp866&qr=raster&width=48&status=off&baseUrl=http://10.0.0.2:8080
// What the address says wins: it is what the person at the machine typed.
import iconv from 'iconv-lite';
import type { Logger } from '../log.ts';
import { createTransport, intParam, parseAddress } from '../transports/address.ts';
import { defaultEncoderOptions } from './encoder.ts';
import { Printer, type PrinterOptions } from './printer.ts';

export interface PrinterSettings {
  codepage?: number;
  encoding?: string;
  qr?: 'native' | 'raster';
  width?: number;
  baseUrl?: string;
  timeZone?: string;
}

export function openPrinter(spec: string, log: Logger, settings: PrinterSettings = {}, timing: Partial<PrinterOptions> = {}): Printer {
  const addr = parseAddress(spec);
  return new Printer(createTransport(addr), { ...timing, ...printerOptions(addr.params, settings) }, log);
}

/** The encoder and layout a printer gets from its address's query and its stored settings
 * (the address wins); also what the ticket preview renders with. */
export function printerOptions(p: Record<string, string>, settings: PrinterSettings = {}): Pick<PrinterOptions, 'askStatus' | 'encoder' | 'layout'> {
  const qr = (p.qr as PrinterSettings['qr']) ?? settings.qr ?? defaultEncoderOptions.qr;
  if (qr !== 'native' && qr !== 'raster') throw new Error(`bad qr=${qr}: expected native or raster`);
  const codepage = intParam(p, 'codepage', settings.codepage ?? defaultEncoderOptions.codepage);
  if (codepage > 255) throw new Error(`bad codepage=${codepage}: ESC t takes 0..255`);
  const encoding = p.encoding ?? settings.encoding ?? defaultEncoderOptions.encoding;
  // Refused here rather than at the first ticket.
  if (!iconv.encodingExists(encoding)) throw new Error(`unknown encoding=${encoding}: use an iconv-lite name such as cp866`);
  if (p.status !== undefined && p.status !== 'on' && p.status !== 'off') throw new Error(`bad status=${p.status}: expected on or off`);
  return {
    askStatus: p.status !== 'off',
    encoder: { codepage, encoding, qr },
    layout: { width: intParam(p, 'width', settings.width ?? 32), baseUrl: p.baseUrl ?? settings.baseUrl, timeZone: settings.timeZone },
  };
}
