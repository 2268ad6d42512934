// Flushing the WAL to disk off the event loop. With synchronous=FULL every COMMIT calls
// fdatasync() on the WAL inside SQLite, and better-sqlite3 is synchronous: the whole server
// stands still for that (0.5 ms at best here, 5–15 ms at worst). Group commits instead run with
// synchronous=NORMAL, which writes the WAL frames without the flush, and then call fdatasync()
// on the same file (fsync works on the file, whichever descriptor asks) in libuv's thread pool.
// The requests of a batch are answered, and its events published, only after a flush that
// began after its commit has ended: a 201 still means "on disk", as with FULL.
import type Database from 'better-sqlite3';
import { fdatasync, openSync, closeSync } from 'node:fs';

type Waiter = { resolve: () => void; reject: (e: unknown) => void };

export class WalSync {
  private running = false;
  private waiting: Waiter[] = [];
  private idle: (() => void)[] = [];

  private constructor(private fd: number) {}

  /** For a file database in WAL mode; null for an in-memory one (nothing to flush). */
  static open(sql: Database.Database): WalSync | null {
    if (sql.memory || sql.pragma('journal_mode', { simple: true }) !== 'wal') return null;
    // SQLite keeps the -wal file (same inode) for as long as this connection is open.
    return new WalSync(openSync(`${sql.name}-wal`, 'r'));
  }

  /** Resolves once everything written to the WAL before this call is on disk. Flushes are
   * coalesced: callers that arrive while one runs share the next. */
  sync(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.running) this.flush();
    });
  }

  private flush() {
    const batch = this.waiting.splice(0);
    this.running = true;
    fdatasync(this.fd, (err) => {
      this.running = false;
      for (const w of batch) (err ? w.reject(err) : w.resolve());
      if (this.waiting.length) this.flush();
      else this.idle.splice(0).forEach((f) => f());
    });
  }

  /** Waits for the flushes under way, then closes the descriptor (before the database closes). */
  async close(): Promise<void> {
    if (this.running) await new Promise<void>((r) => this.idle.push(r));
    closeSync(this.fd);
  }
}
