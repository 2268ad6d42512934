// Wait and service statistics over tickets issued in [from, to). Wait is issue → first call;
// service is start → finish (from the call when the operator skipped "start").
import type Database from 'better-sqlite3';

export class StatsService {
  private s;

  constructor(sql: Database.Database) {
    const range = 'issued_at >= @from AND issued_at < @to';
    this.s = {
      totals: sql.prepare(`SELECT COUNT(*) AS issued, SUM(status = 'done') AS served, SUM(status = 'no_show') AS noShow,
          AVG(first_called_at - issued_at) AS avgWait, AVG(CASE WHEN status = 'done' THEN finished_at - started_at END) AS avgService
        FROM tickets WHERE ${range}`),
      waits: sql.prepare(`SELECT first_called_at - issued_at AS w FROM tickets WHERE ${range} AND first_called_at IS NOT NULL ORDER BY w`),
      byService: sql.prepare(`SELECT original_service_id AS serviceId, COUNT(*) AS issued, SUM(status = 'done') AS served,
          AVG(first_called_at - issued_at) AS avgWait, AVG(CASE WHEN status = 'done' THEN finished_at - started_at END) AS avgService
        FROM tickets WHERE ${range} GROUP BY original_service_id ORDER BY original_service_id`),
      byOperator: sql.prepare(`SELECT user_id AS userId, COUNT(*) AS served, AVG(finished_at - started_at) AS avgService
        FROM tickets WHERE ${range} AND status = 'done' AND user_id IS NOT NULL GROUP BY user_id ORDER BY user_id`),
    };
  }

  summary(from: number, to: number) {
    const sec = (ms: number | null) => (ms === null ? null : Math.round(ms / 1000));
    const t = this.s.totals.get({ from, to }) as any;
    const waits = (this.s.waits.all({ from, to }) as { w: number }[]).map((r) => r.w);
    // Nearest-rank 90th percentile.
    const p90 = waits.length ? waits[Math.ceil(0.9 * waits.length) - 1] : null;
    return {
      issued: t.issued, served: t.served ?? 0, noShow: t.noShow ?? 0,
      avgWaitSec: sec(t.avgWait), avgServiceSec: sec(t.avgService), p90WaitSec: sec(p90),
      byService: (this.s.byService.all({ from, to }) as any[]).map((r) => ({ serviceId: r.serviceId, issued: r.issued, served: r.served ?? 0, avgWaitSec: sec(r.avgWait), avgServiceSec: sec(r.avgService) })),
      byOperator: (this.s.byOperator.all({ from, to }) as any[]).map((r) => ({ userId: r.userId, served: r.served, avgServiceSec: sec(r.avgService) })),
    };
  }
}

export interface TicketExportRow {
  id: number; number: string; service: string; status: string; issued: number; called: number | null; started: number | null; finished: number | null;
  counter: string | null; operator: string | null; outcome: string | null; privileged: number; etaSec: number | null;
}

/** The tickets issued in [from, to) for the export, oldest first, a page at a time (keyset on
 * (issued_at, id)), so that no statement stays open between pages and other requests run. */
export function* ticketExportPages(sql: Database.Database, from: number, to: number): Generator<TicketExportRow[]> {
  const pageSize = 2000;
  const page = sql.prepare(`SELECT t.id, t.number, s.name AS service, t.status, t.issued_at AS issued, t.first_called_at AS called,
      t.started_at AS started, t.finished_at AS finished, c.name AS counter, u.name AS operator, t.outcome, t.privileged, t.eta_sec AS etaSec
    FROM tickets t INDEXED BY tickets_issued JOIN services s ON s.id = t.original_service_id LEFT JOIN counters c ON c.id = t.counter_id LEFT JOIN users u ON u.id = t.user_id
    WHERE t.issued_at >= @after AND t.issued_at < @to AND (t.issued_at > @after OR t.id > @id) ORDER BY t.issued_at, t.id LIMIT @n`);
  let after = from, id = 0;
  for (;;) {
    const rows = page.all({ after, id, to, n: pageSize }) as TicketExportRow[];
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    ({ issued: after, id } = rows[rows.length - 1]);
  }
}
