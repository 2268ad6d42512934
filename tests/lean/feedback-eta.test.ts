// Customers' ratings (once per visit, only `done` within 30 minutes, 1–5 only), the ratings
// report, a rating keypad's keys over a real serial line, and the wait-estimate accuracy.
import { describe, expect, it } from 'vitest';
import { startPtyPair } from '../../drivers/testing/pty-pair.ts';
import { SerialPort } from 'serialport';
import { testHall } from '../helpers/app';
import { until } from '../drivers/record-log.ts';
import { at, DAY, hallWith, ok, open, serve } from './day';

describe('POST /api/feedback', () => {
  it('takes one rating per visit, only for a done visit of the last 30 minutes, 1 to 5', async () => {
    const h = await testHall();
    const { serviceId, windows: [w] } = await hallWith(h, 1, 600);
    at(h, '09:00'); await open(h, w);
    const done = await serve(h, w, serviceId, 300);
    const rate = (body: unknown) => h.req('POST', '/api/feedback', body);
    const first = await rate({ ticketId: done, rating: 5, comment: 'Спасибо' });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ ticketId: done, rating: 5 });
    expect((await rate({ ticketId: done, rating: 1 })).json.error).toBe('conflict');

    // a no-show, a ticket still waiting, a ticket being served: nothing to rate
    const waiting = (await ok(h, 'POST', '/api/tickets', { serviceId })).id;
    expect((await rate({ ticketId: waiting, rating: 4 })).status).toBe(409);
    await ok(h, 'POST', `/api/counters/${w.id}/next`, undefined, w.token);
    await ok(h, 'POST', `/api/counters/${w.id}/no-show`, undefined, w.token);
    expect((await rate({ ticketId: waiting, rating: 4 })).status).toBe(409);
    const serving = (await ok(h, 'POST', '/api/tickets', { serviceId })).id;
    await ok(h, 'POST', `/api/counters/${w.id}/next`, undefined, w.token);
    await ok(h, 'POST', `/api/counters/${w.id}/start`, undefined, w.token);
    expect((await rate({ ticketId: serving, rating: 4 })).status).toBe(409);
    await ok(h, 'POST', `/api/counters/${w.id}/finish`, undefined, w.token);
    // 30 minutes after the finish it may still be rated; a millisecond later it may not
    h.clock.advance(30 * 60_000 + 1);
    expect((await rate({ ticketId: serving, rating: 4 })).status).toBe(409);
    const late = await serve(h, w, serviceId, 60);
    h.clock.advance(30 * 60_000);
    expect((await rate({ ticketId: late, rating: 3 })).status).toBe(201);

    for (const [body, status] of [
      [{ ticketId: done, rating: 0 }, 400], [{ ticketId: done, rating: 6 }, 400], [{ ticketId: done, rating: 3.5 }, 400],
      [{ ticketId: done, rating: '5' }, 400], [{ ticketId: done }, 400], [{ ticketId: done, rating: 5, extra: 1 }, 400],
      [{ ticketId: done, rating: 5, comment: 'x'.repeat(1001) }, 400], [{ ticketId: 999_999, rating: 5 }, 404], ['not json', 400],
    ] as const) {
      const r = await rate(body);
      expect([r.status, typeof r.json.error], JSON.stringify(body)).toEqual([status, 'string']);
    }
    expect((h.app.ctx.sql.prepare('SELECT COUNT(*) AS n FROM feedback').get() as { n: number }).n).toBe(2);
  });

  it('reports ratings by service, operator, counter and day: count, average, share satisfied (4–5)', async () => {
    const h = await testHall();
    const { serviceId, windows: [w1, w2] } = await hallWith(h, 2, 600);
    at(h, '09:00'); await open(h, w1); await open(h, w2);
    const ratings = [[w1, 5], [w1, 4], [w1, 2], [w2, 5], [w2, 1]] as const;
    for (const [w, rating] of ratings) {
      const id = await serve(h, w, serviceId, 120);
      expect((await h.req('POST', '/api/feedback', { ticketId: id, rating })).status).toBe(201);
    }
    const range = `from=${DAY}T00:00:00%2B03:00&to=${DAY}T23:59:59%2B03:00`;
    const byOp = await ok(h, 'GET', `/api/stats/feedback?${range}&by=operator`);
    const mine = byOp.rows.find((r: any) => r.key === String(w1.userId));
    expect(mine.count).toBe(3);
    expect(mine.satisfiedPct).toBeCloseTo(200 / 3, 12);
    expect(mine.avgRating).toBeCloseTo(11 / 3, 12);
    expect(byOp.rows.find((r: any) => r.key === String(w2.userId))).toMatchObject({ count: 2, avgRating: 3, satisfiedPct: 50 });
    expect(byOp.total).toMatchObject({ count: 5, avgRating: 17 / 5, satisfiedPct: 60 });
    const byCounter = await ok(h, 'GET', `/api/stats/feedback?${range}&by=counter`);
    expect(byCounter.rows.map((r: any) => [r.label, r.count])).toEqual([[`Окно Л1`, 3], [`Окно Л2`, 2]]);
    expect((await ok(h, 'GET', `/api/stats/feedback?${range}&by=service`)).rows).toEqual([{ key: String(serviceId), label: 'Service Л', count: 5, avgRating: 3.4, satisfiedPct: 60 }]);
    expect((await ok(h, 'GET', `/api/stats/feedback?${range}&by=day`)).rows.map((r: any) => r.key)).toEqual([DAY]);
    expect((await h.req('GET', `/api/stats/feedback?${range}&by=weekday`, undefined, h.admin)).status).toBe(400);
    expect((await h.req('GET', `/api/stats/feedback?${range}`, undefined, w1.token)).status).toBe(403);
  });

  it('takes a rating keypad\'s key 1–5 over a serial line as the rating of the counter\'s last visit', async () => {
    const pty = await startPtyPair();
    let port: SerialPort | null = null;
    try {
      const h = await testHall();
      const { serviceId, windows: [w] } = await hallWith(h, 1, 600);
      at(h, '09:00'); await open(h, w);
      const dev = await ok(h, 'POST', '/api/admin/devices', { kind: 'buttons', name: 'Оценка у окна', config: { address: `serial:${pty.a}`, ratingKeypads: { '7': w.id }, keypads: { '3': w.id } } });
      await until(async () => (await ok(h, 'GET', '/api/devices')).find((d: any) => d.id === dev.id)?.status === 'ok', 5000, 'keypad line open');
      port = new SerialPort({ path: pty.b, baudRate: 9600 });
      await new Promise((r) => port!.once('open', r));
      const events: string[] = [];
      h.app.ctx.hub.subscribe((e) => events.push(e.type));
      const count = () => (h.app.ctx.sql.prepare('SELECT COUNT(*) AS n FROM feedback').get() as { n: number }).n;

      // nothing finished yet: the rating key is refused; the operator's key 1 (same line, after it) calls
      const first = (await ok(h, 'POST', '/api/tickets', { serviceId })).id;
      port.write('K7:5\nK3:1\n');
      await until(async () => (await ok(h, 'GET', `/api/counters/${w.id}`, undefined, w.token)).ticket?.id === first, 3000, 'keypad call');
      expect(count()).toBe(0);
      h.clock.advance(120_000);
      await ok(h, 'POST', `/api/counters/${w.id}/finish`, undefined, w.token);
      port.write('K7:4\n');
      // the event goes out after the commit's flush: wait for it, then read the row
      await until(async () => events.includes('feedback.received'), 3000, 'rating recorded');
      expect(count()).toBe(1);
      expect(h.app.ctx.sql.prepare('SELECT ticket_id AS ticketId, rating, source, counter_id AS counterId FROM feedback').get()).toEqual({ ticketId: first, rating: 4, source: 'keypad', counterId: w.id });
      // a second key for the same visit is refused; key 5 of the operator's keypad (address 3) is no rating
      await ok(h, 'POST', '/api/tickets', { serviceId });
      port.write('K7:2\nK3:5\nK3:1\n');
      await until(async () => (await ok(h, 'GET', `/api/counters/${w.id}`, undefined, w.token)).ticket?.status === 'called', 3000, 'second keypad call');
      expect(count()).toBe(1);
    } finally {
      if (port?.isOpen) await new Promise((r) => port!.close(r));
      await pty.stop();
    }
  });
});

