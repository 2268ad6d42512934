// Recent service times per service, kept in memory for the wait estimate (a rolling window,
// loaded from the database at start and fed by every finish).
import type Database from 'better-sqlite3';

const WINDOW = 20;

export class ServiceTimes {
  private recent = new Map<number, number[]>();

  constructor(sql: Database.Database) {
    const rows = sql.prepare(`SELECT service_id AS serviceId, (finished_at - started_at) / 1000.0 AS sec FROM (
        SELECT service_id, finished_at, started_at, ROW_NUMBER() OVER (PARTITION BY service_id ORDER BY finished_at DESC) AS rn
        FROM tickets WHERE status = 'done' AND started_at IS NOT NULL) WHERE rn <= ${WINDOW} ORDER BY finished_at`).all() as { serviceId: number; sec: number }[];
    for (const r of rows) this.add(r.serviceId, r.sec);
  }

  add(serviceId: number, sec: number) {
    const list = this.recent.get(serviceId) ?? [];
    list.push(sec);
    if (list.length > WINDOW) list.shift();
    this.recent.set(serviceId, list);
  }

  get(serviceId: number): number[] { return this.recent.get(serviceId) ?? []; }
}
