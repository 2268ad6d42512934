// Builds a button device from its settings (database row config or the agent's environment):
//   { address: 'serial:/dev/ttyUSB1?baud=9600', keypads: {"3": 5} }  or  counter: 5
//   { address: 'hid:1a86:e029', keys: [{index: 0, mask: 1, action: 'call'}, ...], counter: 5 }
import type { Logger } from '../log.ts';
import { checkParams, createTransport, intParam, parseAddress, TRANSPORT_PARAMS, type DeviceAddress } from '../transports/address.ts';
import { HidButtons, nodeHidOpener, type HidKey, type HidOpener } from './hid-buttons.ts';
import { SerialKeypad } from './serial-keypad.ts';
import { isButtonAction, type ButtonDevice } from './types.ts';

export interface ButtonSettings {
  address: string;
  keypads?: Record<string, number>;
  ratingKeypads?: Record<string, number>;
  counter?: number | null;
  keys?: HidKey[];
  reconnectMs?: number;
}

/** One bit per key in the first byte: what most 5-key HID call boxes send; set `keys` per model. */
export const defaultHidKeys: HidKey[] = [
  { index: 0, mask: 0x01, action: 'call' },
  { index: 0, mask: 0x02, action: 'recall' },
  { index: 0, mask: 0x04, action: 'start' },
  { index: 0, mask: 0x08, action: 'no_show' },
  { index: 0, mask: 0x10, action: 'finish' },
];

/** Checks an address without opening anything: `hid:<vendor hex>:<product hex>` or a transport address. */
export function parseButtonsAddress(address: string): { hid: { vendorId: number; productId: number } } | { line: DeviceAddress } {
  if (/^hid:/i.test(address.trim())) {
    const m = /^hid:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address.trim());
    if (!m) throw new Error(`bad HID address "${address}": expected hid:<vendor id hex>:<product id hex>, e.g. hid:1a86:e029`);
    return { hid: { vendorId: parseInt(m[1], 16), productId: parseInt(m[2], 16) } };
  }
  const line = parseAddress(address);
  checkParams(line.params, TRANSPORT_PARAMS);
  return { line };
}

export function openButtons(s: ButtonSettings, log: Logger, hidOpener: HidOpener = nodeHidOpener): ButtonDevice {
  const addr = parseButtonsAddress(s.address);
  if ('hid' in addr) {
    if (!s.counter) throw new Error('HID buttons need a counter');
    const keys = s.keys ?? defaultHidKeys;
    for (const k of keys) {
      if (!Number.isInteger(k.index) || k.index < 0 || !isButtonAction(k.action)) throw new Error(`bad HID key mapping ${JSON.stringify(k)}`);
    }
    return new HidButtons({ ...addr.hid, keys, counter: s.counter, reconnectMs: s.reconnectMs }, hidOpener, log);
  }
  // Keypads are slow devices; 9600 is what the RS-485 keypads and Arduino sketches default to.
  const baud = intParam(addr.line.params, 'baud', 9600);
  return new SerialKeypad(createTransport({ ...addr.line, params: { ...addr.line.params, baud: String(baud) } }), { keypads: s.keypads, ratingKeypads: s.ratingKeypads, counter: s.counter, reconnectMs: s.reconnectMs }, log);
}
