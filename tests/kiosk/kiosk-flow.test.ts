// The kiosk in real Chromium against the real server: issuing, live counts, language, idle
// reset, closed services, the privileged option and the notices page.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser.ts';
import { startServer, type ServerProcess } from '../helpers/server-process.ts';
import { LANDSCAPE, openKiosk, takeTicket, tile, tileWaiting } from './kiosk-page.ts';

// A real browser and server on a shared two-core machine: slow under load, not wrong.
vi.setConfig({ testTimeout: 60_000 });

let server: ServerProcess;
let browser: Browser;
let admin: string;
let serviceIds: number[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await server.login();
  serviceIds = (await server.call('GET', '/api/services')).json.map((s: { id: number }) => s.id);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('kiosk', () => {
  it('issues a ticket with one tap, which the API then shows, and confirms it with a tone', async () => {
    const page = await openKiosk(browser, server);
    const sid = serviceIds[0];
    const before = await tileWaiting(page, sid);
    const { id, number } = await takeTicket(page, sid);

    const api = await server.call('GET', `/api/tickets/${id}`);
    expect(api.status).toBe(200);
    expect(api.json).toMatchObject({ id, number, serviceId: sid, status: 'waiting' });
    expect(number).toMatch(/^П\d{3}$/);
    expect(await page.locator('h1').textContent()).toBe(`Ваш номер${number}`); // the screen's heading
    expect(before).toBe(0); // a fresh hall: nobody ahead
    expect(await page.getByTestId('ticket-ahead').textContent()).toBe('никого');
    await expect.poll(() => page.evaluate(() => (window as any).__tones)).toBeGreaterThan(0);
    // No printer is configured: the number and a QR of the ticket's status page instead.
    expect(await page.getByTestId('ticket-status').textContent()).toContain('Запомните номер');
    const { code } = (await server.call('GET', `/api/tickets/${id}`, undefined, admin)).json;
    expect(await page.locator('svg.qr').getAttribute('data-qr')).toBe(`${server.base}/kiosk/?ticket=${code}`);

    await page.getByRole('button', { name: 'Готово' }).click();
    await expect.poll(() => tileWaiting(page, sid)).toBe(before + 1);
    await page.close();
  });

  it('updates the waiting counts when a ticket is issued elsewhere', async () => {
    const page = await openKiosk(browser, server, LANDSCAPE);
    const sid = serviceIds[1];
    const before = await tileWaiting(page, sid);
    const r = await server.call('POST', '/api/tickets', { serviceId: sid }, admin);
    expect(r.status).toBe(201);
    await expect.poll(() => tileWaiting(page, sid)).toBe(before + 1);
    await server.call('POST', '/api/tickets', { serviceId: sid }, admin);
    await expect.poll(() => tileWaiting(page, sid)).toBe(before + 2);
    await page.close();
  });

  it('switches between Russian and English with one button', async () => {
    const page = await openKiosk(browser, server);
    const name = tile(page, serviceIds[0]).locator('.tile-name');
    expect(await name.textContent()).toBe('Оплата и задолженность');
    expect(await page.locator('.prompt').textContent()).toBe('Выберите услугу');

    await page.getByTestId('lang-button').click();
    expect(await name.textContent()).toBe('Payments and debts');
    expect(await page.locator('.prompt').textContent()).toBe('Choose a service');
    expect(await page.locator('.group-title').first().textContent()).toBe('Individuals');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.getByTestId('lang-button').click();
    expect(await name.textContent()).toBe('Оплата и задолженность');
    await page.close();
  });

  it('returns to the start screen, in Russian, after the idle time', async () => {
    const page = await openKiosk(browser, server, LANDSCAPE, '?idle=3');
    await page.getByTestId('lang-button').click();
    await page.getByTestId('info-button').click();
    await page.locator('main.info').waitFor();
    await page.waitForTimeout(1500);
    expect(await page.locator('main.info').count()).toBe(1); // not before its time

    await page.locator('.tile').first().waitFor({ timeout: 6000 });
    expect(await page.locator('.prompt').textContent()).toBe('Выберите услугу');

    // The ticket screen goes back by itself too.
    await takeTicket(page, serviceIds[2]);
    await page.locator('.tile').first().waitFor({ timeout: 6000 });
    expect(await page.locator('main.ticket').count()).toBe(0);
    await page.close();
  });

  it('waits for a slow answer (a slow printer) past the idle time instead of dropping the ticket', async () => {
    const page = await openKiosk(browser, server, LANDSCAPE, '?idle=2');
    await page.route('**/api/tickets', async (route) => {
      await new Promise((r) => setTimeout(r, 3500));
      await route.continue();
    });
    const { id, number } = await takeTicket(page, serviceIds[0]);
    expect((await server.call('GET', `/api/tickets/${id}`)).json.number).toBe(number);
    await page.locator('.tile').first().waitFor(); // and then the idle reset as usual
    await page.close();
  });

  it('shows why a closed service cannot be taken, and does not issue for it', async () => {
    const page = await openKiosk(browser, server);
    const [byHours, byLimit] = [serviceIds[3], serviceIds[4]];
    const h = new Date().getUTCHours(); // the test server's hall zone is UTC
    const hh = (n: number) => String((h + n) % 24).padStart(2, '0') + ':00';
    expect((await server.call('PATCH', `/api/admin/services/${byHours}`, { openFrom: hh(2), openTo: hh(3) }, admin)).status).toBe(200);
    expect((await server.call('PATCH', `/api/admin/services/${byLimit}`, { dailyLimit: 1 }, admin)).status).toBe(200);

    await expect.poll(() => tile(page, byHours).isDisabled()).toBe(true);
    expect(await tile(page, byHours).textContent()).toContain(`Часы приёма: ${hh(2)}–${hh(3)}`);

    expect(await tile(page, byLimit).isDisabled()).toBe(false);
    await takeTicket(page, byLimit); // the day's only ticket
    await page.getByRole('button', { name: 'Готово' }).click();
    await expect.poll(() => tile(page, byLimit).isDisabled()).toBe(true);
    expect(await tile(page, byLimit).textContent()).toContain('Талоны на сегодня закончились');

    await tile(page, byLimit).click({ force: true });
    await page.waitForTimeout(300);
    expect(await page.locator('main.ticket').count()).toBe(0);
    const waiting = (await server.call('GET', '/api/services')).json.find((s: { id: number }) => s.id === byLimit).waiting;
    expect(waiting).toBe(1);
    await page.close();
  });

  it('explains a tap on a service that closed a moment ago, and then shows it closed', async () => {
    const page = await browser.newPage({ viewport: LANDSCAPE });
    // The kiosk misses the change: its websocket messages are held back.
    let hold = false;
    await page.routeWebSocket(/\/api\/ws$/, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((m) => { if (!hold) ws.send(m); });
    });
    await page.goto(`${server.base}/kiosk/`);
    const sid = serviceIds[5];
    await tile(page, sid).waitFor();
    hold = true;
    expect((await server.call('PATCH', `/api/admin/services/${sid}`, { dailyLimit: 0 }, admin)).status).toBe(200);
    expect(await tile(page, sid).isDisabled()).toBe(false); // stale

    await tile(page, sid).click();
    expect(await page.locator('.message-text').textContent()).toBe('Эта услуга сейчас недоступна');
    await page.getByRole('button', { name: 'Назад' }).click();
    await expect.poll(() => tile(page, sid).isDisabled()).toBe(true);
    expect(await tile(page, sid).textContent()).toContain('Талоны на сегодня закончились');
    await page.close();
  });

  it('offers the privileged option only where the hall enables it', async () => {
    const page = await openKiosk(browser, server);
    expect(await page.locator('button.privileged').count()).toBe(0);
    expect((await server.call('PUT', '/api/admin/settings', { privilegedEnabled: true }, admin)).status).toBe(200);
    const toggle = page.locator('button.privileged');
    await toggle.waitFor();

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const { id } = await takeTicket(page, serviceIds[0]);
    expect((await server.call('GET', `/api/tickets/${id}`, undefined, admin)).json.privileged).toBe(true);

    // The option is for one ticket: the next customer starts without it.
    await page.getByRole('button', { name: 'Готово' }).click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    // Switched off while a customer had it on: the ticket is issued, as an ordinary one.
    await toggle.click();
    await server.call('PUT', '/api/admin/settings', { privilegedEnabled: false }, admin);
    await expect.poll(() => toggle.count()).toBe(0);
    const plain = await takeTicket(page, serviceIds[0]);
    expect((await server.call('GET', `/api/tickets/${plain.id}`, undefined, admin)).json.privileged).toBe(false);
    await page.close();
  });

  it('lists the hall notices with when they end, live', async () => {
    const page = await openKiosk(browser, server);
    const endsAt = new Date(Date.now() + 3 * 3600_000);
    const r = await server.call('POST', '/api/admin/notices', { text: 'Отключение холодной воды: ул. Мира, 1–9', textEn: 'Cold water off: Mira St 1–9', endsAt: endsAt.toISOString() }, admin);
    expect(r.status).toBe(201);
    await expect.poll(() => page.getByTestId('info-button').locator('.badge').textContent()).toBe('1');

    await page.getByTestId('info-button').click();
    const item = page.locator('.notices li');
    expect(await item.count()).toBe(1);
    expect(await item.textContent()).toContain('Отключение холодной воды: ул. Мира, 1–9');
    const hhmm = `${String(endsAt.getUTCHours()).padStart(2, '0')}:${String(endsAt.getUTCMinutes()).padStart(2, '0')}`;
    expect(await item.locator('.notice-until').textContent()).toContain(hhmm);

    await page.getByTestId('lang-button').click();
    expect(await item.textContent()).toContain('Cold water off: Mira St 1–9');

    await server.call('DELETE', `/api/admin/notices/${r.json.id}`, undefined, admin);
    await expect.poll(() => item.count()).toBe(0);
    expect(await page.locator('.no-notices').textContent()).toBe('No notices');
    await page.close();
  });

  it('prints on the kiosk\'s own printer when opened with its device token, and keeps the token', async () => {
    const device = await server.call('POST', '/api/admin/devices', { kind: 'printer', name: 'Киоск у входа', config: { address: 'file:/dev/usb/talon-test-kiosk-lp0' } }, admin);
    expect(device.status).toBe(201);
    const { token } = (await server.call('POST', `/api/admin/devices/${device.json.id}/token`, undefined, admin)).json;

    const page = await openKiosk(browser, server, LANDSCAPE, `?device=${token}&idle=30`);
    expect(page.url()).toBe(`${server.base}/kiosk/?idle=30`); // not left in the address bar
    // This server has no QUEUE_PRINTER: a failed print can only come from the kiosk's own printer.
    await takeTicket(page, serviceIds[0]);
    await page.locator('.print-failed').waitFor();

    await page.goto(`${server.base}/kiosk/`);
    await takeTicket(page, serviceIds[0]);
    await page.locator('.print-failed').waitFor();

    // A revoked token (a new one was issued) does not stop the kiosk from issuing.
    await server.call('POST', `/api/admin/devices/${device.json.id}/token`, undefined, admin);
    await page.goto(`${server.base}/kiosk/`);
    const { id } = await takeTicket(page, serviceIds[0]);
    expect((await server.call('GET', `/api/tickets/${id}`)).status).toBe(200);
    expect(await page.getByTestId('ticket-status').textContent()).toContain('Запомните номер');
    await page.close();
  });
});
