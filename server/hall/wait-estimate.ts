// The wait estimate given at issue (the kiosk's etaMinutes, tickets.eta_sec) and shown per
// service: the engine's forward estimate (forecastWaitSec) over the hall as it stands, read
// here from SQLite; the queue-length estimate where it cannot run (no open counter would call
// the ticket, or a queue too long to play through on the issue path).
import type Database from 'better-sqlite3';
import * as engine from '../engine';
import type { SettingsStore } from '../settings';
import type { ServiceTimes } from './service-times';

/** Past this many waiting tickets in the hall the queue-length estimate is used: the forward
 * one costs about a microsecond per ticket ahead, and no hall day queues this long. */
export const FORECAST_MAX_WAITING = 300;

/** Lengths of the last breaks by reason, loaded at start and fed by every resume. */
export class BreakTimes extends engine.RecentTimes<string> {
  constructor(sql: Database.Database) {
    super();
    const rows = sql.prepare(`SELECT reason, sec FROM (
        SELECT action, LAG(action) OVER w AS prev, LAG(reason) OVER w AS reason, (at - LAG(at) OVER w) / 1000.0 AS sec, id
        FROM counter_events WINDOW w AS (PARTITION BY counter_id ORDER BY id))
      WHERE prev = 'break' AND action IN ('resume', 'close') AND reason IS NOT NULL ORDER BY id`).all() as { reason: string; sec: number }[];
    for (const r of rows) this.add(r.reason, r.sec);
  }
}

export interface HallSnapshot {
  now: number;
  counters: engine.ForecastCounter[];
  waiting: engine.QueueTicket[];
  services: Map<number, engine.ServiceRule & { defaultServiceSec: number }>;
}

type CounterRow = { id: number; state: string; reason: string | null; busyService: number | null; busySince: number | null; breakSince: number | null };

export class WaitEstimates {
  readonly breaks: BreakTimes;
  private s;

  constructor(sql: Database.Database, private settings: SettingsStore, private times: ServiceTimes) {
    this.breaks = new BreakTimes(sql);
    this.s = {
      total: sql.prepare('SELECT COALESCE(SUM(count), 0) AS n FROM waiting_counts'),
      // Covered by the queue index (status, service_id, issued_at, target_counter_id); rows as
      // arrays, which better-sqlite3 makes several times faster than objects.
      waiting: sql.prepare("SELECT id, service_id, issued_at, target_counter_id, 0 FROM tickets WHERE status = 'waiting'").raw(),
      waitingPriv: sql.prepare("SELECT id, service_id, issued_at, target_counter_id, privileged FROM tickets WHERE status = 'waiting'").raw(),
      counters: sql.prepare(`SELECT c.id, c.state, c.break_reason AS reason, t.service_id AS busyService, COALESCE(t.started_at, t.called_at) AS busySince,
          CASE WHEN c.state = 'break' THEN (SELECT MAX(at) FROM counter_events e WHERE e.counter_id = c.id AND e.action = 'break') END AS breakSince
        FROM counters c LEFT JOIN tickets t ON t.counter_id = c.id AND t.status IN ('called', 'serving')
        WHERE c.active = 1 AND c.state IN ('open', 'break')`),
      links: sql.prepare('SELECT counter_id AS counterId, service_id AS serviceId, priority FROM counter_services'),
      services: sql.prepare('SELECT id, max_wait_sec AS maxWaitSec, default_service_sec AS defaultServiceSec FROM services'),
      servers: sql.prepare(`SELECT COUNT(*) AS servers, SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM tickets t WHERE t.counter_id = c.id AND t.status IN ('called', 'serving')) THEN 1 ELSE 0 END) AS idle
        FROM counters c JOIN counter_services cs ON cs.counter_id = c.id WHERE cs.service_id = ? AND c.state = 'open' AND c.active = 1`),
    };
  }

  private mean(services: HallSnapshot['services'], serviceId: number): number {
    return engine.meanServiceSec(this.times.get(serviceId), services.get(serviceId)?.defaultServiceSec ?? 600);
  }

  /** The hall as the forward estimate needs it; null when its queue is too long to play through. */
  snapshot(now: number): HallSnapshot | null {
    if ((this.s.total.get() as { n: number }).n > FORECAST_MAX_WAITING) return null;
    const privileged = this.settings.get().privilegedEnabled;
    const waiting = ((privileged ? this.s.waitingPriv : this.s.waiting).all() as [number, number, number, number | null, number][]).map(
      ([id, serviceId, issuedAt, targetCounterId, priv]): engine.QueueTicket => ({ id, serviceId, status: 'waiting', privileged: priv === 1, issuedAt, targetCounterId, postponedUntil: null }));
    const services = new Map((this.s.services.all() as { id: number; maxWaitSec: number; defaultServiceSec: number }[]).map((s) => [s.id, s]));
    const links = new Map<number, engine.CounterLink[]>();
    for (const l of this.s.links.all() as { counterId: number; serviceId: number; priority: number }[]) {
      const list = links.get(l.counterId) ?? [];
      list.push({ serviceId: l.serviceId, priority: l.priority });
      links.set(l.counterId, list);
    }
    const counters: engine.ForecastCounter[] = [];
    for (const c of this.s.counters.all() as CounterRow[]) {
      let freeAt = now;
      if (c.state === 'break') {
        const usual = this.breaks.get(c.reason ?? '');
        if (usual.length === 0 || c.breakSince === null) continue; // no idea when it is back
        freeAt = engine.expectedBackAt(c.breakSince, engine.meanServiceSec(usual, 0), now);
      } else if (c.busyService !== null && c.busySince !== null) {
        freeAt = engine.expectedFreeAt(c.busySince, this.mean(services, c.busyService), now);
      }
      counters.push({ id: c.id, links: links.get(c.id) ?? [], freeAt });
    }
    return { now, counters, waiting, services };
  }

  /** The queue-length estimate (Ibrahim & Whitt's baseline, adjusted for idle counters). */
  queueLength(serviceId: number, ahead: number, defaultServiceSec: number): number {
    const { servers, idle } = this.s.servers.get(serviceId) as { servers: number; idle: number | null };
    return engine.estimateWaitSec({ ahead, servers, idle: idle ?? 0, meanServiceSec: engine.meanServiceSec(this.times.get(serviceId), defaultServiceSec) });
  }

  /** Seconds until `target` is called: a waiting ticket of the snapshot, or a new one (not in it). */
  waitSec(snap: HallSnapshot | null, target: engine.QueueTicket, ahead: number, defaultServiceSec: number): number {
    if (snap) {
      const known = snap.waiting.some((t) => t.id === target.id);
      const f = engine.forecastWaitSec({
        now: snap.now, counters: snap.counters, waiting: known ? snap.waiting : [...snap.waiting, target], target,
        services: snap.services, meanServiceSec: (id) => this.mean(snap.services, id),
        privilegedFirst: this.settings.get().privilegedEnabled, overdueAtPct: this.settings.get().overdueAtPct,
      });
      if (f !== null) return f;
    }
    return this.queueLength(target.serviceId, ahead, defaultServiceSec);
  }
}

/** A ticket not issued yet: the newest of its service's queue. */
export function newTicket(serviceId: number, now: number, privileged = false): engine.QueueTicket {
  return { id: Number.MAX_SAFE_INTEGER, serviceId, status: 'waiting', privileged, issuedAt: now, targetCounterId: null, postponedUntil: null };
}
