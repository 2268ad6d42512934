// The figures of the contract's Statistics section, by states in and states out: the scripted
// hall day of scripted-day.ts, hour buckets at their exact edges, a zone with daylight saving.
import { describe, expect, it } from 'vitest';
import { buildReport, type Grouping, type Labels, type ReportOptions } from '../../server/stats/report';
import { SecondsHistogram, type TicketFact } from '../../server/stats/tally';
import { A, B, C10, C11, DAY_FROM, DAY_TO, NOW, TZ, U100, U101, at, counterEvents, maxWaitSec, tickets, visits } from './scripted-day';

const labels: Labels = (by, id) => ({ label: `${by} ${id}`, labelEn: `${by} ${id} (en)` });
const opts = (by: Grouping, o: Partial<ReportOptions> = {}): ReportOptions => ({ by, from: DAY_FROM, to: DAY_TO, now: NOW, tz: TZ, targetSec: null, maxWaitSec, ...o });
const report = (by: Grouping, o: Partial<ReportOptions> = {}, input: Partial<Parameters<typeof buildReport>[1]> = {}) =>
  buildReport(opts(by, o), { tickets, counterEvents, visits, ...input }, labels);

describe('the figures of a scripted hall day', () => {
  it('counts, waits to the first call, nearest-rank medians and p90, within-target shares and service of done tickets only', () => {
    const { rows, total } = report('none');
    expect(rows).toEqual([]);
    expect(total).toEqual({
      key: null, label: 'Итого', labelEn: 'Total',
      issued: 8, called: 5, served: 4, noShow: 1, expired: 2, transferred: 1,
      // waits 120, 300, 330, 900, 1200.001 s: the recall of 4 and the transfer of 5 restart nothing
      avgWaitSec: 570, medianWaitSec: 330, p90WaitSec: 1200, maxWaitSec: 1200,
      // 1, 2, 4, 5 (exactly 900 of 900) and 7 (300 s in the queue, then expired) of the 7 that left the queue
      withinTargetPct: 71.4,
      // done only: 480, 360 (from the call: start skipped), 600, 540 (the visit after the transfer)
      avgServiceSec: 495, medianServiceSec: 480, p90ServiceSec: 600,
    });
  });

  it('groups by the service a ticket was issued for, each against its own maximum wait', () => {
    const { rows } = report('service');
    expect(rows).toEqual([
      { key: A, label: `service ${A}`, labelEn: `service ${A} (en)`, issued: 5, called: 3, served: 3, noShow: 0, expired: 1, transferred: 0,
        avgWaitSec: 550, medianWaitSec: 330, p90WaitSec: 1200, maxWaitSec: 1200, withinTargetPct: 50, avgServiceSec: 480, medianServiceSec: 480, p90ServiceSec: 600 },
      { key: B, label: `service ${B}`, labelEn: `service ${B} (en)`, issued: 3, called: 2, served: 1, noShow: 1, expired: 1, transferred: 1,
        avgWaitSec: 600, medianWaitSec: 300, p90WaitSec: 900, maxWaitSec: 900, withinTargetPct: 100, avgServiceSec: 540, medianServiceSec: 540, p90ServiceSec: 540 },
    ]);
    // One target for all: 300 s. Within it: 1 (120), 4 (300) and 7 (300 in the queue) of 7.
    expect(report('none', { targetSec: 300 }).total.withinTargetPct).toBe(42.9);
  });

  it('puts 09:59:59.999 in 09:00–10:00 and 10:00:00.000 in 10:00–11:00, and lists no empty hour', () => {
    const { rows } = report('hour');
    expect(rows.map((r) => [r.key, r.label, r.issued])).toEqual([['09', '09:00–10:00', 3], ['10', '10:00–11:00', 3], ['17', '17:00–18:00', 1], ['18', '18:00–19:00', 1]]);
    expect(rows[0]).toMatchObject({ called: 3, served: 3, avgWaitSec: 550, p90WaitSec: 1200, avgServiceSec: 480 });
    expect(rows[1]).toMatchObject({ called: 2, served: 1, noShow: 1, expired: 1, transferred: 1, avgWaitSec: 600, avgServiceSec: 540 });
    expect(report('day').rows.map((r) => [r.key, r.issued])).toEqual([['2026-03-10', 8]]);
    expect(report('weekday').rows.map((r) => [r.key, r.label, r.labelEn, r.issued])).toEqual([[2, 'Вторник', 'Tuesday', 8]]);
  });

  it('gives an operator and a counter the tickets whose last visit was theirs, with open, break and serving time from the logs', () => {
    const ops = report('operator');
    expect(ops.rows).toEqual([
      { key: U100, label: `operator ${U100}`, labelEn: `operator ${U100} (en)`, issued: 3, called: 3, served: 2, noShow: 1, expired: 0, transferred: 0,
        avgWaitSec: 250, medianWaitSec: 300, p90WaitSec: 330, maxWaitSec: 330, withinTargetPct: 100, avgServiceSec: 420, medianServiceSec: 360, p90ServiceSec: 480,
        // open 08:55–11:00 and 11:45–17:00; lunch 45 min; serving call → end: 510 + 360 + 180 + 120 (5 until its transfer)
        openSec: 26_400, breakSec: 2_700, servingSec: 1_170, utilisationPct: 4.4 },
      { key: U101, label: `operator ${U101}`, labelEn: `operator ${U101} (en)`, issued: 2, called: 2, served: 2, noShow: 0, expired: 0, transferred: 1,
        avgWaitSec: 1050, medianWaitSec: 900, p90WaitSec: 1200, maxWaitSec: 1200, withinTargetPct: 50, avgServiceSec: 570, medianServiceSec: 540, p90ServiceSec: 600,
        openSec: 6_300, breakSec: 0, servingSec: 1_260, utilisationPct: 20 },
    ]);
    // The tickets nobody ended (6, 7, 8) are in the total, not in an operator's row.
    expect(ops.total).toMatchObject({ issued: 8, openSec: 32_700, breakSec: 2_700, servingSec: 2_430, utilisationPct: 7.4 });
    const counters = report('counter');
    expect(counters.rows.map((r) => [r.key, r.issued, r.openSec, r.servingSec, r.utilisationPct])).toEqual([[C10, 3, 26_400, 1_170, 4.4], [C11, 2, 6_300, 1_260, 20]]);
  });

  it('counts open and serving time only inside the range and up to now', () => {
    // 10:00–11:00: C10 open all hour (serving 4 180 s + 5 120 s), C11 from 10:15 (serving 3 660 s, 5 600 s)
    const hour = report('counter', { from: at('10:00:00'), to: at('11:00:00') });
    expect(hour.rows.map((r) => [r.key, r.openSec, r.breakSec, r.servingSec])).toEqual([[C10, 3600, 0, 300], [C11, 2700, 0, 1260]]);
    // At 11:30, C10's lunch has lasted 30 minutes and goes on.
    const live = report('counter', { from: at('11:00:00'), now: at('11:30:00') });
    expect(live.rows.find((r) => r.key === C10)).toMatchObject({ openSec: 0, breakSec: 1800 });
  });

  it('does not count a counter left open overnight as open all night', () => {
    const events = [{ counterId: C10, userId: U100, action: 'open', at: at('17:00:00') }]; // never closed
    const next = Date.parse('2026-03-11T12:00:00+03:00');
    const r = report('counter', { to: next, now: next }, { tickets: [], counterEvents: events, visits: [] });
    expect(r.rows).toEqual([expect.objectContaining({ key: C10, openSec: 7 * 3600, issued: 0, avgWaitSec: null })]);
  });

  it('gives null averages and shares to an empty range', () => {
    const { rows, total } = report('service', { from: at('20:00:00'), to: at('21:00:00') }, { counterEvents: [], visits: [] });
    expect(rows).toEqual([]);
    expect(total).toMatchObject({ issued: 0, avgWaitSec: null, medianWaitSec: null, p90WaitSec: null, maxWaitSec: null, withinTargetPct: null, avgServiceSec: null });
  });
});

