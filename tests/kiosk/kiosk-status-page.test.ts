// The ticket's status page (the QR target), on a phone: number, status and people ahead, then
// the counter when the ticket is called, kept live.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { layoutProblems, screenshot } from './kiosk-page.ts';

// A real browser and server on a shared two-core machine: slow under load, not wrong.
vi.setConfig({ testTimeout: 60_000 });

let server: ServerProcess;
let browser: Browser;
let admin: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await server.login();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('follows a ticket from waiting to called at a counter', async () => {
  const services = (await server.call('GET', '/api/services')).json;
  const sid = services[0].id;
  const first = (await server.call('POST', '/api/tickets', { serviceId: sid }, admin)).json;
  const mine = (await server.call('POST', '/api/tickets', { serviceId: sid }, admin)).json;

  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.base + mine.statusUrl);
  expect(await page.getByTestId('status-number').textContent()).toBe(mine.number);
  expect(await page.getByTestId('status-line').textContent()).toBe('Ожидайте вызова');
  expect(await page.getByTestId('status-ahead').textContent()).toBe('1 человек');

  const counters = (await server.call('GET', '/api/admin/counters', undefined, admin)).json;
  const counter = counters.find((c: { services: { serviceId: number; priority: number }[] }) => c.services.some((s) => s.serviceId === sid && s.priority === 1));
  expect((await server.call('POST', `/api/counters/${counter.id}/open`, undefined, admin)).status).toBe(200);
  const call1 = await server.call('POST', `/api/counters/${counter.id}/next`, undefined, admin);
  expect(call1.json.ticket.id).toBe(first.id);
  await expect.poll(() => page.getByTestId('status-ahead').textContent()).toBe('никого');

  await server.call('POST', `/api/counters/${counter.id}/finish`, undefined, admin);
  const call2 = await server.call('POST', `/api/counters/${counter.id}/next`, undefined, admin);
  expect(call2.json.ticket.id).toBe(mine.id);
  await expect.poll(() => page.getByTestId('status-line').textContent()).toBe(`Вас приглашают: ${counter.name}`);
  expect(await layoutProblems(page)).toEqual([]); // a phone screen, nothing cut off
  await screenshot(page, 'status-called');
  await page.close();
});

it('says plainly when the ticket does not exist', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${server.base}/kiosk/?ticket=987654`);
  await page.getByText('Талон не найден').waitFor();
  await page.close();
});
