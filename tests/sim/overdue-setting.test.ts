// The hall setting overdueAtPct (found by the simulator) changes which ticket `next` calls;
// its default keeps the contract's rule.
import { describe, expect, it } from 'vitest';
import { testHall } from '../helpers/app';

describe('overdueAtPct', () => {
  it('calls a secondary ticket first once it has waited that share of its maximum wait', async () => {
    const h = await testHall();
    const main = await h.service('Г'), second = await h.service('Ж');
    const c = await h.counter([{ serviceId: main, priority: 1 }, { serviceId: second, priority: 2 }]);
    const op = await h.operator();
    await h.req('POST', `/api/counters/${c}/open`, {}, op);
    const call = async () => (await h.req('POST', `/api/counters/${c}/next`, { finishCurrent: true }, op)).json.ticket?.serviceId;
    const round = async () => {
      await h.req('POST', '/api/tickets', { serviceId: second }, op);
      h.clock.advance(6 * 60_000); // 6 of 15 minutes
      await h.req('POST', '/api/tickets', { serviceId: main }, op);
      return [await call(), await call()];
    };
    expect((await h.req('GET', '/api/admin/settings', undefined, h.admin)).json.overdueAtPct).toBe(100);
    expect(await round()).toEqual([main, second]); // the contract: main work first
    expect((await h.req('PUT', '/api/admin/settings', { overdueAtPct: 33 }, h.admin)).status).toBe(200);
    expect(await round()).toEqual([second, main]); // past a third of 15 minutes: it goes first
    expect((await h.req('PUT', '/api/admin/settings', { overdueAtPct: 0 }, h.admin)).status).toBe(400);
  });
});
