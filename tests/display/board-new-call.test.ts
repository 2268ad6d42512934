// How a new call first looks: at full brightness, even when the blinking rows are in their dim
// phase (a number that first appears dimmed is easier to miss); and a long window name fitted to
// its cell, also when the board keeps the fitted size and when the window changes shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import type { HallEventDraft, WaitingCount } from '../../server/protocol';
import { startFakeHall, type FakeHall } from './fake-hall';

let hall: FakeHall;
let browser: Browser;

beforeAll(async () => { [hall, browser] = await Promise.all([startFakeHall(), launchBrowser()]); });
afterAll(async () => { await browser?.close(); await hall?.close(); });

const waiting: WaitingCount[] = [{ serviceId: 1, count: 4 }];
const ticket = (id: number) => ({ id, number: `А${String(id).padStart(3, '0')}`, serviceId: 1 });
const called = (id: number, counter: number): HallEventDraft => ({ type: 'ticket.called', ticket: ticket(id), counter: { id: counter, name: `Окно ${counter}` }, waiting });

async function open(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${hall.base}/display/?${query}`);
  await page.waitForSelector('.board .no-calls, .board .call');
  return page;
}

describe('a new call on the board', () => {
  it('shows a new call at full brightness while the blinking rows are dimmed', async () => {
    const page = await open('sound=off&blink=10');
    hall.send(called(11, 1));
    await page.waitForSelector('.call[data-ticket="11"]');
    await page.waitForSelector('.board.flash-on .call.blink'); // the dim phase of the flash
    // The new row's opacity as the render that adds it leaves it.
    await page.evaluate(() => {
      const w = window as unknown as { opacity: string | null };
      w.opacity = null;
      new MutationObserver(() => {
        const row = document.querySelector('.call[data-ticket="12"]');
        if (row && w.opacity === null) w.opacity = getComputedStyle(row).opacity;
      }).observe(document.querySelector('.calls')!, { childList: true });
    });
    hall.send(called(12, 2));
    await page.waitForFunction(() => (window as unknown as { opacity: string | null }).opacity !== null);
    expect(await page.evaluate(() => (window as unknown as { opacity: string }).opacity)).toBe('1');
    // and the rhythm goes on: it dims on a later flip
    await page.waitForSelector('.board.flash-on .call.blink[data-ticket="12"]', { timeout: 2000 });
    await page.close();
  });

  it('fits a long window name to its cell, again after the screen turns to portrait', async () => {
    const page = await open('sound=off&blink=0');
    const name = 'Окно 7: приём документов и справок';
    const callAt7 = (id: number) => hall.send({ type: 'ticket.called', ticket: ticket(id), counter: { id: 7, name }, waiting });
    // How far each window name sticks out of its cell (≤ 0: it fits).
    const overflow = () => page.evaluate(() => Math.max(...[...document.querySelectorAll('.call .counter .fit')]
      .map((f) => f.getBoundingClientRect().width - f.parentElement!.getBoundingClientRect().width)));
    callAt7(21);
    await page.waitForSelector('.call[data-ticket="21"]');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1080, height: 1920 });
    await page.waitForSelector('.board.portrait');
    await page.waitForTimeout(300);
    expect(await overflow()).toBeLessThanOrEqual(0);
    callAt7(22); // the same name again: the size fitted in portrait is reused
    await page.waitForSelector('.call[data-ticket="22"]');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.close();
  });
});
