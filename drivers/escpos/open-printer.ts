// Builds a Printer from an address string plus settings (from the database or the agent's env):
//   serial:/dev/ttyUSB0?baud=19200&codepage=17&encoding=cp866&qr=raster&width=48
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
  const p = addr.params;
  const qr = settings.qr ?? (p.qr as PrinterSettings['qr']) ?? defaultEncoderOptions.qr;
  if (qr !== 'native' && qr !== 'raster') throw new Error(`bad qr=${qr}: expected native or raster`);
  const printer = new Printer(createTransport(addr), {
    ...timing,
    encoder: {
      codepage: settings.codepage ?? intParam(p, 'codepage', defaultEncoderOptions.codepage),
      encoding: settings.encoding ?? p.encoding ?? defaultEncoderOptions.encoding,
      qr,
    },
    layout: { width: settings.width ?? intParam(p, 'width', 32), baseUrl: settings.baseUrl ?? p.baseUrl, timeZone: settings.timeZone },
  }, log);
  return printer;
}
