import { describe, expect, it } from 'vitest';
import { testHall, type TestHall } from '../helpers/app';

async function hallWithCounter(h: TestHall) {
  const a = await h.service('А');
  const b = await h.service('Б');
  const c = await h.counter([{ serviceId: a, priority: 1 }, { serviceId: b, priority: 2 }], 'Окно А');
  const op = await h.operator();
  expect((await h.req('POST', `/api/counters/${c}/open`, {}, op)).status).toBe(200);
  return { a, b, c, op };
}

const events = (h: TestHall, ticketId: number) =>
  h.app.ctx.sql.prepare('SELECT from_status AS "from", to_status AS "to", action, counter_id AS counterId, user_id AS userId, detail FROM ticket_events WHERE ticket_id = ? ORDER BY id').all(ticketId) as any[];

describe('counter work', () => {
  it('calls, starts and finishes a ticket; every change is in the event log', async () => {
    const h = await testHall();
    const { a, c, op } = await hallWithCounter(h);
    const t = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    const called = await h.req('POST', `/api/counters/${c}/next`, {}, op);
    expect(called.json.ticket).toMatchObject({ id: t.id, status: 'called', counter: { id: c, name: 'Окно А' } });
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).status).toBe(409); // still has a called ticket
    expect((await h.req('POST', `/api/counters/${c}/start`, {}, op)).json.ticket.status).toBe('serving');
    h.clock.advance(300_000);
    expect((await h.req('POST', `/api/counters/${c}/finish`, { outcome: 'resolved' }, op)).json.ticket.status).toBe('done');
    expect(events(h, t.id).map((e) => [e.from, e.to, e.action])).toEqual([[null, 'waiting', 'issue'], ['waiting', 'called', 'call'], ['called', 'serving', 'start'], ['serving', 'done', 'finish']]);
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).json).toEqual({ ticket: null });
  });

  it('a finish without "start" counts the service from the visit\'s first call, a recall between', async () => {
    const h = await testHall();
    const { a, c, op } = await hallWithCounter(h);
    const t = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    h.clock.advance(60_000);
    await h.req('POST', `/api/counters/${c}/recall`, {}, op);
    h.clock.advance(120_000);
    await h.req('POST', `/api/counters/${c}/finish`, {}, op);
    const row = h.app.ctx.sql.prepare('SELECT finished_at - started_at AS ms FROM tickets WHERE id = ?').get(t.id) as { ms: number };
    expect(row.ms).toBe(180_000);
  });

  it('next with finishCurrent finishes and calls in one step', async () => {
    const h = await testHall();
    const { a, c, op } = await hallWithCounter(h);
    const t1 = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    const t2 = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    const r = await h.req('POST', `/api/counters/${c}/next`, { finishCurrent: true, outcome: 'needs_documents' }, op);
    expect(r.json.ticket.id).toBe(t2.id);
    expect((await h.req('GET', `/api/tickets/${t1.id}`)).json.status).toBe('done');
    expect(h.app.ctx.queue.getTicket(t1.id)!.outcome).toBe('needs_documents');
    const finish = events(h, t1.id).find((e) => e.action === 'finish');
    expect(JSON.parse(finish.detail)).toEqual({ outcome: 'needs_documents' });
    expect((await h.req('POST', `/api/counters/${c}/next`, { finishCurrent: true, outcome: 'nonsense' }, op)).status).toBe(400);
  });

  it('recalls up to the limit, then marks a no-show', async () => {
    const h = await testHall();
    const { a, c, op } = await hallWithCounter(h);
    await h.req('PUT', '/api/admin/settings', { recallLimit: 2 }, h.admin);
    await h.req('POST', '/api/tickets', { serviceId: a });
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    expect((await h.req('POST', `/api/counters/${c}/recall`, {}, op)).json.ticket.status).toBe('called');
    expect((await h.req('POST', `/api/counters/${c}/recall`, {}, op)).json.ticket.status).toBe('called');
    expect((await h.req('POST', `/api/counters/${c}/recall`, {}, op)).json.ticket.status).toBe('no_show');
  });

  it('no-show ends the call', async () => {
    const h = await testHall();
    const { a, c, op } = await hallWithCounter(h);
    const t = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    expect((await h.req('POST', `/api/counters/${c}/no-show`, {}, op)).json.ticket).toMatchObject({ id: t.id, status: 'no_show' });
    expect((await h.req('POST', `/api/counters/${c}/no-show`, {}, op)).status).toBe(409);
  });

  it('a transfer to another service keeps the customer\'s place; a transfer to a counter reaches only that counter', async () => {
    const h = await testHall();
    const { a, b, c, op } = await hallWithCounter(h);
    const cb = await h.counter([{ serviceId: b, priority: 1 }], 'Окно Б');
    const opB = await h.operator();
    await h.req('POST', `/api/counters/${cb}/open`, {}, opB);
    const t = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    h.clock.advance(60_000);
    await h.req('POST', '/api/tickets', { serviceId: b }); // issued after t
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    const moved = await h.req('POST', `/api/counters/${c}/transfer`, { serviceId: b }, op);
    expect(moved.json, JSON.stringify(moved.json)).toMatchObject({ ticket: expect.anything() });
    expect(moved.json.ticket).toMatchObject({ id: t.id, status: 'waiting', serviceId: b });
    expect((await h.req('POST', `/api/counters/${cb}/next`, {}, opB)).json.ticket.id).toBe(t.id); // ahead of the later Б ticket
    // now to a particular counter: Окно А, which does not even serve Б as its main work
    expect((await h.req('POST', `/api/counters/${cb}/transfer`, { counterId: c }, opB)).json.ticket.status).toBe('waiting');
    expect((await h.req('POST', `/api/counters/${cb}/next`, {}, opB)).json.ticket.id).not.toBe(t.id);
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).json.ticket.id).toBe(t.id);
    expect((await h.req('POST', `/api/counters/${c}/transfer`, { serviceId: 9999 }, op)).status).toBe(404);
    expect((await h.req('POST', `/api/counters/${c}/transfer`, {}, op)).status).toBe(400);
  });

  it('a postponed ticket comes back to this counter after its minutes', async () => {
    const h = await testHall();
    const { a, c, op } = await hallWithCounter(h);
    const t1 = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    const t2 = (await h.req('POST', '/api/tickets', { serviceId: a })).json;
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    expect((await h.req('POST', `/api/counters/${c}/postpone`, { minutes: 5 }, op)).json.ticket).toMatchObject({ id: t1.id, status: 'postponed' });
    const work = (await h.req('GET', `/api/counters/${c}`, undefined, op)).json;
    expect(work.own).toEqual([expect.objectContaining({ id: t1.id, status: 'postponed' })]);
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).json.ticket.id).toBe(t2.id);
    await h.req('POST', `/api/counters/${c}/finish`, {}, op);
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).json.ticket).toBeNull(); // still parked
    h.clock.advance(5 * 60_000);
    // Due tickets are called even before the return timer has run, and their return is logged
    // and published first, so the history is the same whichever comes first...
    const events: string[] = [];
    const unsubscribe = h.app.ctx.hub.subscribe((e) => events.push(e.type));
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).json.ticket.id).toBe(t1.id);
    expect(events).toEqual(['ticket.returned', 'ticket.called']);
    unsubscribe();
    events.length = 0;
    // ...and the timer puts them back in the waiting counts, with an event.
    await h.req('POST', `/api/counters/${c}/postpone`, { minutes: 1 }, op);
    h.app.ctx.hub.subscribe((e) => events.push(e.type));
    expect(h.app.ctx.queue.returnDue()).toBe(0);
    h.clock.advance(60_000);
    expect(h.app.ctx.queue.returnDue()).toBe(1);
    expect(events).toEqual(['ticket.returned']);
    expect((await h.req('GET', `/api/tickets/${t1.id}`)).json.status).toBe('waiting');
    expect((await h.req('GET', '/api/display')).json.waiting).toEqual([{ serviceId: a, count: 1 }]);
    const events1 = h.app.ctx.sql.prepare('SELECT action FROM ticket_events WHERE ticket_id = ? ORDER BY id').all(t1.id).map((r: any) => r.action);
    expect(events1).toEqual(['issue', 'call', 'postpone', 'return', 'call', 'postpone', 'return']);
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).json.ticket.id).toBe(t1.id);
  });

  it('break and resume; no calls on a break; the operator\'s day counts break time and service', async () => {
    const h = await testHall();
    const { a, c, op } = await hallWithCounter(h);
    expect((await h.req('POST', `/api/counters/${c}/break`, { reason: 'lunch' }, op)).json.counter).toMatchObject({ state: 'break', breakReason: 'lunch' });
    await h.req('POST', '/api/tickets', { serviceId: a });
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).status).toBe(409);
    h.clock.advance(30 * 60_000);
    expect((await h.req('POST', `/api/counters/${c}/resume`, {}, op)).json.counter.state).toBe('open');
    await h.req('POST', `/api/counters/${c}/next`, {}, op);
    await h.req('POST', `/api/counters/${c}/start`, {}, op);
    h.clock.advance(120_000);
    await h.req('POST', `/api/counters/${c}/finish`, {}, op);
    const work = (await h.req('GET', `/api/counters/${c}`, undefined, op)).json;
    expect(work.day).toEqual({ served: 1, avgServiceSec: 120, breakSec: 1800 });
    expect(work.queue[0]).toMatchObject({ serviceId: a, priority: 1, waiting: 0, maxWaitSec: 900 });
    expect(work.ticket).toBeNull();
    expect((await h.req('POST', `/api/counters/${c}/close`, {}, op)).json.counter).toMatchObject({ state: 'closed', user: null });
    await h.req('PATCH', `/api/admin/counters/${c}`, { active: false }, h.admin);
    expect((await h.req('GET', `/api/counters/${c}`, undefined, op)).status).toBe(404);
  });

  it('only the holder acts on a counter; two operators cannot hold one', async () => {
    const h = await testHall();
    const { a, c } = await hallWithCounter(h);
    const other = await h.operator();
    await h.req('POST', '/api/tickets', { serviceId: a });
    expect((await h.req('POST', `/api/counters/${c}/open`, {}, other)).status).toBe(409);
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, other)).status).toBe(409);
    expect((await h.req('POST', '/api/counters/9999/open', {}, other)).status).toBe(404);
  });
});
