// A board named in its URL (`?board=left`) takes its settings from the administration, and
// follows a change of them without anyone touching the TV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { act, issue, openBoard, operatorAt } from './board-page';

let server: ServerProcess;
let browser: Browser;
let admin: string;
const ops: Record<number, string> = {};

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  admin = await server.login();
  for (const c of [10, 12]) ops[c] = await operatorAt(server, admin, c); // both serve payments (service 1)
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const setBoards = async (boards: object) => expect((await server.call('PUT', '/api/admin/settings', { boards }, admin)).status).toBe(200);

describe('board settings from the administration', () => {
  it('shows what the administration set for the board, and starts again with a change', async () => {
    await setBoards({ left: { counters: [10], rows: 2, orientation: 'portrait' }, right: { counters: [12] } });
    const page = await openBoard(browser, server.base, 'board=left&sound=off');
    await page.waitForSelector('.board.portrait'); // a landscape screen, portrait as set
    await expect(page.getAttribute('.calls', 'style')).resolves.toContain('--rows: 2');

    await issue(server, 1);
    const { ticket: at12 } = await act(server, ops[12], 12, 'next');
    await issue(server, 1);
    const { ticket: at10 } = await act(server, ops[10], 10, 'next');
    await page.locator(`.call[data-ticket="${at10.id}"]`).waitFor();
    expect(await page.locator(`.call[data-ticket="${at12.id}"]`).count()).toBe(0); // the event before was not for this board

    // The administration moves this board to window 12: the board reloads with it by itself.
    await page.evaluate(() => { (window as unknown as { before: boolean }).before = true; });
    await setBoards({ left: { counters: [12] } });
    await page.waitForFunction(() => !(window as unknown as { before?: boolean }).before, undefined, { timeout: 10_000 });
    await page.locator(`.call[data-ticket="${at12.id}"]`).waitFor();
    expect(await page.locator(`.call[data-ticket="${at10.id}"]`).count()).toBe(0);
    await page.waitForSelector('.board.landscape'); // no orientation set any more: by the screen's shape

    // A change to another board or to the hall's name does not disturb this one.
    await page.evaluate(() => { (window as unknown as { before: boolean }).before = true; });
    await setBoards({ left: { counters: [12] }, right: { counters: [10] } });
    await server.call('PUT', '/api/admin/settings', { hallName: 'Зал на Ленина' }, admin);
    await page.waitForFunction(() => document.querySelector('.hall')?.textContent === 'Зал на Ленина');
    expect(await page.evaluate(() => (window as unknown as { before?: boolean }).before)).toBe(true);
    expect(page.errors).toEqual([]);
  });
});
