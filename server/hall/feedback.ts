// Customers' ratings of a finished visit: from the window's rating tablet (by ticket) or from a
// rating keypad (the counter's last finished visit). One transaction each through the group
// commit; `feedback.received` goes out after it, so the tablet can thank the customer.
import type Database from 'better-sqlite3';
import type { Committer } from '../commits';
import { AppError, conflict, notFound } from '../errors';
import type { HallEventDraft } from '../protocol';
import { RATE_WITHIN_MS, refusal } from '../stats/feedback';

export interface Rating { ticketId: number; rating: number; comment?: string | null; source: 'tablet' | 'keypad' }

export class FeedbackService {
  private s;

  constructor(sql: Database.Database, private commits: Committer, private clock: () => number) {
    this.s = {
      ticket: sql.prepare(`SELECT t.id, t.number, t.service_id AS serviceId, t.status, t.finished_at AS finishedAt, t.counter_id AS counterId,
          t.user_id AS userId, c.name AS counterName, EXISTS (SELECT 1 FROM feedback f WHERE f.ticket_id = t.id) AS rated
        FROM tickets t LEFT JOIN counters c ON c.id = t.counter_id WHERE t.id = ?`),
      // The counter's last finished visit (bounded by the issue-time index: a visit rated is of today).
      lastDone: sql.prepare(`SELECT id FROM tickets WHERE counter_id = ? AND status = 'done' AND issued_at >= ? ORDER BY finished_at DESC, id DESC LIMIT 1`).pluck(),
      insert: sql.prepare('INSERT INTO feedback (ticket_id, rating, comment, service_id, counter_id, user_id, at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    };
  }

  private record(r: Rating) {
    return this.commits.tx(() => {
      const now = this.clock();
      const t = this.s.ticket.get(r.ticketId) as any;
      if (!t) throw notFound('Ticket');
      const why = refusal(t, !!t.rated, now);
      if (why) throw conflict(why);
      const id = Number(this.s.insert.run(t.id, r.rating, r.comment ?? null, t.serviceId, t.counterId, t.userId, now, r.source).lastInsertRowid);
      const events: HallEventDraft[] = [{
        type: 'feedback.received', ticket: { id: t.id, number: t.number, serviceId: t.serviceId },
        counter: t.counterId ? { id: t.counterId, name: t.counterName } : null,
      }];
      return { result: { id, ticketId: t.id, rating: r.rating, at: new Date(now).toISOString() }, events };
    });
  }

  rate(r: Rating) { return this.commits.run(() => this.record(r)); }

  /** A rating keypad's key at a counter rates its last finished visit. */
  rateAtCounter(counterId: number, rating: number) {
    return this.commits.run(() => {
      const id = this.s.lastDone.get(counterId, this.clock() - RATE_WITHIN_MS - 86_400_000) as number | undefined;
      if (id === undefined) throw new AppError(409, 'conflict', 'No finished visit at this counter to rate');
      return this.record({ ticketId: id, rating, source: 'keypad' });
    });
  }
}
