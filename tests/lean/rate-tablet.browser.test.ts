// In Chromium: the rating tablet at a window asks "Оцените обслуживание" when the window's
// customer is finished, takes a tap on a face, thanks and returns to idle; the rating lands in the
// ratings report (API and the supervisor's screen). A keypad rating meanwhile thanks the customer
// too. Landscape and portrait tablets, five faces of at least 20 mm, nothing cut off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { testHall, type TestHall } from '../helpers/app';
import { cutOff, listen, shot, signIn } from './browser';
import { at, DAY, hallWith, ok, open, serve, type Window } from './day';

let h: TestHall;
let base: string;
let browser: Browser;
let w: Window;
let serviceId: number;

beforeAll(async () => {
  h = await testHall({}, undefined, { keep: true });
  ({ serviceId, windows: [w] } = await hallWith(h, 1, 600));
  await ok(h, 'POST', '/api/admin/users', { login: 'head', name: 'Руководитель зала', password: 'supervisor-Pa55', role: 'supervisor' });
  at(h, '09:00');
  await open(h, w);
  base = await listen(h);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await h?.app.close();
});

async function tablet(viewport: { width: number; height: number }): Promise<Page> {
  const ctx = await browser.newContext({ viewport, locale: 'ru-RU', hasTouch: true });
  const page = await ctx.newPage();
  await page.goto(`${base}/kiosk/rate/?counter=${w.id}`);
  await page.waitForSelector(`main[data-screen=idle] .counter:has-text("${'Окно Л1'}")`);
  return page;
}

/** Faces on screen: each inside the viewport and at least 20 mm (76 px at 96 dpi) both ways. */
async function faceProblems(page: Page) {
  return page.$$eval('.faces button', (els) => els.flatMap((b) => {
    const r = b.getBoundingClientRect();
    const out: string[] = [];
    if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) out.push(`face ${b.dataset.rating} outside the screen`);
    if (r.width < 76 || r.height < 76) out.push(`face ${b.dataset.rating} is ${Math.round(r.width)}×${Math.round(r.height)} px`);
    return out;
  }));
}

describe('rating tablet', () => {
  it('asks when the counter\'s customer is finished, takes a face, thanks, and the rating lands in the report', async () => {
    const page = await tablet({ width: 1024, height: 600 });
    expect(await page.textContent('main')).toContain('After your visit you can rate our service here');
    await shot(page, 'rate-idle-1024x600.png');

    const ticket = await serve(h, w, serviceId, 300);
    await page.waitForSelector('main[data-screen=ask]', { timeout: 3000 });
    expect(await page.textContent('h1')).toBe('Оцените обслуживаниеRate the service');
    expect(await page.$$eval('.faces button', (b) => b.map((x) => x.dataset.rating))).toEqual(['1', '2', '3', '4', '5']);
    expect(await faceProblems(page)).toEqual([]);
    expect(await cutOff(page)).toEqual([]);
    await shot(page, 'rate-ask-1024x600.png');

    await page.tap('.faces button[data-rating="5"]');
    await page.waitForSelector('main[data-screen=thanks]');
    const report = await ok(h, 'GET', `/api/stats/feedback?from=${DAY}T00:00:00%2B03:00&to=${DAY}T23:59:59%2B03:00&by=counter`);
    expect(report.rows).toEqual([{ key: String(w.id), label: 'Окно Л1', count: 1, avgRating: 5, satisfiedPct: 100 }]);
    expect((h.app.ctx.sql.prepare('SELECT ticket_id AS t, source FROM feedback').get() as any)).toEqual({ t: ticket, source: 'tablet' });
    await page.waitForSelector('main[data-screen=idle]', { timeout: 8000 });

    // the supervisor's ratings screen shows it
    const sup = await signIn(browser, base, 'head', 'supervisor-Pa55', `/console/lean/feedback?from=${DAY}&to=${DAY}&by=counter`, '[data-testid=feedback-table]');
    expect(await sup.textContent(`[data-testid=feedback-table] tr[data-key="${w.id}"]`)).toBe('Окно Л115,00100,0');
    await shot(sup, 'lean-feedback-1280x800.png');
    await sup.context().close();

    // the next customer rates on the window's keypad instead: the tablet thanks them as well
    await serve(h, w, serviceId, 200);
    await page.waitForSelector('main[data-screen=ask]');
    await h.app.ctx.feedback.rateAtCounter(w.id, 4);
    await page.waitForSelector('main[data-screen=thanks]', { timeout: 3000 });
    await page.context().close();
  });

  it('fits a portrait tablet too', async () => {
    const page = await tablet({ width: 800, height: 1280 });
    await serve(h, w, serviceId, 120);
    await page.waitForSelector('main[data-screen=ask]');
    expect(await faceProblems(page)).toEqual([]);
    expect(await cutOff(page)).toEqual([]);
    await shot(page, 'rate-ask-800x1280.png');
    await page.context().close();
  });
});