describe('nearest-rank percentiles over whole seconds', () => {
  it('takes the smallest value with at least p of the values at or below it', () => {
    const h = new SecondsHistogram();
    for (let s = 1; s <= 10; s++) h.add(s);
    expect([h.percentile(0.5), h.percentile(0.9), h.percentile(0.91), h.percentile(1), h.max()]).toEqual([5, 9, 10, 10, 10]);
    const four = new SecondsHistogram();
    [40, 10, 30, 20].forEach((s) => four.add(s));
    expect([four.percentile(0.5), four.percentile(0.9)]).toEqual([20, 40]); // not an interpolated 25 and 37
  });

  it('rounds each time to a whole second before ranking and comparing with the target', () => {
    const base = { serviceId: A, counterId: C10, userId: U100, status: 'done' as const, startedAt: null, finishedAt: null, transferred: false };
    const waits = [899_499, 899_500, 900_499, 900_500].map((ms, i): TicketFact => ({ ...base, id: i + 1, issuedAt: at('09:00:00'), firstCalledAt: at('09:00:00') + ms }));
    const r = buildReport(opts('none', { targetSec: 900 }), { tickets: waits }, labels).total;
    expect(r).toMatchObject({ medianWaitSec: 900, maxWaitSec: 901, withinTargetPct: 75 }); // 899, 900, 900 within; 901 not
  });
});

