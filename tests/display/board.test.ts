// The hall display board in real Chromium against the real server: calls made through the API
// appear (newest on top, blinking, then steady), leave when finished, notices scroll, and the
// board recovers after the server restarts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { act, boardNumbers, issue, openBoard, operatorAt } from './board-page';

let server: ServerProcess;
let browser: Browser;
let page: Page & { errors: string[] };
let admin: string;
const ops: Record<number, string> = {};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await server.login();
  // Counters 3, 10 and 12 of the demo hall all serve service 1 (payments).
  for (const c of [3, 10, 12]) ops[c] = await operatorAt(server, admin, c);
  page = await openBoard(browser, server.base, 'sound=off&blink=3');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const row = (ticketId: number) => page.locator(`.call[data-ticket="${ticketId}"]`);

describe('hall display board', () => {
  it('shows a call made through the API with the counter name, blinking', async () => {
    await issue(server, 1);
    const { ticket: t } = await act(server, ops[3], 3, 'next');
    await row(t.id).waitFor();
    expect(await row(t.id).locator('.number').textContent()).toBe(t.number);
    expect(await row(t.id).locator('.counter').textContent()).toBe('Окно 3');
    expect(await row(t.id).getAttribute('class')).toContain('blink');
  });

  it('puts the newest call on top and pushes older ones down', async () => {
    await issue(server, 1);
    const { ticket: a } = await act(server, ops[10], 10, 'next');
    await row(a.id).waitFor();
    await issue(server, 1);
    const { ticket: b } = await act(server, ops[12], 12, 'next');
    await row(b.id).waitFor();
    const numbers = await boardNumbers(page);
    expect(numbers.slice(0, 2)).toEqual([b.number, a.number]);
    expect(await page.locator('.call').first().locator('.counter').textContent()).toBe('Окно 12');
  });

  it('blinks at about 1 Hz, stops after the blink period and stays highlighted', async () => {
    await issue(server, 1);
    const { ticket: t } = await act(server, ops[3], 3, 'next', { finishCurrent: true });
    await row(t.id).waitFor();
    expect(await row(t.id).getAttribute('class')).toContain('blink');
    // The row's opacity (it dims on each flash), sampled every 50 ms for 2 s.
    const samples = await row(t.id).evaluate(async (el) => {
      const out: string[] = [];
      for (let i = 0; i < 40; i++) {
        out.push(getComputedStyle(el).opacity);
        await new Promise((r) => setTimeout(r, 50));
      }
      return out;
    });
    const flashes = samples.filter((v, i) => i > 0 && v !== '1' && samples[i - 1] === '1').length;
    expect(new Set(samples)).toEqual(new Set(['0.3', '1']));
    expect(flashes).toBeGreaterThanOrEqual(1); // about one a second ...
    expect(flashes).toBeLessThanOrEqual(3); // ... never 3 a second
    await page.waitForFunction((id) => !document.querySelector(`.call[data-ticket="${id}"]`)?.classList.contains('blink'), String(t.id), { timeout: 3000 });
    const after = await row(t.id).evaluate(async (el) => {
      const opacities = new Set<string>();
      for (let i = 0; i < 12; i++) {
        opacities.add(getComputedStyle(el).opacity);
        await new Promise((r) => setTimeout(r, 100));
      }
      return { cls: el.className, animations: el.getAnimations({ subtree: true }).length, opacities: [...opacities] };
    });
    expect(after.cls).toContain('called'); // still highlighted until the customer arrives
    expect(after.animations).toBe(0);
    expect(after.opacities).toEqual(['1']); // steady
    expect(await page.locator('.board.flash-on').count()).toBe(0);
  });

  it('blinks a recalled ticket again on top, calms it when served, and drops it when finished', async () => {
    const top = (await boardNumbers(page))[0];
    const oldest = await page.locator('.call').last().getAttribute('data-ticket');
    const counter = Number(await page.locator('.call').last().getAttribute('data-counter'));
    await act(server, ops[counter], counter, 'recall');
    await page.waitForFunction((id) => document.querySelector('.call')?.getAttribute('data-ticket') === id, oldest);
    expect(await row(Number(oldest)).getAttribute('class')).toContain('blink');
    expect((await boardNumbers(page))[1]).toBe(top);
    await act(server, ops[counter], counter, 'start');
    await page.waitForFunction((id) => document.querySelector(`.call[data-ticket="${id}"]`)?.classList.contains('serving'), oldest);
    await act(server, ops[counter], counter, 'finish');
    await row(Number(oldest)).waitFor({ state: 'detached' });
  });

  it('shows the waiting counts per service', async () => {
    const before = Number(await page.locator('.waiting li[data-service="2"] .count').textContent());
    await issue(server, 2);
    await issue(server, 2);
    await page.waitForFunction((n) => document.querySelector('.waiting li[data-service="2"] .count')?.textContent === String(n), before + 2);
    expect(await page.locator('.waiting li[data-service="2"] .name').textContent()).toBe('Счётчики: показания и опломбировка');
  });

  it('shows the date and time', async () => {
    const time = await page.locator('.clock .time').textContent();
    expect(time).toMatch(/^\d{2}:\d{2}$/);
    expect(await page.locator('.clock .date').textContent()).toMatch(/\d{1,2} [а-я]+/);
  });

  it('scrolls the active notices in the ticker', async () => {
    const r = await server.call('POST', '/api/admin/notices', { text: 'Отключение горячей воды по ул. Ленина', endsAt: new Date(Date.now() + 3 * 3600e3).toISOString() }, admin);
    expect(r.status).toBe(201);
    const track = page.locator('.ticker .track');
    await track.waitFor();
    expect(await track.textContent()).toMatch(/^Отключение горячей воды по ул\. Ленина \(до \d+ [а-я]+,? (в )?\d{2}:\d{2}\)$/);
    const x = () => track.evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m41);
    const x0 = await x();
    await page.waitForTimeout(700);
    const x1 = await x();
    await page.waitForTimeout(700);
    const x2 = await x();
    expect(x1).toBeLessThan(x0); // moving left ...
    expect(x2).toBeLessThan(x1);
    const speed = (x0 - x2) / 1.4; // ... calmly: px per second on a 1920 px screen
    expect(speed).toBeGreaterThan(20);
    expect(speed).toBeLessThan(400);
    await server.call('DELETE', `/api/admin/notices/${r.json.id}`, undefined, admin);
    await track.waitFor({ state: 'detached' });
  });

  it('names the hall in its heading and carries the icon', async () => {
    expect(await page.locator('h1').textContent()).toBe((await server.call('GET', '/api/settings/public')).json.hallName);
    const icon = await page.evaluate(async () => {
      const r = await fetch(document.querySelector<HTMLLinkElement>('link[rel=icon]')!.href);
      return [r.status, r.headers.get('content-type')];
    });
    expect(icon).toEqual([200, 'image/x-icon']);
  });

  it('recovers after the server restarts and shows the next call', async () => {
    const before = await boardNumbers(page);
    await server.restart();
    await issue(server, 1);
    const { ticket: t } = await act(server, ops[10], 10, 'next', { finishCurrent: true });
    await row(t.id).waitFor({ timeout: 30000 });
    expect((await boardNumbers(page))[0]).toBe(t.number);
    expect(before).not.toContain(t.number);
    await page.waitForSelector('.offline', { state: 'detached' });
    expect(page.errors).toEqual([]);
  }, 60000);
});
