// The supervisor's live hall in real Chromium against the real server: it is a supervisor's
// home, it changes when a ticket is issued or called through the API with no request on a
// timer (the websocket says when), its timers tick in the browser, its figures are the API's,
// its alerts sit on top in words with a chime only when asked for, a service opens to its
// queue and a ticket to its history (also by number); an operator sees none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { count, dur, pct } from '../../operator-console/figures/format';
import { launchBrowser } from '../helpers/browser';
import { issue, makeCounter, makeOperator, openConsole, startHall, type Hall } from '../console/hall';
import { TABLET } from './hall';

let h: Hall;
let browser: Browser;
let sup: Awaited<ReturnType<typeof makeOperator>>;

beforeAll(async () => {
  h = await startHall();
  browser = await launchBrowser();
  sup = await makeOperator(h, 'supervisor');
});
afterAll(async () => {
  await browser?.close();
  await h?.server.stop();
});

const api = async (path: string) => {
  const r = await h.server.call('GET', path, undefined, sup.token);
  if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
  return r.json;
};
const liveRequests = (page: Page) => {
  const seen: number[] = [];
  page.on('request', (r: Request) => { if (new URL(r.url()).pathname === '/api/stats/live') seen.push(Date.now()); });
  return seen;
};
const waitingShown = (page: Page, serviceId: number) => page.textContent(`.queues tr[data-service="${serviceId}"] [data-testid=waiting]`);

