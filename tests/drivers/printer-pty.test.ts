// The printer driver over a real pseudo-terminal pair (socat) and serialport, against the fake
// printer on the other end.
import { afterEach, describe, expect, it } from 'vitest';
import type { TicketPrintJob } from '../../server/device-port.ts';
import { openPrinter } from '../../drivers/escpos/open-printer.ts';
import { openFakeSerialPrinter } from '../../drivers/testing/fake-printer.ts';
import { startPtyPair } from '../../drivers/testing/pty-pair.ts';
import { recordLog, until } from './record-log.ts';

const job = (n: string): TicketPrintJob => ({
  ticketId: 1, number: n, serviceName: 'Приём показаний счётчиков', serviceNameEn: null, footer: 'Спасибо!',
  hallName: 'Водоканал', issuedAt: '2026-11-22T10:00:00+03:00', ahead: 2, etaMinutes: 6, statusUrl: 'http://hall/kiosk/?ticket=1',
});

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f(); });

async function setup(timing = {}, query = 'baud=19200&codepage=17') {
  const pty = await startPtyPair();
  cleanup.push(() => pty.stop());
  const fake = await openFakeSerialPrinter(pty.b);
  cleanup.push(() => fake.close());
  const log = recordLog();
  const printer = openPrinter(`serial:${pty.a}?${query}`, log, {}, { pollMs: 200, reconnectMs: 100, statusTimeoutMs: 1000, jobTimeoutMs: 5000, ...timing });
  printer.start();
  cleanup.push(() => printer.stop());
  await until(() => printer.status.status === 'ok', 3000, 'printer ok');
  return { pty, fake, printer, log };
}

describe('printer over a pty pair', () => {
  it('prints the ticket text in CP866 with a QR and a cut', async () => {
    const { fake, printer } = await setup();
    expect(await printer.print(job('Б007'))).toBe(true);
    const [t] = await fake.waitForTickets(1);
    const text = t.lines.map((l) => l.text);
    expect(text).toEqual(expect.arrayContaining(['Водоканал', 'Б007', 'Приём показаний счётчиков', 'Перед вами / ahead: 2', 'Спасибо!']));
    expect(t.qr).toEqual(['http://hall/kiosk/?ticket=1']);
    expect(fake.statusRequests).toBeGreaterThanOrEqual(2);
  });

  it('paper out: status paper_out, print false, nothing printed; paper back: prints again', async () => {
    const { fake, printer, log } = await setup();
    fake.paper = 'out';
    await until(() => printer.status.status === 'paper_out', 3000, 'paper_out');
    expect(await printer.print(job('А001'))).toBe(false);
    expect(fake.tickets).toHaveLength(0);
    expect(log.has('warn', 'printer not ready: job not printed')).toBe(true);
    fake.paper = 'low';
    await until(() => printer.status.status === 'paper_low', 3000, 'paper_low');
    expect(await printer.print(job('А002'))).toBe(true);
    expect((await fake.waitForTickets(1))[0].lines.map((l) => l.text)).toContain('А002');
  });

  it('unplug (socat killed) goes offline, replug comes back ok and printing resumes', async () => {
    const { pty, printer } = await setup();
    await pty.stop();
    await until(() => printer.status.status === 'offline', 3000, 'offline');
    const t0 = Date.now();
    expect(await printer.print(job('В001'))).toBe(false);
    expect(Date.now() - t0).toBeLessThan(2500);
    await pty.restart();
    const fake2 = await openFakeSerialPrinter(pty.b);
    cleanup.push(() => fake2.close());
    await until(() => printer.status.status === 'ok', 5000, 'ok again');
    expect(await printer.print(job('В002'))).toBe(true);
    expect((await fake2.waitForTickets(1))[0].lines.map((l) => l.text)).toContain('В002');
  });

  it('a printer that never answers status is offline and print returns false within its timeout', async () => {
    const { fake, printer, log } = await setup({ jobTimeoutMs: 3000 });
    fake.answersStatus = false;
    await until(() => printer.status.status === 'offline', 3000, 'offline');
    expect(printer.status.detail).toMatch(/no answer/);
    const t0 = Date.now();
    const results = await Promise.all([printer.print(job('Г001')), printer.print(job('Г002')), printer.print(job('Г003'))]);
    expect(results).toEqual([false, false, false]);
    expect(Date.now() - t0).toBeLessThan(3000 + 500);
    expect(fake.tickets).toHaveLength(0);
    expect(log.entries.some((e) => e.level === 'warn' && e.obj.status === 'offline')).toBe(true);
  });

  it('flow control settings open the port (modem-line ioctls a pty refuses are optional)', async () => {
    for (const flow of ['rtscts', 'xonxoff']) {
      const { fake, printer } = await setup({}, `baud=115200&flow=${flow}`);
      expect(await printer.print(job('Ж001'))).toBe(true);
      expect((await fake.waitForTickets(1))[0].lines.map((l) => l.text)).toContain('Ж001');
    }
  });

  it('status=off prints on a printer without a back channel and never asks it', async () => {
    const pty = await startPtyPair();
    cleanup.push(() => pty.stop());
    const fake = await openFakeSerialPrinter(pty.b);
    cleanup.push(() => fake.close());
    fake.answersStatus = false;
    const printer = openPrinter(`serial:${pty.a}?status=off`, recordLog(), {}, { reconnectMs: 100, jobTimeoutMs: 2000 });
    printer.start();
    cleanup.push(() => printer.stop());
    await until(() => printer.status.status === 'ok', 3000, 'ok');
    expect(await printer.print(job('Е001'))).toBe(true);
    await fake.waitForTickets(1);
    expect(fake.statusRequests).toBe(0);
  });

  it('queued jobs print in order, each exactly once', async () => {
    const { fake, printer } = await setup();
    const results = await Promise.all(['Д001', 'Д002', 'Д003'].map((n) => printer.print(job(n))));
    expect(results).toEqual([true, true, true]);
    const tickets = await fake.waitForTickets(3);
    expect(tickets.map((t) => t.lines.find((l) => l.width === 4)?.text)).toEqual(['Д001', 'Д002', 'Д003']);
  });
});
