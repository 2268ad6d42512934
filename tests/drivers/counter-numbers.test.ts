import { describe, expect, it } from 'vitest';
import { CounterNumbers, PressFilter } from '../../server/devices/button-actions.ts';
import type { HallEvent } from '../../server/protocol.ts';

const ev = (type: HallEvent['type'], ticketId: number, number: string, counterId: number) =>
  ({ type, seq: 1, at: '', ticket: { id: ticketId, number, serviceId: 1 }, waiting: [], counter: { id: counterId, name: '' } }) as unknown as HallEvent;

describe('counter numbers for LED keypads', () => {
  it('starts from the standing calls and follows calls, finishes and transfers', () => {
    const shown: [number, string | null][] = [];
    const n = new CounterNumbers([{ ticketId: 1, number: 'А001', counterId: 3, counterName: '3', status: 'serving', calledAt: '' }], (c, num) => shown.push([c, num]));
    expect(n.entries()).toEqual([[3, 'А001']]);
    n.onEvent(ev('ticket.called', 2, 'Б002', 4));
    n.onEvent(ev('ticket.finished', 1, 'А001', 3));
    n.onEvent(ev('ticket.issued', 5, 'А005', 0));
    n.onEvent(ev('ticket.transferred', 2, 'Б002', 0));
    expect(shown).toEqual([[4, 'Б002'], [3, null], [4, null]]);
    expect(n.entries()).toEqual([]);
  });
});

describe('press filter', () => {
  it('drops a repeat of the previous key at the same counter within 300 ms of it, and only that', () => {
    let now = 1_000_000;
    const f = new PressFilter(300, () => now);
    const press = (counter: number, action: 'call' | 'start' | 'no_show', ms = 0) => { now += ms; return f.accept({ counter, action }); };
    expect(press(3, 'call')).toBe(true);
    expect(press(3, 'call', 50)).toBe(false); // bounce
    expect(press(4, 'call')).toBe(true); // another counter
    // a held key repeating every 100 ms stays one press: the window runs from the last press seen
    for (let i = 0; i < 5; i++) expect(press(3, 'call', 100)).toBe(false);
    expect(press(3, 'call', 300)).toBe(true);
    // call, no-show, call in quick succession are three presses
    expect(press(3, 'no_show', 100)).toBe(true);
    expect(press(3, 'call', 100)).toBe(true);
    expect(press(3, 'start', 100)).toBe(true);
  });
});
