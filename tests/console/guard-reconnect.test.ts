// What must not go wrong at a busy window: a double press calls one ticket, an action the
// server refuses or never receives is shown as not done, and a server restart, a dropped
// connection or a page reload leave the screen showing the counter's real state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { chooseCounter, eventLog, issue, makeCounter, makeOperator, openConsole, settled, startHall, ticket, waitShown, type Hall } from './hall';

let h: Hall;
let browser: Browser;
let page: Page;
let op: Awaited<ReturnType<typeof makeOperator>>;
let counterId: number;
let t: Awaited<ReturnType<typeof issue>>[];

beforeAll(async () => {
  h = await startHall();
  browser = await launchBrowser();
  op = await makeOperator(h);
  counterId = await makeCounter(h, 'Окно Г', [[h.service['Д'], 1]]);
  t = [];
  for (let i = 0; i < 5; i++) t.push(await issue(h, h.service['Д']));
  page = await openConsole(browser, h, op);
  await chooseCounter(page, counterId);
});
afterAll(async () => {
  await browser?.close();
  await h?.server.stop();
});

const statuses = async () => Promise.all(t.map(async (x) => (await ticket(h, x.id)).status));
const nextReady = () => page.waitForSelector('button[data-action=next]:not([disabled])');

describe('operator console: guards and reconnection', () => {
  it('a double press of the Next key calls one ticket', async () => {
    await page.keyboard.press('F1');
    await page.keyboard.press('F1');
    await waitShown(page, t[0].number, 'called');
    await page.waitForTimeout(400); // room for a wrongly sent second call to land
    expect(await statuses()).toEqual(['called', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(eventLog(h, t[1].id).map((e) => e.action)).toEqual(['issue']);
  });

  it('a double click on Next finishes one customer and calls one, and a press just after the call is ignored', async () => {
    await nextReady();
    await page.dblclick('button[data-action=next]');
    await waitShown(page, t[1].number, 'called');
    await settled(page);
    await page.keyboard.press('F1'); // right after the call: within the settle time
    await page.waitForTimeout(300);
    expect(await statuses()).toEqual(['done', 'called', 'waiting', 'waiting', 'waiting']);
    await expect(page.isDisabled('button[data-action=next]')).resolves.toBe(true);
    // the lock is short: Next works again a moment later
    await nextReady();
    await page.keyboard.press('F1');
    await waitShown(page, t[2].number, 'called');
    expect(await statuses()).toEqual(['done', 'done', 'called', 'waiting', 'waiting']);
  });

  it('an action the server refuses is shown as not done, with the server\'s state', async () => {
    await settled(page);
    let held!: Route;
    let arrive!: () => void;
    const arrived = new Promise<void>((res) => { arrive = res; });
    // awaited: the key press must not overtake the interception being set up
    await page.route(`**/api/counters/${counterId}/start`, (route) => { held = route; arrive(); });
    await page.keyboard.press('F3');
    await arrived;
    // meanwhile the same operator, from another place, marks the customer as a no-show
    const other = await h.server.login(op.login, op.password);
    expect((await h.server.call('POST', `/api/counters/${counterId}/no-show`, undefined, other)).status).toBe(200);
    await held.continue();
    await page.waitForSelector('[data-testid=message][data-kind=error]');
    expect(await page.textContent('[data-testid=message]')).toContain('Не выполнено: Пришёл. Состояние окна изменилось');
    await waitShown(page, '—');
    expect((await ticket(h, t[2].id)).status).toBe('no_show');
    expect(eventLog(h, t[2].id).map((e) => e.action)).not.toContain('start');
    await page.unroute(`**/api/counters/${counterId}/start`);
  });

  it('with the server down an action is shown as not confirmed; after a restart the screen shows the same ticket', async () => {
    await nextReady();
    await page.keyboard.press('F1');
    await waitShown(page, t[3].number, 'called');
    await settled(page);
    await h.server.kill();
    await page.waitForSelector('[data-testid=link][data-online=false]');
    await page.keyboard.press('F3');
    await page.waitForSelector('[data-testid=message][data-kind=error]');
    expect(await page.textContent('[data-testid=message]')).toContain('Не подтверждено: Пришёл');
    await waitShown(page, t[3].number, 'called');

    await h.server.restart();
    await page.waitForSelector('[data-testid=link][data-online=true]', { timeout: 15000 });
    await waitShown(page, t[3].number, 'called');
    expect((await ticket(h, t[3].id)).status).toBe('called');
    expect(eventLog(h, t[3].id).map((e) => e.action)).toEqual(['issue', 'call']);
    // and the console works on after the restart, live again
    await settled(page);
    await page.keyboard.press('F3');
    await waitShown(page, t[3].number, 'serving');
    expect((await ticket(h, t[3].id)).status).toBe('serving');
  });

  it('follows changes made elsewhere live (over the websocket, no reload)', async () => {
    const before = await page.textContent(`tr[data-service="${h.service['Д']}"] [data-testid=waiting]`);
    await issue(h, h.service['Д']);
    await page.waitForFunction(([sid, n]) => document.querySelector(`tr[data-service="${sid}"] [data-testid=waiting]`)?.textContent === String(n),
      [h.service['Д'], Number(before) + 1] as const);
  });

  it('a page reload keeps the session, the counter and the current ticket', async () => {
    await page.reload();
    await page.waitForSelector('[data-testid=actions]');
    await waitShown(page, t[3].number, 'serving');
    await expect(page.textContent('[data-testid=counter-name]')).resolves.toBe('Окно Г');
  });

  it('a refetch that was answered before an action never paints the older state over the action\'s result', async () => {
    // Hold the next refetch of the counter, with the server's answer from before the action.
    let release: (() => Promise<void>) | undefined;
    let hold!: () => void;
    const held = new Promise<void>((res) => { hold = res; });
    await page.route(`**/api/counters/${counterId}`, async (route) => {
      if (release) return route.continue(); // only the first one is held
      const stale = await route.fetch();
      release = () => route.fulfill({ response: stale });
      hold();
    });
    await issue(h, h.service['Д']); // an event: the screen refetches
    await held;
    // record every number the screen shows from now on
    await page.evaluate(() => {
      const w = window as unknown as { shown: string[] };
      w.shown = [];
      new MutationObserver(() => w.shown.push(document.querySelector('[data-testid=ticket-number]')?.textContent ?? '')).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await nextReady();
    await page.keyboard.press('F1');
    await waitShown(page, t[4].number, 'called');
    await release!(); // the stale answer (still showing the previous customer) arrives now
    await page.unroute(`**/api/counters/${counterId}`);
    await page.waitForTimeout(500);
    await waitShown(page, t[4].number, 'called');
    const shown = await page.evaluate(() => (window as unknown as { shown: string[] }).shown);
    expect(shown.slice(shown.indexOf(t[4].number))).not.toContain(t[3].number);
    expect(await statuses()).toEqual(['done', 'done', 'no_show', 'done', 'called']);
  });
});
