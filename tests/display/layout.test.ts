// The board in both orientations on a full-HD TV, filled with calls, long counter names and a
// notice: nothing is cut off or outside the screen (measured in the DOM), and the ticket digits
// are very large. Screenshots go to tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { act, artifact, issue, openBoard, operatorAt } from './board-page';

let server: ServerProcess;
let browser: Browser;
// Demo counters serving payments (service 1); two get long names.
const COUNTERS = [1, 2, 3, 10, 12, 8];
const LONG_NAMES: Record<number, string> = { 10: 'Касса приёма платежей', 12: 'Окно 12 (юридические лица)' };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  const admin = await server.login();
  for (const [id, name] of Object.entries(LONG_NAMES)) {
    const r = await server.call('PATCH', `/api/admin/counters/${id}`, { name }, admin);
    expect(r.status).toBe(200);
  }
  await server.call('POST', '/api/admin/notices', { text: 'Отключение горячей воды по ул. Ленина, дома 5–15: плановый ремонт теплосети', endsAt: new Date(Date.now() + 86400e3).toISOString() }, admin);
  for (const c of COUNTERS) {
    const token = await operatorAt(server, admin, c);
    await issue(server, 1);
    await act(server, token, c, 'next');
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Everything on the board that is not where it can be seen whole. */
function problems(page: Page) {
  return page.evaluate(() => {
    const W = innerWidth, H = innerHeight, tol = 1;
    const out: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').slice(0, 30)}"`;
    for (const el of document.querySelectorAll('.board *')) {
      if (el.closest('.ticker')) continue; // the notice scrolls through its window on purpose
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -tol || r.top < -tol || r.right > W + tol || r.bottom > H + tol) out.push(`outside the screen: ${name(el)}`);
      if (el instanceof HTMLElement && el.scrollWidth > el.clientWidth + tol && el.clientWidth > 0) out.push(`too wide: ${name(el)} ${el.scrollWidth} > ${el.clientWidth}`);
      if (el instanceof HTMLElement && el.scrollHeight > el.clientHeight + tol && el.clientHeight > 0) out.push(`too tall: ${name(el)} ${el.scrollHeight} > ${el.clientHeight}`);
    }
    // Each call's text inside its own cell, each row inside the call list.
    const list = document.querySelector('.calls')!.getBoundingClientRect();
    for (const row of document.querySelectorAll('.call')) {
      const rr = row.getBoundingClientRect();
      if (rr.top < list.top - tol || rr.bottom > list.bottom + tol) out.push(`row outside the list: ${name(row)}`);
      for (const fit of row.querySelectorAll('.fit')) {
        const f = fit.getBoundingClientRect(), cell = fit.parentElement!.getBoundingClientRect();
        if (f.left < cell.left - tol || f.right > cell.right + tol || f.top < rr.top - tol || f.bottom > rr.bottom + tol) out.push(`text cut: ${name(fit)}`);
      }
    }
    const ticker = document.querySelector('.ticker')?.getBoundingClientRect();
    if (ticker && (ticker.left < 0 || ticker.right > W + tol || ticker.bottom > H + tol)) out.push('ticker outside the screen');
    return out;
  });
}

/** Height of the ticket digits as drawn (the glyph, not the font size), in px. */
const digitHeight = (page: Page) => page.evaluate(() => {
  const el = document.querySelector('.call .number .fit')!;
  const ctx = document.createElement('canvas').getContext('2d')!;
  const cs = getComputedStyle(el);
  ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  const m = ctx.measureText('0123456789');
  return { px: m.actualBoundingBoxAscent + m.actualBoundingBoxDescent, font: cs.fontSize, family: cs.fontFamily };
});

describe('board layout', () => {
  for (const [width, height, orientation, rows] of [[1920, 1080, 'landscape', 4], [1080, 1920, 'portrait', 5]] as const) {
    it(`${orientation} ${width}×${height}: all rows, nothing cut off, very large digits`, async () => {
      const page = await openBoard(browser, server.base, 'sound=off', { width, height });
      await page.waitForFunction((n) => document.querySelectorAll('.call').length === n, rows);
      await page.waitForSelector('.ticker .track');
      expect(await page.getAttribute('.board', 'class')).toContain(orientation);
      await page.waitForTimeout(300);
      expect(await problems(page)).toEqual([]);
      // Long counter names shrink to fit rather than being cut.
      const longRow = page.locator('.call', { hasText: 'Касса приёма платежей' });
      expect(await longRow.locator('.counter').textContent()).toBe('Касса приёма платежей');
      const { px: digits, font } = await digitHeight(page);
      console.log(`${orientation}: ticket digits ${digits.toFixed(0)} px high (${((digits / height) * 100).toFixed(1)}% of the screen height), font ${font}`);
      // A 55" full-HD TV is 68 cm high in landscape (0.63 mm a pixel): 12 % of the height is 82 mm.
      // In portrait the width limits the row; 120 px is 75 mm on the same TV turned.
      expect(digits).toBeGreaterThanOrEqual(orientation === 'landscape' ? 0.12 * height : 120);
      await page.screenshot({ path: artifact(`display-${orientation}-${width}x${height}.png`) });
      expect(page.errors).toEqual([]);
      await page.close();
    });
  }

  it('takes the number of rows and the counters from the URL', async () => {
    const page = await openBoard(browser, server.base, 'sound=off&orientation=portrait&rows=3&counters=1,2', { width: 1920, height: 1080 });
    await page.waitForFunction(() => document.querySelectorAll('.call').length === 2);
    expect(await page.getAttribute('.board', 'class')).toContain('portrait');
    const counters = await page.$$eval('.call', (els) => els.map((e) => e.getAttribute('data-counter')).sort());
    expect(counters).toEqual(['1', '2']);
    expect(await page.$eval('.calls', (el) => getComputedStyle(el).getPropertyValue('--rows').trim())).toBe('3');
    expect(await problems(page)).toEqual([]);
    await page.close();
  });

  it('speaks English labels with lang=en', async () => {
    const page = await openBoard(browser, server.base, 'sound=off&lang=en');
    await page.waitForSelector('.call');
    expect(await page.locator('.labels').textContent()).toBe('TicketWindow');
    expect(await page.locator('.waiting h2').textContent()).toBe('Waiting');
    expect(await page.locator('.waiting li[data-service="1"] .name').textContent()).toBe('Payments and debts');
    await page.close();
  });
});
