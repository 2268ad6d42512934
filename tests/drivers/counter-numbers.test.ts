import { describe, expect, it } from 'vitest';
import { CounterNumbers } from '../../server/devices/button-actions.ts';
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
