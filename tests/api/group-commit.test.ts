import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Committer } from '../../server/commits';
import { Hub } from '../../server/hub';
import type { HallEventDraft } from '../../server/protocol';
import { WalSync } from '../../server/wal-sync';
import { testHall } from '../helpers/app';

describe('group commit', () => {
  it('commands of one batch commit together; a failing one undoes only itself and sends no event', async () => {
    const h = await testHall();
    const a = await h.service('А');
    const { commits, queue, hub, sql } = h.app.ctx;
    const events: string[] = [];
    hub.subscribe((e) => events.push(e.type));
    const good1 = commits.run(() => queue.issue(a));
    const bad = commits.run(() => { queue.issue(a); throw new Error('boom'); });
    const good2 = commits.run(() => queue.issue(a));
    const results = await Promise.allSettled([good1, bad, good2]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const numbers = (sql.prepare('SELECT number FROM tickets ORDER BY id').all() as { number: string }[]).map((r) => r.number);
    expect(numbers).toEqual(['А001', 'А002']); // the failed command's А002 was rolled back and reused
    expect(events).toEqual(['ticket.issued', 'ticket.issued']);
  });

  it('nothing is published before the batch commits', async () => {
    const h = await testHall();
    const a = await h.service('А');
    const { commits, queue, hub } = h.app.ctx;
    let published = 0;
    hub.subscribe(() => published++);
    const p = commits.run(() => { const r = queue.issue(a); expect(published).toBe(0); return r; });
    expect(published).toBe(0);
    await p;
    expect(published).toBe(1);
  });
});

describe('flushing the WAL off the event loop', () => {
  const setup = () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-wal-'));
    const sql = new Database(join(dir, 'w.db'));
    sql.pragma('journal_mode = WAL');
    sql.pragma('synchronous = FULL');
    sql.exec('CREATE TABLE t (v TEXT)');
    const hub = new Hub(() => 0);
    const published: string[] = [];
    hub.subscribe((e) => published.push((e as unknown as { v: string }).v));
    const flushes: { resolve: () => void; reject: (e: Error) => void }[] = [];
    const wal = { sync: () => new Promise<void>((resolve, reject) => { flushes.push({ resolve, reject }); }) };
    const commits = new Committer(sql, hub, wal);
    const insert = (v: string) => commits.run(() => commits.tx(() => {
      sql.prepare('INSERT INTO t (v) VALUES (?)').run(v);
      return { result: v, events: [{ type: 'ticket.issued', v } as unknown as HallEventDraft] };
    }));
    const cleanup = () => { sql.close(); rmSync(dir, { recursive: true, force: true }); };
    return { sql, published, flushes, insert, cleanup };
  };
  const turn = () => new Promise((r) => setImmediate(r));

  it('answers and publishes a batch only after its flush, in commit order, and commits other writes with FULL', async () => {
    const { sql, published, flushes, insert, cleanup } = setup();
    let answered = 0;
    const a = insert('a').then((v) => { answered++; return v; });
    await turn();
    const b = insert('b').then((v) => { answered++; return v; });
    await turn();
    expect(flushes).toHaveLength(2); // both batches committed, each waits for its flush
    expect(sql.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 2 });
    expect(sql.pragma('synchronous', { simple: true })).toBe(2); // FULL again between batches
    flushes[1].resolve(); // a later flush ending first changes nothing: a is published first
    await turn();
    expect([answered, published]).toEqual([0, []]);
    flushes[0].resolve();
    await expect(Promise.all([a, b])).resolves.toEqual(['a', 'b']);
    expect(published).toEqual(['a', 'b']);
    cleanup();
  });

  it('a failed flush answers the batch with the error, still tells the screens, and the next batch works', async () => {
    const { published, flushes, insert, cleanup } = setup();
    const a = insert('a');
    await turn();
    flushes[0].reject(new Error('EIO: i/o error, fdatasync'));
    await expect(a).rejects.toThrow('EIO');
    expect(published).toEqual(['a']);
    const b = insert('b');
    await turn();
    flushes[1].resolve();
    await expect(b).resolves.toBe('b');
    cleanup();
  });

  it('the real flush: a file database flushes its WAL and closes cleanly; an in-memory one has nothing to flush', async () => {
    const { sql, cleanup } = setup();
    const wal = WalSync.open(sql)!;
    sql.prepare('INSERT INTO t (v) VALUES (?)').run('x');
    await Promise.all([wal.sync(), wal.sync(), wal.sync()]);
    const pending = wal.sync();
    await wal.close(); // waits for the flush under way
    await expect(pending).resolves.toBeUndefined();
    cleanup();
    const mem = new Database(':memory:');
    expect(WalSync.open(mem)).toBeNull();
    mem.close();
  });
});
