// The board's sound in real Chromium against the real server: a chime (Web Audio) and then the
// spoken call, fetched from the server's espeak-ng (headless Chromium has no voices); two calls
// that arrive together are said one after the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { startServer, type ServerProcess } from '../helpers/server-process';
import { act, issue, operatorAt } from './board-page';

let server: ServerProcess;
let browser: Browser;

beforeAll(async () => { [server, browser] = await Promise.all([startServer(), launchBrowser()]); });
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// Records, in order, each chime tone started and each spoken sentence played.
const RECORD = `
  window.__sound = [];
  const osc = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function () {
    const o = osc.call(this);
    const start = o.start.bind(o);
    o.start = (t) => { window.__sound.push({ what: 'tone', at: performance.now() }); start(t); };
    return o;
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    window.__sound.push({ what: 'speak ' + decodeURIComponent(new URL(this.src).searchParams.get('text')), at: performance.now(), volume: this.volume });
    this.addEventListener('ended', () => window.__sound.push({ what: 'ended', at: performance.now() }), { once: true });
    return play.call(this);
  };
`;

describe('board sound', () => {
  it('chimes, then says each call in Russian, one after the other', async () => {
    const admin = await server.login();
    const ops = { 3: await operatorAt(server, admin, 3), 10: await operatorAt(server, admin, 10) };
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(RECORD);
    await page.goto(`${server.base}/display/?volume=0.5`);
    await page.waitForSelector('.no-calls');
    const wavs: number[] = [];
    page.on('response', (r) => { if (r.url().includes('/api/announce.wav')) wavs.push(r.status()); });
    const a = await issue(server, 1);
    const b = await issue(server, 1);
    await act(server, ops[3], 3, 'next');
    await act(server, ops[10], 10, 'next');
    const sound = () => page.evaluate(() => (window as any).__sound as { what: string; at: number; volume?: number }[]);
    await page.waitForFunction(() => (window as any).__sound.filter((s: any) => s.what === 'ended').length === 2, undefined, { timeout: 30000 });
    const log = await sound();
    expect([a.number, b.number]).toEqual(['П001', 'П002']);
    expect(log.map((s) => s.what)).toEqual([
      'tone', 'tone', 'speak Талон пэ один, окно три', 'ended',
      'tone', 'tone', 'speak Талон пэ два, окно десять', 'ended',
    ]);
    expect(wavs).toEqual([200, 200]);
    expect(log.find((s) => s.what.startsWith('speak'))!.volume).toBe(0.5);
    // The second chime starts only after the first sentence has ended.
    const firstEnd = log.findIndex((s) => s.what === 'ended');
    expect(log[firstEnd + 1].at).toBeGreaterThanOrEqual(log[firstEnd].at);
    await page.close();
  }, 60000);

  it('uses the browser\'s own voice when it has one for the language, and asks the server for nothing', async () => {
    const admin = await server.login();
    const op = await operatorAt(server, admin, 2);
    const page = await browser.newPage();
    // A browser with a Russian and an English voice (headless Chromium has none).
    await page.addInitScript(`
      window.__spoken = [];
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
      Object.defineProperty(window, 'speechSynthesis', { value: {
        getVoices: () => [{ lang: 'en-US', name: 'English' }, { lang: 'ru-RU', name: 'Russian' }],
        speak(u) { window.__spoken.push({ text: u.text, voice: u.voice.name, volume: u.volume }); setTimeout(() => u.onend(), 200); },
      } });
    `);
    const wavs: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/announce.wav')) wavs.push(r.url()); });
    await page.goto(`${server.base}/display/?volume=0.8&voiceLang=ru,en`);
    await page.waitForSelector('.board');
    await issue(server, 1);
    const { ticket } = await act(server, op, 2, 'next');
    await page.waitForFunction(() => (window as any).__spoken.length === 2, undefined, { timeout: 15000 });
    expect(ticket.number).toMatch(/^П\d{3}$/);
    expect(await page.evaluate(() => (window as any).__spoken)).toEqual([
      { text: expect.stringMatching(/^Талон пэ [а-я ]+, окно два$/), voice: 'Russian', volume: 0.8 },
      { text: expect.stringMatching(/^Ticket P [a-z -]+, window two$/), voice: 'English', volume: 0.8 },
    ]);
    expect(wavs).toEqual([]);
    await page.close();
  });

  it('stays silent with sound=off', async () => {
    const admin = await server.login();
    const op = await operatorAt(server, admin, 12);
    const page = await browser.newPage();
    await page.addInitScript(RECORD);
    await page.goto(`${server.base}/display/?sound=off`);
    await page.waitForSelector('.board');
    const t = await issue(server, 1);
    await act(server, op, 12, 'next');
    await page.waitForSelector(`.call[data-ticket="${t.id}"]`);
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => (window as any).__sound)).toEqual([]);
    await page.close();
  });
});
