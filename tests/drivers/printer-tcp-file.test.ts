// The other two transports: a network printer on a TCP port (the fake answers status on the
// socket) and a device file, where nothing comes back.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPrinter } from '../../drivers/escpos/open-printer.ts';
import { parseAddress } from '../../drivers/transports/address.ts';
import { FakePrinter } from '../../drivers/testing/fake-printer.ts';
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
  it('appends the ticket to the file; a missing device is offline, not created', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-lp-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const missing = openPrinter(`file:${join(dir, 'lp9')}`, recordLog(), {}, timing);
    missing.start();
    cleanup.push(() => missing.stop());
    await until(() => missing.status.detail?.includes('ENOENT') ?? false, 2000, 'ENOENT');
    expect(missing.status.status).toBe('offline');
    expect(await missing.print(job)).toBe(false);

    const dev = join(dir, 'lp0');
    writeFileSync(dev, '');
    const printer = openPrinter(`file:${dev}?codepage=17`, recordLog(), {}, timing);
    printer.start();
    cleanup.push(() => printer.stop());
    await until(() => printer.status.status === 'ok', 2000, 'ok');
    expect(await printer.print(job)).toBe(true);
    expect(await printer.print({ ...job, number: 'Т004' })).toBe(true);
    const fake = new FakePrinter();
    fake.write(readFileSync(dev));
    expect(fake.tickets.map((t) => t.lines.find((l) => l.width === 4)?.text)).toEqual(['Т003', 'Т004']);
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
});
