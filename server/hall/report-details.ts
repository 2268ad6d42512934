// What lies behind a report (for the supervisor's drill-downs and charts): the tickets of a
// range and filters, a page at a time, and the distribution of their waits and arrivals. Plain
// queries over the issue-time index, with the report's own filters (server/hall/reports.ts).
import type Database from 'better-sqlite3';
import { DistributionBuilder, type Distribution } from '../stats/distribution';
import { wholeSec } from '../stats/tally';
import { iso } from './rows';

export interface DetailQuery { from: number; to: number; serviceId?: number; counterId?: number; userId?: number }

export interface ListedTicket {
  id: number; number: string; serviceId: number; originalServiceId: number; status: string;
  issuedAt: string; calledAt: string | null; finishedAt: string | null; waitSec: number | null; serviceSec: number | null;
  counter: { id: number; name: string } | null; user: { id: number; name: string } | null;
}

const FILTERS = `(@serviceId IS NULL OR t.original_service_id = @serviceId) AND (@counterId IS NULL OR t.counter_id = @counterId)
  AND (@userId IS NULL OR t.user_id = @userId)`;

export class ReportDetails {
  private s;

  constructor(sql: Database.Database, private tz: string) {
    this.s = {
      count: sql.prepare(`SELECT COUNT(*) FROM tickets t INDEXED BY tickets_issued WHERE t.issued_at >= @from AND t.issued_at < @to AND ${FILTERS}`).pluck(),
      page: sql.prepare(`SELECT t.id, t.number, t.service_id AS serviceId, t.original_service_id AS originalServiceId, t.status,
          t.issued_at AS issuedAt, t.first_called_at AS calledAt, t.started_at AS startedAt, t.finished_at AS finishedAt,
          c.id AS counterId, c.name AS counterName, u.id AS userId, u.name AS userName
        FROM tickets t INDEXED BY tickets_issued LEFT JOIN counters c ON c.id = t.counter_id LEFT JOIN users u ON u.id = t.user_id
        WHERE t.issued_at >= @from AND t.issued_at < @to AND ${FILTERS} ORDER BY t.issued_at, t.id LIMIT @limit OFFSET @offset`),
      facts: sql.prepare(`SELECT t.original_service_id AS serviceId, t.status, t.issued_at AS issuedAt, t.first_called_at AS firstCalledAt, t.finished_at AS finishedAt
        FROM tickets t INDEXED BY tickets_issued WHERE t.issued_at >= @from AND t.issued_at < @to AND ${FILTERS}`),
      maxWait: sql.prepare('SELECT id, max_wait_sec AS maxWaitSec FROM services'),
    };
  }

  private params(q: DetailQuery) {
    return { from: q.from, to: q.to, serviceId: q.serviceId ?? null, counterId: q.counterId ?? null, userId: q.userId ?? null };
  }

  /** The range's tickets oldest first, `limit` from `offset`, and how many there are in all. */
  tickets(q: DetailQuery, offset: number, limit: number): { total: number; tickets: ListedTicket[] } {
    const p = this.params(q);
    const rows = this.s.page.all({ ...p, offset, limit }) as any[];
    return {
      total: this.s.count.get(p) as number,
      tickets: rows.map((r) => ({
        id: r.id, number: r.number, serviceId: r.serviceId, originalServiceId: r.originalServiceId, status: r.status,
        issuedAt: iso(r.issuedAt), calledAt: iso(r.calledAt), finishedAt: iso(r.finishedAt),
        waitSec: r.calledAt === null ? null : wholeSec(r.calledAt - r.issuedAt),
        // as in reports: service time of finished visits only
        serviceSec: r.status === 'done' && r.startedAt !== null && r.finishedAt !== null ? wholeSec(r.finishedAt - r.startedAt) : null,
        counter: r.counterId === null ? null : { id: r.counterId, name: r.counterName },
        user: r.userId === null ? null : { id: r.userId, name: r.userName },
      })),
    };
  }

  distribution(q: DetailQuery & { targetSec?: number }): Distribution {
    const maxWaitSec = new Map((this.s.maxWait.all() as { id: number; maxWaitSec: number }[]).map((s) => [s.id, s.maxWaitSec]));
    const b = new DistributionBuilder({ from: q.from, to: q.to, tz: this.tz, targetSec: q.targetSec ?? null, maxWaitSec });
    for (const t of this.s.facts.iterate(this.params(q)) as IterableIterator<any>) b.add(t);
    return b.build();
  }
}
