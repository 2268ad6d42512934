// The operator's day in the real console (headless Chromium against the real server): log in,
// open a counter, call by key and by click, recall, start, finish with an outcome, no-show,
// transfer to a service and to a counter, break and resume, close. After every step the API,
// the event log in the database and the screen must agree.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { chooseCounter, eventLog, issue, makeCounter, makeOperator, openConsole, settled, startHall, ticket, waitShown, type Hall } from './hall';

let h: Hall;
let browser: Browser;
let page: Page;
let op: Awaited<ReturnType<typeof makeOperator>>;
let counterId: number;
let t: Awaited<ReturnType<typeof issue>>[];
let d1: Awaited<ReturnType<typeof issue>>;

beforeAll(async () => {
  h = await startHall();
  browser = await launchBrowser();
  op = await makeOperator(h);
  counterId = await makeCounter(h, 'Окно Т', [[h.service['П'], 1], [h.service['Д'], 2]]);
  t = [];
  for (let i = 0; i < 6; i++) t.push(await issue(h, h.service['П']));
  d1 = await issue(h, h.service['Д']);
});
afterAll(async () => {
  await browser?.close();
  await h?.server.stop();
});

const outcomeOf = (id: number) => {
  const db = new Database(join(h.server.dataDir, 'data', 'talon.db'), { readonly: true });
  try { return (db.prepare('SELECT outcome FROM tickets WHERE id = ?').get(id) as { outcome: string | null }).outcome; } finally { db.close(); }
};
const actions = (id: number) => eventLog(h, id).map((e) => e.action);
const counterState = async () => (await h.server.call('GET', '/api/counters', undefined, op.token)).json.find((c: { id: number }) => c.id === counterId);

