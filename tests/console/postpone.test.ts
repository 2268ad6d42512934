// Postpone and return: the customer steps away for a document; the ticket is parked for the
// chosen minutes (the console's smallest choice, 1 minute), is not called meanwhile, shows a
// countdown on the screen, and after the time this counter's Next calls it again, ahead of
// later tickets since it keeps its issue time. The test waits the real minute: about 70 s.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { chooseCounter, eventLog, issue, makeCounter, makeOperator, openConsole, settled, startHall, ticket, waitShown, type Hall } from './hall';

let h: Hall;
let browser: Browser;
let page: Page;
/** A service with the smallest allowed maximum wait (60 s) and a ticket left waiting from the start. */
let strict: { serviceId: number; ticket: Awaited<ReturnType<typeof issue>> };

beforeAll(async () => {
  h = await startHall();
  browser = await launchBrowser();
  const s = await h.server.call('POST', '/api/admin/services', { name: 'Срочные', prefix: 'Ж', maxWaitSec: 60 }, h.admin);
  expect(s.status).toBe(201);
  strict = { serviceId: s.json.id, ticket: await issue(h, s.json.id) };
});
afterAll(async () => {
  await browser?.close();
  await h?.server.stop();
});

it('postpones a ticket for a minute and calls it again after its return', async () => {
  const op = await makeOperator(h);
  const counterId = await makeCounter(h, 'Окно О', [[h.service['У'], 1]]);
  const p1 = await issue(h, h.service['У']);
  const p2 = await issue(h, h.service['У']);
  page = await openConsole(browser, h, op);
  await chooseCounter(page, counterId);
  const nextReady = () => page.waitForSelector('button[data-action=next]:not([disabled])');

  await page.keyboard.press('F1');
  await waitShown(page, p1.number, 'called');
  await settled(page);
  await page.keyboard.press('F7');
  await page.locator('button[data-option=minutes-1]').waitFor();
  const postponedAt = Date.now();
  await page.keyboard.press('1');
  await waitShown(page, '—');
  expect((await ticket(h, p1.id)).status).toBe('postponed');
  const logged = eventLog(h, p1.id).at(-1)!;
  expect(logged.action).toBe('postpone');
  const until = Date.parse(JSON.parse(logged.detail!).until);
  expect(until - postponedAt).toBeGreaterThan(55_000);
  expect(until - postponedAt).toBeLessThan(65_000);
  const own = page.locator(`[data-own="${p1.id}"]`);
  await expect(own.getAttribute('data-state')).resolves.toBe('postponed');
  expect(await own.textContent()).toMatch(/вернётся через (1:00|0:5\d)/);

  // while it is parked, Next takes the later ticket, then finds nobody
  await nextReady();
  await page.keyboard.press('F1');
  await waitShown(page, p2.number, 'called');
  await settled(page);
  await page.keyboard.press('F5');
  await waitShown(page, '—');
  await nextReady();
  await page.keyboard.press('F1');
  await page.waitForSelector('[data-testid=message][data-kind=info]');
  expect(await page.textContent('[data-testid=message]')).toContain('Очередь пуста');
  expect((await ticket(h, p1.id)).status).toBe('postponed');

  // after the minute the screen shows it back, and Next calls it
  await page.waitForSelector(`[data-own="${p1.id}"][data-state=waiting]`, { timeout: 75_000 });
  expect(Date.now()).toBeGreaterThanOrEqual(until - 1000);
  await nextReady();
  await page.keyboard.press('F1');
  await waitShown(page, p1.number, 'called');
  expect(await ticket(h, p1.id)).toMatchObject({ status: 'called', counter: { id: counterId } });
  expect(eventLog(h, p1.id).map((e) => e.action)).toEqual(['issue', 'call', 'postpone', 'return', 'call']);
}, 120_000);

// Runs after the minute above, so the ticket issued at the start has waited past its maximum.
it('highlights a service whose longest wait is past its maximum, and only that one', async () => {
  const op = await makeOperator(h);
  const counterId = await makeCounter(h, 'Окно М', [[h.service['Ю'], 1], [strict.serviceId, 2]]);
  await issue(h, h.service['Ю']);
  const p = await openConsole(browser, h, op);
  await chooseCounter(p, counterId);
  const row = (id: number) => p.locator(`tr[data-service="${id}"]`);
  await expect(row(strict.serviceId).getAttribute('data-over')).resolves.toBe('true');
  expect(await row(strict.serviceId).locator('.longest').textContent()).toMatch(/^1:\d\d$/);
  await expect(row(h.service['Ю']).getAttribute('data-over')).resolves.toBe('false');
  // the overdue ticket is called first although its service is this counter's secondary work
  await p.keyboard.press('F1');
  await waitShown(p, strict.ticket.number, 'called');
});
