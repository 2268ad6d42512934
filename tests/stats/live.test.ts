// The live hall by states: queue figures, what each counter does since when, the alerts, and
// the instant at which the view next changes by time alone.
import { describe, expect, it } from 'vitest';
import { liveView, type LiveCounterInput, type LiveInput } from '../../server/stats/live';

const MIN = 60_000;
const now = Date.parse('2026-03-10T10:00:00+03:00');
const counter = (o: Partial<LiveCounterInput> & { id: number }): LiveCounterInput => ({
  name: `Окно ${o.id}`, state: 'closed', breakReason: null, user: null, stateSince: null, ticket: null, lastVisitEnd: null, serviceIds: [], ...o,
});
const input = (o: Partial<LiveInput> = {}): LiveInput => ({
  now,
  services: [
    // maxWaitSec 600: waiting 25, 12 and 3 minutes
    { id: 1, name: 'Оплата', nameEn: 'Payments', maxWaitSec: 600, etaMinutes: 7, waiting: [now - 25 * MIN, now - 12 * MIN, now - 3 * MIN] },
    { id: 2, name: 'Договоры', nameEn: 'Contracts', maxWaitSec: 900, etaMinutes: 0, waiting: [now - 5 * MIN] },
    { id: 3, name: 'Справки', nameEn: null, maxWaitSec: 900, etaMinutes: 0, waiting: [] },
  ],
  counters: [
    counter({ id: 1, state: 'open', user: { id: 7, name: 'Иванова' }, stateSince: now - 60 * MIN, serviceIds: [1],
      ticket: { id: 40, number: 'П040', serviceId: 1, status: 'serving', calledAt: now - 4 * MIN, startedAt: now - 3 * MIN } }),
    counter({ id: 2, state: 'open', user: { id: 8, name: 'Петрова' }, stateSince: now - 60 * MIN, lastVisitEnd: now - 2 * MIN, serviceIds: [1, 3] }),
    counter({ id: 3, state: 'break', breakReason: 'lunch', user: { id: 9, name: 'Смирнова' }, stateSince: now - 70 * MIN, serviceIds: [2] }),
    counter({ id: 4, state: 'break', breakReason: 'technical', user: { id: 10, name: 'Попова' }, stateSince: now - 5 * MIN, serviceIds: [2] }),
  ],
  devices: [
    { id: 5, kind: 'printer', name: 'Киоск 1', status: 'paper_low', detail: null, since: now - 30 * MIN },
    { id: 6, kind: 'printer', name: 'Киоск 2', status: 'ok', detail: null, since: now - 90 * MIN },
    { id: 7, kind: 'buttons', name: 'Пульт', status: 'offline', detail: null, since: now - 90 * MIN },
  ],
  breakLimitSec: { default: 1200, lunch: 3600 },
  breakReasonNames: { lunch: { ru: 'Обед', en: 'Lunch' } },
  ...o,
});

describe('the live hall', () => {
  it('gives each queue its count, longest wait and tickets past their maximum wait', () => {
    const v = liveView(input());
    expect(v.services.map((s) => [s.serviceId, s.waiting, s.longestWaitSec, s.overdue, s.etaMinutes])).toEqual([[1, 3, 1500, 2, 7], [2, 1, 300, 0, 0], [3, 0, 0, 0, 0]]);
  });

  it('tells since when each counter serves, idles or rests', () => {
    const v = liveView(input());
    expect(v.counters.map((c) => [c.counterId, c.state, c.since === null ? null : (now - c.since) / MIN, c.sinceSec, c.breakLimitSec])).toEqual([
      [1, 'open', 3, 180, null], // serving since the start
      [2, 'open', 2, 120, null], // idle since its last customer
      [3, 'break', 70, 4200, 3600],
      [4, 'break', 5, 300, 1200],
    ]);
  });

  it('raises the four alerts, the critical ones first, the oldest first, each since the instant it became true', () => {
    const v = liveView(input());
    expect(v.alerts.map((a) => [a.kind, a.severity, a.serviceId ?? a.counterId ?? a.deviceId, (now - a.since) / MIN])).toEqual([
      // Payments: the oldest has waited 25 of 10 minutes, past twice the target
      ['wait_over_target', 'critical', 1, 15],
      // Contracts: its counters 3 and 4 are both on a break (counter 4 since 5 minutes ago)
      ['no_counter_open', 'critical', 2, 5],
      ['printer', 'warning', 5, 30],
      ['break_too_long', 'warning', 3, 10],
    ]);
    expect(v.alerts[0].message).toBe('Оплата: 2 ждут дольше 10 мин, дольше всех — 25 мин');
    expect(v.alerts[3].messageEn).toBe('Окно 3: Lunch break of 70 min (limit 60)');
  });

  it('says when the view changes next by time alone, and changes then', () => {
    const v = liveView(input());
    // Payments' 3-minute ticket passes 10 minutes in 7; Contracts' 5-minute one passes 15 in 10;
    // counter 4's break passes 20 minutes in 15.
    expect(v.nextChangeAt).toBe(now + 7 * MIN + 1);
    const later = liveView(input({ now: v.nextChangeAt! }));
    expect(later.services[0].overdue).toBe(3);
    expect(later.nextChangeAt).toBe(now + 10 * MIN + 1);
    const last = liveView(input({ now: later.nextChangeAt! }));
    expect([last.services[1].overdue, last.nextChangeAt]).toEqual([1, now + 15 * MIN + 1]);
    const calm = liveView(input({ services: [], counters: [], devices: [] }));
    expect(calm).toEqual({ services: [], counters: [], alerts: [], nextChangeAt: null });
  });

  it('warns at the target, and becomes critical past twice the target', () => {
    const one = (waitMin: number) => liveView(input({ services: [{ id: 1, name: 'Оплата', nameEn: null, maxWaitSec: 600, etaMinutes: 0, waiting: [now - waitMin * MIN] }], devices: [] }))
      .alerts.filter((a) => a.kind === 'wait_over_target').map((a) => a.severity);
    expect([one(10), one(11), one(20), one(21)]).toEqual([[], ['warning'], ['warning'], ['critical']]);
  });
});
