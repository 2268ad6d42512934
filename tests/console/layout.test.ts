// The work screen at its two sizes: a 1280×720 window and a ~420 px panel beside the billing
// program. Everything an operator presses or reads must be on screen without scrolling the
// page sideways, every button must show its key, and no label may be cut off, in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { chooseCounter, issue, makeCounter, makeOperator, NARROW, openConsole, startHall, waitShown, WIDE, type Hall } from './hall';

let h: Hall;
let browser: Browser;
let op: Awaited<ReturnType<typeof makeOperator>>;
let counterId: number;
let first: Awaited<ReturnType<typeof issue>>;

beforeAll(async () => {
  h = await startHall();
  browser = await launchBrowser();
  op = await makeOperator(h);
  counterId = await makeCounter(h, 'Окно 99', [[h.service['П'], 1], [h.service['У'], 2], [h.service['Д'], 2]]);
  first = await issue(h, h.service['П']);
  await issue(h, h.service['П']);
});
afterAll(async () => {
  await browser?.close();
  await h?.server.stop();
});

/** Problems found on the page: elements outside the viewport, cut-off labels, sideways scrolling. */
async function layoutProblems(page: Page) {
  return page.evaluate(() => {
    const problems: string[] = [];
    const vw = innerWidth;
    const vh = innerHeight;
    if (document.documentElement.scrollWidth > vw) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
    const mustSee = [...document.querySelectorAll<HTMLElement>('[data-action], [data-testid=ticket-number], [data-testid=link]')];
    for (const el of mustSee) {
      const r = el.getBoundingClientRect();
      const name = el.dataset.action ?? el.dataset.testid;
      if (r.left < 0 || r.top < 0 || r.right > vw + 0.5 || r.bottom > vh + 0.5) problems.push(`${name} outside the viewport`);
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name} cut off sideways`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-action]')) {
      if (!/^F\d+$/.test(el.querySelector('kbd')?.textContent ?? '')) problems.push(`${el.dataset.action} shows no key`);
    }
    return problems;
  });
}

describe('operator console: layout', () => {
  for (const [name, viewport] of [['1280×720', WIDE], ['420 px panel', NARROW]] as const) {
    it(`fits at ${name}, in Russian and English`, async () => {
      const page = await openConsole(browser, h, op, viewport);
      await chooseCounter(page, counterId);
      if ((await page.textContent('[data-testid=ticket-number]')) === '—') {
        await page.keyboard.press('F1');
        await waitShown(page, first.number, 'called');
      }
      await page.waitForSelector('[data-testid=script]');
      expect(await layoutProblems(page)).toEqual([]);
      await page.click('header button:has-text("EN")');
      await page.waitForSelector('button[data-action=next]:has-text("Next")');
      expect(await layoutProblems(page)).toEqual([]);
      // the language stays after a reload, then goes back to Russian by the same button
      await page.reload();
      await page.waitForSelector('button[data-action=next]:has-text("Next")');
      await page.click('header button:has-text("RU")');
      await page.waitForSelector('button[data-action=next]:has-text("Следующий")');
      await page.context().close();
    });
  }
});
