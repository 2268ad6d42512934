// In Chromium: the production analysis sheet fills as customers are served and takes a note; the
// before/after report with hand-measured figures shows the practice's 1.2 posts and 718.6
// thousand roubles; both print on A4 (sheet landscape, report portrait) without overflow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { testHall, type TestHall } from '../helpers/app';
import { A4_LANDSCAPE, A4_PORTRAIT, cutOff, listen, printOverflow, printPdf, shot, signIn } from './browser';
import { at, DAY, hallWith, ok, open, serve, serveMany, type Window } from './day';

let h: TestHall;
let base: string;
let browser: Browser;
let serviceId: number;
let windows: Window[];

beforeAll(async () => {
  h = await testHall({}, undefined, { keep: true });
  h.app.ctx.settings.update({ calendar: { week: { '2': { open: '09:00', close: '18:00' } }, holidays: [], days: {} } });
  ({ serviceId, windows } = await hallWith(h, 2, 600));
  await ok(h, 'POST', '/api/admin/users', { login: 'head', name: 'Руководитель зала', password: 'supervisor-Pa55', role: 'supervisor' });
  at(h, '09:00');
  await open(h, windows[0]);
  await serveMany(h, windows[0], serviceId, 5, 600); // 09:10 … 09:50
  base = await listen(h);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await h?.app.close();
});

describe('production analysis sheet in the browser', () => {
  it('fills as customers are served, takes a note, fits 1280×800 and 1920×1080, and prints on one A4 landscape page', async () => {
    const page = await signIn(browser, base, 'head', 'supervisor-Pa55', '/console/lean/plan-fact', '[data-testid=sheet]');
    const api = async () => (await ok(h, 'GET', `/api/stats/plan-fact?day=${DAY}`)).hours;
    const factOf = (hour: string) => page.textContent(`tr[data-hour="${hour}"] [data-testid=fact]`);
    expect(await factOf('09')).toBe(String((await api()).find((x: any) => x.hour === '09').fact));
    expect(await factOf('09')).toBe('5');
    expect(await page.getAttribute('tr[data-hour="09"]', 'data-mark')).toBe('green');
    expect(await page.getAttribute('tr[data-hour="11"]', 'data-state')).toBe('future');

    // a second window opens and serves: the sheet follows the hall without a reload
    h.clock.now = Date.parse(`${DAY}T10:00:00+03:00`);
    await open(h, windows[1]);
    await serve(h, windows[1], serviceId, 300);
    await page.waitForFunction(() => document.querySelector('tr[data-hour="10"] [data-testid=fact]')?.textContent === '1', undefined, { timeout: 5000 });
    const h10 = (await api()).find((x: any) => x.hour === '10');
    expect(await page.textContent('tr[data-hour="10"] td.plan')).toBe(h10.plan.toLocaleString('ru-RU', { maximumFractionDigits: 1, minimumFractionDigits: Number.isInteger(h10.plan) ? 0 : 1 }));
    expect(await page.getAttribute('tr[data-hour="10"]', 'data-state')).toBe('current');

    // a note on hour 09: the cause from the list, a comment and the measure taken
    await page.click('tr[data-hour="09"] [data-testid=add-note]');
    await page.selectOption('[data-testid=note-form] select[name=reason]', 'complex_case');
    await page.fill('[data-testid=note-form] textarea[name=text]', 'Перерасчёт за три года');
    await page.fill('[data-testid=note-form] textarea[name=measure]', 'Вызван инженер абонентского отдела');
    await page.click('[data-testid=note-form] button[type=submit]');
    await page.waitForSelector('tr[data-hour="09"] .note:has-text("Сложный случай: Перерасчёт за три года")');
    expect(await page.textContent('tr[data-hour="09"] td.sign')).toBe('Руководитель зала');
    expect((await api()).find((x: any) => x.hour === '09').notes).toHaveLength(1);

    expect(await cutOff(page)).toEqual([]);
    await shot(page, 'lean-sheet-1280x800.png');
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await cutOff(page)).toEqual([]);
    await shot(page, 'lean-sheet-1920x1080.png');

    expect(await printOverflow(page, [297 - 20, 210 - 20], 'lean-sheet-print.png')).toEqual([]);
    const pdf = await printPdf(page, 'lean-sheet-a4-landscape.pdf');
    expect(pdf).toEqual({ pages: 1, sizes: [A4_LANDSCAPE] });
    await page.context().close();
  });
});

