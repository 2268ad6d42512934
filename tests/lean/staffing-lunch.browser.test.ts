// In Chromium: the Erlang calculator reproduces the published example, the hall's weekday × hour
// grid colours the gap between windows needed and open, the lunch plan staggers the lunches and is
// adopted, and the operator's window screen shows the lunch slot and reminds them when it comes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { testHall, type TestHall } from '../helpers/app';
import { cutOff, listen, shot, signIn } from './browser';
import { at, close, hallWith, msk, newDay, ok, open, serve, type Window } from './day';

let h: TestHall;
let base: string;
let browser: Browser;
let windows: Window[];
const TODAY = '2026-03-17'; // a Tuesday, after two Tuesdays of history

beforeAll(async () => {
  h = await testHall({}, undefined, { keep: true });
  const hall = await hallWith(h, 3, 600, 'Л', '2026-03-03');
  windows = hall.windows;
  await ok(h, 'POST', '/api/admin/users', { login: 'head', name: 'Руководитель зала', password: 'supervisor-Pa55', role: 'supervisor' });
  // Two Tuesdays: 5 customers of 10 minutes each hour 09–12 (2 windows needed for 90 % in 15 min);
  // window 1 open 09–12, window 2 09–11, window 3 09–10.
  for (const day of ['2026-03-03', '2026-03-10']) {
    await newDay(h, day, windows);
    at(h, '09:00', day);
    for (const w of windows) await open(h, w);
    for (const hour of ['09', '10', '11']) {
      at(h, `${hour}:00`, day);
      if (hour === '10') await close(h, windows[2]);
      if (hour === '11') await close(h, windows[1]);
      for (let i = 0; i < 5; i++) await serve(h, windows[0], hall.serviceId, 600);
    }
    at(h, '12:00', day);
    await close(h, windows[0]);
  }
  h.app.ctx.settings.update({ calendar: { week: { '2': { open: '09:00', close: '12:00' } }, holidays: [], days: {} } });
  await ok(h, 'PUT', '/api/stats/lunch-rules', { minutes: 60, from: '09:00', to: '12:00', byUser: {} });
  await newDay(h, TODAY, windows);
  base = await listen(h);
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await h?.app.close();
});

describe('staffing in the browser', () => {
  it('computes the published example, states its assumptions, and colours the hall\'s weekday × hour gap', async () => {
    const page = await signIn(browser, base, 'head', 'supervisor-Pa55', '/console/lean/staffing?from=2026-03-01&to=2026-03-16', '[data-testid=staffing-grid]');
    const form = '[data-testid=erlang-form]';
    for (const [name, v] of [['a', '200'], ['s', '3'], ['tw', '0.3333333'], ['tp', '80'], ['occ', '85'], ['shr', '30'], ['n', '13']]) await page.fill(`${form} input[name=${name}]`, v);
    await page.click(`${form} button[type=submit]`);
    await page.waitForFunction(() => document.querySelector('[data-testid=servers]')?.textContent === '14');
    expect(await page.textContent('[data-testid=staff]')).toBe('20');
    expect(await page.textContent('[data-testid=given]')).toMatch(/^Что если окон 13: В нормативе 79,\d %/);
    expect(await page.textContent('[data-testid=assumptions]')).toContain('никто не уходит из очереди');

    const api = await ok(h, 'GET', '/api/stats/staffing?from=2026-03-01T00:00:00%2B03:00&to=2026-03-17T00:00:00%2B03:00');
    const cell = (hour: string) => `tr[data-weekday="2"] td[data-hour="${hour}"]`;
    for (const c of api.cells) {
      expect(await page.getAttribute(cell(c.hour), 'data-needed')).toBe(String(c.needed));
      expect(await page.getAttribute(cell(c.hour), 'data-open')).toBe(String(c.open));
    }
    expect(api.cells.map((c: any) => [c.hour, c.needed, c.open])).toEqual([['09', 2, 3], ['10', 2, 2], ['11', 2, 1]]);
    expect(await page.getAttribute(cell('09'), 'class')).toBe('cell spare');
    expect(await page.getAttribute(cell('10'), 'class')).toBe('cell even');
    expect(await page.getAttribute(cell('11'), 'class')).toBe('cell short');
    // what if, on the hall's history: the Tuesdays with the windows Erlang C asks for (2 each hour)
    await page.fill('[data-testid=what-if] input[name=days]', '20');
    await page.click('[data-testid=what-if] button[type=submit]');
    await page.waitForSelector('[data-testid=what-if-result]');
    const minutesIn = async (col: number) => Number((await page.textContent(`[data-testid=what-if-result] tr[data-figure=mean] td:nth-of-type(${col})`))!.replace(',', '.').replace(/[^0-9.]/g, ''));
    // hour 11 had one window for 5 customers of 10 minutes; two windows cut the wait
    expect(await minutesIn(2)).toBeLessThan(await minutesIn(1));
    expect(await cutOff(page)).toEqual([]);
    await shot(page, 'lean-staffing-1280x800.png');
    await page.setViewportSize({ width: 1920, height: 1080 });
    expect(await cutOff(page)).toEqual([]);
    await shot(page, 'lean-staffing-1920x1080.png');
    await page.context().close();
  });
});

