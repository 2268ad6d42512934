// A working printer (QUEUE_PRINTER on a file that accepts writes): the kiosk says "take your
// ticket", shows no QR, and the ticket with its number really went to the printer.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import iconv from 'iconv-lite';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { openKiosk, takeTicket } from './kiosk-page.ts';

// A real browser and server on a shared two-core machine: slow under load, not wrong.
vi.setConfig({ testTimeout: 60_000 });

const printerFile = join(tmpdir(), `talon-kiosk-lp-${process.pid}`);
let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  writeFileSync(printerFile, '');
  [server, browser] = await Promise.all([startServer({ QUEUE_PRINTER: `file:${printerFile}` }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(printerFile, { force: true });
});

it('tells the customer to take the printed ticket', async () => {
  const page = await openKiosk(browser, server);
  const sid = (await server.call('GET', '/api/services')).json[0].id;
  const { number } = await takeTicket(page, sid);
  expect(await page.getByTestId('ticket-status').textContent()).toBe('Возьмите талон');
  expect(await page.locator('.print-failed').count()).toBe(0);
  expect(await page.locator('svg.qr').count()).toBe(0);
  await expect.poll(() => iconv.decode(readFileSync(printerFile), 'cp866')).toContain(number);
  await page.close();
});
