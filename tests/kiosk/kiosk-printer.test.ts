// A printer that cannot print (QUEUE_PRINTER on a missing device): the ticket is still issued,
// and the kiosk says so plainly, shows the number and a QR to photograph, and stays longer.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { LANDSCAPE, PORTRAIT, layoutProblems, minContrast, openKiosk, screenshot, takeTicket } from './kiosk-page.ts';

// A real browser and server on a shared two-core machine: slow under load, not wrong.
vi.setConfig({ testTimeout: 60_000 });

let server: ServerProcess;
let browser: Browser;
let serviceId: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ QUEUE_PRINTER: 'file:/dev/usb/talon-test-unplugged' }), launchBrowser()]);
  serviceId = (await server.call('GET', '/api/services')).json[0].id;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('shows the printer failure plainly, with the number and a QR', async () => {
  const page = await openKiosk(browser, server, PORTRAIT);
  const { id, number } = await takeTicket(page, serviceId);

  expect(await page.locator('.print-failed').textContent()).toBe('Талон не напечатался');
  expect(await page.getByTestId('ticket-status').textContent()).toContain('Вы в очереди');
  expect(number).toMatch(/^П\d{3}$/);
  const qr = page.locator('svg.qr');
  const { code } = (await server.call('GET', `/api/tickets/${id}`, undefined, await server.login())).json;
  expect(await qr.getAttribute('data-qr')).toBe(`${server.base}/kiosk/?ticket=${code}`);
  expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(300); // photographable from the screen
  await expect.poll(() => page.evaluate(() => (window as any).__tones)).toBe(2); // the two-tone "problem" sound

  // Issued and kept despite the printer.
  expect((await server.call('GET', `/api/tickets/${id}`)).json).toMatchObject({ id, number, status: 'waiting' });

  expect(await minContrast(page, '.print-failed, .ticket-status, .ticket-number')).toBeGreaterThanOrEqual(7);
  expect(await layoutProblems(page)).toEqual([]);
  await screenshot(page, 'print-failed');
  await page.close();
});

it('keeps an unprinted ticket on screen three times the idle time', async () => {
  const page = await openKiosk(browser, server, PORTRAIT, '?idle=2');
  await takeTicket(page, serviceId);
  await page.locator('.print-failed').waitFor();
  // Past the idle time (2 s) it is still there; three idle times (6 s) in, the start screen is back.
  await page.waitForTimeout(3000);
  expect(await page.locator('.print-failed').count()).toBe(1);
  await page.locator('.tile').first().waitFor({ timeout: 6000 });
  await page.close();
});

it('fits the printer failure screen in landscape', async () => {
  const page = await openKiosk(browser, server, LANDSCAPE);
  await takeTicket(page, serviceId);
  await page.locator('.print-failed').waitFor();
  expect(await layoutProblems(page)).toEqual([]);
  await screenshot(page, 'print-failed');
  await page.close();
});
