// A scripted hall day (Moscow, 2026-03-10, closing at 18:00) with known issue, call, start and
// finish times, as states for the pure figures and, over the API, as commands. The expected
// figures are worked out by hand in figures.test.ts.
import type { CounterEventFact, VisitEventFact } from '../../server/stats/counter-time';
import type { TicketFact } from '../../server/stats/tally';

export const TZ = 'Europe/Moscow';
/** Local time on the day, 'HH:MM:SS(.mmm)', as an instant. */
export const at = (hms: string) => Date.parse(`2026-03-10T${hms}+03:00`);
export const DAY_FROM = at('00:00:00'), DAY_TO = Date.parse('2026-03-11T00:00:00+03:00');
export const NOW = at('19:00:00');

export const A = 1, B = 2; // maxWaitSec 600 and 900
export const C10 = 10, C11 = 11, U100 = 100, U101 = 101;
export const maxWaitSec = new Map([[A, 600], [B, 900]]);

const t = (id: number, serviceId: number, o: Partial<TicketFact> & { issuedAt: number }): TicketFact => ({
  id, serviceId, counterId: null, userId: null, status: 'waiting', firstCalledAt: null, startedAt: null, finishedAt: null, transferred: false, ...o,
});

export const tickets: TicketFact[] = [
  // 1: waits 120 s, served 480 s.
  t(1, A, { issuedAt: at('09:00:00'), firstCalledAt: at('09:02:00'), startedAt: at('09:02:30'), finishedAt: at('09:10:30'), status: 'done', counterId: C10, userId: U100 }),
  // 2: waits 330 s; "start" skipped, so service counts from the call: 360 s.
  t(2, A, { issuedAt: at('09:05:00'), firstCalledAt: at('09:10:30'), startedAt: at('09:10:30'), finishedAt: at('09:16:30'), status: 'done', counterId: C10, userId: U100 }),
  // 3: the last millisecond of 09:00–10:00; waits 1200.001 s (over A's 600), served 600 s.
  t(3, A, { issuedAt: at('09:59:59.999'), firstCalledAt: at('10:20:00.000'), startedAt: at('10:21:00'), finishedAt: at('10:31:00'), status: 'done', counterId: C11, userId: U101 }),
  // 4: the first millisecond of 10:00–11:00; called after 300 s, recalled at 10:06 (the wait stays 300), no-show at 10:08.
  t(4, B, { issuedAt: at('10:00:00.000'), firstCalledAt: at('10:05:00'), finishedAt: at('10:08:00'), status: 'no_show', counterId: C10, userId: U100 }),
  // 5: waits exactly B's 900 s; at C10 10:25–10:27, transferred, then served at C11 10:40 (start 10:41) – 10:50.
  t(5, B, { issuedAt: at('10:10:00'), firstCalledAt: at('10:25:00'), startedAt: at('10:41:00'), finishedAt: at('10:50:00'), status: 'done', counterId: C11, userId: U101, transferred: true }),
  // 6: never called; expired at 18:00 after 7.5 hours in the queue.
  t(6, A, { issuedAt: at('10:30:00'), finishedAt: at('18:00:00'), status: 'expired' }),
  // 7: never called; expired at 18:00 after 300 s in the queue (within B's 900).
  t(7, B, { issuedAt: at('17:55:00'), finishedAt: at('18:00:00'), status: 'expired' }),
  // 8: issued after closing time, still waiting at 19:00: out of the within-target share.
  t(8, A, { issuedAt: at('18:30:00') }),
];

export const counterEvents: CounterEventFact[] = [
  { counterId: C10, userId: U100, action: 'open', at: at('08:55:00') },
  { counterId: C10, userId: U100, action: 'break', at: at('11:00:00') },
  { counterId: C10, userId: U100, action: 'resume', at: at('11:45:00') },
  { counterId: C10, userId: U100, action: 'close', at: at('17:00:00') },
  { counterId: C11, userId: U101, action: 'open', at: at('10:15:00') },
  { counterId: C11, userId: U101, action: 'close', at: at('12:00:00') },
];

const visit = (counterId: number, userId: number, from: string, to: string): VisitEventFact[] => [
  { counterId, userId, at: at(from), starts: true }, { counterId, userId, at: at(to), starts: false },
];
export const visits: VisitEventFact[] = [
  ...visit(C10, U100, '09:02:00', '09:10:30'), // 1
  ...visit(C10, U100, '09:10:30', '09:16:30'), // 2
  ...visit(C10, U100, '10:05:00', '10:08:00'), // 4 (its recall does not end the visit)
  ...visit(C10, U100, '10:25:00', '10:27:00'), // 5, until the transfer
  ...visit(C11, U101, '10:20:00', '10:31:00'), // 3
  ...visit(C11, U101, '10:40:00', '10:50:00'), // 5 again
];