describe('floating lunches in the browser', () => {
  it('staggers three lunches so two windows stay open each hour, is adopted, and the operator is reminded when theirs comes', async () => {
    const ids = windows.map((w) => w.userId).join(',');
    const page = await signIn(browser, base, 'head', 'supervisor-Pa55', `/console/lean/lunches?day=${TODAY}&users=${ids}`, '[data-testid=verdict]');
    expect(await page.getAttribute('[data-testid=verdict]', 'data-feasible')).toBe('true');
    const slots = await page.$$eval('[data-testid=lunch-slot]', (els) => els.map((e) => e.textContent));
    expect(slots.sort()).toEqual(['09:00–10:00', '10:00–11:00', '11:00–12:00']);
    const opens = await page.$$eval('[data-testid=timeline] td[data-at]', (els) => els.map((e) => Number(e.textContent)));
    expect(Math.min(...opens)).toBe(2);

    // one operator's own rule: a 30-minute lunch that must end by 09:30; the plan keeps to it
    await page.fill(`tr[data-user="${windows[0].userId}"] input[name="minutes-${windows[0].userId}"]`, '30');
    await page.fill(`tr[data-user="${windows[0].userId}"] input[name="to-${windows[0].userId}"]`, '09:30');
    await page.click('[data-testid=save-rules]');
    await page.waitForFunction((id) => document.querySelector(`tr[data-user="${id}"] [data-testid=lunch-slot]`)?.textContent === '09:00–09:30', windows[0].userId);
    expect((await ok(h, 'GET', '/api/stats/lunch-rules')).byUser[windows[0].userId]).toEqual({ minutes: 30, from: '09:00', to: '09:30' });
    expect(await cutOff(page)).toEqual([]);
    await shot(page, 'lean-lunches-1280x800.png');

    await page.click('[data-testid=adopt]');
    await page.waitForSelector('[data-testid=adopted]');
    const plan = (await ok(h, 'GET', `/api/stats/lunch-plan?day=${TODAY}&userIds=${ids}`)).adopted.lunches;
    const mine = plan.find((l: any) => l.userId === windows[1].userId);
    await page.context().close();

    // the operator's window: the slot in "My day", no reminder before it, a reminder when it comes
    h.clock.now = msk('08:55', TODAY);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'ru-RU' });
    const op = await ctx.newPage();
    await op.clock.install({ time: Date.now() });
    await op.goto(base + '/console/work');
    await op.fill('input[name=login]', windows[1].login);
    await op.fill('input[name=password]', 'operator-Pa55');
    await op.click('button[type=submit]');
    await op.click(`button[data-counter="${windows[1].id}"]`);
    await op.waitForSelector('[data-testid=day-lunch]');
    expect(await op.textContent('[data-testid=day-lunch]')).toBe(`${mine.start}–${mine.end}`);
    expect(await op.locator('[data-testid=lunch-reminder]').count()).toBe(0);
    const wait = msk(mine.start, TODAY) - h.clock.now;
    h.clock.advance(wait);
    await op.clock.fastForward(wait);
    await op.waitForSelector('[data-testid=lunch-reminder]');
    expect(await op.textContent('[data-testid=lunch-reminder]')).toContain(`Время обеда: ${mine.start}–${mine.end}`);
    await shot(op, 'lean-lunch-reminder-1280x720.png');
    // on a break the reminder has done its work
    await op.keyboard.press('F8');
    await op.click('.dialog button:has-text("Обед"), [role=dialog] button:has-text("Обед")');
    await op.waitForSelector('[data-testid=lunch-reminder]', { state: 'detached' });
    await ctx.close();
  });
});
