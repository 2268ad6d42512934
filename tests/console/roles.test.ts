// Who may do what from the console: an operator cannot reach administration or statistics,
// two people cannot hold one counter, the counter list shows who holds what, and a supervisor
// or administrator works the console with the same login.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { ADMIN_PASSWORD } from '../helpers/server-process';
import { chooseCounter, issue, makeCounter, makeOperator, openConsole, startHall, ticket, waitShown, type Hall } from './hall';

let h: Hall;
let browser: Browser;

beforeAll(async () => {
  h = await startHall();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await h?.server.stop();
});

describe('operator console: roles', () => {
  it('an operator gets 403 from administration and statistics endpoints, 401 without a token', async () => {
    const op = await makeOperator(h);
    const day = new Date().toISOString().slice(0, 10);
    const stats = `/api/stats/summary?from=${day}T00:00:00Z&to=${day}T23:59:59Z`;
    for (const [method, path, body] of [
      ['GET', '/api/admin/users'], ['GET', stats], ['GET', '/api/admin/services'], ['GET', '/api/admin/counters'],
      ['POST', '/api/admin/users', { login: 'sneaky', name: 'x', password: 'password-123', role: 'admin' }],
    ] as const) {
      const r = await h.server.call(method, path, body, op.token);
      expect([path, r.status, r.json?.error]).toEqual([path, 403, 'forbidden']);
    }
    expect((await h.server.call('GET', '/api/admin/users')).status).toBe(401);
    // the role check is not a blanket refusal: a supervisor reads statistics, an admin the users
    const sup = await makeOperator(h, 'supervisor');
    expect((await h.server.call('GET', stats, undefined, sup.token)).status).toBe(200);
    expect((await h.server.call('GET', '/api/admin/users', undefined, sup.token)).status).toBe(403);
    expect((await h.server.call('GET', '/api/admin/users', undefined, h.admin)).status).toBe(200);
  });

  it('two operators cannot hold one counter (409), nor act on the other\'s counter', async () => {
    const a = await makeOperator(h);
    const b = await makeOperator(h);
    const c = await makeCounter(h, 'Окно Р', [[h.service['Ю'], 1]]);
    await issue(h, h.service['Ю']);
    expect((await h.server.call('POST', `/api/counters/${c}/open`, undefined, a.token)).status).toBe(200);
    const taken = await h.server.call('POST', `/api/counters/${c}/open`, undefined, b.token);
    expect([taken.status, taken.json.error]).toEqual([409, 'conflict']);
    expect((await h.server.call('POST', `/api/counters/${c}/next`, {}, b.token)).status).toBe(409);
    expect((await h.server.call('POST', `/api/counters/${c}/close`, undefined, b.token)).status).toBe(409);
    const list = (await h.server.call('GET', '/api/counters', undefined, b.token)).json;
    expect(list.find((x: { id: number }) => x.id === c)).toMatchObject({ state: 'open', user: { id: a.id } });
    // once A closes it, B may take it
    expect((await h.server.call('POST', `/api/counters/${c}/close`, undefined, a.token)).status).toBe(200);
    expect((await h.server.call('POST', `/api/counters/${c}/open`, undefined, b.token)).status).toBe(200);
    expect((await h.server.call('POST', `/api/counters/${c}/close`, undefined, b.token)).status).toBe(200);
  });

  it('the counter list shows a counter taken by another operator as taken, live, and does not let it be chosen', async () => {
    const a = await makeOperator(h);
    const b = await makeOperator(h);
    const c = await makeCounter(h, 'Окно С', [[h.service['Ю'], 1]]);
    const page = await openConsole(browser, h, b);
    const button = page.locator(`button[data-counter="${c}"]`);
    await expect(button.isDisabled()).resolves.toBe(false);
    expect((await h.server.call('POST', `/api/counters/${c}/open`, undefined, a.token)).status).toBe(200);
    await page.waitForSelector(`button[data-counter="${c}"][disabled]`);
    expect(await button.textContent()).toContain(`занято: Оператор`);
    await page.context().close();
  });

  it('signing out leaves the counter free and ends the session, also for a reload', async () => {
    const a = await makeOperator(h);
    const c = await makeCounter(h, 'Окно В', [[h.service['Ю'], 1]]);
    const page = await openConsole(browser, h, a);
    await chooseCounter(page, c);
    await page.click('header button:has-text("Выйти")');
    await page.waitForSelector('input[name=login]');
    await expect.poll(async () => (await h.server.call('GET', '/api/counters', undefined, a.token)).json.find((x: { id: number }) => x.id === c))
      .toMatchObject({ state: 'closed', user: null });
    await page.reload();
    await page.waitForSelector('input[name=login]');
    await page.context().close();
  });

  it('follows the administrator: a counter\'s new services appear live; a counter taken out of service sends its operator back', async () => {
    const a = await makeOperator(h);
    const c = await makeCounter(h, 'Окно Д', [[h.service['Ю'], 1]]);
    const page = await openConsole(browser, h, a);
    await chooseCounter(page, c);
    await page.waitForSelector(`tr[data-service="${h.service['Ю']}"]`);
    expect(await page.locator(`tr[data-service="${h.service['Р']}"]`).count()).toBe(0);
    const links = [{ serviceId: h.service['Ю'], priority: 1 }, { serviceId: h.service['Р'], priority: 2 }];
    expect((await h.server.call('PATCH', `/api/admin/counters/${c}`, { services: links }, h.admin)).status).toBe(200);
    await page.waitForSelector(`tr[data-service="${h.service['Р']}"]`);
    expect((await h.server.call('PATCH', `/api/admin/counters/${c}`, { active: false }, h.admin)).status).toBe(200);
    await page.waitForSelector('.counters');
    expect(await page.locator(`button[data-counter="${c}"]`).count()).toBe(0);
    await page.context().close();
  });

  it('a supervisor and an administrator work the console with the same login', async () => {
    const sup = await makeOperator(h, 'supervisor');
    for (const [user, name] of [[sup, 'Окно Н'], [{ login: 'admin', password: ADMIN_PASSWORD }, 'Окно А']] as const) {
      const c = await makeCounter(h, name, [[h.service['Н'], 1]]);
      const tk = await issue(h, h.service['Н']);
      const page = await openConsole(browser, h, user);
      await chooseCounter(page, c);
      await page.keyboard.press('F1');
      await waitShown(page, tk.number, 'called');
      expect(await ticket(h, tk.id)).toMatchObject({ status: 'called', counter: { id: c } });
      await page.context().close();
    }
  });
});
