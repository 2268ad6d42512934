// The settings area in Chromium against the real server: from an empty hall, an administrator
// sets up a service, a counter serving it, an operator, a notice and a printer through the
// screens alone; the kiosk, the operator's console and the board follow; a service's hours close
// it at the kiosk; a test print reaches a printer on a pty. Every screen at 1366×768 and
// 1920×1080 with nothing cut off; the audit log holds each change, and no secret.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFakeSerialPrinter } from '../../drivers/testing/fake-printer';
import { startPtyPair, type PtyPair } from '../../drivers/testing/pty-pair';
import { launchBrowser } from '../helpers/browser';
import { ADMIN_PASSWORD } from '../helpers/server-process';
import { cutOff, section, shoot, SIZES } from './admin-page';
import { chooseCounter, openConsole, shownNumber, startHall, waitShown, type Hall } from './hall';

let h: Hall;
let browser: Browser;
let pty: PtyPair;
let fake: Awaited<ReturnType<typeof openFakeSerialPrinter>>;
const admin = { login: 'admin', password: ADMIN_PASSWORD };
const OPERATOR = { login: 'olga', password: 'olga-Pa55word' };
const NOTICE = 'Отключение воды на ул. Ленина до 18:00';
const ids = { service: 0, counter: 0, device: 0 };

beforeAll(async () => {
  pty = await startPtyPair();
  fake = await openFakeSerialPrinter(pty.b);
  h = await startHall();
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await h?.server.stop();
  await fake?.close();
  await pty?.stop();
});

const api = (method: string, path: string, body?: unknown) => h.server.call(method, path, body, h.admin);

async function adminPage(size = SIZES.small, path = '/console/admin/setup', ready = '[data-testid=checklist]'): Promise<Page> {
  const page = await openConsole(browser, h, admin, size, path, ready);
  page.on('pageerror', (e) => { throw e; });
  return page;
}

