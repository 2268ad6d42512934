// Whether the hall can still write: the free space of DATA_DIR's file system, and the last write
// that failed for want of it. A full disk answers writes with 503 disk_full, and the health check
// says so while it lasts, so a monitor notices before the kiosk's customers do.
import { statfsSync } from 'node:fs';

/** Below this, SQLite's next WAL growth (4 kB pages, a checkpoint) may fail at any moment. */
export const MIN_FREE_BYTES = 1024 * 1024;
const RECHECK_MS = 1000;
/** How long a failed write keeps the health check red without a successful write since. */
const FAILURE_MS = 60_000;

/** SQLite reports ENOSPC as SQLITE_FULL (os_unix.c); fdatasync of the WAL may give ENOSPC itself. */
export const isDiskFull = (err: unknown) => {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
};

export class DiskWatch {
  private failedAt = -Infinity;
  private checkedAt = -Infinity;
  private free = Infinity;

  constructor(private dir: string) {}

  failed() { this.failedAt = performance.now(); }
  wrote() { this.failedAt = -Infinity; }

  /** Why writes will fail now, or null. statfs is asked at most once a second. */
  problem(): string | null {
    const now = performance.now();
    if (now - this.checkedAt > RECHECK_MS) {
      this.checkedAt = now;
      try { const s = statfsSync(this.dir); this.free = s.bavail * s.bsize; } catch { this.free = Infinity; }
    }
    if (this.free < MIN_FREE_BYTES) return `The disk of the data folder is full (${this.free} bytes free)`;
    if (now - this.failedAt < FAILURE_MS) return 'The disk of the data folder is full: the last write failed';
    return null;
  }
}
