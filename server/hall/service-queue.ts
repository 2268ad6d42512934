// One service's queue now, ticket by ticket, for the live hall's drill-down: who waits (or has
// stepped away) and for how long, oldest first. Plain queries on the queue's status index.
import type Database from 'better-sqlite3';
import { wholeSec } from '../stats/tally';
import { iso } from './rows';

export interface QueuedTicket {
  id: number; number: string; status: 'waiting' | 'postponed'; privileged: boolean; issuedAt: string; waitSec: number;
  /** A ticket sent or postponed to one counter waits for that counter only. */
  counter: { id: number; name: string } | null;
  postponedUntil: string | null;
}

export class ServiceQueue {
  private s;

  constructor(sql: Database.Database, private clock: () => number) {
    this.s = {
      service: sql.prepare('SELECT id, max_wait_sec AS maxWaitSec FROM services WHERE id = ?'),
      tickets: sql.prepare(`SELECT t.id, t.number, t.status, t.privileged, t.issued_at AS issuedAt, t.postponed_until AS postponedUntil,
          c.id AS counterId, c.name AS counterName
        FROM tickets t LEFT JOIN counters c ON c.id = t.target_counter_id
        WHERE t.status IN ('waiting', 'postponed') AND t.service_id = ? ORDER BY t.issued_at, t.id`),
    };
  }

  /** null for an unknown service. */
  view(serviceId: number): { at: string; serviceId: number; maxWaitSec: number; tickets: QueuedTicket[] } | null {
    const service = this.s.service.get(serviceId) as { id: number; maxWaitSec: number } | undefined;
    if (!service) return null;
    const now = this.clock();
    return {
      at: iso(now), serviceId, maxWaitSec: service.maxWaitSec,
      tickets: (this.s.tickets.all(serviceId) as any[]).map((t) => ({
        id: t.id, number: t.number, status: t.status, privileged: Boolean(t.privileged), issuedAt: iso(t.issuedAt), waitSec: wholeSec(now - t.issuedAt),
        counter: t.counterId === null ? null : { id: t.counterId, name: t.counterName }, postponedUntil: iso(t.postponedUntil),
      })),
    };
  }
}