describe('the live hall', () => {
  it('is a supervisor\'s home; an issue and a call through the API show from the websocket, with nothing polled on a timer', async () => {
    const service = h.service['Н'];
    const counter = await makeCounter(h, 'Окно Ж', [[service, 1]]);
    const op = await makeOperator(h);
    const page = await openConsole(browser, h, sup, TABLET, '/console/', '[data-testid=live]');
    expect(new URL(page.url()).pathname).toBe('/console/hall');
    expect(await page.locator('nav.areas a').allTextContents()).toEqual(['Окно', 'Зал', 'Отчёты', 'Анализ']);
    await page.waitForSelector('[data-testid=link][data-online=true]');
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const requests = liveRequests(page);

    const before = Number(await waitingShown(page, service));
    const t = await issue(h, service);
    await page.waitForFunction(([s, n]) => document.querySelector(`.queues tr[data-service="${s}"] [data-testid=waiting]`)?.textContent === String(n), [service, before + 1] as const);
    expect(requests.length).toBeGreaterThan(0); // refetched because of the event

    expect((await h.server.call('POST', `/api/counters/${counter}/open`, undefined, op.token)).status).toBe(200);
    expect((await h.server.call('POST', `/api/counters/${counter}/next`, {}, op.token)).json.ticket.number).toBe(t.number);
    const card = page.locator(`.counter-card[data-counter="${counter}"]`);
    await page.waitForSelector(`.counter-card[data-counter="${counter}"][data-doing=doingCalling] >> text=${t.number}`);
    const shownCounter = (await api('/api/stats/live')).counters.find((c: { counterId: number }) => c.counterId === counter);
    expect(shownCounter.user.id).toBe(op.id);
    expect(await card.locator('.operator').textContent()).toBe(shownCounter.user.name);

    // quiet hall: the call's timer counts up in the browser, and nothing is fetched meanwhile
    await page.waitForTimeout(500); // a refetch still on its way is not the quiet hall's
    const quietFrom = requests.length;
    const first = await card.locator('[data-testid=counter-timer]').textContent();
    await page.waitForFunction(([c, f]) => document.querySelector(`.counter-card[data-counter="${c}"] [data-testid=counter-timer]`)?.textContent !== f, [counter, first] as const);
    await page.waitForTimeout(1500);
    expect(requests.length).toBe(quietFrom);
    // moving inside the area keeps the one websocket
    await page.click(`.queues tr[data-service="${service}"] a`);
    await page.waitForSelector('[data-testid=service-queue]');
    await page.goBack();
    await page.waitForSelector('[data-testid=live]');
    expect(sockets).toEqual([]);
    expect((await h.server.call('POST', `/api/counters/${counter}/finish`, {}, op.token)).status).toBe(200);
    expect((await h.server.call('POST', `/api/counters/${counter}/close`, undefined, op.token)).status).toBe(200);
    await page.context().close();
  });

  it('shows the API\'s figures: today\'s Row, each queue and each counter', async () => {
    const page = await openConsole(browser, h, sup, TABLET, '/console/hall', '[data-testid=live]');
    const v = await api('/api/stats/live');
    const shown = async (k: string) => page.textContent(`[data-testid=today] [data-figure=${k}] dd`);
    expect(await shown('issued')).toBe(count(v.today.issued));
    expect(await shown('served')).toBe(count(v.today.served));
    expect(await shown('noShow')).toBe(count(v.today.noShow));
    expect(await shown('avgWait')).toBe(dur(v.today.avgWaitSec));
    expect(await shown('medianWait')).toBe(dur(v.today.medianWaitSec));
    expect(await shown('p90Wait')).toBe(dur(v.today.p90WaitSec));
    expect(await shown('withinTarget')).toBe(pct(v.today.withinTargetPct));
    expect(await shown('avgService')).toBe(dur(v.today.avgServiceSec));
    expect(await shown('waiting')).toBe(count(v.services.reduce((n: number, s: { waiting: number }) => n + s.waiting, 0)));
    for (const s of v.services) {
      const row = page.locator(`.queues tr[data-service="${s.serviceId}"]`);
      expect(await row.locator('[data-testid=waiting]').textContent()).toBe(count(s.waiting));
      expect(await row.locator('[data-testid=overdue]').textContent()).toContain(count(s.overdue));
    }
    expect(await page.locator('.counter-card').count()).toBe(v.counters.length);
    await page.context().close();
  });

  it('puts alerts on top in words, and chimes for a new one only when the supervisor turned the sound on', async () => {
    // the demo counters stay closed: tickets for a service no open counter serves raise no_counter_open
    const page = await openConsole(browser, h, sup, TABLET, '/console/hall', '[data-testid=live]');
    const alerts = page.locator('[data-testid=alerts]');
    const chimes = async () => Number(await alerts.getAttribute('data-chimes'));
    const alertFor = (s: number) => `[data-testid=alerts] li[data-kind=no_counter_open][data-service="${s}"]`;
    await issue(h, h.service['Д']);
    await page.waitForSelector(alertFor(h.service['Д']));
    expect(await page.locator(alertFor(h.service['Д'])).textContent()).toMatch(/Справки и документы: \d+ ждут, ни одно окно этой услуги не открыто/);
    expect(await page.locator(alertFor(h.service['Д'])).locator('.tag').textContent()).toBe('Срочно');
    // first thing under the header
    const box = (await alerts.boundingBox())!;
    expect(box.y).toBeLessThan(70);
    expect(await chimes()).toBe(0); // off by default
    await page.click('[data-testid=sound]');
    expect(await page.getAttribute('[data-testid=sound]', 'aria-pressed')).toBe('true');
    await expect.poll(chimes).toBe(1); // the click plays it once, to hear the volume
    await issue(h, h.service['Ю']);
    await page.waitForSelector(alertFor(h.service['Ю']));
    await expect.poll(chimes).toBe(2);
    // another ticket for a service already in alert: the list changes, no chime
    await issue(h, h.service['Ю']);
    await page.waitForFunction((s) => /: 2 ждут/.test(document.querySelector(s)?.textContent ?? ''), alertFor(h.service['Ю']));
    expect(await chimes()).toBe(2);
    // the choice stays with this PC
    await page.reload();
    await page.waitForSelector('[data-testid=live]');
    expect(await page.getAttribute('[data-testid=sound]', 'aria-pressed')).toBe('true');
    await page.context().close();
  });

  it('opens a service to its waiting tickets and a ticket to its history, which follows the ticket live', async () => {
    const service = h.service['Р'];
    const counter = await makeCounter(h, 'Окно З', [[service, 1]]);
    const op = await makeOperator(h);
    const a = await issue(h, service);
    const b = await issue(h, service);
    const page = await openConsole(browser, h, sup, TABLET, '/console/hall', '[data-testid=live]');
    await page.click(`.queues tr[data-service="${service}"] a`);
    await page.waitForSelector(`[data-testid=service-queue] tr[data-ticket="${b.id}"]`);
    expect(new URL(page.url()).pathname).toBe(`/console/hall/service/${service}`);
    const q = await api(`/api/stats/live/services/${service}`);
    expect(await page.locator('[data-testid=service-queue] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-ticket'))))
      .toEqual(q.tickets.map((x: { id: number }) => String(x.id)));
    expect(await page.textContent(`tr[data-ticket="${a.id}"] th`)).toBe(a.number);
    await page.click(`tr[data-ticket="${a.id}"] a`);
    await page.waitForSelector(`[data-testid=history][data-ticket="${a.id}"]`);
    expect(new URL(page.url()).pathname).toBe(`/console/hall/ticket/${a.id}`);
    expect(await page.locator('[data-testid=history] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')))).toEqual(['issue']);
    // the ticket is called and served at a counter: its history grows on screen
    await h.server.call('POST', `/api/counters/${counter}/open`, undefined, op.token);
    await h.server.call('POST', `/api/counters/${counter}/next`, {}, op.token);
    await page.waitForSelector('[data-testid=history] tr[data-action=call]');
    const row = page.locator('[data-testid=history] tr[data-action=call]');
    expect(await row.locator('td').nth(3).textContent()).toBe('Окно З');
    expect(await page.textContent('[data-testid=history-status]')).toBe('вызван');
    const events = await api(`/api/stats/tickets/${a.id}/events`);
    expect(await page.textContent('[data-testid=history-wait]')).toBe(dur(Math.round((Date.parse(events[1].at) - Date.parse(events[0].at)) / 1000)));
    // back to the queue, where the called ticket is gone
    await page.click('[data-testid=history] .back');
    await page.waitForSelector('[data-testid=service-queue]');
    await page.waitForFunction((id) => !document.querySelector(`[data-testid=service-queue] tr[data-ticket="${id}"]`), a.id);
    await h.server.call('POST', `/api/counters/${counter}/finish`, {}, op.token);
    await h.server.call('POST', `/api/counters/${counter}/close`, undefined, op.token);
    await page.context().close();
  });

  it('finds a ticket by its number from the header, today by default', async () => {
    const t = await issue(h, h.service['У']);
    const page = await openConsole(browser, h, sup, TABLET, '/console/hall', '[data-testid=live]');
    await page.fill('#ticket-search', t.number.toLowerCase().replace(/^(\D+)0+/, '$1'));
    await page.press('#ticket-search', 'Enter');
    await page.waitForSelector(`[data-testid=history][data-ticket="${t.id}"]`);
    expect(new URL(page.url()).pathname).toBe(`/console/hall/ticket/${t.id}`);
    await page.fill('#ticket-search', `${t.number} вчера`);
    await page.press('#ticket-search', 'Enter');
    await page.waitForSelector('[data-testid=search-none]');
    await page.context().close();
  });
});

