// GET /metrics in Prometheus' text format (prom-client, a registry of the app's own). Ticket
// counters and the wait histogram follow the hub's committed events; queue lengths, devices,
// backups and files are read at scrape time. Labels are services, devices, routes: never a
// ticket id. `service` is the service's id; talon_service_info joins it to its name and prefix.
import type Database from 'better-sqlite3';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DeviceView } from '../device-port';
import type { Hub } from '../hub';
import type { BackupStatus } from './backups';
import type { StorageFigures } from './health';

export interface MetricsSources {
  sql: Database.Database;
  hub: Hub;
  clock: () => number;
  version: string;
  release: string;
  devices: () => DeviceView[];
  backup: () => BackupStatus;
  storage: () => StorageFigures;
}

/** Wait buckets in seconds: the 15-minute norm and TheQ's 5/20/60-minute bands among them. */
const WAIT_BUCKETS = [60, 120, 300, 600, 900, 1200, 1800, 2700, 3600, 7200];
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export class HallMetrics {
  readonly registry = new Registry();
  private defaultsOn = false;
  private requests;
  /** What the scrape-time gauges read, taken once per scrape (several gauges share each part). */
  private takeSnapshot: () => void;

  constructor(s: MetricsSources) {
    const registers = [this.registry];
    const issued = new Counter({ name: 'talon_tickets_issued_total', help: 'Tickets issued since the server started', labelNames: ['service'], registers });
    const served = new Counter({ name: 'talon_tickets_served_total', help: 'Tickets served (finished as done) since the server started', labelNames: ['service'], registers });
    const noShow = new Counter({ name: 'talon_tickets_no_show_total', help: 'Called tickets whose customer did not come, since the server started', labelNames: ['service'], registers });
    const wait = new Histogram({ name: 'talon_wait_seconds', help: 'Wait from issue to the first call, observed at the first call', labelNames: ['service'], buckets: WAIT_BUCKETS, registers });
    this.requests = new Histogram({ name: 'talon_http_request_duration_seconds', help: 'HTTP requests by route pattern', labelNames: ['method', 'route', 'status_code'], buckets: LATENCY_BUCKETS, registers });

    const calledAt = s.sql.prepare('SELECT issued_at AS issuedAt, first_called_at AS first, called_at AS called FROM tickets WHERE id = ?');
    s.hub.subscribe((e) => {
      if (!e.type.startsWith('ticket.')) return;
      const service = String((e as { ticket: { serviceId: number } }).ticket.serviceId);
      if (e.type === 'ticket.issued') issued.inc({ service });
      else if (e.type === 'ticket.finished') served.inc({ service });
      else if (e.type === 'ticket.no_show') noShow.inc({ service });
      else if (e.type === 'ticket.called') {
        const t = calledAt.get(e.ticket.id) as { issuedAt: number; first: number | null; called: number | null } | undefined;
        // A ticket called again after a postponement or a transfer keeps its first wait.
        if (t && t.first !== null && t.first === t.called) wait.observe({ service }, (t.first - t.issuedAt) / 1000);
      }
    });

    const services = s.sql.prepare('SELECT id, name, prefix FROM services WHERE active = 1 ORDER BY id');
    const queues = s.sql.prepare("SELECT service_id AS id, COUNT(*) AS n, MIN(issued_at) AS oldest FROM tickets WHERE status = 'waiting' GROUP BY service_id");
    let now = 0;
    let active: { id: number; name: string; prefix: string }[] = [];
    let waiting = new Map<number, { n: number; oldest: number }>();
    let devices: DeviceView[] = [];
    let backup: BackupStatus;
    let storage: StorageFigures;
    this.takeSnapshot = () => {
      now = s.clock();
      active = services.all() as typeof active;
      waiting = new Map((queues.all() as { id: number; n: number; oldest: number }[]).map((r) => [r.id, r]));
      devices = s.devices();
      backup = s.backup();
      storage = s.storage();
      // Known services start at 0, so a rate over them exists before their first ticket.
      for (const r of active) for (const c of [issued, served, noShow]) c.inc({ service: String(r.id) }, 0);
    };
    const gauge = (name: string, help: string, labelNames: string[], collect: (g: Gauge) => void) =>
      new Gauge({ name, help, labelNames, registers, collect() { this.reset(); collect(this); } });

    gauge('talon_build_info', 'The running release', ['version', 'release'], (g) => g.set({ version: s.version, release: s.release }, 1));
    gauge('talon_service_info', 'Active services: id, name and ticket prefix', ['service', 'name', 'prefix'], (g) => {
      for (const r of active) g.set({ service: String(r.id), name: r.name, prefix: r.prefix }, 1);
    });
    gauge('talon_queue_length', 'Tickets waiting now', ['service'], (g) => { for (const r of active) g.set({ service: String(r.id) }, waiting.get(r.id)?.n ?? 0); });
    gauge('talon_longest_wait_seconds', 'How long the longest-waiting ticket has waited (0: nobody waits)', ['service'], (g) => {
      for (const r of active) { const q = waiting.get(r.id); g.set({ service: String(r.id) }, q ? Math.round((now - q.oldest) / 1000) : 0); }
    });

    gauge('talon_device_up', 'Whether a printer or a button device works (ok or paper low)', ['device', 'kind', 'name'], (g) => {
      for (const d of devices) g.set({ device: String(d.id), kind: d.kind, name: d.name }, d.status === 'ok' || d.status === 'paper_low' ? 1 : 0);
    });
    gauge('talon_device_status', "A device's status (ok, paper_low, paper_out, offline, error): 1 for the current one", ['device', 'kind', 'name', 'status'], (g) => {
      for (const d of devices) g.set({ device: String(d.id), kind: d.kind, name: d.name, status: d.status }, 1);
    });

    gauge('talon_last_backup_timestamp_seconds', 'When the newest backup was taken (0: none yet)', [], (g) => g.set(backup.last ? Date.parse(backup.last.at) / 1000 : 0));
    gauge('talon_backup_stale', '1 when the newest backup is older than 26 hours', [], (g) => g.set(backup.stale ? 1 : 0));
    gauge('talon_database_bytes', 'Size of the database file', [], (g) => g.set(storage.database.bytes));
    gauge('talon_database_wal_bytes', 'Size of the write-ahead log', [], (g) => g.set(storage.database.walBytes));
    gauge('talon_disk_free_bytes', "Free space on the data's disk", [], (g) => g.set(storage.disk.freeBytes));
    gauge('talon_websocket_clients', 'Screens connected to /api/ws', [], (g) => g.set(s.hub.clientCount));
  }

  observeRequest(method: string, route: string | undefined, status: number, ms: number): void {
    this.requests.observe({ method, route: route ?? 'unmatched', status_code: String(status) }, ms / 1000);
  }

  /** The scrape. Node's process metrics start with the first one (a server nobody scrapes pays nothing). */
  async text(): Promise<string> {
    if (!this.defaultsOn) { collectDefaultMetrics({ register: this.registry }); this.defaultsOn = true; }
    this.takeSnapshot();
    return this.registry.metrics();
  }

  get contentType(): string { return this.registry.contentType; }
}
