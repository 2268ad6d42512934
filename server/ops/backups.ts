// The hall's backups: made on request, daily at the settings' time with its retention, and the
// age of the last one (a stale backup is an alert). croner computes the schedule in the hall's
// zone; the clock is injected, and check() is what a timer (or a test) calls.
//
// A daily backup is due when none was made since the last scheduled time: a hall server that is
// switched off at night makes it when it is switched on. A new hall with no ticket yet has
// nothing worth a copy and waits for the first scheduled time after its first ticket.
import type Database from 'better-sqlite3';
import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { HallSettings } from '../settings';
import { backupDatabase, listBackups, pruneBackups, type BackupFile } from './backup-files';

/** A backup older than this is stale: a day plus slack for a late start or a long copy. */
export const STALE_AFTER_MS = 26 * 3600_000;
/** The timer re-checks at least this often (clock changes, a changed backup time). */
const MAX_SLEEP_MS = 3600_000;

export interface BackupStatus {
  last: BackupFile | null;
  ageSec: number | null;
  stale: boolean;
  /** Since when the backup is stale (ISO), or null. */
  staleSince: string | null;
  /** When the backup is (or will be) stale without a new copy (ISO). */
  staleAt: string;
  /** The next daily backup (ISO). */
  next: string | null;
  /** The last daily backup's failure, until one succeeds. */
  lastError: string | null;
}


export interface BackupServiceOptions {
  sql: Database.Database;
  dataDir: string;
  clock: () => number;
  timezone: string;
  settings: () => HallSettings['backup'];
  log: Logger;
}

export class BackupService {
  private readonly startedAt: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private lastError: string | null = null;
  private hasTicket;

  constructor(private o: BackupServiceOptions) {
    this.startedAt = o.clock();
    this.hasTicket = o.sql.prepare('SELECT 1 FROM tickets LIMIT 1').pluck();
  }

  list(): BackupFile[] { return listBackups(this.o.dataDir); }

  /** One backup now (serialised with the daily one: two copies never run at once). */
  async create(kind: 'manual' | 'daily' = 'manual') {
    while (this.running) await this.running.catch(() => {});
    const job = backupDatabase(this.o.sql, this.o.dataDir, this.o.clock(), kind);
    this.running = job;
    try { return await job; } finally { this.running = null; }
  }

  private cron(): Cron {
    const [h, m] = this.o.settings().time.split(':').map(Number);
    return new Cron(`${m} ${h} * * *`, { timezone: this.o.timezone, paused: true });
  }

  /** Makes the daily backup if it is due now, then prunes old daily copies; null if not due. */
  async check(): Promise<{ file: string; bytes: number; pruned: string[] } | null> {
    const now = this.o.clock();
    const scheduled = this.cron().previousRuns(1, new Date(now))[0]?.getTime() ?? 0;
    const lastDaily = this.list().find((b) => b.kind === 'daily');
    const due = lastDaily ? Date.parse(lastDaily.at) < scheduled - 1000 : this.hasTicket.get() !== undefined;
    if (!due) return null;
    try {
      const made = await this.create('daily');
      this.lastError = null;
      const pruned = pruneBackups(this.o.dataDir, 'daily', this.o.settings().keep);
      this.o.log.info({ file: made.file, bytes: made.bytes, pruned }, 'daily backup written');
      return { ...made, pruned };
    } catch (err) {
      this.lastError = (err as Error).message;
      this.o.log.error({ err }, 'daily backup failed');
      return null;
    }
  }

  /** Checks now, then wakes for the next scheduled time (at most an hour later). */
  start(): void {
    const loop = async () => {
      await this.check();
      if (this.timer === null) return; // stopped meanwhile
      const next = this.cron().nextRun(new Date(this.o.clock()));
      const wait = next ? Math.min(Math.max(next.getTime() - this.o.clock(), 1000), MAX_SLEEP_MS) : MAX_SLEEP_MS;
      this.timer = setTimeout(() => void loop(), wait);
      this.timer.unref();
    };
    this.timer = setTimeout(() => void loop(), 0);
    this.timer.unref();
  }

  /** Stops the timer and waits for a backup in progress (before the database closes). */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
  }

  status(): BackupStatus {
    const now = this.o.clock();
    const last = this.list()[0] ?? null;
    const since = (last ? Date.parse(last.at) : this.startedAt) + STALE_AFTER_MS;
    const next = this.cron().nextRun(new Date(now));
    return {
      last,
      ageSec: last ? Math.round((now - Date.parse(last.at)) / 1000) : null,
      stale: now >= since,
      staleSince: now >= since ? new Date(since).toISOString() : null,
      staleAt: new Date(since).toISOString(),
      next: next ? next.toISOString() : null,
      lastError: this.lastError,
    };
  }
}