describe('GET /api/stats/eta-accuracy', () => {
  it('sets the wait promised at issue against the real wait: mean error, bias, share within ±5 minutes, by service and hour', async () => {
    const h = await testHall();
    const { serviceId, windows: [w] } = await hallWith(h, 1, 600);
    at(h, '09:00'); await open(h, w);
    // a queue of three: each is promised a wait at issue, then called after what it really waited
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await ok(h, 'POST', '/api/tickets', { serviceId })).id);
    const promised = ids.map((id) => (h.app.ctx.sql.prepare('SELECT eta_sec AS e FROM tickets WHERE id = ?').get(id) as { e: number }).e);
    const real: number[] = [];
    for (const sec of [60, 900, 1200]) {
      h.clock.advance(sec * 1000);
      await ok(h, 'POST', `/api/counters/${w.id}/next`, undefined, w.token);
      real.push((h.clock.now - msk9()) / 1000);
      await ok(h, 'POST', `/api/counters/${w.id}/finish`, undefined, w.token);
    }
    // one more at 10:xx, called at once
    at(h, '10:30');
    ids.push((await ok(h, 'POST', '/api/tickets', { serviceId })).id);
    promised.push((h.app.ctx.sql.prepare('SELECT eta_sec AS e FROM tickets WHERE id = ?').get(ids[3]) as { e: number }).e);
    await ok(h, 'POST', `/api/counters/${w.id}/next`, undefined, w.token);
    real.push(0);
    const errors = promised.map((p, i) => p - real[i]);
    const r = await ok(h, 'GET', `/api/stats/eta-accuracy?from=${DAY}T00:00:00%2B03:00&to=${DAY}T23:59:59%2B03:00`);
    expect(r.tickets).toBe(4);
    expect(r.meanWaitSec).toBe(Math.round(real.reduce((a, b) => a + b) / 4));
    expect(r.maeSec).toBe(Math.round(errors.reduce((a, b) => a + Math.abs(b), 0) / 4));
    expect(r.biasSec).toBe(Math.round(errors.reduce((a, b) => a + b, 0) / 4));
    expect(r.within5MinPct).toBe((errors.filter((e) => Math.abs(e) <= 300).length / 4) * 100);
    expect(r.byService.map((s: any) => [s.serviceId, s.tickets])).toEqual([[serviceId, 4]]);
    expect(r.byHour.map((x: any) => [x.hour, x.tickets])).toEqual([['09', 3], ['10', 1]]);
    expect(r.within5MinPct).toBeGreaterThan(0);
    expect(r.within5MinPct).toBeLessThan(100);
    expect((await h.req('GET', '/api/stats/eta-accuracy?from=2026-03-11T00:00:00Z&to=2026-03-10T00:00:00Z', undefined, h.admin)).status).toBe(400);
  });
});

const msk9 = () => Date.parse(`${DAY}T09:00:00+03:00`);
