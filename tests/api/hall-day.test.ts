// The end of the hall day over the API: the timer fires at the closing time and the screens
// hear `ticket.expired`; the next morning's `next` never calls yesterday's customer; a server
// that was down at closing time catches up before it serves; the history shows the expiry.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { openDatabase } from '../../db/connection';
import { buildApp, type TalonApp } from '../../server/app';
import { readConfig } from '../../server/config';
import type { HallEvent } from '../../server/protocol';
import { SettingsStore } from '../../server/settings';
import { ADMIN, testHall } from '../helpers/app';

const moscow = (day: string, hms: string) => Date.parse(`${day}T${hms}+03:00`);
const dirs: string[] = [];
const apps: TalonApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The app on `dir` with the clock given (testHall's clock stands still; these need it to run). */
async function hallOn(dir: string, clock: () => number, tz = 'Europe/Moscow') {
  const config = readConfig({ DATA_DIR: dir, QUEUE_ADMIN_PASSWORD: 'admin-test-Pa55', QUEUE_TIMEZONE: tz });
  const app = await buildApp({ config, clock, logger: pino({ level: 'silent' }) });
  apps.push(app);
  await app.ready();
  return app;
}

/** Tuesdays 08:00–18:00, stored before the server starts. */
function withCalendar(dir: string) {
  const db = openDatabase(join(dir, 'talon.db'));
  new SettingsStore(db.$client, 'Europe/Moscow').update({ calendar: { week: { 2: { open: '08:00', close: '18:00' } }, holidays: [], days: {} } });
  db.$client.close();
}

describe('the end of the hall day', () => {
  it('expires the queue at the closing time by its timer, with events on the websocket and in the history', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-day-')); dirs.push(dir);
    // Real time runs on the hall's clock, at noon while the hall is set up.
    const end = moscow('2026-03-10', '18:00:00');
    let offset = moscow('2026-03-10', '12:00:00') - Date.now();
    withCalendar(dir);
    const app = await hallOn(dir, () => Date.now() + offset);
    const svc = app.ctx.admin.listServices()[0].id;
    const op = await app.ctx.admin.createUser({ login: 'op', name: 'Оператор', password: 'operator-Pa55', role: 'operator' });
    const counter = app.ctx.admin.listCounters().find((c) => c.services.some((s) => s.serviceId === svc))!.id;
    const [a, b, c] = [0, 1, 2].map(() => app.ctx.queue.issue(svc).ticket);
    app.ctx.queue.open(counter, op.id);
    expect(app.ctx.queue.next(counter, op.id)?.id).toBe(a.id);
    expect(app.ctx.queue.act(counter, op.id, 'postpone', { minutes: 30 }).status).toBe('postponed'); // a: postponed
    expect(app.ctx.queue.next(counter, op.id)?.id).toBe(b.id); // b: called at closing time; c waits
    const admin = (await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'admin', password: 'admin-test-Pa55' } })).json().token;
    // Now the closing time is 600 ms away; saving the settings arms the timer again.
    offset = end - 600 - Date.now();
    expect((await app.inject({ method: 'PUT', url: '/api/admin/settings', payload: { hallName: 'Зал' }, headers: { authorization: `Bearer ${admin}` } })).statusCode).toBe(200);

    const frames: any[] = [];
    let resolveExpired!: () => void;
    const expired = new Promise<void>((r) => { resolveExpired = r; });
    await app.injectWS('/api/ws', {}, { onInit: (ws: WebSocket) => ws.on('message', (d) => {
      const m = JSON.parse(d.toString());
      frames.push({ ...m, heardAt: Date.now() + offset });
      if (frames.filter((f) => f.type === 'ticket.expired').length === 3) resolveExpired();
    }) });
    await expired;
    const events = frames.filter((f) => f.type === 'ticket.expired');
    expect(events.map((e) => e.ticket.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(events.every((e) => e.heardAt >= end && e.heardAt < end + 1000)).toBe(true); // on time, not at the next request
    expect(events[2].waiting.find((w: any) => w.serviceId === svc)?.count ?? 0).toBe(0);
    for (const t of [a, b, c]) expect(app.ctx.queue.getTicket(t.id)).toMatchObject({ status: 'expired', finishedAt: end });

    const history = await app.inject({ method: 'GET', url: `/api/stats/tickets/${b.id}/events`, headers: { authorization: `Bearer ${admin}` } });
    expect(history.json().map((e: any) => [e.action, e.fromStatus, e.toStatus, e.counter?.id ?? null, e.user?.name ?? null])).toEqual([
      ['issue', null, 'waiting', null, null], ['call', 'waiting', 'called', counter, 'Оператор'], ['expire', 'called', 'expired', counter, null],
    ]);
    expect(history.json()[2].at).toBe(new Date(end).toISOString());
    // The counter's ticket is gone: its operator can call again tomorrow.
    expect(app.ctx.queue.activeTicket(counter)).toBeUndefined();
  });

  it('never lets the next morning\'s `next` call yesterday\'s customer, whatever the timer did', async () => {
    const h = await testHall();
    const svc = await h.service('А');
    const c = await h.counter([{ serviceId: svc, priority: 1 }]);
    let op = await h.operator('op1');
    await h.req('POST', `/api/counters/${c}/open`, {}, op);
    h.clock.now = moscow('2026-03-10', '23:50:00');
    const late = (await h.req('POST', '/api/tickets', { serviceId: svc })).json;
    // The next morning, before any timer ran (its clock never moved in this test).
    h.clock.now = moscow('2026-03-11', '08:00:00');
    op = await h.login('op1', 'operator-Pa55');
    const admin = await h.login('admin', ADMIN);
    const heard: HallEvent[] = [];
    h.app.ctx.hub.subscribe((e) => heard.push(e));
    const r = await h.req('POST', `/api/counters/${c}/next`, {}, op);
    expect(r).toEqual({ status: 200, json: { ticket: null } });
    expect(heard.map((e) => e.type)).toEqual(['ticket.expired']);
    expect((await h.req('GET', `/api/tickets/${late.id}`)).json.status).toBe('expired');
    // Today's ticket is called as usual and numbered from 1 again.
    const today = (await h.req('POST', '/api/tickets', { serviceId: svc })).json;
    expect(today.number).toBe('А001');
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).json.ticket.id).toBe(today.id);
    const events = (await h.req('GET', `/api/stats/tickets/${late.id}/events`, undefined, admin)).json;
    expect(events.at(-1)).toEqual({ at: new Date(moscow('2026-03-11', '00:00:00')).toISOString(), action: 'expire', fromStatus: 'waiting', toStatus: 'expired', counter: null, user: null, detail: null });
  });

  it('expires in `next` too when the sweep before it was skipped (a day-end cache left stale)', async () => {
    const h = await testHall();
    const svc = await h.service('А');
    const c = await h.counter([{ serviceId: svc, priority: 1 }]);
    const op = await h.operator();
    await h.req('POST', `/api/counters/${c}/open`, {}, op);
    const t = (await h.req('POST', '/api/tickets', { serviceId: svc })).json;
    h.clock.now = moscow('2026-03-11', '00:30:00'); // within the operator's 16-hour login
    // As if the sweep had been undone after it ran: the queue believes nothing is due yet.
    (h.app.ctx.queue as any).expiry.next = Infinity;
    expect((await h.req('POST', `/api/counters/${c}/next`, {}, op)).json.ticket).toBeNull();
    expect((await h.req('GET', `/api/tickets/${t.id}`)).json.status).toBe('expired');
  });

  it('catches up at start-up after a server that was down at closing time', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'talon-day-')); dirs.push(dir);
    let now = moscow('2026-03-10', '16:00:00');
    const first = await hallOn(dir, () => now);
    first.ctx.settings.update({ calendar: { week: { 2: { open: '08:00', close: '18:00' } }, holidays: [], days: {} } });
    const svc = first.ctx.admin.listServices()[0].id;
    const t = first.ctx.queue.issue(svc).ticket;
    await first.close();
    apps.splice(apps.indexOf(first), 1);
    now = moscow('2026-03-11', '07:45:00'); // the next morning
    const second = await hallOn(dir, () => now);
    // Before any request: the ticket is gone, stamped with yesterday's closing time.
    expect(second.ctx.queue.getTicket(t.id)).toMatchObject({ status: 'expired', finishedAt: moscow('2026-03-10', '18:00:00') });
    const waiting = await second.inject({ method: 'GET', url: '/api/services' });
    expect(waiting.json().find((s: any) => s.id === svc).waiting).toBe(0);
  });

  it('ends a day without hours at local midnight in a zone with daylight saving (Berlin, 23-hour day)', async () => {
    const h = await testHall({ QUEUE_TIMEZONE: 'Europe/Berlin' });
    const svc = await h.service('А');
    h.clock.now = Date.parse('2026-03-29T21:30:00Z'); // 23:30 CEST
    const t = (await h.req('POST', '/api/tickets', { serviceId: svc })).json;
    h.clock.now = Date.parse('2026-03-29T21:59:59.999Z');
    expect(h.app.ctx.queue.expireDue(true)).toBe(0);
    h.clock.now = Date.parse('2026-03-29T22:00:00Z'); // 00:00 CEST on the 30th
    expect(h.app.ctx.queue.expireDue()).toBe(1);
    expect((await h.req('GET', `/api/tickets/${t.id}`)).json.status).toBe('expired');
  });

  it('counts expired tickets in reports as the contract says', async () => {
    const h = await testHall();
    const svc = await h.service('А', { maxWaitSec: 600 });
    h.clock.now = moscow('2026-03-10', '23:55:00');
    await h.req('POST', '/api/tickets', { serviceId: svc }); // 5 minutes in the queue, then midnight
    h.clock.now = moscow('2026-03-11', '00:30:00');
    h.app.ctx.queue.expireDue();
    const r = (await h.req('GET', `/api/stats/report?from=2026-03-09T21:00:00Z&to=2026-03-10T21:00:00Z&serviceId=${svc}`, undefined, h.admin)).json.total;
    expect(r).toMatchObject({ issued: 1, called: 0, expired: 1, withinTargetPct: 100, avgWaitSec: null, avgServiceSec: null });
  });
});
