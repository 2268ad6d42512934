// The announcement queue: one after another, never over each other; chime first; options honoured.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnnouncer, type AnnouncerOutput } from '../../hall-display/announcer';

interface Step { what: string; start: number; end: number }

/** Outputs that take a fixed (fake) time and log when they ran. */
function fakeOutput(chimeMs = 1000, speakMs = 2500) {
  const log: Step[] = [];
  const volumes: number[] = [];
  const run = (what: string, ms: number) => {
    const start = Date.now();
    return new Promise<void>((r) => setTimeout(() => { log.push({ what, start, end: Date.now() }); r(); }, ms));
  };
  const out: AnnouncerOutput = {
    chime: vi.fn((v: number) => { volumes.push(v); return run('chime', chimeMs); }),
    speak: vi.fn((text: string, lang: string, v: number) => { volumes.push(v); return run(`${lang}:${text}`, speakMs); }),
  };
  return { out, log, volumes };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('announcer', () => {
  it('says calls that arrive together one after another, each after a chime', async () => {
    const { out, log } = fakeOutput();
    const a = createAnnouncer(out, { sound: true, voice: true, volume: 0.7, langs: ['ru'] });
    a.announce({ key: '1', ticket: 'А015', counter: 'Окно 3' });
    a.announce({ key: '2', ticket: 'Б002', counter: 'Окно 4' });
    a.announce({ key: '3', ticket: 'В121', counter: 'Касса' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(log.map((s) => s.what)).toEqual([
      'chime', 'ru:Талон А пятнадцать, окно три',
      'chime', 'ru:Талон бэ два, окно четыре',
      'chime', 'ru:Талон вэ сто двадцать один, Касса',
    ]);
    for (let i = 1; i < log.length; i++) expect(log[i].start).toBeGreaterThanOrEqual(log[i - 1].end);
    expect(a.busy).toBe(false);
  });

  it('a call arriving while another is spoken waits for it', async () => {
    const { out, log } = fakeOutput();
    const a = createAnnouncer(out, { sound: true, voice: true, volume: 1, langs: ['ru', 'en'] });
    a.announce({ key: '1', ticket: 'А001', counter: 'Окно 1' });
    await vi.advanceTimersByTimeAsync(1500); // in the middle of the Russian sentence
    a.announce({ key: '2', ticket: 'А002', counter: 'Окно 2' });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(log.map((s) => s.what)).toEqual([
      'chime', 'ru:Талон А один, окно один', 'en:Ticket A one, window one',
      'chime', 'ru:Талон А два, окно два', 'en:Ticket A two, window two',
    ]);
    for (let i = 1; i < log.length; i++) expect(log[i].start).toBeGreaterThanOrEqual(log[i - 1].end);
  });

  it('passes the volume, chimes only when voice is off, and is silent when sound is off', async () => {
    const chimeOnly = fakeOutput();
    createAnnouncer(chimeOnly.out, { sound: true, voice: false, volume: 0.3, langs: ['ru'] }).announce({ key: '1', ticket: 'А1', counter: '1' });
    const silent = fakeOutput();
    createAnnouncer(silent.out, { sound: false, voice: true, volume: 1, langs: ['ru'] }).announce({ key: '1', ticket: 'А1', counter: '1' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(chimeOnly.log.map((s) => s.what)).toEqual(['chime']);
    expect(chimeOnly.volumes).toEqual([0.3]);
    expect(silent.out.chime).not.toHaveBeenCalled();
    expect(silent.out.speak).not.toHaveBeenCalled();
  });

  it('moves on when speech fails or never ends', async () => {
    const log: string[] = [];
    let n = 0;
    const out: AnnouncerOutput = {
      chime: async () => { log.push('chime'); },
      speak: (text) => {
        log.push(text);
        n++;
        if (n === 1) return Promise.reject(new Error('no voice'));
        if (n === 2) return new Promise<void>(() => {}); // a stuck speech engine
        return Promise.resolve();
      },
    };
    const a = createAnnouncer(out, { sound: true, voice: true, volume: 1, langs: ['ru'], stepTimeoutMs: 5000 });
    a.announce({ key: '1', ticket: 'А1', counter: '1' });
    a.announce({ key: '2', ticket: 'А2', counter: '2' });
    a.announce({ key: '3', ticket: 'А3', counter: '3' });
    await vi.advanceTimersByTimeAsync(4000);
    expect(log).toHaveLength(4); // the stuck second sentence holds the queue ...
    await vi.advanceTimersByTimeAsync(2000);
    expect(log).toEqual(['chime', 'Талон А один, окно один', 'chime', 'Талон А два, окно два', 'chime', 'Талон А три, окно три']); // ... until its timeout
    expect(vi.getTimerCount()).toBe(1); // only the closing gap; no timeout timers left behind
    await vi.advanceTimersByTimeAsync(1000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says a call queued twice once and drops the oldest waiting calls beyond the cap', async () => {
    const { out, log } = fakeOutput(100, 100);
    const a = createAnnouncer(out, { sound: true, voice: true, volume: 1, langs: ['ru'], maxQueue: 2 });
    for (let i = 1; i <= 6; i++) a.announce({ key: String(i), ticket: `А${i}`, counter: '1' });
    a.announce({ key: '6', ticket: 'А6', counter: '1' });
    expect(a.pending).toBe(2);
    await vi.advanceTimersByTimeAsync(10_000);
    // The first had already started; of the five that waited, the newest two are said.
    expect(log.filter((s) => s.what !== 'chime').map((s) => s.what)).toEqual([
      'ru:Талон А один, окно один', 'ru:Талон А пять, окно один', 'ru:Талон А шесть, окно один',
    ]);
  });
});
