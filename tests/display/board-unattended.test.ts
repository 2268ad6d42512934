// A board runs unattended for months: it resynchronises after a seq gap or a dropped
// connection, reloads when the server is upgraded, and 10,000 calls leave its heap where it
// started. Fed by a fake hall that speaks the protocol, so events can be lost on purpose and
// pushed faster than any hall makes them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import type { WaitingCount } from '../../server/protocol';
import { startFakeHall, type FakeHall } from './fake-hall';
import { boardNumbers } from './board-page';

let hall: FakeHall;
let browser: Browser;

beforeAll(async () => { [hall, browser] = await Promise.all([startFakeHall(), launchBrowser()]); });
afterAll(async () => { await browser?.close(); await hall?.close(); });

const waiting: WaitingCount[] = [{ serviceId: 1, count: 4 }];
const call = (id: number, counter: number) => hall.send({
  type: 'ticket.called', ticket: { id, number: `А${String(id % 1000).padStart(3, '0')}`, serviceId: 1 },
  counter: { id: counter, name: `Окно ${counter}` }, waiting,
});
const topTicket = (page: Page) => page.evaluate(() => document.querySelector('.call')?.getAttribute('data-ticket'));

async function open(query = 'sound=off&blink=1') {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${hall.base}/display/?${query}`);
  await page.waitForSelector('.board');
  await page.waitForFunction(() => document.querySelector('.no-calls') || document.querySelector('.call'));
  return page;
}

describe('unattended board', () => {
  it('takes a fresh snapshot after a gap in seq or a dropped connection', async () => {
    const page = await open();
    call(1, 1);
    await page.waitForSelector('.call[data-ticket="1"]');
    // The server's state moves on while the board misses an event.
    hall.snapshot.calls = [{ ticketId: 2, number: 'А002', counterId: 2, counterName: 'Окно 2', status: 'called', calledAt: new Date().toISOString() }];
    hall.loseOne();
    call(3, 3); // arrives after the gap: the board must not apply it but resync
    await page.waitForSelector('.call[data-ticket="2"]');
    expect(await page.$('.call[data-ticket="1"]')).toBeNull();
    // A call missed during the gap blinks like a new one.
    expect(await page.getAttribute('.call[data-ticket="2"]', 'class')).toContain('blink');
    hall.snapshot.calls = [];
    hall.drop();
    await page.waitForSelector('.no-calls');
    await page.close();
  });

  it('reloads itself when the server is upgraded (the snapshot version changes)', async () => {
    const page = await open();
    const loads: string[] = [];
    page.on('load', () => loads.push(page.url()));
    hall.snapshot.version = 'fake-2';
    hall.drop();
    await page.waitForEvent('load', { timeout: 15000 });
    expect(loads).toHaveLength(1);
    await page.waitForSelector('.board');
    await page.close();
  });

  it('keeps its heap within 10% after 10,000 calls', async () => {
    const page = await open('sound=on&voice=off&blink=1');
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    let id = 100_000;
    /** `n` calls over 12 counters, with the other things a hall does between them. */
    const run = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const counter = 1 + (i % 12);
        call(++id, counter);
        if (i % 3 === 0) hall.send({ type: 'ticket.serving', ticket: { id, number: 'x', serviceId: 1 }, counter: { id: counter, name: `Окно ${counter}` }, waiting });
        if (i % 5 === 0) hall.send({ type: 'ticket.recalled', ticket: { id, number: `А${id % 1000}`, serviceId: 1 }, counter: { id: counter, name: `Окно ${counter}` }, waiting });
        const checkpoint = i % 100 === 99 || i === n - 1;
        if (i % 7 === 0 && !checkpoint) hall.send({ type: 'ticket.finished', ticket: { id, number: 'x', serviceId: 1 }, counter: { id: counter, name: `Окно ${counter}` }, waiting });
        if (i % 500 === 0) hall.send({ type: 'notices.changed', notices: [{ id: i, text: `Отключение воды ${i}`, textEn: null, startsAt: null, endsAt: null }] });
        // Let the board catch up now and then, as a hall's pace would (still far faster).
        if (checkpoint) await page.waitForFunction((last) => document.querySelector(`.call[data-ticket="${last}"]`) !== null, String(id));
      }
      await page.waitForTimeout(1500); // blinks over
      await page.waitForFunction(() => !document.querySelector('.blink'));
    };
    await run(1000); // warm up: code compiled, caches filled
    const before = await heap();
    const t0 = Date.now();
    await run(10_000);
    console.log(`10,000 calls (and 7,000 other events) shown in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const after = await heap();
    console.log(`board heap after GC: ${(before / 1e6).toFixed(2)} MB before, ${(after / 1e6).toFixed(2)} MB after 10,000 calls (${(((after - before) / before) * 100).toFixed(1)}%)`);
    expect(await topTicket(page)).toBe(String(id));
    expect(await page.$$eval('.call', (els) => els.length)).toBeLessThanOrEqual(4);
    expect(Math.abs(after - before) / before).toBeLessThan(0.1);
    expect((await boardNumbers(page)).length).toBeGreaterThan(0);
    await page.close();
  }, 180_000);
});
