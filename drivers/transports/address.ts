// Device addresses as written in QUEUE_PRINTER, AGENT_PRINTER, AGENT_BUTTONS and device configs:
//   serial:/dev/ttyUSB0?baud=19200&flow=rtscts&codepage=17
//   tcp:192.0.2.10:9100
//   file:/dev/usb/lp0
// The query string carries driver settings too (codepage, encoding, qr); the transport takes its own.
import { FileTransport } from './file.ts';
import { SerialTransport, type SerialOptions } from './serial.ts';
import { TcpTransport } from './tcp.ts';
import type { Transport } from './transport.ts';

export interface DeviceAddress {
  kind: 'serial' | 'tcp' | 'file';
  target: string;
  params: Record<string, string>;
}

export function parseAddress(spec: string): DeviceAddress {
  const m = /^(serial|tcp|file):([^?]+)(?:\?(.*))?$/.exec(spec.trim());
  if (!m) throw new Error(`bad device address "${spec}": expected serial:/dev/ttyUSB0, tcp:host:9100 or file:/dev/usb/lp0`);
  const params = Object.fromEntries(new URLSearchParams(m[3] ?? ''));
  if (m[1] === 'tcp' && !/^[^:]+:\d+$/.test(m[2])) throw new Error(`bad tcp address "${spec}": expected tcp:host:port`);
  return { kind: m[1] as DeviceAddress['kind'], target: m[2], params };
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
    case 'serial': {
      const flow = (addr.params.flow ?? 'none') as SerialOptions['flow'];
      if (!['none', 'rtscts', 'xonxoff'].includes(flow)) throw new Error(`bad flow=${flow}: expected none, rtscts or xonxoff`);
      return new SerialTransport({ path: addr.target, baudRate: intParam(addr.params, 'baud', defaultBaud), flow });
    }
    case 'tcp': {
      const i = addr.target.lastIndexOf(':');
      return new TcpTransport(addr.target.slice(0, i), Number(addr.target.slice(i + 1)));
    }
    case 'file':
      return new FileTransport(addr.target);
  }
}
