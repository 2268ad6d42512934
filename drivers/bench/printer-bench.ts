// Printer figures, printed, not asserted: `npx tsx drivers/bench/printer-bench.ts`.
// Ticket size and encode time, print latency through a socat pty pair to the fake printer
// (status check + write + status check), and how fast an unplug and a replug are noticed.
// A pty does not throttle to the baud rate, so the wire time at 19200 baud is computed.
import type { TicketPrintJob } from '../../server/device-port.ts';
import { openPrinter } from '../escpos/open-printer.ts';
import { ticketBytes } from '../escpos/ticket.ts';
import { silentLogger } from '../log.ts';
import { openFakeSerialPrinter } from '../testing/fake-printer.ts';
import { startPtyPair } from '../testing/pty-pair.ts';

const job: TicketPrintJob = {
  ticketId: 1234, number: 'А015', serviceName: 'Приём показаний и оплата', serviceNameEn: 'Meter readings and payment',
  footer: 'Возьмите паспорт и последнюю квитанцию', hallName: 'Водоканал, клиентский зал', issuedAt: new Date().toISOString(),
  ahead: 7, etaMinutes: 14, statusUrl: '/kiosk/?ticket=1234',
};
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (n: number) => `${n.toFixed(1)} ms`;

for (const qr of ['native', 'raster'] as const) {
  const enc = { codepage: 17, encoding: 'cp866', qr };
  const bytes = ticketBytes(job, enc, { baseUrl: 'http://192.168.1.10:8080' });
  const n = 500;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) ticketBytes(job, enc, { baseUrl: 'http://192.168.1.10:8080' });
  const each = (performance.now() - t0) / n;
  console.log(`ticket (${qr} QR): ${bytes.length} bytes, encode ${ms(each)}, wire time at 19200 baud ${ms((bytes.length * 10 * 1000) / 19200)}`);
}

const pty = await startPtyPair();
let fake = await openFakeSerialPrinter(pty.b);
const printer = openPrinter(`serial:${pty.a}?baud=19200`, silentLogger, {}, { pollMs: 100, reconnectMs: 100, statusTimeoutMs: 500 });
printer.start();
while (printer.status.status !== 'ok') await new Promise((r) => setTimeout(r, 10));

const lat: number[] = [];
for (let i = 0; i < 50; i++) {
  const t0 = performance.now();
  if (!(await printer.print(job))) throw new Error('print failed');
  lat.push(performance.now() - t0);
}
await fake.waitForTickets(50);
console.log(`print through the pty (status, write, status): p50 ${ms(pct(lat, 0.5))}, p95 ${ms(pct(lat, 0.95))}, max ${ms(Math.max(...lat))}`);

const waitFor = async (status: string, since: number) => {
  while (printer.status.status !== status) await new Promise((r) => setTimeout(r, 2));
  return performance.now() - since;
};
let since = performance.now();
await pty.stop();
console.log(`unplug noticed (offline) ${ms(await waitFor('offline', since))} after killing socat`);
await fake.close();
since = performance.now();
await pty.restart();
fake = await openFakeSerialPrinter(pty.b);
console.log(`replug noticed (ok) ${ms(await waitFor('ok', since))} after starting socat (reconnect interval 100 ms; the default is 1000 ms)`);
fake.answersStatus = false;
const t0 = performance.now();
const ok = await printer.print(job);
console.log(`print on a printer that stopped answering: ${ok} after ${ms(performance.now() - t0)} (status timeout 500 ms)`);
await printer.stop();
await fake.close();
await pty.stop();