describe('the live hall without its server', () => {
  it('says its figures are as of the last answer while the server is gone, and follows the hall again when it is back', async () => {
    const page = await openConsole(browser, h, sup, TABLET, '/console/hall', '[data-testid=live]');
    await page.waitForSelector('[data-testid=link][data-online=true]');
    const at = await page.getAttribute('[data-testid=live]', 'data-at');
    await h.server.kill();
    await page.waitForSelector('[data-testid=stale]');
    expect(await page.textContent('[data-testid=stale]')).toMatch(/^Нет связи с сервером: цифры на \d\d:\d\d:\d\d$/);
    await h.server.restart();
    await page.waitForSelector('[data-testid=link][data-online=true]', { timeout: 20_000 });
    await page.waitForSelector('[data-testid=stale]', { state: 'detached' });
    // the reconnect's snapshot brings a fresh view, and events are followed again
    await page.waitForFunction((before) => document.querySelector('[data-testid=live]')?.getAttribute('data-at') !== before, at);
    const service = h.service['П'];
    const before = Number(await waitingShown(page, service));
    await issue(h, service);
    await page.waitForFunction(([s, n]) => document.querySelector(`.queues tr[data-service="${s}"] [data-testid=waiting]`)?.textContent === String(n), [service, before + 1] as const);
    await page.context().close();
  });
});

describe('an operator', () => {
  it('sees no supervisor area: no tabs, their addresses send them home, and the API answers 403', async () => {
    const op = await makeOperator(h);
    const page = await openConsole(browser, h, op);
    expect(await page.locator('nav.areas').count()).toBe(0);
    for (const path of ['/console/hall', '/console/hall/service/1', '/console/reports?by=hour', '/console/reports/ticket/1']) {
      await page.goto(h.server.base + path);
      await page.waitForSelector('.counters');
      expect(new URL(page.url()).pathname).toBe('/console/work');
    }
    const day = new Date().toISOString().slice(0, 10);
    const range = `from=${day}T00:00:00Z&to=${day}T23:59:59Z`;
    for (const path of ['/api/stats/live', '/api/stats/live/services/1', `/api/stats/report?${range}&by=service`, `/api/stats/report.csv?${range}`,
      `/api/stats/report.xlsx?${range}`, '/api/stats/tickets/1/events', '/api/stats/tickets?number=%D0%9F001', `/api/stats/report/tickets?${range}`,
      `/api/stats/distribution?${range}`]) {
      const r = await h.server.call('GET', path, undefined, op.token);
      expect([path, r.status, r.json?.error]).toEqual([path, 403, 'forbidden']);
    }
    await page.context().close();
  });
});
