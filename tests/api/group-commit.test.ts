import { describe, expect, it } from 'vitest';
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
