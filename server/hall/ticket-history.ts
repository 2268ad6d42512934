// A ticket's history for the supervisor (every step from the event log) and the search of a
// hall day's tickets by number ("А015 today"). Plain queries.
import type Database from 'better-sqlite3';
import { nextDay, zonedEpoch } from '../engine/calendar';
import { wholeSec } from '../stats/tally';
import { iso } from './rows';

export interface TicketEventView {
  at: string; action: string; fromStatus: string | null; toStatus: string;
  counter: { id: number; name: string } | null; user: { id: number; name: string } | null; detail: unknown;
}

export interface TicketFound {
  id: number; number: string; serviceId: number; originalServiceId: number; serviceName: string; status: string; hallDay: string;
  issuedAt: string; calledAt: string | null; finishedAt: string | null; waitSec: number | null;
  counter: { id: number; name: string } | null; user: { id: number; name: string } | null;
}

// Keyboards switch layouts: a Latin letter that looks like a Cyrillic one finds both.
const LATIN = 'ABCEHKMOPTXY', CYRILLIC = 'АВСЕНКМОРТХУ';
const swap = (s: string, from: string, to: string) => [...s].map((c) => (from.includes(c) ? to[from.indexOf(c)] : c)).join('');

/** 'А15', 'a015', 'А-015', '15' → the prefixes to accept (none: any) and the sequence number. */
export function parseNumber(text: string): { prefixes: string[] | null; seq: number } | null {
  const m = /^\s*([A-Za-zА-ЯЁа-яё]{0,3})\s*-?\s*0*(\d{1,6})\s*$/.exec(text);
  if (!m) return null;
  const prefix = m[1].toUpperCase();
  return { prefixes: prefix ? [...new Set([prefix, swap(prefix, LATIN, CYRILLIC), swap(prefix, CYRILLIC, LATIN)])] : null, seq: Number(m[2]) };
}

export class TicketHistory {
  private s;

  constructor(sql: Database.Database, private tz: string) {
    const ref = (alias: string) => `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_object('id', ${alias}.id, 'name', ${alias}.name) END`;
    this.s = {
      exists: sql.prepare('SELECT 1 FROM tickets WHERE id = ?').pluck(),
      events: sql.prepare(`SELECT e.at, e.action, e.from_status AS fromStatus, e.to_status AS toStatus, e.detail, ${ref('c')} AS counter, ${ref('u')} AS user
        FROM ticket_events e LEFT JOIN counters c ON c.id = e.counter_id LEFT JOIN users u ON u.id = e.user_id WHERE e.ticket_id = ? ORDER BY e.id`),
      byDaySeq: sql.prepare(`SELECT t.id, t.number, t.service_id AS serviceId, t.original_service_id AS originalServiceId, s.name AS serviceName,
          t.status, t.hall_day AS hallDay, t.issued_at AS issuedAt, t.first_called_at AS calledAt, t.finished_at AS finishedAt, ${ref('c')} AS counter, ${ref('u')} AS user
        FROM tickets t INDEXED BY tickets_issued JOIN services s ON s.id = t.original_service_id LEFT JOIN counters c ON c.id = t.counter_id LEFT JOIN users u ON u.id = t.user_id
        WHERE t.issued_at >= ? AND t.issued_at < ? AND t.hall_day = ? AND t.seq = ? ORDER BY t.issued_at, t.id`),
    };
  }

  /** Every step of a ticket, oldest first; null for an unknown ticket. */
  events(ticketId: number): TicketEventView[] | null {
    if (this.s.exists.get(ticketId) === undefined) return null;
    return (this.s.events.all(ticketId) as any[]).map((e) => ({
      at: iso(e.at), action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus,
      counter: e.counter ? JSON.parse(e.counter) : null, user: e.user ? JSON.parse(e.user) : null,
      detail: e.detail ? JSON.parse(e.detail) : null,
    }));
  }

  /** The tickets of hall day `day` ('YYYY-MM-DD') whose number matches `text`. */
  search(text: string, day: string): TicketFound[] | null {
    const q = parseNumber(text);
    if (!q) return null;
    const from = zonedEpoch(day, '00:00', this.tz), to = zonedEpoch(nextDay(day), '00:00', this.tz);
    return (this.s.byDaySeq.all(from, to, day, q.seq) as any[])
      // The prefix the ticket was printed with (a service's prefix can change later).
      .filter((t) => !q.prefixes || q.prefixes.includes(String(t.number).replace(/\d+$/, '').toUpperCase()))
      .map((t) => ({
        ...t, issuedAt: iso(t.issuedAt), calledAt: iso(t.calledAt), finishedAt: iso(t.finishedAt),
        waitSec: t.calledAt === null ? null : wholeSec(t.calledAt - t.issuedAt),
        counter: t.counter ? JSON.parse(t.counter) : null, user: t.user ? JSON.parse(t.user) : null,
      }));
  }
}
