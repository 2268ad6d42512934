// Every kiosk screen at 1080×1920 portrait and 1920×1080 landscape: nothing outside the
// viewport, nothing overflowing its box, touch targets of at least 80 px with gaps between
// tiles. Screenshots go to tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { LANDSCAPE, PORTRAIT, layoutProblems, minContrast, openKiosk, screenshot, takeTicket } from './kiosk-page.ts';

// A real browser and server on a shared two-core machine: slow under load, not wrong.
vi.setConfig({ testTimeout: 60_000 });

let server: ServerProcess;
let browser: Browser;
let serviceIds: number[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const admin = await server.login();
  serviceIds = (await server.call('GET', '/api/services')).json.map((s: { id: number }) => s.id);
  // The fullest start screen: the privileged option, a closed service with its reason, a notice.
  const h = new Date().getUTCHours();
  const hh = (n: number) => String((h + n) % 24).padStart(2, '0') + ':00';
  await server.call('PUT', '/api/admin/settings', { privilegedEnabled: true }, admin);
  await server.call('PATCH', `/api/admin/services/${serviceIds[5]}`, { openFrom: hh(2), openTo: hh(3) }, admin);
  await server.call('POST', '/api/admin/notices', {
    text: 'Плановое отключение горячей воды по улицам Ленина, Мира и Гагарина в связи с ремонтом теплотрассы',
    textEn: 'Planned hot water outage on Lenina, Mira and Gagarina streets for heating main repairs',
    endsAt: new Date(Date.now() + 2 * 86400_000).toISOString(),
  }, admin);
  for (let i = 0; i < 3; i++) await server.call('POST', '/api/tickets', { serviceId: serviceIds[1] }, admin);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectFits(page: Page, name: string) {
  await page.waitForTimeout(300); // the number's entrance animation
  await screenshot(page, name);
  expect(await layoutProblems(page)).toEqual([]);
}

async function minTargetSize(page: Page, selector: string) {
  const boxes = await page.locator(selector).evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
  expect(boxes.length).toBeGreaterThan(0);
  return Math.min(...boxes);
}

for (const [label, size] of [['portrait', PORTRAIT], ['landscape', LANDSCAPE]] as const) {
  describe(`kiosk at ${size.width}×${size.height} (${label})`, () => {
    it('fits the start screen, with large tiles apart from each other', async () => {
      const page = await openKiosk(browser, server, size);
      await page.locator('button.privileged').waitFor();
      await expect.poll(() => page.locator('.tile:disabled').count()).toBe(1);
      await expectFits(page, 'home');
      expect(await minTargetSize(page, '.tile, .bar-button, button.privileged')).toBeGreaterThanOrEqual(80);
      // Gaps: no two tiles closer than 10 px.
      const closest = await page.locator('.tile').evaluateAll((els) => {
        const r = els.map((e) => e.getBoundingClientRect());
        let min = Infinity;
        for (let i = 0; i < r.length; i++) for (let j = i + 1; j < r.length; j++) {
          const dx = Math.max(r[j].left - r[i].right, r[i].left - r[j].right);
          const dy = Math.max(r[j].top - r[i].bottom, r[i].top - r[j].bottom);
          min = Math.min(min, Math.max(dx, dy));
        }
        return min;
      });
      expect(closest).toBeGreaterThanOrEqual(10);
      // High contrast: at least 7:1 (WCAG AAA) for every text on the start screen.
      expect(await minContrast(page, '.hall-name, .bar-button, .prompt, .group-title, .tile-prefix, .tile-name, .tile-meta span, .tile-closed, button.privileged b, button.privileged small')).toBeGreaterThanOrEqual(7);
      // No text selection, no context menu.
      expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none');
      expect(await page.evaluate(() => !document.body.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })))).toBe(true);

      await page.getByTestId('lang-button').click();
      await expectFits(page, 'home-en');
      await page.close();
    });

    it('fits the ticket screen', async () => {
      const page = await openKiosk(browser, server, size);
      await takeTicket(page, serviceIds[2]);
      await expectFits(page, 'ticket');
      expect(await minTargetSize(page, '.big-button')).toBeGreaterThanOrEqual(80);
      expect(await minContrast(page, '.ticket-label, .ticket-number, .ticket-service, .facts span, .facts b, .ticket-status, .ticket-hint, .big-button')).toBeGreaterThanOrEqual(7);
      await page.close();
    });

    it('fits the notices page', async () => {
      const page = await openKiosk(browser, server, size);
      await page.getByTestId('info-button').click();
      await page.locator('.notices li').waitFor();
      await expectFits(page, 'notices');
      await page.close();
    });
  });
}

it('fits the offline screen at both sizes', async () => {
  const pages = await Promise.all([openKiosk(browser, server, PORTRAIT), openKiosk(browser, server, LANDSCAPE)]);
  await server.kill();
  for (const page of pages) {
    await page.getByTestId('offline').waitFor();
    await expectFits(page, 'offline');
    await page.close();
  }
});
