// The end of the hall day (contract, Hall day): which tickets still waiting, postponed or called
// leave the queue as `expired` at an instant, and when the next such instant comes. Pure: the
// queue layer reads the open tickets, applies the answer in one transaction and arms its timer.
import type { TicketStatus } from '../protocol';
import { hallDayEnd, nextDay, zonedEpoch, type HallCalendar } from './calendar';
import { hallDay } from './numbering';

export interface OpenTicket { id: number; status: TicketStatus; hallDay: string; issuedAt: number; calledAt: number | null }

export const EXPIRING_STATUSES: readonly TicketStatus[] = ['waiting', 'postponed', 'called'];

/**
 * When a ticket of hall day `day` issued at `issuedAt` expires: at the end of its hall day; a
 * ticket issued after that end (a service kept open past the hall's closing time) at the next
 * local midnight, so that it is not taken from the customer the moment it is printed.
 */
export function expiryOf(day: string, issuedAt: number, cal: HallCalendar, tz: string, ends = new Map<string, number>()): number {
  let end = ends.get(day);
  if (end === undefined) { end = hallDayEnd(day, cal, tz); ends.set(day, end); }
  return issuedAt < end ? end : zonedEpoch(nextDay(day), '00:00', tz);
}

export interface Expiry { id: number; at: number }

/**
 * The tickets that expire at `now`, each with the instant to record: its expiry, or its last
 * call when that came later (the closing time was moved earlier after the call), so that a
 * history never runs backwards.
 */
export function expiring(tickets: readonly OpenTicket[], now: number, cal: HallCalendar, tz: string): Expiry[] {
  const ends = new Map<string, number>();
  const out: Expiry[] = [];
  for (const t of tickets) {
    if (!EXPIRING_STATUSES.includes(t.status)) continue;
    const at = expiryOf(t.hallDay, t.issuedAt, cal, tz, ends);
    if (at <= now) out.push({ id: t.id, at: Math.max(at, t.issuedAt, t.calledAt ?? 0) });
  }
  return out;
}

/** The next instant after which a ticket can expire: the earliest expiry among the tickets still
 * open and that of a ticket issued at `now` (a later ticket never expires earlier). */
export function nextExpiry(open: readonly OpenTicket[], now: number, cal: HallCalendar, tz: string): number {
  const ends = new Map<string, number>();
  let next = expiryOf(hallDay(now, tz), now, cal, tz, ends);
  for (const t of open) if (EXPIRING_STATUSES.includes(t.status)) next = Math.min(next, expiryOf(t.hallDay, t.issuedAt, cal, tz, ends));
  return next;
}
