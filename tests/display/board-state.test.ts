// The board's state from the snapshot and the events: order, blinking, what leaves, what is
// announced, and the URL configuration.
import { describe, expect, it } from 'vitest';
import type { CallView, HallEvent, Snapshot } from '../../server/protocol';
import { applyEvent, applySnapshot, emptyBoard, endBlinks, type BoardOptions, type BoardState } from '../../hall-display/board-state';
import { parseConfig } from '../../hall-display/config';

const opts: BoardOptions = { counters: null, blinkMs: 5000, maxCalls: 3 };
const T0 = Date.parse('2026-11-22T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

function snapshot(calls: CallView[], at = T0): Snapshot {
  return {
    type: 'snapshot', seq: 1, at: iso(at), bootId: 'b', version: 'v', calls, notices: [], waiting: [{ serviceId: 1, count: 2 }],
    services: [], counters: [], settings: { hallName: 'Зал', hallNameEn: 'Hall', privilegedEnabled: false, timezone: 'Europe/Moscow', boards: {} },
  };
}
const callView = (ticketId: number, counterId: number, calledAt = T0 - 1000): CallView =>
  ({ ticketId, number: `А${ticketId}`, counterId, counterName: `Окно ${counterId}`, status: 'called', calledAt: iso(calledAt) });
let seq = 1;
const ev = (type: string, ticketId: number, counterId: number, extra = {}): HallEvent => ({
  type, seq: ++seq, at: iso(T0), ticket: { id: ticketId, number: `А${ticketId}`, serviceId: 1 },
  counter: { id: counterId, name: `Окно ${counterId}` }, waiting: [{ serviceId: 1, count: 5 }], ...extra,
}) as HallEvent;

function run(events: HallEvent[], o = opts, start: BoardState = applySnapshot(emptyBoard(), snapshot([]), T0, o).state) {
  let state = start;
  const announced: number[] = [];
  for (const e of events) {
    const step = applyEvent(state, e, T0, o);
    state = step.state;
    announced.push(...step.announce.map((c) => c.ticketId));
  }
  return { state, announced };
}

describe('board state', () => {
  it('shows the first snapshot as it is: no blinking, nothing announced', () => {
    const { state, announce } = applySnapshot(emptyBoard(), snapshot([callView(2, 2), callView(1, 1)]), T0, opts);
    expect(state.calls.map((c) => c.ticketId)).toEqual([2, 1]);
    expect(state.calls.some((c) => c.blinking)).toBe(false);
    expect(announce).toEqual([]);
    expect(state.waiting).toEqual([{ serviceId: 1, count: 2 }]);
  });

  it('puts a new call on top, blinking, announced; older calls move down and the oldest drop past the cap', () => {
    const { state, announced } = run([ev('ticket.called', 1, 1), ev('ticket.called', 2, 2), ev('ticket.called', 3, 3), ev('ticket.called', 4, 4)]);
    expect(state.calls.map((c) => c.ticketId)).toEqual([4, 3, 2]);
    expect(state.calls.every((c) => c.blinking && c.blinkUntil === T0 + 5000)).toBe(true);
    expect(announced).toEqual([1, 2, 3, 4]);
    expect(state.waiting).toEqual([{ serviceId: 1, count: 5 }]);
  });

  it('stops blinking at the end of the period, keeping the call', () => {
    const { state } = run([ev('ticket.called', 1, 1)]);
    expect(endBlinks(state, T0 + 4999)).toBe(state);
    const later = endBlinks(state, T0 + 5000);
    expect(later.calls[0]).toMatchObject({ ticketId: 1, blinking: false, status: 'called' });
    expect(endBlinks(later, T0 + 9000)).toBe(later); // nothing left to end
  });

  it('moves a recalled ticket to the top and blinks it again with a new generation', () => {
    const first = run([ev('ticket.called', 1, 1), ev('ticket.called', 2, 2)]);
    const calmed = endBlinks(first.state, T0 + 6000);
    const { state, announced } = run([ev('ticket.recalled', 1, 1)], opts, calmed);
    expect(state.calls.map((c) => c.ticketId)).toEqual([1, 2]);
    expect(state.calls[0].blinking).toBe(true);
    expect(state.calls[0].gen).toBeGreaterThan(first.state.calls[1].gen);
    expect(state.calls[1].blinking).toBe(false);
    expect(announced).toEqual([1]);
  });

  it('marks serving, and removes finished, no-show, postponed, transferred and expired tickets', () => {
    const { state } = run([
      ev('ticket.called', 1, 1), ev('ticket.called', 2, 2), ev('ticket.called', 3, 3), ev('ticket.serving', 3, 3),
      ev('ticket.finished', 1, 1), ev('ticket.no_show', 2, 2),
    ]);
    expect(state.calls.map((c) => [c.ticketId, c.status])).toEqual([[3, 'serving']]);
    const gone = run([ev('ticket.postponed', 3, 3, { until: iso(T0) })], opts, state).state;
    expect(gone.calls).toEqual([]);
    const t = run([ev('ticket.called', 4, 4), { type: 'ticket.transferred', seq: ++seq, at: iso(T0), ticket: { id: 4, number: 'А4', serviceId: 2 }, from: { serviceId: 1 }, toCounter: null, waiting: [] }]).state;
    expect(t.calls).toEqual([]);
    const expired = run([ev('ticket.called', 5, 5), { type: 'ticket.expired', seq: ++seq, at: iso(T0), ticket: { id: 5, number: 'А5', serviceId: 1 }, waiting: [] }]).state;
    expect(expired.calls).toEqual([]);
  });

  it('replaces a counter\'s earlier call by its new one and follows counter renames', () => {
    const { state } = run([ev('ticket.called', 1, 1), ev('ticket.called', 2, 2), ev('ticket.called', 3, 1),
      { type: 'counter.changed', seq: ++seq, at: iso(T0), counter: { id: 2, name: 'Касса', state: 'open' } }]);
    expect(state.calls.map((c) => [c.ticketId, c.counterName])).toEqual([[3, 'Окно 1'], [2, 'Касса']]);
  });

  it('shows only the configured counters', () => {
    const only = { ...opts, counters: new Set([2]) };
    const { state, announced } = run([ev('ticket.called', 1, 1), ev('ticket.called', 2, 2)], only, applySnapshot(emptyBoard(), snapshot([callView(9, 1)]), T0, only).state);
    expect(state.calls.map((c) => c.ticketId)).toEqual([2]);
    expect(announced).toEqual([2]);
  });

  it('after a resync blinks and announces calls missed while offline, oldest first, but not stale ones', () => {
    const before = run([ev('ticket.called', 1, 1)]).state;
    const resync = snapshot([callView(3, 3, T0 - 2000), callView(2, 2, T0 - 5000), callView(1, 1, T0), callView(7, 7, T0 - 120_000)], T0);
    const { state, announce } = applySnapshot(before, resync, T0, { ...opts, maxCalls: 10 });
    expect(announce.map((c) => c.ticketId)).toEqual([2, 3]);
    expect(state.calls.find((c) => c.ticketId === 7)!.blinking).toBe(false);
    // Ticket 1 was already on the board (the same call): it keeps its state and is not announced again.
    expect(state.calls.map((c) => c.ticketId)).toEqual([3, 2, 1, 7]);
    expect(state.calls.find((c) => c.ticketId === 1)!.gen).toBe(before.calls[0].gen);
  });

  it('takes the hall\'s public settings from settings.changed', () => {
    const settings = { hallName: 'Новый зал', hallNameEn: 'New hall', privilegedEnabled: true, timezone: 'Europe/Moscow', boards: { left: { rows: 2 } } };
    expect(run([{ type: 'settings.changed', seq: ++seq, at: iso(T0), settings }]).state.settings).toEqual(settings);
  });

  it('replaces the notices on notices.changed', () => {
    const notices = [{ id: 1, text: 'Нет воды', textEn: 'No water', startsAt: null, endsAt: null }];
    expect(run([{ type: 'notices.changed', seq: ++seq, at: iso(T0), notices }]).state.notices).toEqual(notices);
  });
});

describe('board configuration from the URL', () => {
  it('has defaults for a plain /display/', () => {
    expect(parseConfig('')).toEqual({ orientation: null, rows: null, counters: null, sound: true, voice: true, volume: 1, lang: 'ru', voiceLangs: ['ru'], blinkMs: 5000 });
  });
  it('reads every parameter', () => {
    const c = parseConfig('?orientation=portrait&rows=7&counters=1,2,%203&sound=off&voice=off&volume=0.4&lang=en&voiceLang=ru,en&blink=3');
    expect(c).toEqual({ orientation: 'portrait', rows: 7, counters: new Set([1, 2, 3]), sound: false, voice: false, volume: 0.4, lang: 'en', voiceLangs: ['ru', 'en'], blinkMs: 3000 });
    expect(parseConfig('?lang=en').voiceLangs).toEqual(['en']);
  });
  it('takes the administration\'s settings for the board, and its own URL parameters over them', () => {
    const profile = { orientation: 'portrait' as const, rows: 3, counters: [4, 5], sound: false, volume: 0.5, lang: 'en' as const, voiceLangs: ['ru' as const, 'en' as const], blinkSec: 2 };
    expect(parseConfig('?board=entrance', profile)).toEqual({ orientation: 'portrait', rows: 3, counters: new Set([4, 5]), sound: false, voice: true, volume: 0.5, lang: 'en', voiceLangs: ['ru', 'en'], blinkMs: 2000 });
    const c = parseConfig('?board=entrance&rows=6&counters=7&sound=on&lang=ru&blink=0', profile);
    expect(c).toMatchObject({ orientation: 'portrait', rows: 6, counters: new Set([7]), sound: true, lang: 'ru', voiceLangs: ['ru', 'en'], blinkMs: 0 });
    expect(parseConfig('?rows=99&volume=7', profile)).toMatchObject({ rows: 3, volume: 0.5 }); // nonsense in the URL: the profile's
  });
  it('falls back to the defaults on nonsense, so a board always starts', () => {
    const c = parseConfig('?orientation=diagonal&rows=0&counters=a,-1,2.5&sound=loud&volume=3&lang=de&voiceLang=fr&blink=600');
    expect(c).toEqual(parseConfig(''));
    expect(parseConfig('?rows=99').rows).toBeNull();
    expect(parseConfig('?volume=').volume).toBe(1);
  });
});
