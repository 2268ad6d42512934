// Transactions and group commit. With synchronous=FULL every commit waits for the disk (0.5 ms
// at best here, several at worst), which would cap the hall at a few hundred commands a
// second. Commands that arrive within one event-loop turn therefore share one transaction:
// each runs in its own savepoint (so a failing command undoes only itself), the batch commits
// once, and only then are the events published and the requests answered. A 201 still means
// "on disk".
import type Database from 'better-sqlite3';
import type { Hub } from './hub';
import type { HallEventDraft } from './protocol';

interface Job { fn: () => unknown; resolve: (v: any) => void; reject: (e: unknown) => void }

export class Committer {
  private pending: HallEventDraft[] | null = null;
  private queue: Job[] = [];
  private scheduled = false;

  constructor(private sql: Database.Database, private hub: Hub) {}

  /** Runs a command in a transaction (a savepoint inside a batch); its events go out after the
   * outermost commit. */
  tx<T>(fn: () => { result: T; events: HallEventDraft[] }): T {
    const { result, events } = this.sql.transaction(fn)();
    if (this.pending) this.pending.push(...events);
    else this.hub.publish(events);
    return result;
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
    try {
      this.sql.transaction(() => {
        for (const j of jobs) {
          const mark = this.pending!.length;
          try { outcomes.push({ ok: true, value: this.sql.transaction(j.fn)() }); } catch (e) {
            this.pending!.length = mark; // its savepoint is rolled back: so are its events
            outcomes.push({ ok: false, value: e });
          }
        }
      })();
    } catch (e) {
      // The commit itself failed (disk full, I/O error): nothing of the batch was kept.
      this.pending = null;
      for (const j of jobs) j.reject(e);
      return;
    }
    const events = this.pending;
    this.pending = null;
    this.hub.publish(events);
    jobs.forEach((j, i) => (outcomes[i].ok ? j.resolve(outcomes[i].value) : j.reject(outcomes[i].value)));
  }
}
