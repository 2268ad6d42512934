import { describe, expect, it } from 'vitest';
import { applyCommand, estimateWaitSec, meanServiceSec, toMinutes, type TicketFields } from '../../server/engine';

describe('wait estimate', () => {
  it('is zero when a free counter is left for the ticket', () => {
    expect(estimateWaitSec({ ahead: 0, servers: 2, idle: 1, meanServiceSec: 600 })).toBe(0);
    expect(estimateWaitSec({ ahead: 1, servers: 2, idle: 2, meanServiceSec: 600 })).toBe(0);
  });
  it('grows with the queue and shrinks with open counters: (ahead + 1 - idle) × mean / servers', () => {
    expect(estimateWaitSec({ ahead: 0, servers: 1, idle: 0, meanServiceSec: 600 })).toBe(600);
    expect(estimateWaitSec({ ahead: 5, servers: 3, idle: 0, meanServiceSec: 600 })).toBe(1200);
    expect(estimateWaitSec({ ahead: 5, servers: 3, idle: 1, meanServiceSec: 600 })).toBe(1000);
  });
  it('assumes one counter when none is open', () => {
    expect(estimateWaitSec({ ahead: 2, servers: 0, idle: 0, meanServiceSec: 300 })).toBe(900);
  });
  it('uses recent service times, or the configured default without history', () => {
    expect(meanServiceSec([], 480)).toBe(480);
    expect(meanServiceSec([300, 500], 480)).toBe(400);
    expect(toMinutes(61)).toBe(2);
    expect(toMinutes(0)).toBe(0);
  });
});

describe('ticket state changes', () => {
  const now = 1_800_000_000_000;
  const waiting: TicketFields = { status: 'waiting', serviceId: 1, counterId: null, userId: null, calledAt: null, firstCalledAt: null, startedAt: null, finishedAt: null, recalls: 0, targetCounterId: null, postponedUntil: null, outcome: null };

  it('calls, starts and finishes, keeping the first call time', () => {
    const called = { ...waiting, ...applyCommand(waiting, { action: 'call', counterId: 3, userId: 9 }, now)!.patch };
    expect(called).toMatchObject({ status: 'called', counterId: 3, userId: 9, calledAt: now, firstCalledAt: now });
    const serving = { ...called, ...applyCommand(called, { action: 'start' }, now + 1000)!.patch };
    expect(serving.status).toBe('serving');
    const done = applyCommand(serving, { action: 'finish', outcome: 'resolved' }, now + 5000)!;
    expect(done).toEqual({ patch: { status: 'done', finishedAt: now + 5000, startedAt: now + 1000, outcome: 'resolved' }, event: 'ticket.finished' });
  });

  it('finish straight from called counts the service from the call', () => {
    const called = { ...waiting, status: 'called' as const, calledAt: now };
    expect(applyCommand(called, { action: 'finish', outcome: null }, now + 9000)!.patch.startedAt).toBe(now);
    // recalled at +4 s: the service still counts from the visit's first call, not from the recall
    const recalled = { ...called, ...applyCommand(called, { action: 'recall', recallLimit: 3 }, now + 4000)!.patch };
    expect(recalled.calledAt).toBe(now + 4000);
    expect(applyCommand(recalled, { action: 'finish', outcome: null, visitCalledAt: now }, now + 9000)!.patch.startedAt).toBe(now);
  });

  it('refuses changes the state does not allow', () => {
    expect(applyCommand(waiting, { action: 'start' }, now)).toBeNull();
    expect(applyCommand(waiting, { action: 'finish', outcome: null }, now)).toBeNull();
    expect(applyCommand({ ...waiting, status: 'done' }, { action: 'call', counterId: 1, userId: 1 }, now)).toBeNull();
    expect(applyCommand({ ...waiting, status: 'serving' }, { action: 'no_show' }, now)).toBeNull();
  });

  it('a recall past the limit makes the ticket a no-show; limit 0 never does', () => {
    const called = { ...waiting, status: 'called' as const, calledAt: now, recalls: 2 };
    expect(applyCommand(called, { action: 'recall', recallLimit: 3 }, now)).toEqual({ patch: { recalls: 3, calledAt: now }, event: 'ticket.recalled' });
    expect(applyCommand({ ...called, recalls: 3 }, { action: 'recall', recallLimit: 3 }, now)!.patch.status).toBe('no_show');
    expect(applyCommand({ ...called, recalls: 50 }, { action: 'recall', recallLimit: 0 }, now)!.event).toBe('ticket.recalled');
  });

  it('a transfer returns the ticket to waiting in another queue or for one counter; a postponement parks it', () => {
    const serving = { ...waiting, status: 'serving' as const, counterId: 3, calledAt: now, startedAt: now };
    expect(applyCommand(serving, { action: 'transfer', serviceId: 2, counterId: null }, now)!.patch).toMatchObject({ status: 'waiting', serviceId: 2, counterId: null, targetCounterId: null });
    expect(applyCommand(serving, { action: 'transfer', serviceId: 1, counterId: 5 }, now)!.patch).toMatchObject({ status: 'waiting', targetCounterId: 5 });
    expect(applyCommand(serving, { action: 'postpone', counterId: 3, until: now + 60_000 }, now)!.patch).toMatchObject({ status: 'postponed', targetCounterId: 3, postponedUntil: now + 60_000 });
    // a parked ticket is not called straight away: it returns first, then it is waiting again
    const parked = { ...waiting, status: 'postponed' as const, targetCounterId: 3, postponedUntil: now - 1 };
    expect(applyCommand(parked, { action: 'call', counterId: 3, userId: 1 }, now)).toBeNull();
    expect(applyCommand(parked, { action: 'return' }, now)!.patch).toMatchObject({ status: 'waiting', postponedUntil: null });
  });
});
