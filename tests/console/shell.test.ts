// The console's shell: every view is an address that survives a reload and a sign-in, an
// address the role may not open goes to the role's home, and the server answers deep links
// with the console's page while missing files stay 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { chooseCounter, makeCounter, makeOperator, openConsole, startHall, type Hall } from './hall';

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

describe('console shell', () => {
  it('answers a deep link with the console page; a missing asset or another method stays a JSON 404', async () => {
    const index = await (await fetch(h.server.base + '/console/')).text();
    for (const path of ['/console/work', '/console/reports?from=2026-03-01T00:00:00.000Z&by=hour', '/console/hall/service/3']) {
      const r = await fetch(h.server.base + path);
      expect([path, r.status, r.headers.get('content-type')]).toEqual([path, 200, 'text/html; charset=utf-8']);
      expect(await r.text()).toBe(index);
    }
    const missing = await fetch(h.server.base + '/console/assets/nothing-here.js');
    expect([missing.status, (await missing.json()).error]).toEqual([404, 'not_found']);
    const post = await fetch(h.server.base + '/console/work', { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('keeps the address through the sign-in, and sends an address the role cannot open to its home', async () => {
    const op = await makeOperator(h);
    const page = await openConsole(browser, h, op, undefined, '/console/work?from=link');
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/console/work?from=link');
    // a single area: no tabs for an operator
    expect(await page.locator('nav.areas').count()).toBe(0);
    await page.goto(h.server.base + '/console/admin/users');
    await page.waitForSelector('.counters');
    expect(new URL(page.url()).pathname).toBe('/console/work');
    // the back button does not return to the refused address (it was replaced)
    await page.goBack();
    expect(new URL(page.url()).pathname).not.toBe('/console/admin/users');
    await page.context().close();
  });

  it('has the landmarks and headings a screen reader needs, and the hall\'s icon', async () => {
    const op = await makeOperator(h);
    const counter = await makeCounter(h, 'Окно Ш', [[h.service['П'], 1]]);
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(h.server.base + '/console/');
    await page.waitForSelector('main form.login');
    const icon = await page.evaluate(async () => {
      const href = document.querySelector<HTMLLinkElement>('link[rel=icon]')!.href;
      const r = await fetch(href);
      return { href: new URL(href).pathname, status: r.status, type: r.headers.get('content-type') };
    });
    expect(icon).toEqual({ href: '/favicon.ico', status: 200, type: 'image/x-icon' });
    await page.context().close();
    const work = await openConsole(browser, h, op);
    await chooseCounter(work, counter);
    expect(await work.locator('h1').allTextContents()).toEqual(['Окно Ш']);
    // every column header of the queue table has a name (visible or for screen readers)
    const heads = await work.locator('.queue thead th').allTextContents();
    expect(heads.length).toBeGreaterThan(0);
    expect(heads.filter((x) => !x.trim())).toEqual([]);
    await work.context().close();
  });
});
