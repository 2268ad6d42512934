// The server goes away under a running kiosk: a calm offline screen, then recovery by itself
// when the server is back, with tickets issued again.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { openKiosk, takeTicket, tile, tileWaiting } from './kiosk-page.ts';

// A real browser and server on a shared two-core machine: slow under load, not wrong.
vi.setConfig({ testTimeout: 60_000 });

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('shows the offline screen while the server is down and recovers after its restart', async () => {
  const page = await openKiosk(browser, server);
  const sid = (await server.call('GET', '/api/services')).json[0].id;
  const first = await takeTicket(page, sid);
  await page.getByRole('button', { name: 'Готово' }).click();
  expect(await page.getByTestId('offline').count()).toBe(0);

  await server.kill();
  const offline = page.getByTestId('offline');
  await offline.waitFor({ timeout: 10_000 });
  expect(await offline.textContent()).toContain('Терминал временно не работает');

  await server.restart();
  await offline.waitFor({ state: 'detached', timeout: 30_000 });
  // Nobody touched the kiosk: it is live again, counts and all.
  expect(await tileWaiting(page, sid)).toBe(1);
  const second = await takeTicket(page, sid);
  expect(second.id).toBe(first.id + 1);
  expect((await server.call('GET', `/api/tickets/${second.id}`)).json.number).toBe(second.number);
  await page.close();
}, 90_000); // a restart on a busy two-core machine takes seconds, and the kiosk backs off up to 5 s

it('shows the offline screen over a tap made while the server is down, and recovers', async () => {
  const page = await openKiosk(browser, server);
  const sid = (await server.call('GET', '/api/services')).json[1].id;
  await server.kill();
  await tile(page, sid).click();
  // The failed tap says so plainly (under the offline screen, which comes over it).
  expect(await page.locator('.message-text').textContent()).toBe('Не получилось выдать талон. Попробуйте ещё раз');
  await page.getByTestId('offline').waitFor({ timeout: 10_000 });

  await server.restart();
  await page.getByTestId('offline').waitFor({ state: 'detached', timeout: 30_000 });
  // It issued nothing. (The page itself may have reloaded meanwhile: a parallel test run that
  // rebuilds dist/ changes the server's version, and screens reload on a new version.)
  expect((await server.call('GET', '/api/services')).json[1].waiting).toBe(0);
  await page.close();
}, 90_000); // a restart on a busy two-core machine takes seconds, and the kiosk backs off up to 5 s