describe('operator console: a working day', () => {
  it('logs in and opens a free counter', async () => {
    page = await openConsole(browser, h, op);
    const button = page.locator(`button[data-counter="${counterId}"]`);
    await expect(button.textContent()).resolves.toContain('свободно');
    await chooseCounter(page, counterId);
    const c = await counterState();
    expect(c).toMatchObject({ state: 'open', user: { id: op.id } });
    await expect(page.textContent('[data-testid=counter-name]')).resolves.toBe('Окно Т');
    // the queue shows both services with their waiting counts
    await expect(page.textContent(`tr[data-service="${h.service['П']}"] [data-testid=waiting]`)).resolves.toBe('6');
    await expect(page.textContent(`tr[data-service="${h.service['Д']}"] [data-testid=waiting]`)).resolves.toBe('1');
  });

  it('calls by key (F1) and shows the ticket with its script', async () => {
    await page.keyboard.press('F1');
    await waitShown(page, t[0].number, 'called');
    expect(await ticket(h, t[0].id)).toMatchObject({ status: 'called', counter: { id: counterId } });
    expect(actions(t[0].id)).toEqual(['issue', 'call']);
    const script = await page.textContent('[data-testid=script]');
    expect(script).toContain('лицевой счёт');
    await page.waitForFunction((sid) => document.querySelector(`tr[data-service="${sid}"] [data-testid=waiting]`)?.textContent === '5', h.service['П']);
  });

  it('recalls (F2): logged, counted on screen, still called', async () => {
    await settled(page);
    await page.waitForSelector('button[data-action=recall]:not([disabled])');
    await page.keyboard.press('F2');
    await page.waitForFunction(() => document.querySelector('.recalls')?.textContent?.includes('1 из 3'));
    expect(actions(t[0].id)).toEqual(['issue', 'call', 'recall']);
    expect((await ticket(h, t[0].id)).status).toBe('called');
  });

  it('starts service by click on "Came"', async () => {
    await settled(page);
    await page.click('button[data-action=start]');
    await waitShown(page, t[0].number, 'serving');
    expect((await ticket(h, t[0].id)).status).toBe('serving');
    expect(actions(t[0].id).at(-1)).toBe('start');
  });

  it('Next by click finishes with the chosen outcome (digit key) and calls the next ticket', async () => {
    await settled(page);
    await page.keyboard.press('2'); // the second outcome of the hall's list
    await page.waitForSelector('button[data-outcome=needs_documents][aria-checked=true]');
    await page.click('button[data-action=next]');
    await waitShown(page, t[1].number, 'called');
    expect((await ticket(h, t[0].id)).status).toBe('done');
    expect(outcomeOf(t[0].id)).toBe('needs_documents');
    expect(actions(t[0].id).at(-1)).toBe('finish');
    expect((await ticket(h, t[1].id)).status).toBe('called');
    // the outcome belonged to the finished customer, not to the new one
    expect(await page.locator('button[data-outcome][aria-checked=true]').count()).toBe(0);
    await page.waitForFunction(() => document.querySelector('[data-testid=day-served]')?.textContent === '1');
  });

  it('marks a no-show (F4)', async () => {
    await page.waitForSelector('button[data-action=noShow]:not([disabled])');
    await page.keyboard.press('F4');
    await waitShown(page, '—');
    expect((await ticket(h, t[1].id)).status).toBe('no_show');
    expect(actions(t[1].id)).toEqual(['issue', 'call', 'no_show']);
  });

  it('transfers to another service (F6, digit) keeping the issue time', async () => {
    await page.waitForSelector('button[data-action=next]:not([disabled])');
    await page.keyboard.press('F1');
    await waitShown(page, t[2].number, 'called');
    await settled(page);
    await page.keyboard.press('F6');
    const option = page.locator(`button[data-option="service-${h.service['Д']}"]`);
    await option.waitFor();
    const digit = (await option.locator('kbd').textContent())!;
    await page.keyboard.press(digit);
    await waitShown(page, '—');
    const after = await ticket(h, t[2].id);
    expect(after).toMatchObject({ status: 'waiting', serviceId: h.service['Д'], issuedAt: t[2].issuedAt });
    expect(actions(t[2].id).at(-1)).toBe('transfer');
    await page.waitForFunction((sid) => document.querySelector(`tr[data-service="${sid}"] [data-testid=waiting]`)?.textContent === '2', h.service['Д']);
  });

  it('transfers to a particular counter (click)', async () => {
    await page.waitForSelector('button[data-action=next]:not([disabled])');
    await page.keyboard.press('F1');
    await waitShown(page, t[3].number, 'called');
    await settled(page);
    await page.click('button[data-action=transfer]');
    await page.click('button[data-option="counter-5"]');
    await waitShown(page, '—');
    expect((await ticket(h, t[3].id)).status).toBe('waiting');
    const last = eventLog(h, t[3].id).at(-1)!;
    expect(last.action).toBe('transfer');
    expect(JSON.parse(last.detail!)).toMatchObject({ toCounter: { id: 5 } });
  });

  it('finishes with an outcome (click chip, F5) and counts the day', async () => {
    await page.waitForSelector('button[data-action=next]:not([disabled])');
    await page.keyboard.press('F1');
    await waitShown(page, t[4].number, 'called');
    await settled(page);
    await page.click('button[data-outcome=resolved]');
    await page.keyboard.press('F5');
    await waitShown(page, '—');
    expect((await ticket(h, t[4].id)).status).toBe('done');
    expect(outcomeOf(t[4].id)).toBe('resolved');
    await page.waitForFunction(() => document.querySelector('[data-testid=day-served]')?.textContent === '2');
  });

  it('takes a break with a reason (F8, digit) and resumes (click)', async () => {
    await settled(page);
    await page.keyboard.press('F8');
    await page.locator('button[data-option=reason-lunch]').waitFor();
    await page.keyboard.press('1');
    await page.waitForFunction(() => document.querySelector('[data-testid=ticket] .hint')?.textContent?.includes('Обед'));
    expect(await counterState()).toMatchObject({ state: 'break', breakReason: 'lunch' });
    // Next is off during the break, and its key does nothing
    expect(await page.isDisabled('button[data-action=next]')).toBe(true);
    await page.keyboard.press('F1');
    await page.waitForTimeout(300);
    expect((await ticket(h, t[5].id)).status).toBe('waiting');
    await page.click('button[data-action=break]'); // now "Resume"
    await page.waitForSelector('button[data-action=next]:not([disabled])');
    expect((await counterState()).state).toBe('open');
  });

  it('a recall past the hall\'s limit makes the ticket a no-show, and the screen says so', async () => {
    await page.waitForSelector('button[data-action=next]:not([disabled])');
    await page.keyboard.press('F1');
    await waitShown(page, t[5].number, 'called');
    for (let i = 1; i <= 3; i++) {
      await settled(page);
      await page.keyboard.press('F2');
      await page.waitForFunction((n) => document.querySelector('.recalls')?.textContent?.includes(`${n} из 3`), i);
    }
    expect(await page.textContent('.recalls')).toContain('неявка');
    await settled(page);
    await page.keyboard.press('F2');
    await waitShown(page, '—');
    expect(await page.textContent('[data-testid=message]')).toContain(`${t[5].number} отмечен как неявка`);
    expect((await ticket(h, t[5].id)).status).toBe('no_show');
    expect(eventLog(h, t[5].id).at(-1)).toMatchObject({ action: 'recall', fromStatus: 'called', toStatus: 'no_show' });
  });

  it('closes the counter (F9) and returns to the choice of a counter', async () => {
    await settled(page);
    await page.keyboard.press('F9');
    await page.waitForSelector('.counters');
    expect(await counterState()).toMatchObject({ state: 'closed', user: null });
    await expect(page.locator(`button[data-counter="${counterId}"]`).textContent()).resolves.toContain('свободно');
    // nothing was called behind the screen's back
    expect((await ticket(h, t[2].id)).status).toBe('waiting');
    expect((await ticket(h, d1.id)).status).toBe('waiting');
  });
});