describe('setting up a hall through the screens', () => {
  let page: Page;

  it('starts from an empty hall: the first-run checklist applies the empty template after its dry run', async () => {
    page = await adminPage();
    expect(await page.getAttribute('[data-step=services]', 'data-done')).toBe('true'); // the demo hall
    expect(await page.textContent('[data-testid=timezone]')).toContain('QUEUE_TIMEZONE');
    await page.check('input[name=template][value=empty]');
    await page.waitForSelector('[data-testid=config-diff] tr[data-action=delete]');
    expect((await api('GET', '/api/admin/services')).json).toHaveLength(6); // the dry run changed nothing
    await page.click('[data-testid=apply-template]');
    await page.waitForSelector('[data-step=services][data-done=false]');
    expect((await api('GET', '/api/admin/services')).json).toEqual([]);
    expect((await api('GET', '/api/admin/counters')).json).toEqual([]);
  });

  it('creates a service, with its reasons inline when refused, and its ticket preview as printed', async () => {
    await section(page, h.server.base, 'services');
    await page.click('[data-testid=new-service]');
    await page.waitForSelector('[data-testid=service-form]');
    await page.fill('input[name=name]', 'Приём показаний счётчиков');
    await page.fill('input[name=prefix]', 'Ж1');
    await page.click('[data-testid=save-service]');
    expect(await page.textContent('[data-testid=error-prefix]')).toBe('Префикс — от 1 до 3 букв');
    await page.fill('input[name=prefix]', 'Ж');
    await page.fill('input[name=nameEn]', 'Meter readings');
    await page.fill('textarea[name=script]', 'Спросите лицевой счёт.\nСверьте показания.');
    await page.fill('textarea[name=footer]', 'Возьмите паспорт — и квитанцию');
    expect(await page.textContent('[data-testid=script-preview]')).toBe('Спросите лицевой счёт.\nСверьте показания.');
    // The preview is decoded from the printer's bytes: the em dash PC866 lacks prints as "-".
    await page.waitForFunction(() => document.querySelector('[data-testid=ticket-preview]')?.textContent?.includes('Возьмите паспорт - и квитанцию'));
    expect(await page.textContent('[data-testid=ticket-preview]')).toContain('Ж001');
    await page.click('[data-testid=save-service]');
    await page.waitForURL(/\/console\/admin\/services\/\d+$/);
    ids.service = Number(page.url().split('/').pop());
    const [s] = (await api('GET', '/api/admin/services')).json;
    expect(s).toMatchObject({ id: ids.service, name: 'Приём показаний счётчиков', nameEn: 'Meter readings', prefix: 'Ж', ticketFooter: 'Возьмите паспорт — и квитанцию', hours: null });
  });

  it('adds a counter and makes it serve the service in the grid', async () => {
    await section(page, h.server.base, 'grid', '[data-testid=new-counter]');
    await page.click('[data-testid=new-counter] button[type=submit]');
    expect(await page.textContent('[data-testid=new-counter] .field-error')).toBe('Заполните это поле');
    await page.fill('input[name=counterName]', 'Окно 1');
    await page.click('[data-testid=new-counter] button[type=submit]');
    await page.waitForSelector('[data-testid=grid] tbody tr[data-counter]');
    ids.counter = Number(await page.getAttribute('[data-testid=grid] tbody tr[data-counter]', 'data-counter'));
    await page.selectOption(`select[data-cell="${ids.counter}-${ids.service}"]`, '1');
    await page.click('[data-testid=save-grid]');
    await page.waitForSelector('[data-testid=admin-grid] .form-saved');
    expect((await api('GET', '/api/admin/counters')).json).toEqual([expect.objectContaining({ id: ids.counter, name: 'Окно 1', services: [{ serviceId: ids.service, priority: 1 }] })]);
  });

  it('creates an operator; a taken login and the last administrator are refused beside the field', async () => {
    await section(page, h.server.base, 'users', '[data-testid=user-form]');
    await page.fill('[data-testid=user-form] input[name=login]', 'admin');
    await page.fill('[data-testid=user-form] input[name=name]', 'Второй');
    await page.click('[data-testid=user-form] button[type=submit]');
    expect(await page.textContent('[data-testid=error-login]')).toBe('Такой логин уже есть');
    await page.fill('[data-testid=user-form] input[name=login]', OPERATOR.login);
    await page.fill('[data-testid=user-form] input[name=name]', 'Ольга Петрова');
    await page.fill('[data-testid=user-form] input[name=password]', OPERATOR.password);
    await page.click('[data-testid=user-form] button[type=submit]');
    await page.waitForSelector(`tr[data-user=${OPERATOR.login}]`);
    await page.click('tr[data-user=admin] input[type=checkbox]');
    expect(await page.textContent('[data-testid=form-error]')).toContain('последний действующий администратор');
    expect(await page.isChecked('tr[data-user=admin] input[type=checkbox]')).toBe(true);
  });

  it('posts a notice, with the ticker as it will read', async () => {
    await section(page, h.server.base, 'notices', '[data-testid=notice-form]');
    await page.fill('[data-testid=notice-form] input[name=startsAt]', '2030-01-02T10:00');
    await page.fill('[data-testid=notice-form] input[name=endsAt]', '2030-01-01T10:00');
    await page.fill('[data-testid=notice-form] textarea[name=text]', NOTICE);
    await page.click('[data-testid=save-notice]');
    expect(await page.textContent('[data-testid=error-endsAt]')).toBe('Окончание должно быть позже начала');
    await page.fill('[data-testid=notice-form] input[name=startsAt]', '');
    await page.fill('[data-testid=notice-form] input[name=endsAt]', '');
    expect(await page.textContent('[data-testid=ticker-preview]')).toContain(NOTICE);
    await page.click('[data-testid=save-notice]');
    await page.waitForSelector('[data-testid=notices] li[data-notice]');
    expect((await api('GET', '/api/admin/notices')).json).toEqual([expect.objectContaining({ text: NOTICE, startsAt: null, endsAt: null })]);
  });

  it('the kiosk offers the service, the operator opens the counter and calls, the board shows the notice', async () => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${h.server.base}/kiosk/`);
    const tile = kiosk.locator(`.tile[data-service-id="${ids.service}"]`);
    await tile.waitFor();
    expect(await kiosk.locator('.tile').count()).toBe(1);
    await tile.click();
    await kiosk.waitForFunction(() => document.querySelector('[data-testid=ticket-number]')?.textContent === 'Ж001');

    const op = await openConsole(browser, h, OPERATOR);
    await chooseCounter(op, ids.counter);
    await op.click('button[data-action=next]');
    await waitShown(op, 'Ж001', 'called');
    expect(await shownNumber(op)).toBe('Ж001');

    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.goto(`${h.server.base}/display/?sound=off`);
    await board.waitForSelector('.ticker');
    expect(await board.textContent('.ticker')).toContain(NOTICE);
    expect(await board.textContent('.board')).toContain('Ж001');
    for (const p of [kiosk, op, board]) await p.context().close();
  });

  it('a service\'s hours make it unavailable at the kiosk', async () => {
    const tz = (await h.server.call('GET', '/api/settings/public')).json.timezone as string;
    const weekday = String(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short' }).format(new Date())) + 1);
    await section(page, h.server.base, `services/${ids.service}`, '[data-testid=service-form]');
    await page.check('input[name=ownHours]');
    // Open every day but today.
    for (const d of ['1', '2', '3', '4', '5', '6', '7']) await page.setChecked(`[data-testid=open-service-${d}]`, d !== weekday);
    await page.click('[data-testid=save-service]');
    await page.waitForSelector('[data-testid=service-form] .form-saved');
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${h.server.base}/kiosk/`);
    await kiosk.waitForSelector(`.tile[data-service-id="${ids.service}"][disabled]`);
    expect(await kiosk.textContent(`.tile[data-service-id="${ids.service}"] .tile-closed`)).toBe('Сейчас не работает');
    expect((await h.server.call('GET', '/api/services')).json[0]).toMatchObject({ available: false, closedReason: 'hours' });
    expect((await h.server.call('POST', '/api/tickets', { serviceId: ids.service })).status).toBe(409);
    // A holiday in the hall calendar closes the hall for the day, whatever the service's hours.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(new Date());
    await api('PUT', '/api/admin/calendar', { week: {}, holidays: [today], days: {} });
    await kiosk.waitForFunction((id) => document.querySelector(`.tile[data-service-id="${id}"] .tile-closed`)?.textContent === 'Сегодня праздничный день: зал не работает', ids.service);
    await api('PUT', '/api/admin/calendar', { week: {}, holidays: [], days: {} });
    await kiosk.context().close();
  });

  it('adds a printer on a pty through the address form, sees it live, and a test print reaches it', async () => {
    await section(page, h.server.base, 'devices', '[data-testid=new-device]');
    await page.click('[data-testid=new-device]');
    await page.fill('[data-testid=device-form] input[name=name]', 'Киоск у входа');
    await page.selectOption('select[name=transport]', 'tcp');
    await page.click('[data-testid=save-device]');
    expect(await page.textContent('[data-testid=error-host]')).toBe('Заполните это поле');
    await page.fill('input[name=host]', '192.0.2.10');
    await page.fill('input[name=port]', '70000');
    await page.click('[data-testid=save-device]');
    expect(await page.textContent('[data-testid=error-port]')).toBe('Число вне допустимых пределов');
    await page.selectOption('select[name=transport]', 'serial');
    await page.fill('input[name=path]', pty.a);
    await page.selectOption('select[name=baud]', '19200');
    expect(await page.textContent('[data-testid=built-address]')).toBe(`serial:${pty.a}?baud=19200`);
    await page.click('[data-testid=save-device]');
    await page.waitForSelector('[data-testid=devices] tr[data-device]:not([data-device=QUEUE_PRINTER]) [data-status=ok]', { timeout: 10_000 });
    ids.device = Number(await page.getAttribute('[data-testid=devices] tr[data-device]:not([data-device=QUEUE_PRINTER])', 'data-device'));
    await page.click(`[data-testid=test-print-${ids.device}]`);
    await page.waitForSelector('[data-testid=device-note]');
    const [ticket] = await fake.waitForTickets(1);
    // every capital letter arrives, in PC866, whatever the paper's width wraps
    expect(ticket.lines.map((l) => l.text).join(' ')).toContain('АБВГДЕЁЖЗИЙКЛМНОП РСТУФХЦЧШЩЪЫЬЭЮЯ');
  });

  it('a reset password must be changed at the console\'s sign-in; a switched-off operator is signed out at the next request', async () => {
    const users = (await api('GET', '/api/admin/users')).json as { id: number; login: string }[];
    const olga = users.find((u) => u.login === OPERATOR.login)!;
    const reset = (await api('POST', `/api/admin/users/${olga.id}/reset-password`)).json.password as string;
    const op = await openConsole(browser, h, { login: OPERATOR.login, password: reset }, undefined, '/console/work', '[data-testid=password-form]');
    await op.fill('input[name=current]', reset);
    await op.fill('input[name=next]', 'short');
    await op.fill('input[name=again]', 'short');
    await op.click('[data-testid=password-form] button[type=submit]');
    expect(await op.textContent('#next-error')).toBe('Пароль должен быть не короче 8 знаков');
    OPERATOR.password = 'olga-own-Pa55word';
    await op.fill('input[name=next]', OPERATOR.password);
    await op.fill('input[name=again]', OPERATOR.password);
    await op.click('[data-testid=password-form] button[type=submit]');
    await op.waitForSelector('.counters');
    await api('PATCH', `/api/admin/users/${olga.id}`, { active: false });
    await op.click(`button[data-counter="${ids.counter}"]`);
    await op.waitForSelector('input[name=login]');
    await api('PATCH', `/api/admin/users/${olga.id}`, { active: true });
    await op.context().close();
  });

  it('the audit log holds each of those changes with before and after, and no password or token', async () => {
    const log = (await api('GET', '/api/admin/audit')).json as any[];
    const has = (entity: string, action: string, match: object) => expect(log).toContainEqual(expect.objectContaining({ entity, action, user: expect.objectContaining({ login: 'admin' }), ...match }));
    has('config', 'template', { after: expect.objectContaining({ summary: expect.objectContaining({ delete: 18 }) }) });
    has('service', 'create', { before: null, after: expect.objectContaining({ name: 'Приём показаний счётчиков', prefix: 'Ж' }) });
    has('service', 'update', { before: { hours: null }, after: { hours: expect.any(Object) } });
    has('counter', 'create', { before: null, after: expect.objectContaining({ name: 'Окно 1', services: [] }) });
    has('counter_services', 'update', { before: { services: [] }, after: { services: [{ serviceId: ids.service, priority: 1 }] } });
    has('user', 'create', { after: expect.objectContaining({ login: OPERATOR.login, role: 'operator' }) });
    has('notice', 'create', { after: expect.objectContaining({ text: NOTICE }) });
    has('device', 'create', { after: expect.objectContaining({ name: 'Киоск у входа', config: { address: `serial:${pty.a}?baud=19200` } }) });
    has('device', 'test_print', { after: { printed: true } });
    const db = new Database(join(h.server.dataDir, 'data', 'talon.db'), { readonly: true });
    const raw = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    db.close();
    for (const secret of [OPERATOR.password, ADMIN_PASSWORD, 'scrypt$', 'passwordHash', h.admin]) expect(raw).not.toContain(secret);
  });

  it('downloads the audit log as the CSV the API gives, named as the server names it', async () => {
    const page = await adminPage(SIZES.small, '/console/admin/audit', '[data-testid=audit] tr[data-entity]');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=audit-csv]')]);
    expect(file.suggestedFilename()).toBe('audit.csv');
    const lines = readFileSync((await file.path())!, 'utf8').split('\r\n');
    const entries = (await api('GET', '/api/admin/audit')).json as unknown[];
    expect(lines[0]).toBe('\uFEFFat,login,user,action,entity,entity_id,before,after');
    expect(lines.length).toBe(entries.length + 2); // the header, a line an entry, the last line's CRLF
    expect(lines.some((l) => l.includes(',admin,') && l.includes(',service,') && l.includes('Приём показаний счётчиков'))).toBe(true);
    await page.context().close();
  });

  it('orders the kiosk\'s services by the arrows and by dragging a row', async () => {
    const second = (await api('POST', '/api/admin/services', { name: 'Справки', prefix: 'С' })).json.id as number;
    const order = async () => ((await api('GET', '/api/admin/services')).json as { id: number }[]).map((x) => x.id);
    expect(await order()).toEqual([ids.service, second]);
    await section(page, h.server.base, 'services', `[data-service="${second}"]`);
    await page.click(`[data-service="${ids.service}"] button[aria-label^="Ниже"]`);
    await expect.poll(order).toEqual([second, ids.service]);
    await page.locator(`[data-service="${ids.service}"]`).dragTo(page.locator(`[data-service="${second}"]`));
    await expect.poll(order).toEqual([ids.service, second]);
    expect(await page.$$eval('[data-testid=service-list] li', (els) => els.map((e) => Number(e.getAttribute('data-service'))))).toEqual([ids.service, second]);
  });

  it('every screen at 1366×768 and 1920×1080, with nothing cut off', async () => {
    await page.context().close();
    await api('POST', '/api/admin/users', { login: 'boss', name: 'Руководитель зала', password: 'boss-Pa55word', role: 'supervisor' });
    await api('PUT', '/api/admin/calendar', { week: { 1: { open: '08:00', close: '17:00' }, 5: { open: '08:00', close: '16:00' }, 6: null }, holidays: ['2027-01-01', '2027-01-07'], days: { '2026-12-31': { open: '08:00', close: '15:00' } } });
    await api('PUT', '/api/admin/settings', { boards: { entrance: { rows: 4, counters: [ids.counter], sound: true } } });
    await api('POST', '/api/admin/devices', { kind: 'buttons', name: 'Пульты на линии RS-485', config: { keypads: { 1: ids.counter } } });
    const screens: [string, string, ((p: Page) => Promise<void>)?][] = [
      ['setup', '[data-testid=checklist]'],
      ['services', '[data-testid=service-list]'],
      [`services/${ids.service}`, '[data-testid=ticket-preview]'],
      ['grid', '[data-testid=grid]'],
      ['users', '[data-testid=users] tr[data-user]'],
      ['devices', '[data-testid=devices] [data-status]'],
      ['devices', '[data-testid=new-device]', async (p) => { await p.click(`tr[data-device="${ids.device}"] button`); await p.waitForSelector('[data-testid=device-form]'); }],
      ['notices', '[data-testid=notices] li'],
      ['hall', '[data-testid=boards] tr[data-board]'],
      ['calendar', '[data-testid=holiday-chips] li'],
      ['audit', '[data-testid=audit] tr[data-entity]'],
      ['config', '[data-testid=config-export]', async (p) => {
        const doc = (await api('GET', '/api/admin/config')).json;
        doc.services[0].maxWaitSec = 1200;
        await p.fill('[data-testid=config-text]', JSON.stringify(doc));
        await p.click('[data-testid=config-dry-run]');
        await p.waitForSelector('[data-testid=config-diff]');
      }],
    ];
    for (const [sizeName, size] of Object.entries(SIZES)) {
      const p = await adminPage(size);
      for (const [id, ready, then] of screens) {
        await section(p, h.server.base, id, ready);
        await then?.(p);
        await p.waitForTimeout(300); // the ticket preview's debounce and the fonts
        expect(await cutOff(p), `${id} at ${sizeName}`).toEqual([]);
        await shoot(p, `${id.replace('/', '-')}${then ? '-action' : ''}-${sizeName}`);
      }
      await p.goto(`${h.server.base}/console/password`);
      await p.waitForSelector('[data-testid=password-form]');
      await shoot(p, `password-${sizeName}`);
      await p.context().close();
    }
  }, 120_000);
});
