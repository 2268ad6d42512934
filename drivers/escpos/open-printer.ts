// Builds a Printer from an address string plus settings (from the database, the server's defaults):
//   serial:/dev/ttyUSB0?baud=19200&codepage=17&encoding=cp866&qr=raster&width=48&status=off&baseUrl=http://10.0.0.2:8080
// What the address says wins: it is what the person at the machine typed. The same check runs
// when an address is saved (checkPrinterAddress), at the server's and the agent's start, and
// when the printer is opened, so what was accepted always opens.
import iconv from 'iconv-lite';
import type { Logger } from '../log.ts';
import { checkParams, createTransport, intParam, parseAddress, TRANSPORT_PARAMS, type DeviceAddress } from '../transports/address.ts';
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

const PRINTER_PARAMS = [...TRANSPORT_PARAMS, 'codepage', 'encoding', 'qr', 'width', 'baseUrl', 'status'];

type PrinterConfig = Pick<PrinterOptions, 'askStatus' | 'encoder' | 'layout'> & { addr: DeviceAddress };

/** The encoder and layout a printer gets from its address's query and its stored settings
 * (the address wins); also what the ticket preview renders with. Throws what is wrong. */
export function printerOptions(p: Record<string, string>, settings: PrinterSettings = {}): Pick<PrinterOptions, 'askStatus' | 'encoder' | 'layout'> {
  checkParams(p, PRINTER_PARAMS);
  const qr = (p.qr as PrinterSettings['qr']) ?? settings.qr ?? defaultEncoderOptions.qr;
  if (qr !== 'native' && qr !== 'raster') throw new Error(`bad qr=${qr}: expected native or raster`);
  const codepage = intParam(p, 'codepage', settings.codepage ?? defaultEncoderOptions.codepage);
  if (codepage > 255) throw new Error(`bad codepage=${codepage}: ESC t takes 0..255`);
  const encoding = p.encoding ?? settings.encoding ?? defaultEncoderOptions.encoding;
  if (!iconv.encodingExists(encoding)) throw new Error(`unknown encoding=${encoding}: use an iconv-lite name such as cp866`);
  if (p.status !== undefined && p.status !== 'on' && p.status !== 'off') throw new Error(`bad status=${p.status}: expected on or off`);
  const width = intParam(p, 'width', settings.width ?? 32);
  if (width < 16 || width > 64) throw new Error(`bad width=${width}: expected 16 to 64 characters (32 on 58 mm paper, 48 on 80 mm)`);
  const baseUrl = p.baseUrl ?? settings.baseUrl;
  if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(baseUrl)) throw new Error(`bad baseUrl=${baseUrl}: expected http://host:port`);
  return { askStatus: p.status !== 'off', encoder: { codepage, encoding, qr }, layout: { width, baseUrl, timeZone: settings.timeZone } };
}

function printerConfig(spec: string, settings: PrinterSettings): PrinterConfig {
  const addr = parseAddress(spec);
  return { addr, ...printerOptions(addr.params, settings) };
}

/** Throws the reason a printer address (and its settings) would not work. */
export function checkPrinterAddress(spec: string, settings: PrinterSettings = {}): void {
  printerConfig(spec, settings);
}

export function openPrinter(spec: string, log: Logger, settings: PrinterSettings = {}, timing: Partial<PrinterOptions> = {}): Printer {
  const c = printerConfig(spec, settings);
  return new Printer(createTransport(c.addr), { askStatus: c.askStatus, ...timing, encoder: c.encoder, layout: c.layout }, log);
}
