// The end of the hall day by states: which tickets expire at an instant, stamped when, and the
// next instant to look again; in Moscow with hours and in Berlin across daylight saving.
import { describe, expect, it } from 'vitest';
import { applyCommand, expiring, nextExpiry, type HallCalendar, type OpenTicket, type TicketFields } from '../../server/engine';

const moscow = (day: string, hms: string) => Date.parse(`${day}T${hms}+03:00`);
const cal: HallCalendar = { week: { 2: { open: '08:00', close: '18:00' }, 3: { open: '08:00', close: '18:00' } }, holidays: [], days: {} };
const open = (id: number, status: OpenTicket['status'], hallDay: string, issuedAt: number, calledAt: number | null = null): OpenTicket => ({ id, status, hallDay, issuedAt, calledAt });

describe('the end of the hall day', () => {
  const tue = '2026-03-10';
  const tickets = [
    open(1, 'waiting', tue, moscow(tue, '09:00:00')),
    open(2, 'postponed', tue, moscow(tue, '10:00:00'), moscow(tue, '16:00:00')),
    open(3, 'called', tue, moscow(tue, '11:00:00'), moscow(tue, '17:59:00')),
    open(4, 'serving', tue, moscow(tue, '12:00:00'), moscow(tue, '17:30:00')),
    open(5, 'done', tue, moscow(tue, '12:00:00'), moscow(tue, '12:10:00')),
    open(6, 'waiting', tue, moscow(tue, '18:30:00')), // issued after closing time
  ];

  it('expires waiting, postponed and called tickets at the closing time, not a moment before, and never one being served', () => {
    expect(expiring(tickets, moscow(tue, '17:59:59.999'), cal, 'Europe/Moscow')).toEqual([]);
    const end = moscow(tue, '18:00:00');
    expect(expiring(tickets, end, cal, 'Europe/Moscow')).toEqual([{ id: 1, at: end }, { id: 2, at: end }, { id: 3, at: end }]);
  });

  it('lets a ticket issued after closing time last until local midnight', () => {
    expect(expiring(tickets, moscow(tue, '23:59:59.999'), cal, 'Europe/Moscow').map((e) => e.id)).toEqual([1, 2, 3]);
    expect(expiring(tickets, moscow('2026-03-11', '00:00:00'), cal, 'Europe/Moscow')).toContainEqual({ id: 6, at: moscow('2026-03-11', '00:00:00') });
  });

  it('stamps yesterday\'s queue with yesterday\'s closing time when it is found the next morning', () => {
    expect(expiring(tickets, moscow('2026-03-11', '08:05:00'), cal, 'Europe/Moscow')).toEqual([
      { id: 1, at: moscow(tue, '18:00:00') }, { id: 2, at: moscow(tue, '18:00:00') }, { id: 3, at: moscow(tue, '18:00:00') }, { id: 6, at: moscow('2026-03-11', '00:00:00') },
    ]);
  });

  it('never stamps an expiry before the ticket\'s last call (the closing time moved earlier during the day)', () => {
    const earlier: HallCalendar = { ...cal, days: { [tue]: { open: '08:00', close: '15:00' } } };
    const late = [open(7, 'called', tue, moscow(tue, '14:00:00'), moscow(tue, '15:20:00'))];
    expect(expiring(late, moscow(tue, '15:30:00'), earlier, 'Europe/Moscow')).toEqual([{ id: 7, at: moscow(tue, '15:20:00') }]);
  });

  it('ends a day without hours, a holiday and a closed weekday at local midnight', () => {
    const mon = '2026-03-09'; // not in `week`: closed
    const t = [open(1, 'waiting', mon, moscow(mon, '10:00:00'))];
    expect(expiring(t, moscow(mon, '23:59:59.999'), cal, 'Europe/Moscow')).toEqual([]);
    expect(expiring(t, moscow('2026-03-10', '00:00:00'), cal, 'Europe/Moscow')).toEqual([{ id: 1, at: moscow('2026-03-10', '00:00:00') }]);
    expect(expiring(t, moscow('2026-03-10', '00:00:00'), { week: {}, holidays: [], days: {} }, 'Europe/Moscow')).toHaveLength(1);
  });

  it('looks next at the earliest expiry of the open tickets, or of a ticket issued now', () => {
    const now = moscow(tue, '12:00:00');
    expect(nextExpiry(tickets, now, cal, 'Europe/Moscow')).toBe(moscow(tue, '18:00:00'));
    expect(nextExpiry([], now, cal, 'Europe/Moscow')).toBe(moscow(tue, '18:00:00'));
    // After closing time, a new ticket lasts until midnight.
    expect(nextExpiry([tickets[5]], moscow(tue, '18:40:00'), cal, 'Europe/Moscow')).toBe(moscow('2026-03-11', '00:00:00'));
  });

  it('ends the hall day at local midnight across daylight-saving changes (Europe/Berlin)', () => {
    const none: HallCalendar = { week: {}, holidays: [], days: {} };
    // 2026-03-29 has 23 hours: it ends at 22:00 UTC (00:00 CEST on the 30th)
    const spring = [open(1, 'waiting', '2026-03-29', Date.parse('2026-03-29T20:00:00Z'))];
    expect(nextExpiry(spring, Date.parse('2026-03-29T20:00:00Z'), none, 'Europe/Berlin')).toBe(Date.parse('2026-03-29T22:00:00Z'));
    expect(expiring(spring, Date.parse('2026-03-29T21:59:59.999Z'), none, 'Europe/Berlin')).toEqual([]);
    expect(expiring(spring, Date.parse('2026-03-29T22:00:00Z'), none, 'Europe/Berlin')).toEqual([{ id: 1, at: Date.parse('2026-03-29T22:00:00Z') }]);
    // 2026-10-25 has 25 hours: closing at 18:00 CET is 17:00 UTC
    const autumn: HallCalendar = { week: { 7: { open: '10:00', close: '18:00' } }, holidays: [], days: {} };
    const fall = [open(2, 'waiting', '2026-10-25', Date.parse('2026-10-25T09:00:00Z'))];
    expect(nextExpiry(fall, Date.parse('2026-10-25T09:00:00Z'), autumn, 'Europe/Berlin')).toBe(Date.parse('2026-10-25T17:00:00Z'));
  });

  it('is a ticket command from waiting, postponed and called only, finishing the ticket at the stamp', () => {
    const base: TicketFields = { status: 'waiting', serviceId: 1, counterId: null, userId: null, calledAt: null, firstCalledAt: null, startedAt: null, finishedAt: null, recalls: 0, targetCounterId: null, postponedUntil: null, outcome: null };
    const at = moscow(tue, '18:00:00');
    expect(applyCommand(base, { action: 'expire' }, at)).toEqual({ patch: { status: 'expired', finishedAt: at, postponedUntil: null }, event: 'ticket.expired' });
    expect(applyCommand({ ...base, status: 'postponed', postponedUntil: at + 60_000 }, { action: 'expire' }, at)?.patch.postponedUntil).toBeNull();
    expect(applyCommand({ ...base, status: 'called', counterId: 3 }, { action: 'expire' }, at)?.patch).not.toHaveProperty('counterId');
    for (const status of ['serving', 'done', 'no_show', 'expired'] as const) expect(applyCommand({ ...base, status }, { action: 'expire' }, at)).toBeNull();
  });
});
