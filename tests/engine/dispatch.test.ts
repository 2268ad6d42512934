import { describe, expect, it } from 'vitest';
import { pickNext, type QueueTicket } from '../../server/engine';

const MIN = 60_000;
const now = 1_800_000_000_000;
let nextId = 1;
const t = (serviceId: number, waitedMin: number, extra: Partial<QueueTicket> = {}): QueueTicket => ({
  id: nextId++, serviceId, status: 'waiting', privileged: false, issuedAt: now - waitedMin * MIN, targetCounterId: null, postponedUntil: null, ...extra,
});
const services = new Map([[1, { id: 1, maxWaitSec: 900 }], [2, { id: 2, maxWaitSec: 900 }], [3, { id: 3, maxWaitSec: 300 }]]);
const pick = (candidates: QueueTicket[], links = [{ serviceId: 1, priority: 1 }, { serviceId: 2, priority: 2 }], extra = {}) =>
  pickNext({ counterId: 7, links, services, candidates, now, privilegedFirst: false, ...extra });

describe('dispatch rule', () => {
  it('returns null when nobody waits for the counter', () => {
    expect(pick([])).toBeNull();
    expect(pick([t(3, 1)])).toBeNull(); // a service the counter does not serve
  });

  it('serves the main work (priority 1) before secondary work, even if that waited longer', () => {
    const main = t(1, 2), secondary = t(2, 10);
    expect(pick([secondary, main])).toBe(main);
  });

  it('within a priority level, the longest wait goes first; ties by id', () => {
    const a = t(1, 3), b = t(1, 8), c = t(1, 8);
    expect(pick([a, c, b])).toBe(b);
  });

  it('a ticket past its maximum wait goes first, the longest-waiting of those first', () => {
    const main = t(1, 5), overdueA = t(2, 16), overdueB = t(2, 20);
    expect(pick([main, overdueA])).toBe(overdueA);
    expect(pick([main, overdueA, overdueB])).toBe(overdueB);
  });

  it('uses each service\'s own maximum wait', () => {
    const links = [{ serviceId: 1, priority: 1 }, { serviceId: 3, priority: 2 }];
    const main = t(1, 1), shortMax = t(3, 6); // 6 min > 300 s
    expect(pick([main, shortMax], links)).toBe(shortMax);
  });

  it('a transferred ticket keeps its issue time and is not sent to the back', () => {
    const fresh = t(1, 2), transferred = t(1, 9); // issued 9 minutes ago in another service, now in 1
    expect(pick([fresh, transferred])).toBe(transferred);
  });

  it('privileged customers go first within one level only when the hall enables it', () => {
    const old = t(1, 9), priv = t(1, 1, { privileged: true });
    expect(pick([old, priv])).toBe(old);
    expect(pick([old, priv], undefined, { privilegedFirst: true })).toBe(priv);
    // ... but not ahead of the counter's main work, nor of an overdue ticket
    const secondaryPriv = t(2, 1, { privileged: true });
    expect(pick([old, secondaryPriv], undefined, { privilegedFirst: true })).toBe(old);
    const overdue = t(1, 16);
    expect(pick([overdue, priv], undefined, { privilegedFirst: true })).toBe(overdue);
  });

  it('tickets sent to another counter are not candidates; those sent here are main work', () => {
    const elsewhere = t(1, 12, { targetCounterId: 8 });
    const here = t(3, 1, { targetCounterId: 7 }); // even of a service the counter does not serve
    const main = t(1, 5);
    expect(pick([elsewhere, main])).toBe(main);
    expect(pick([elsewhere, here])).toBe(here);
  });

  it('a postponed ticket comes back only to its counter and only when its time has come', () => {
    const parked = t(1, 10, { status: 'postponed', targetCounterId: 7, postponedUntil: now + MIN });
    const back = t(1, 10, { status: 'postponed', targetCounterId: 7, postponedUntil: now - 1 });
    const main = t(1, 2);
    expect(pick([parked, main])).toBe(main);
    expect(pick([back, main])).toBe(back);
    expect(pickNext({ counterId: 8, links: [{ serviceId: 1, priority: 1 }], services, candidates: [back], now, privilegedFirst: false })).toBeNull();
  });

  it('ignores tickets that are not waiting', () => {
    expect(pick([t(1, 5, { status: 'called' }), t(1, 5, { status: 'done' })])).toBeNull();
  });
});
