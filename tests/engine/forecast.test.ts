// The forward wait estimate by states: the hall's order of calls played forward.
import { describe, expect, it } from 'vitest';
import { expectedBackAt, expectedFreeAt, forecastWaitSec, type ForecastInput, type QueueTicket } from '../../server/engine';

const MIN = 60_000, now = 1_800_000_000_000;
const t = (id: number, serviceId: number, waitedMin = 0, extra: Partial<QueueTicket> = {}): QueueTicket =>
  ({ id, serviceId, status: 'waiting', privileged: false, issuedAt: now - waitedMin * MIN, targetCounterId: null, postponedUntil: null, ...extra });
const services = new Map([[1, { id: 1, maxWaitSec: 900 }], [2, { id: 2, maxWaitSec: 900 }]]);
const mean = (id: number) => (id === 1 ? 600 : 300);
const input = (over: Partial<ForecastInput>): ForecastInput => ({ now, counters: [], waiting: [], target: t(99, 1), services, meanServiceSec: mean, privilegedFirst: false, ...over });

describe('forward wait estimate', () => {
  it('is zero with an idle counter, one visit with one ahead', () => {
    const target = t(99, 1);
    const counters = [{ id: 1, links: [{ serviceId: 1, priority: 1 }], freeAt: now }];
    expect(forecastWaitSec(input({ counters, waiting: [target], target }))).toBe(0);
    expect(forecastWaitSec(input({ counters, waiting: [t(1, 1, 2), target], target }))).toBe(600);
  });

  it("follows the counters' priorities across queues: a counter's main work comes first", () => {
    const target = t(99, 1);
    // Counter 1 serves service 2 first; three service-2 customers wait: the target waits for them.
    const counters = [{ id: 1, links: [{ serviceId: 2, priority: 1 }, { serviceId: 1, priority: 2 }], freeAt: now }];
    const waiting = [t(1, 2), t(2, 2), t(3, 2), target];
    expect(forecastWaitSec(input({ counters, waiting, target }))).toBe(900);
    // The queue-length view (one service-1 ticket, one counter) would say 0; a second counter
    // for service 1 alone takes the target at once.
    expect(forecastWaitSec(input({ counters: [...counters, { id: 2, links: [{ serviceId: 1, priority: 1 }], freeAt: now + 2 * MIN }], waiting, target }))).toBe(120);
  });

  it('lets an overdue ticket go first, earlier with the overdueAtPct setting', () => {
    const target = t(99, 1, 6); // waited 6 minutes of 15
    const counters = [{ id: 1, links: [{ serviceId: 2, priority: 1 }, { serviceId: 1, priority: 2 }], freeAt: now }];
    const waiting = [t(1, 2), target];
    expect(forecastWaitSec(input({ counters, waiting, target }))).toBe(300);
    expect(forecastWaitSec(input({ counters, waiting, target, overdueAtPct: 33 }))).toBe(0);
  });

  it('counts a busy counter free at its expected end, one on a break back after its usual break', () => {
    expect(expectedFreeAt(now - 2 * MIN, 600, now)).toBe(now + 8 * MIN);
    expect(expectedFreeAt(now - 20 * MIN, 600, now)).toBe(now + 2.5 * MIN); // past the mean: a quarter of it
    expect(expectedBackAt(now - 10 * MIN, 45 * 60, now)).toBe(now + 35 * MIN);
    const target = t(99, 1);
    const counters = [{ id: 1, links: [{ serviceId: 1, priority: 1 }], freeAt: expectedBackAt(now - 10 * MIN, 45 * 60, now) }];
    expect(forecastWaitSec(input({ counters, waiting: [target], target }))).toBe(35 * 60);
  });

  it('is null when no open counter serves the ticket; sent tickets wait for their counter', () => {
    const target = t(99, 1);
    expect(forecastWaitSec(input({ counters: [{ id: 1, links: [{ serviceId: 2, priority: 1 }], freeAt: now }], waiting: [target], target }))).toBeNull();
    const sent = t(98, 1, 0, { targetCounterId: 2 });
    const counters = [{ id: 1, links: [{ serviceId: 1, priority: 1 }], freeAt: now }, { id: 2, links: [{ serviceId: 2, priority: 1 }], freeAt: now + MIN }];
    expect(forecastWaitSec(input({ counters, waiting: [sent], target: sent }))).toBe(60);
  });
});
