// Recent service times per service for the wait estimate: the engine's rolling window, loaded
// from the database at start and fed by every finish.
import type Database from 'better-sqlite3';
import { RECENT_WINDOW, RecentTimes } from '../engine/recent-times';

export class ServiceTimes extends RecentTimes {
  constructor(sql: Database.Database) {
    super();
    const rows = sql.prepare(`SELECT service_id AS serviceId, (finished_at - started_at) / 1000.0 AS sec FROM (
        SELECT service_id, finished_at, started_at, ROW_NUMBER() OVER (PARTITION BY service_id ORDER BY finished_at DESC) AS rn
        FROM tickets WHERE status = 'done' AND started_at IS NOT NULL) WHERE rn <= ${RECENT_WINDOW} ORDER BY finished_at`).all() as { serviceId: number; sec: number }[];
    for (const r of rows) this.add(r.serviceId, r.sec);
  }
}
