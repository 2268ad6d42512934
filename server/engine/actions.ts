// The allowed state changes of a ticket and what each does to it: (ticket, command, now) →
// the fields to write, the resulting status and the event to broadcast.
import type { HallEventType, TicketStatus } from '../protocol';

export interface TicketFields {
  status: TicketStatus;
  serviceId: number;
  counterId: number | null;
  userId: number | null;
  calledAt: number | null;
  firstCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  recalls: number;
  targetCounterId: number | null;
  postponedUntil: number | null;
  outcome: string | null;
}

export type TicketCommand =
  | { action: 'call'; counterId: number; userId: number | null }
  | { action: 'recall'; recallLimit: number }
  | { action: 'start' }
  /** `visitCalledAt`: when this visit's first call was (a recall moves `calledAt`); the service
   * counts from it when the operator skipped "start". */
  | { action: 'finish'; outcome: string | null; visitCalledAt?: number | null }
  | { action: 'no_show' }
  | { action: 'transfer'; serviceId: number; counterId: number | null }
  | { action: 'postpone'; counterId: number; until: number }
  | { action: 'return' }
  | { action: 'expire' };

export type TicketAction = TicketCommand['action'];

const from: Record<TicketAction, readonly TicketStatus[]> = {
  call: ['waiting'], // a postponed ticket is returned first (QueueService.next), so its log shows it
  recall: ['called'],
  start: ['called'],
  finish: ['called', 'serving'],
  no_show: ['called'],
  transfer: ['called', 'serving'],
  postpone: ['called', 'serving'],
  return: ['postponed'],
  // The end of the hall day (hall-day.ts): a serving customer is still at the window and stays.
  expire: ['waiting', 'postponed', 'called'],
};

const canApply = (status: TicketStatus, action: TicketAction) => from[action].includes(status);

export interface Step { patch: Partial<TicketFields>; event: HallEventType }

/** Returns null when the action is not allowed from the ticket's status. */
export function applyCommand(t: TicketFields, cmd: TicketCommand, now: number): Step | null {
  if (!canApply(t.status, cmd.action)) return null;
  const leaveCounter = { counterId: null, userId: null, calledAt: null, startedAt: null, recalls: 0 };
  switch (cmd.action) {
    case 'call':
      return {
        patch: { status: 'called', counterId: cmd.counterId, userId: cmd.userId, calledAt: now, firstCalledAt: t.firstCalledAt ?? now, targetCounterId: null, postponedUntil: null, recalls: 0 },
        event: 'ticket.called',
      };
    case 'recall':
      // Past the hall's recall limit (0 = none) the customer is taken as gone.
      if (cmd.recallLimit > 0 && t.recalls >= cmd.recallLimit) return { patch: { status: 'no_show', finishedAt: now }, event: 'ticket.no_show' };
      return { patch: { recalls: t.recalls + 1, calledAt: now }, event: 'ticket.recalled' };
    case 'start':
      return { patch: { status: 'serving', startedAt: now }, event: 'ticket.serving' };
    case 'finish':
      // Finished straight from `called`: the service counts from the call.
      return { patch: { status: 'done', finishedAt: now, startedAt: t.startedAt ?? cmd.visitCalledAt ?? t.calledAt, outcome: cmd.outcome }, event: 'ticket.finished' };
    case 'no_show':
      return { patch: { status: 'no_show', finishedAt: now }, event: 'ticket.no_show' };
    case 'transfer':
      return { patch: { ...leaveCounter, status: 'waiting', serviceId: cmd.serviceId, targetCounterId: cmd.counterId }, event: 'ticket.transferred' };
    case 'postpone':
      return { patch: { ...leaveCounter, status: 'postponed', targetCounterId: cmd.counterId, postponedUntil: cmd.until }, event: 'ticket.postponed' };
    case 'return':
      // Back in the queue of the counter that parked it (targetCounterId stays).
      return { patch: { status: 'waiting', postponedUntil: null }, event: 'ticket.returned' };
    case 'expire':
      // `now` is the instant the ticket's hall day ended (its time in the queue ends there).
      return { patch: { status: 'expired', finishedAt: now, postponedUntil: null }, event: 'ticket.expired' };
  }
}
