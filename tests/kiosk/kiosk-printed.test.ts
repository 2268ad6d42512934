// A working printer (QUEUE_PRINTER on a device file: a pty's end, with the fake printer on the
// other): the kiosk says "take your ticket", shows no QR, and the ticket really was printed.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { openFakeSerialPrinter } from '../../drivers/testing/fake-printer.ts';
import { startPtyPair, type PtyPair } from '../../drivers/testing/pty-pair.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { openKiosk, takeTicket } from './kiosk-page.ts';

// A real browser and server on a shared two-core machine: slow under load, not wrong.
vi.setConfig({ testTimeout: 60_000 });

let server: ServerProcess;
let browser: Browser;
let pty: PtyPair;
let printer: Awaited<ReturnType<typeof openFakeSerialPrinter>>;

beforeAll(async () => {
  pty = await startPtyPair();
  printer = await openFakeSerialPrinter(pty.b);
  [server, browser] = await Promise.all([startServer({ QUEUE_PRINTER: `file:${pty.a}` }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await printer?.close();
  await pty?.stop();
});

it('tells the customer to take the printed ticket', async () => {
  const page = await openKiosk(browser, server);
  const sid = (await server.call('GET', '/api/services')).json[0].id;
  const { number } = await takeTicket(page, sid);
  expect(await page.getByTestId('ticket-status').textContent()).toBe('Возьмите талон');
  expect(await page.locator('.print-failed').count()).toBe(0);
  expect(await page.locator('svg.qr').count()).toBe(0);
  const [ticket] = await printer.waitForTickets(1);
  expect(ticket.lines.find((l) => l.width === 4)?.text).toBe(number);
  await page.close();
});
