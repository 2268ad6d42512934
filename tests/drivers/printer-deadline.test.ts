// A print job's deadline grows with the ticket's time on a slow serial line: a raster ticket at
// 9600 baud takes seconds, and a ticket still printing must not be reported as failed.
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { Printer } from '../../drivers/escpos/printer.ts';
import { ticketBytes } from '../../drivers/escpos/ticket.ts';
import { defaultEncoderOptions } from '../../drivers/escpos/encoder.ts';
import type { Transport, TransportEvents } from '../../drivers/transports/transport.ts';
import type { TicketPrintJob } from '../../server/device-port.ts';
import { recordLog, until } from './record-log.ts';

const job: TicketPrintJob = {
  ticketId: 9, number: 'А009', serviceName: 'Оплата', serviceNameEn: null, footer: '',
  hallName: 'Зал', issuedAt: '2026-11-22T10:00:00+03:00', ahead: 1, etaMinutes: 3, statusUrl: '/kiosk/?ticket=9',
};
const LINE_BPS = 1000; // the line's real speed in this test

/** A one-way line whose writes take as long as the bytes need at LINE_BPS. */
class SlowLine extends EventEmitter<TransportEvents> implements Transport {
  readonly address = 'slow:test';
  readonly canRead = false;
  isOpen = false;
  written = 0;
  constructor(readonly bytesPerSecond?: number) { super(); }
  async open() { this.isOpen = true; }
  async write(d: Buffer) { await new Promise((r) => setTimeout(r, (1000 * d.length) / LINE_BPS)); this.written += d.length; }
  async close() { this.isOpen = false; }
}

const printers: Printer[] = [];
afterEach(async () => { for (const p of printers.splice(0)) await p.stop(); });

async function printerOn(line: SlowLine, log = recordLog()) {
  const p = new Printer(line, { jobTimeoutMs: 100, reconnectMs: 50, pollMs: 10_000 }, log);
  printers.push(p);
  p.start();
  await until(() => p.status.status === 'ok', 3000, 'printer ok');
  return p;
}

describe('print deadline', () => {
  const size = ticketBytes(job, defaultEncoderOptions, {}).length;
  const wireMs = (1000 * size) / LINE_BPS;

  it('a ticket that needs longer than jobTimeoutMs on a serial line at its speed still prints', async () => {
    expect(wireMs).toBeGreaterThan(150); // the test only means something if the line is the slow part
    const line = new SlowLine(LINE_BPS);
    const t0 = Date.now();
    expect(await (await printerOn(line)).print(job)).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(wireMs - 20);
    expect(line.written).toBe(size);
  });

  it('on a line of unknown speed the plain deadline holds, and the timeout is logged', async () => {
    const log = recordLog();
    const t0 = Date.now();
    expect(await (await printerOn(new SlowLine(undefined), log)).print(job)).toBe(false);
    expect(Date.now() - t0).toBeLessThan(wireMs);
    expect(log.has('warn', 'print job timed out')).toBe(true);
  });
});
