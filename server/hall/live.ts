// The live hall's read model: the queue, the counters and today's Row from SQLite, the devices'
// status from the device layer, into the pure liveView (server/stats/live.ts). Every query is
// on the queue's indexes or a handful of rows, so a screen can refetch it on every event.
import type Database from 'better-sqlite3';
import type { DevicePort } from '../device-port';
import { hallDayStart } from '../engine/numbering';
import type { Hub } from '../hub';
import type { SettingsStore } from '../settings';
import type { BackupStatus } from '../ops/backups';
import { liveView, type LiveCounterInput, type LiveDevice, type LiveInput, type LiveTicket, type LiveView } from '../stats/live';
import type { Row } from '../stats/tally';
import type { ReportModel } from './reports';
import { VISIT_EVENTS } from './rows';
import type { HallViews } from './views';

export interface LiveDeps {
  sql: Database.Database;
  views: HallViews;
  reports: ReportModel;
  settings: SettingsStore;
  /** The device layer (it replaces the default port when it registers). */
  devices: () => DevicePort;
  clock: () => number;
  timezone: string;
  /** The backups' state, for the stale-backup alert. */
  backup?: () => BackupStatus;
}

export interface LiveHallView extends LiveView { at: number; today: Row }

/** How often the device layer's status is compared with what the screens last heard. */
const DEVICE_CHECK_MS = 2000;

export class LiveHall {
  private s;
  /** Each device's status and since when the server has seen it in that status. */
  private seen = new Map<string, { status: string; since: number }>();

  constructor(private d: LiveDeps) {
    const sql = d.sql;
    this.s = {
      services: sql.prepare('SELECT id, name, name_en AS nameEn, max_wait_sec AS maxWaitSec, active FROM services ORDER BY sort_order, id'),
      waiting: sql.prepare("SELECT service_id AS serviceId, issued_at AS issuedAt FROM tickets WHERE status = 'waiting'"),
      active: sql.prepare(`SELECT id, number, service_id AS serviceId, status, called_at AS calledAt, started_at AS startedAt, counter_id AS counterId
        FROM tickets WHERE status IN ('called', 'serving') AND counter_id IS NOT NULL`),
      links: sql.prepare('SELECT counter_id AS counterId, service_id AS serviceId FROM counter_services'),
      lastCounterEvent: sql.prepare('SELECT at FROM counter_events WHERE counter_id = ? ORDER BY at DESC, id DESC LIMIT 1').pluck(),
      // The end of the counter's last visit since it opened: the newest visit boundary there.
      lastVisitEnd: sql.prepare(`SELECT at FROM ticket_events INDEXED BY ticket_events_visits
        WHERE ${VISIT_EVENTS} AND at >= ? AND counter_id = ? ORDER BY at DESC LIMIT 1`).pluck(),
    };
  }

  view(): LiveHallView {
    const now = this.d.clock();
    const settings = this.d.settings.get();
    const eta = new Map(this.d.views.services().map((s) => [s.id, s.etaMinutes]));
    const waiting = new Map<number, number[]>();
    for (const w of this.s.waiting.all() as { serviceId: number; issuedAt: number }[]) {
      let list = waiting.get(w.serviceId);
      if (!list) { list = []; waiting.set(w.serviceId, list); }
      list.push(w.issuedAt);
    }
    const services = (this.s.services.all() as { id: number; name: string; nameEn: string | null; maxWaitSec: number; active: number }[])
      .filter((s) => s.active || waiting.has(s.id))
      .map((s) => ({ id: s.id, name: s.name, nameEn: s.nameEn, maxWaitSec: s.maxWaitSec, etaMinutes: eta.get(s.id) ?? 0, waiting: waiting.get(s.id) ?? [] }));
    const tickets = new Map((this.s.active.all() as (LiveTicket & { counterId: number })[]).map(({ counterId, ...t }) => [counterId, t]));
    const links = new Map<number, number[]>();
    for (const l of this.s.links.all() as { counterId: number; serviceId: number }[]) links.set(l.counterId, [...(links.get(l.counterId) ?? []), l.serviceId]);
    const counters = this.d.views.counters().map((c): LiveCounterInput => {
      const stateSince = (this.s.lastCounterEvent.get(c.id) as number | undefined) ?? null;
      const ticket = tickets.get(c.id) ?? null;
      const idle = c.state === 'open' && !ticket;
      return {
        id: c.id, name: c.name, state: c.state, breakReason: c.breakReason, user: c.user, stateSince, ticket, serviceIds: links.get(c.id) ?? [],
        lastVisitEnd: idle && stateSince !== null ? ((this.s.lastVisitEnd.get(stateSince, c.id) as number | undefined) ?? null) : null,
      };
    });
    const view = liveView({
      now, services, counters, devices: this.devices(now), breakLimitSec: settings.breakLimitSec,
      breakReasonNames: Object.fromEntries(settings.breakReasons.map((r) => [r.id, { ru: r.ru, en: r.en }])),
      backup: this.backup(),
    });
    const today = this.d.reports.report({ by: 'none', from: hallDayStart(now, this.d.timezone), to: now + 1 }).total;
    return { at: now, ...view, today };
  }

  private backup(): LiveInput['backup'] {
    const b = this.d.backup?.();
    return b && { staleAt: Date.parse(b.staleAt), lastAt: b.last ? Date.parse(b.last.at) : null, lastError: b.lastError };
  }

  /** The device layer's devices, each with since when it has been in its status. */
  private devices(now: number): LiveDevice[] {
    const seen = new Map<string, { status: string; since: number }>();
    const out = this.d.devices().list().map((dv) => {
      const key = String(dv.id);
      const before = this.seen.get(key);
      const s = before && before.status === dv.status ? before : { status: dv.status, since: now };
      seen.set(key, s);
      return { ...dv, since: s.since };
    });
    this.seen = seen;
    return out;
  }

  /** Tells the screens when a device's status changes (`devices.changed`: refetch the live
   * hall), so that a printer running out of paper shows without a screen polling. */
  watchDevices(hub: Hub): () => void {
    this.devices(this.d.clock());
    const timer = setInterval(() => {
      const before = this.seen;
      const now = this.devices(this.d.clock());
      if (now.length !== before.size || now.some((dv) => before.get(String(dv.id))?.status !== dv.status)) hub.publish([{ type: 'devices.changed' }]);
    }, DEVICE_CHECK_MS);
    timer.unref();
    return () => clearInterval(timer);
  }
}