describe('buckets in a zone with daylight saving time (Europe/Berlin)', () => {
  const berlin = (iso: string, id: number): TicketFact => ({ id, serviceId: A, counterId: null, userId: null, status: 'waiting', issuedAt: Date.parse(iso), firstCalledAt: null, startedAt: null, finishedAt: null, transferred: false });
  const run = (by: Grouping, list: TicketFact[], from: string, to: string) =>
    buildReport({ by, from: Date.parse(from), to: Date.parse(to), now: Date.parse(to), tz: 'Europe/Berlin', targetSec: null, maxWaitSec }, { tickets: list }, labels).rows;

  it('skips the hour that spring-forward removes (2026-03-29) and keeps local days of 23 hours', () => {
    const list = [
      berlin('2026-03-28T23:30:00Z', 1), // 00:30 CET on the 29th
      berlin('2026-03-29T00:59:59.999Z', 2), // 01:59:59.999 CET
      berlin('2026-03-29T01:00:00.000Z', 3), // 03:00 CEST: 02:00–03:00 never happened
      berlin('2026-03-29T21:59:59.999Z', 4), // 23:59:59.999 CEST, still the 29th
      berlin('2026-03-29T22:00:00.000Z', 5), // 00:00 CEST on the 30th
    ];
    expect(run('hour', list, '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z').map((r) => [r.key, r.issued])).toEqual([['00', 1], ['01', 1], ['03', 1], ['23', 1]]);
    expect(run('day', list, '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z').map((r) => [r.key, r.issued])).toEqual([['2026-03-29', 4], ['2026-03-30', 1]]);
    expect(run('weekday', list, '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z').map((r) => [r.key, r.issued])).toEqual([[1, 1], [7, 4]]);
  });

  it('puts both 02:00–03:00 hours of fall-back (2026-10-25) in the bucket "02"', () => {
    const list = [
      berlin('2026-10-25T00:30:00Z', 1), // 02:30 CEST
      berlin('2026-10-25T00:59:59.999Z', 2), // 02:59:59.999 CEST
      berlin('2026-10-25T01:00:00.000Z', 3), // 02:00 CET, the second time
      berlin('2026-10-25T01:59:59.999Z', 4), // 02:59:59.999 CET
      berlin('2026-10-25T02:00:00.000Z', 5), // 03:00 CET
    ];
    expect(run('hour', list, '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z').map((r) => [r.key, r.issued])).toEqual([['02', 4], ['03', 1]]);
    expect(run('day', list, '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z').map((r) => [r.key, r.issued])).toEqual([['2026-10-25', 5]]);
  });

  it('clips a counter left open to the local midnight of a 23-hour day', () => {
    const open = Date.parse('2026-03-29T06:00:00Z'); // 08:00 CEST
    const r = buildReport({ by: 'counter', from: Date.parse('2026-03-28T23:00:00Z'), to: Date.parse('2026-03-30T22:00:00Z'), now: Date.parse('2026-03-30T22:00:00Z'), tz: 'Europe/Berlin', targetSec: null, maxWaitSec },
      { tickets: [], counterEvents: [{ counterId: C10, userId: U100, action: 'open', at: open }] }, labels);
    expect(r.rows[0].openSec).toBe(16 * 3600); // 08:00 → 24:00 CEST
  });
});
