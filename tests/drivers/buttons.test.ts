// Serial keypads over a real pty pair, and HID buttons by replaying recorded reports through
// the injectable device interface (no HID device can be emulated on this machine).
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { ledLine, ledText, parseKeyLine } from '../../drivers/buttons/line-protocol.ts';
import { openButtons } from '../../drivers/buttons/open-buttons.ts';
import type { ButtonEvent } from '../../drivers/buttons/types.ts';
import type { HidDevice } from '../../drivers/buttons/hid-buttons.ts';
import { startPtyPair } from '../../drivers/testing/pty-pair.ts';
import { recordLog, until } from './record-log.ts';

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

async function openEnd(path: string) {
  const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
  await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
  let received = Buffer.alloc(0);
  port.on('data', (d: Buffer) => { received = Buffer.concat([received, d]); });
  cleanup.push(() => new Promise<void>((r) => (port.isOpen ? port.close(() => r()) : r())));
  return { port, received: () => received, send: (s: string | Buffer) => new Promise<void>((r) => port.write(s, () => port.drain(() => r()))) };
}

describe('line protocol', () => {
  it('parses key lines and refuses the rest', () => {
    expect(parseKeyLine('K3:C')).toEqual({ addr: 3, action: 'call' });
    expect(parseKeyLine('K12:3')).toEqual({ addr: 12, action: 'no_show' });
    expect(parseKeyLine('K0:C')).toMatchObject({ error: expect.stringContaining('range') });
    expect(parseKeyLine('K3:Z')).toMatchObject({ error: 'unknown key Z' });
    expect(parseKeyLine('hello')).toMatchObject({ error: 'not a key line' });
  });

  it('shortens numbers for a 3-character LED and encodes CP866', () => {
    expect(ledText('А015')).toBe('А15');
    expect(ledText('Б123')).toBe('123');
    expect(ledText('7')).toBe('7');
    expect(ledText(null)).toBe('');
    expect(ledLine(3, 'А015')).toEqual(Buffer.from([0x4c, 0x33, 0x3a, 0x80, 0x31, 0x35, 0x0a]));
  });
});

describe('serial keypad over a pty pair', () => {
  it('turns key lines into counter actions, ignores garbage and drives the LED', async () => {
    const pty = await startPtyPair();
    cleanup.push(() => pty.stop());
    const log = recordLog();
    const dev = openButtons({ address: `serial:${pty.a}`, keypads: { '3': 7, '4': 8 } }, log);
    cleanup.push(() => dev.stop());
    const events: ButtonEvent[] = [];
    dev.on('action', (e) => events.push(e));
    dev.start();
    await until(() => dev.status.status === 'ok', 3000, 'keypad open');
    const keypad = await openEnd(pty.b);

    await keypad.send('K3:C\n');
    await keypad.send(Buffer.from([0x00, 0xff, 0xfe, 0x1b, 0x0a])); // binary junk
    await keypad.send('X'.repeat(500) + '\n'); // wrong baud rate looks like this
    await keypad.send('K9:C\nK3:Q\nK4:2\r\n');
    await keypad.send('K3:');
    await keypad.send('4\n'); // a line split across reads
    await until(() => events.length >= 3, 3000, 'three actions');
    expect(events).toEqual([{ counter: 7, action: 'call' }, { counter: 8, action: 'start' }, { counter: 7, action: 'finish' }]);
    expect(log.entries.filter((e) => e.msg === 'keypad garbage ignored').length).toBe(3);
    expect(log.has('warn', 'key press from a keypad with no counter assigned')).toBe(true);

    dev.show(7, 'А015');
    dev.show(8, null);
    await until(() => keypad.received().length >= 11, 3000, 'LED lines');
    expect(keypad.received()).toEqual(Buffer.concat([ledLine(3, 'А015'), ledLine(4, null)]));
  });

  it('goes offline when the adapter is pulled, and re-sends the LED when it is back', async () => {
    const pty = await startPtyPair();
    cleanup.push(() => pty.stop());
    const dev = openButtons({ address: `serial:${pty.a}?baud=9600`, counter: 5, reconnectMs: 100 }, recordLog());
    cleanup.push(() => dev.stop());
    dev.start();
    await until(() => dev.status.status === 'ok', 3000, 'open');
    dev.show(5, 'В102');
    await pty.stop();
    await until(() => dev.status.status === 'offline', 10_000, 'offline'); // a bound, not a timing: the pty's hang-up reaches the port late on a loaded machine
    await pty.restart();
    const keypad = await openEnd(pty.b);
    await until(() => dev.status.status === 'ok', 5000, 'ok again');
    await until(() => keypad.received().length > 0, 3000, 'LED after reconnect');
    expect(keypad.received()).toEqual(ledLine(0, 'В102'));
  });
});

describe('HID buttons (recorded reports)', () => {
  const recording = readFileSync(join(import.meta.dirname, 'fixtures/hid-5key-reports.txt'), 'utf8')
    .split('\n').filter((l) => l && !l.startsWith('#'))
    .map((l) => Buffer.from(l.slice(0, 24).trim().split(/\s+/).map((h) => parseInt(h, 16))));

  class ReplayDevice extends EventEmitter implements HidDevice {
    closed = false;
    close() { this.closed = true; }
  }

  it('fires each key once per press, by vendor and product id, and survives an unplug', async () => {
    const opened: [number, number][] = [];
    const devices: ReplayDevice[] = [];
    let present = true;
    const log = recordLog();
    const dev = openButtons({ address: 'hid:1a86:e029', counter: 4, reconnectMs: 50 }, log, async (vid, pid) => {
      opened.push([vid, pid]);
      if (!present) throw new Error('could not open HID device');
      const d = new ReplayDevice();
      devices.push(d);
      return d;
    });
    cleanup.push(() => dev.stop());
    const events: ButtonEvent[] = [];
    dev.on('action', (e) => events.push(e));
    dev.start();
    await until(() => dev.status.status === 'ok', 2000, 'open');
    expect(opened[0]).toEqual([0x1a86, 0xe029]);
    for (const r of recording) devices[0].emit('data', r);
    expect(events.map((e) => e.action)).toEqual(['call', 'start', 'call', 'finish']);
    expect(events.every((e) => e.counter === 4)).toBe(true);
    expect(log.has('warn', 'HID report of unexpected length ignored')).toBe(true);

    present = false;
    devices[0].emit('error', new Error('could not read from HID device'));
    expect(dev.status).toEqual({ status: 'offline', detail: 'could not read from HID device' });
    expect(devices[0].closed).toBe(true);
    await until(() => opened.length >= 3, 2000, 'retries');
    present = true;
    await until(() => dev.status.status === 'ok', 2000, 'back');
    devices[1].emit('data', Buffer.from([0x08, 0, 0, 0, 0, 0, 0, 0]));
    expect(events.at(-1)).toEqual({ counter: 4, action: 'no_show' });
  });

  it('refuses a bad key mapping with a clear error', () => {
    expect(() => openButtons({ address: 'hid:1a86:e029', counter: 1, keys: [{ index: 0, mask: 1, action: 'dance' as never }] }, recordLog()))
      .toThrow(/bad HID key mapping/);
    expect(() => openButtons({ address: 'hid:1a86:e029' }, recordLog())).toThrow(/need a counter/);
    expect(() => openButtons({ address: 'hid:zz:1', counter: 1 }, recordLog())).toThrow(/expected hid:<vendor id hex>/);
  });
});