describe('before/after report in the browser', () => {
  it('with hand-measured figures (12 and 9 minutes, 47,260 customers, 1,973 hours, 600,000 roubles) shows 1,2 posts and 718,6 thousand roubles, and prints on A4', async () => {
    const page = await signIn(browser, base, 'head', 'supervisor-Pa55', '/console/lean/before-after', '[data-testid=ba-form]');
    const side = (p: string) => `[data-testid=ba-form] fieldset[data-side=${p}]`;
    await page.check(`${side('b')} input[value=manual]`);
    await page.fill(`${side('b')} input[name="b.label"]`, 'Хронометраж до внедрения');
    await page.fill(`${side('b')} input[name="b.service"]`, '12');
    await page.fill(`${side('b')} input[name="b.wait"]`, '25');
    await page.check(`${side('c')} input[value=manual]`);
    await page.fill(`${side('c')} input[name="c.label"]`, 'После внедрения');
    await page.fill(`${side('c')} input[name="c.service"]`, '9');
    await page.fill(`${side('c')} input[name="c.wait"]`, '8');
    await page.fill('input[name=customers]', '47260');
    await page.fill('input[name=hours]', '1973');
    await page.fill('input[name=cost]', '600000');
    await page.click('[data-testid=compute]');
    await page.waitForSelector('[data-testid=report]');
    expect(await page.textContent('[data-testid=fte]')).toBe('1,2 ставки');
    expect(await page.textContent('[data-testid=money]')).toBe('718,6 тыс. руб.');
    expect(await page.textContent('tr[data-figure=service]')).toContain('−3,0 (−25,0 %)');
    const formula = (await page.textContent('[data-testid=formula]'))!.replace(/[\u00a0\u202f]/g, ' ');
    expect(formula).toContain('47 260 × (12,0 − 9,0) мин');
    expect(formula).toContain('1 973 ч');
    expect(formula).toContain('600 000 руб.');
    // the address holds the inputs: a reload shows the same report
    await page.reload();
    await page.waitForSelector('[data-testid=report]');
    expect(await page.textContent('[data-testid=money]')).toBe('718,6 тыс. руб.');
    // and in English beside it
    await page.click('header button:has-text("EN")');
    await page.waitForSelector('[data-testid=fte]:has-text("1.2 posts")');
    expect(await page.textContent('[data-testid=money]')).toBe('718.6 thousand RUB');
    await page.click('header button:has-text("RU")');

    // the XLSX download carries the same figures
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=xlsx]')]);
    expect(download.suggestedFilename()).toBe('before-after.xlsx');

    expect(await cutOff(page)).toEqual([]);
    await shot(page, 'lean-before-after-1280x800.png');
    expect(await printOverflow(page, [210 - 30, 297 - 30], 'lean-before-after-print.png')).toEqual([]);
    const pdf = await printPdf(page, 'lean-before-after-a4.pdf');
    expect(pdf).toEqual({ pages: 1, sizes: [A4_PORTRAIT] });
    await page.context().close();
  });
});

describe('wait-estimate accuracy in the browser', () => {
  it('shows the API\'s figures by service and hour, with the chart', async () => {
    // a queue of four at window 1: promised waits at issue, real ones as they are called
    h.clock.now = Date.parse(`${DAY}T11:00:00+03:00`);
    for (let i = 0; i < 4; i++) await ok(h, 'POST', '/api/tickets', { serviceId });
    for (let i = 0; i < 4; i++) {
      h.clock.advance(7 * 60_000);
      await ok(h, 'POST', `/api/counters/${windows[0].id}/next`, { finishCurrent: true }, windows[0].token);
    }
    const page = await signIn(browser, base, 'head', 'supervisor-Pa55', `/console/lean/eta?from=${DAY}&to=${DAY}`, '[data-testid=eta-totals]');
    const api = await ok(h, 'GET', `/api/stats/eta-accuracy?from=${DAY}T00:00:00%2B03:00&to=${DAY}T23:59:59.999%2B03:00`);
    expect(api.tickets).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid=within5]')).toBe(`${api.within5MinPct.toLocaleString('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`);
    expect(await page.locator('[data-testid=eta-chart] canvas').count()).toBe(1);
    expect(await page.$$eval('table.figures', (t) => t.length)).toBe(2);
    expect(await cutOff(page)).toEqual([]);
    await shot(page, 'lean-eta-1280x800.png');
    await page.context().close();
  });
});
