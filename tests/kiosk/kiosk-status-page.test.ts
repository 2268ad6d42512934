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

  expect(mine.statusUrl).toMatch(/^\/kiosk\/\?ticket=[0-9a-f]{16}$/); // the code, not the id
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.base + mine.statusUrl);
  expect(await page.getByTestId('status-number').textContent()).toBe(mine.number);
  expect(await page.locator('h1').textContent()).toBe(`Ваш номер${mine.number}`);
  expect(await page.getByTestId('status-line').textContent()).toBe('Ожидайте вызова');
  expect(await page.getByTestId('status-ahead').textContent()).toBe('1 человек');

  const counters = (await server.call('GET', '/api/admin/counters', undefined, admin)).json;
  const counter = counters.find((c: { services: { serviceId: number; priority: number }[] }) => c.services.some((s) => s.serviceId === sid && s.priority === 1));
  expect((await server.call('POST', `/api/counters/${counter.id}/open`, undefined, admin)).status).toBe(200);
  const call1 = await server.call('POST', `/api/counters/${counter.id}/next`, undefined, admin);
  expect(call1.json.ticket.id).toBe(first.id);
  await expect.poll(() => page.getByTestId('status-ahead').textContent(), { timeout: 5000 }).toBe('никого');

  await server.call('POST', `/api/counters/${counter.id}/finish`, undefined, admin);
  const call2 = await server.call('POST', `/api/counters/${counter.id}/next`, undefined, admin);
  expect(call2.json.ticket.id).toBe(mine.id);
  await expect.poll(() => page.getByTestId('status-line').textContent(), { timeout: 5000 }).toBe(`Вас приглашают: ${counter.name}`);
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

it('lets people zoom, and carries the hall\'s icon', async () => {
  const sid = (await server.call('GET', '/api/services')).json[0].id;
  const t = (await server.call('POST', '/api/tickets', { serviceId: sid }, admin)).json;
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(server.base + t.statusUrl);
  await page.getByTestId('status-number').waitFor();
  const viewport = await page.locator('meta[name=viewport]').getAttribute('content');
  expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/); // WCAG meta-viewport
  const icon = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel=icon]')!.href;
    const r = await fetch(href);
    return { href, status: r.status, type: r.headers.get('content-type'), bytes: (await r.arrayBuffer()).byteLength };
  });
  expect(icon).toEqual({ href: `${server.base}/favicon.ico`, status: 200, type: 'image/x-icon', bytes: expect.any(Number) });
  expect(icon.bytes).toBeGreaterThan(1000);
  await page.close();
});

it('still opens a ticket printed before codes existed, by its id', async () => {
  const sid = (await server.call('GET', '/api/services')).json[0].id;
  const t = (await server.call('POST', '/api/tickets', { serviceId: sid }, admin)).json;
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${server.base}/kiosk/?ticket=${t.id}`);
  await expect.poll(() => page.getByTestId('status-number').textContent()).toBe(t.number);
  await page.close();
});
