// The other two transports: a network printer on a TCP port (the fake answers status on the
// socket) and a device file, where nothing comes back; and the addresses, checked whole.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkPrinterAddress, openPrinter } from '../../drivers/escpos/open-printer.ts';
import { parseAddress } from '../../drivers/transports/address.ts';
import { FileTransport } from '../../drivers/transports/file.ts';
import { FakePrinter, openFakeSerialPrinter } from '../../drivers/testing/fake-printer.ts';
import { startPtyPair } from '../../drivers/testing/pty-pair.ts';
import type { TicketPrintJob } from '../../server/device-port.ts';
import { recordLog, until } from './record-log.ts';

const job: TicketPrintJob = {
  ticketId: 3, number: 'Т003', serviceName: 'Техприсоединение', serviceNameEn: null, footer: '',
  hallName: 'Зал', issuedAt: '2026-11-22T10:00:00+03:00', ahead: 0, etaMinutes: 0, statusUrl: '/kiosk/?ticket=3',
};
// Generous status timeouts: other test runs load this two-core machine.
const timing = { pollMs: 200, reconnectMs: 100, statusTimeoutMs: 1000, jobTimeoutMs: 5000 };
const cleanup: (() => unknown)[] = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

async function fakeNetPrinter(port = 0) {
  const fake = new FakePrinter();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    fake.reply = (b) => s.write(b);
    s.on('data', (d) => fake.write(d));
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  const close = () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); });
  return { fake, port: (server.address() as net.AddressInfo).port, close };
}

describe('tcp 9100 printer', () => {
  it('prints, goes offline when the printer disappears and reconnects when it is back', async () => {
    const net1 = await fakeNetPrinter();
    const printer = openPrinter(`tcp:127.0.0.1:${net1.port}`, recordLog(), {}, timing);
    printer.start();
    cleanup.push(() => printer.stop());
    await until(() => printer.status.status === 'ok', 3000, 'ok');
    expect(await printer.print(job)).toBe(true);
    expect((await net1.fake.waitForTickets(1))[0].lines.map((l) => l.text)).toContain('Техприсоединение');
    await net1.close();
    await until(() => printer.status.status === 'offline', 3000, 'offline');
    expect(await printer.print(job)).toBe(false);
    const net2 = await fakeNetPrinter(net1.port);
    cleanup.push(net2.close);
    await until(() => printer.status.status === 'ok', 3000, 'ok again');
    expect(await printer.print(job)).toBe(true);
    await net2.fake.waitForTickets(1);
  });
});

describe('device file printer', () => {
  it('writes the ticket to a character device; a missing device is offline, not created', async () => {
    const missingPath = `/dev/usb/talon-test-lp-${process.pid}`;
    const missing = openPrinter(`file:${missingPath}`, recordLog(), {}, timing);
    missing.start();
    cleanup.push(() => missing.stop());
    await until(() => missing.status.detail?.includes('ENOENT') ?? false, 2000, 'ENOENT');
    expect(missing.status.status).toBe('offline');
    expect(await missing.print(job)).toBe(false);
    expect(existsSync(missingPath)).toBe(false);

    // A pty's end is a character device, as /dev/usb/lp0 is; the fake printer reads the other end.
    const pty = await startPtyPair();
    cleanup.push(() => pty.stop());
    const fake = await openFakeSerialPrinter(pty.b);
    cleanup.push(() => fake.close());
    const printer = openPrinter(`file:${pty.a}?codepage=17`, recordLog(), {}, timing);
    printer.start();
    cleanup.push(() => printer.stop());
    await until(() => printer.status.status === 'ok', 2000, 'ok');
    expect(await printer.print(job)).toBe(true);
    expect(await printer.print({ ...job, number: 'Т004' })).toBe(true);
    const tickets = await fake.waitForTickets(2);
    expect(tickets.map((t) => t.lines.find((l) => l.width === 4)?.text)).toEqual(['Т003', 'Т004']);
  });

  it('never writes to an ordinary file, even one that appears at the device\'s path later', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-lp-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'keep me\n');
    expect(() => openPrinter(`file:${notes}`, recordLog())).toThrow(/not a character device/);
    // Past the address check (a symlink swapped afterwards): the transport refuses it at open.
    const transport = new FileTransport(notes);
    await expect(transport.open()).rejects.toThrow(/not a character device/);
    expect(transport.isOpen).toBe(false);
    expect(readFileSync(notes, 'utf8')).toBe('keep me\n');
  });
});

describe('addresses', () => {
  it('parses the three kinds and rejects nonsense with a clear message', () => {
    expect(parseAddress('serial:/dev/ttyUSB0?baud=19200&codepage=17')).toEqual({ kind: 'serial', target: '/dev/ttyUSB0', params: { baud: '19200', codepage: '17' } });
    expect(parseAddress('tcp:192.0.2.10:9100').target).toBe('192.0.2.10:9100');
    expect(parseAddress('file:/dev/usb/lp0').kind).toBe('file');
    expect(() => parseAddress('usb:whatever')).toThrow(/expected serial/);
    expect(() => parseAddress('tcp:host')).toThrow(/host:port/);
    expect(() => openPrinter('serial:/dev/x?baud=fast', recordLog())).toThrow(/baud/);
    expect(() => openPrinter('serial:/dev/x?encoding=utf-99', recordLog())).toThrow(/unknown encoding/);
    expect(() => openPrinter('serial:/dev/x?codepage=866', recordLog())).toThrow(/0\.\.255/);
    expect(() => openPrinter('tcp:h:9100?qr=svg', recordLog())).toThrow(/native or raster/);
  });

  it('checks every part when the address is read: ports, baud rates, settings, device paths', () => {
    for (const [address, message] of [
      ['tcp:192.0.2.10:0', /port 0: expected 1 to 65535/], ['tcp:192.0.2.10:65536', /port 65536/], ['tcp:host:123456', /host:port/],
      ['serial:/dev/ttyUSB0?baud=-9600', /baud=-9600/], ['serial:/dev/ttyUSB0?baud=0', /baud=0: expected 300 to 4000000/],
      ['serial:/dev/ttyUSB0?baud=99999999', /baud=99999999/], ['serial:/dev/ttyUSB0?flow=magic', /flow=magic/],
      ['file:lp0', /absolute device path/], ['file:/tmp/talon-no-such-printer', /no such device/], ['file:/etc', /not a character device/],
    ] as const) expect(() => parseAddress(address), address).toThrow(message);
    expect(parseAddress('tcp:printer.hall.local:65535').target).toBe('printer.hall.local:65535');
    expect(parseAddress('serial:/dev/ttyUSB0?baud=115200').params.baud).toBe('115200');
    expect(parseAddress('file:/dev/usb/lp7').kind).toBe('file'); // unplugged now: accepted
    expect(parseAddress('file:/dev/null').kind).toBe('file');
    expect(() => openPrinter('serial:/dev/x?baudrate=9600', recordLog())).toThrow(/unknown setting "baudrate"/);
    expect(() => openPrinter('serial:/dev/x?width=500', recordLog())).toThrow(/width=500/);
    expect(() => openPrinter('tcp:h:9100?baseUrl=javascript:x', recordLog())).toThrow(/baseUrl/);
    expect(() => checkPrinterAddress('tcp:h:9100?codepage=17&qr=raster&width=48&status=off&baseUrl=http://10.0.0.2:8080')).not.toThrow();
  });
});
