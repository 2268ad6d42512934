// The supervisor's screens at a 1280×800 tablet and a 1920×1080 office screen, on a hall with a
// past and a working day under way: nothing scrolls sideways, sticks out of its box or is cut
// off, in Russian and in English. Screenshots go to tests/artifacts/ to be looked at.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { issue, makeOperator, openConsole, type Hall } from '../console/hall';
import { OFFICE, TABLET, layoutProblems, startHistoryHall } from './hall';

const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');
let h: Hall;
let browser: Browser;
let sup: Awaited<ReturnType<typeof makeOperator>>;
let waitingTicket: number;

beforeAll(async () => {
  h = await startHistoryHall(60, 80);
  browser = await launchBrowser();
  sup = await makeOperator(h, 'supervisor');
  mkdirSync(ARTIFACTS, { recursive: true });
  // today: eight windows open, one on a break, some calling and serving, a queue, one service no window serves
  const counters = (await h.server.call('GET', '/api/counters', undefined, h.admin)).json as { id: number }[];
  const ops: string[] = [];
  for (const c of counters.slice(0, 8)) {
    const op = await makeOperator(h);
    await h.server.call('POST', `/api/counters/${c.id}/open`, undefined, op.token);
    ops.push(op.token);
  }
  await h.server.call('POST', `/api/counters/${counters[7].id}/break`, { reason: 'lunch' }, ops[7]);
  const services = Object.values(h.service);
  // a new service that no window serves yet, with a long name: its tickets raise an alert
  const lone = await h.server.call('POST', '/api/admin/services', { name: 'Приём показаний счётчиков по телефону и через личный кабинет', prefix: 'Т' }, h.admin);
  await issue(h, lone.json.id);
  for (let i = 0; i < 30; i++) waitingTicket = (await issue(h, services[i % services.length])).id;
  for (const [i, c] of counters.slice(0, 5).entries()) {
    await h.server.call('POST', `/api/counters/${c.id}/next`, {}, ops[i]);
    if (i % 2) await h.server.call('POST', `/api/counters/${c.id}/start`, undefined, ops[i]);
  }
});
afterAll(async () => {
  await browser?.close();
  await h?.server.stop();
});

const VIEWS: [string, string, string][] = [
  ['hall', '/console/hall', '[data-testid=live]'],
  ['queue', '/console/hall/service/{service}', '[data-testid=service-queue] table'],
  ['history', '/console/hall/ticket/{ticket}', '[data-testid=history] table'],
  ['report-service', '/console/reports?period=last_month', '[data-chart=waits] canvas'],
  ['report-operator', '/console/reports?period=last_month&by=operator', '[data-chart=arrivals] canvas'],
  ['report-day', '/console/reports?period=this_month&by=day', '[data-testid=heatmap]'],
  ['tickets', '/console/reports/tickets?period=last_month', '[data-testid=ticket-list] table'],
];

async function look(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `supervisor-${name}.png`), fullPage: true });
  return layoutProblems(page);
}

describe('supervisor screens: layout', () => {
  for (const [size, viewport] of [['1280x800', TABLET], ['1920x1080', OFFICE]] as const) {
    it(`fit at ${size}: nothing scrolls sideways, sticks out or is cut off`, async () => {
      const page = await openConsole(browser, h, sup, viewport, '/console/hall', '[data-testid=live]');
      for (const [name, path, ready] of VIEWS) {
        await page.goto(h.server.base + path.replace('{service}', String(h.service['П'])).replace('{ticket}', String(waitingTicket)));
        await page.waitForSelector(ready);
        await page.waitForLoadState('networkidle');
        expect(await look(page, `${name}-${size}`), `${name} at ${size}`).toEqual([]);
      }
      // the tablet in English, and the live hall with an open definition list
      if (viewport === TABLET) {
        await page.click('header button:has-text("EN")');
        for (const [name, path, ready] of [VIEWS[0], VIEWS[4]]) {
          await page.goto(h.server.base + path);
          await page.waitForSelector(ready);
          await page.waitForLoadState('networkidle');
          expect(await look(page, `${name}-${size}-en`), `${name} in English`).toEqual([]);
        }
        await page.click('header button:has-text("RU")');
      }
      await page.context().close();
    });
  }
});
