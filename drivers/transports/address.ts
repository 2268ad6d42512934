// Device addresses as written in QUEUE_PRINTER, AGENT_PRINTER, AGENT_BUTTONS and device configs:
//   serial:/dev/ttyUSB0?baud=19200&flow=rtscts&codepage=17
//   tcp:192.0.2.10:9100
//   file:/dev/usb/lp0
// The query string carries driver settings too (codepage, encoding, qr); the transport takes its
// own. Everything the transport needs is checked here, when an address is read or saved, so a
// mistake is a clear error then and not a device that shows `error` later.
import { statSync } from 'node:fs';
import { isAbsolute, normalize } from 'node:path';
import { FileTransport } from './file.ts';
import { SerialTransport, type SerialOptions } from './serial.ts';
import { TcpTransport } from './tcp.ts';
import type { Transport } from './transport.ts';

export interface DeviceAddress {
  kind: 'serial' | 'tcp' | 'file';
  target: string;
  params: Record<string, string>;
}

/** The query settings of the transports (a driver adds its own: escpos/open-printer.ts). */
export const TRANSPORT_PARAMS = ['baud', 'flow'];
/** Real serial lines run from 300 baud (old keypads) to a few Mbaud (USB adapters). */
const BAUD_MIN = 300, BAUD_MAX = 4_000_000;
const FLOWS = ['none', 'rtscts', 'xonxoff'];

export function parseAddress(spec: string): DeviceAddress {
  const m = /^(serial|tcp|file):([^?]+)(?:\?(.*))?$/.exec(spec.trim());
  if (!m) throw new Error(`bad device address "${spec}": expected serial:/dev/ttyUSB0, tcp:host:9100 or file:/dev/usb/lp0`);
  const params = Object.fromEntries(new URLSearchParams(m[3] ?? ''));
  const kind = m[1] as DeviceAddress['kind'], target = m[2];
  if (kind === 'tcp') {
    const t = /^[^:/\s]+:(\d{1,5})$/.exec(target);
    if (!t) throw new Error(`bad tcp address "${spec}": expected tcp:host:port`);
    if (Number(t[1]) < 1 || Number(t[1]) > 65535) throw new Error(`bad tcp port ${t[1]}: expected 1 to 65535`);
  }
  if (kind === 'serial') {
    if (params.baud !== undefined) {
      const baud = intParam(params, 'baud', 0);
      if (baud < BAUD_MIN || baud > BAUD_MAX) throw new Error(`bad baud=${params.baud}: expected ${BAUD_MIN} to ${BAUD_MAX} (printers use 9600 to 115200)`);
    }
    if (params.flow !== undefined && !FLOWS.includes(params.flow)) throw new Error(`bad flow=${params.flow}: expected none, rtscts or xonxoff`);
  }
  if (kind === 'file') checkDeviceFile(target);
  return { kind, target, params };
}

/** file: is for a printer's device file, never an ordinary file: an administrator (or a stolen
 * admin token) must not be able to append to files the server may write. A missing path under
 * /dev is a device that is unplugged now. FileTransport checks the opened file again. */
function checkDeviceFile(path: string) {
  if (!isAbsolute(path)) throw new Error(`bad file address "${path}": expected an absolute device path such as /dev/usb/lp0`);
  let device: boolean;
  try {
    device = statSync(path).isCharacterDevice();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' && normalize(path).startsWith('/dev/')) return;
    throw new Error(`bad file address "${path}": ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such device (device files live under /dev)' : (err as Error).message}`);
  }
  if (!device) throw new Error(`bad file address "${path}": not a character device; file: takes a printer's device file such as /dev/usb/lp0`);
}

/** Refuses settings nobody reads (`baudrate=9600` would leave the line at the default). */
export function checkParams(params: Record<string, string>, known: string[]) {
  for (const name of Object.keys(params)) {
    if (!known.includes(name)) throw new Error(`unknown setting "${name}": expected one of ${known.join(', ')}`);
  }
}

export function intParam(params: Record<string, string>, name: string, fallback: number): number {
  const v = params[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`bad ${name}=${v}: expected a whole number`);
  return n;
}

export function createTransport(addr: DeviceAddress, defaultBaud = 19200): Transport {
  switch (addr.kind) {
    case 'serial':
      return new SerialTransport({ path: addr.target, baudRate: intParam(addr.params, 'baud', defaultBaud), flow: (addr.params.flow ?? 'none') as SerialOptions['flow'] });
    case 'tcp': {
      const i = addr.target.lastIndexOf(':');
      return new TcpTransport(addr.target.slice(0, i), Number(addr.target.slice(i + 1)));
    }
    case 'file':
      return new FileTransport(addr.target);
  }
}
