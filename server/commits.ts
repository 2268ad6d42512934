// Transactions and group commit. Every commit must reach the disk (0.5 ms at best here, several
// at worst), which would cap the hall at a few hundred commands a second. Commands that arrive
// within one event-loop turn therefore share one transaction: each runs in its own savepoint (so
// a failing command undoes only itself), the batch commits once, the WAL is flushed off the
// event loop (wal-sync.ts), and only then are the events published and the requests answered.
// A 201 still means "on disk".
import type Database from 'better-sqlite3';
import type { Hub } from './hub';
import type { HallEventDraft } from './protocol';
import type { WalSync } from './wal-sync';

interface Job { fn: () => unknown; resolve: (v: any) => void; reject: (e: unknown) => void }

export class Committer {
  private pending: HallEventDraft[] | null = null;
  private queue: Job[] = [];
  private scheduled = false;
  /** Events go out in commit order: each batch's publication waits for the one before. */
  private published: Promise<void> = Promise.resolve();
  private unpublished = 0;
  /** Built once: better-sqlite3 prepares statements for every transaction() and pragma() call.
   * Called inside another transaction, the wrapper opens a savepoint instead. */
  private readonly inTx: <T>(fn: () => T) => T;
  private readonly syncNormal: Database.Statement;
  private readonly syncFull: Database.Statement;

  /** Without `wal` (an in-memory database) commits are not flushed anywhere. */
  constructor(sql: Database.Database, private hub: Hub, private wal: Pick<WalSync, 'sync'> | null = null) {
    this.inTx = sql.transaction((fn: () => unknown) => fn()) as <T>(fn: () => T) => T;
    this.syncNormal = sql.prepare('PRAGMA synchronous = NORMAL');
    this.syncFull = sql.prepare('PRAGMA synchronous = FULL');
  }

  /** Runs a command in a transaction (a savepoint inside a batch); its events go out after the
   * outermost commit. Outside a batch the commit is synchronous=FULL, durable on return. */
  tx<T>(fn: () => { result: T; events: HallEventDraft[] }): T {
    const { result, events } = this.inTx(fn);
    if (this.pending) this.pending.push(...events);
    else if (this.unpublished === 0) this.hub.publish(events);
    else this.afterFlush(Promise.resolve(), () => this.hub.publish(events));
    return result;
  }

  /** Resolves when every command queued so far has been committed, flushed and published (a
   * batch still waiting for its turn of the event loop included: closing must not outrun it). */
  async drained(): Promise<void> {
    while (this.scheduled) await new Promise((r) => setImmediate(r));
    return this.published;
  }

  /** Queues a command for the next group commit. */
  run<T>(fn: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve, reject });
      if (!this.scheduled) { this.scheduled = true; setImmediate(() => this.flush()); }
    });
  }

  private flush() {
    this.scheduled = false;
    const jobs = this.queue.splice(0);
    const outcomes: { ok: boolean; value: unknown }[] = [];
    this.pending = [];
    if (this.wal) this.syncNormal.run(); // the flush follows, off the loop
    try {
      this.inTx(() => {
        for (const j of jobs) {
          const mark = this.pending!.length;
          try { outcomes.push({ ok: true, value: this.inTx(j.fn) }); } catch (e) {
            this.pending!.length = mark; // its savepoint is rolled back: so are its events
            outcomes.push({ ok: false, value: e });
          }
        }
      });
    } catch (e) {
      // The commit itself failed (disk full, I/O error): nothing of the batch was kept.
      this.pending = null;
      for (const j of jobs) j.reject(e);
      return;
    } finally {
      if (this.wal) this.syncFull.run(); // other writers commit durably
    }
    const events = this.pending;
    this.pending = null;
    this.afterFlush(this.wal?.sync() ?? Promise.resolve(), (err) => {
      // The batch is committed either way, so the screens hear of it; but a failed flush (an I/O
      // error) means it may not be on disk, and no request of the batch is told it succeeded.
      this.hub.publish(events);
      jobs.forEach((j, i) => (err ? j.reject(err) : outcomes[i].ok ? j.resolve(outcomes[i].value) : j.reject(outcomes[i].value)));
    });
  }

  private afterFlush(flushed: Promise<void>, then: (err?: unknown) => void) {
    flushed.catch(() => undefined); // handled below, in turn: not an unhandled rejection meanwhile
    this.unpublished++;
    const done = (err?: unknown) => { this.unpublished--; then(err); };
    this.published = this.published.then(() => flushed).then(() => done(), done);
  }
}
