// Button presses become queue commands, made as the operator who holds the counter (the same
// rules and the same events as the console's keys). The called number goes back to LED keypads.
import type { ButtonEvent } from '../../drivers/buttons/types.ts';
import type { Logger } from '../../drivers/log.ts';
import type { QueueService } from '../hall/queue';
import type { CallView, HallEvent } from '../protocol';

export interface ButtonResult { ok: boolean; detail: string }

export function runButtonAction(queue: QueueService, log: Logger, ev: ButtonEvent, source: string): ButtonResult {
  const counter = queue.getCounter(ev.counter);
  const fields = { source, counter: ev.counter, action: ev.action };
  if (!counter) {
    log.warn(fields, 'button for an unknown counter ignored');
    return { ok: false, detail: 'unknown counter' };
  }
  if (counter.userId === null) {
    log.warn(fields, 'button pressed at a counter nobody holds: ignored');
    return { ok: false, detail: 'counter is not open' };
  }
  try {
    if (ev.action === 'call') {
      const t = queue.next(counter.id, counter.userId);
      log.info({ ...fields, ticket: t?.number ?? null }, 'button action');
      return { ok: true, detail: t ? `called ${t.number}` : 'nobody waiting' };
    }
    const t = queue.act(counter.id, counter.userId, ev.action);
    log.info({ ...fields, ticket: t.number, status: t.status }, 'button action');
    return { ok: true, detail: `${t.number} ${t.status}` };
  } catch (err) {
    // A press that does not fit the moment (start with nothing called, a double press) is
    // refused like the console's key would be: logged, nothing changes.
    log.warn({ ...fields, err: (err as Error).message }, 'button action refused');
    return { ok: false, detail: (err as Error).message };
  }
}

/**
 * What each counter's LED should show: the called ticket's number, blank once the ticket is
 * finished, a no-show, transferred or postponed. Seeded from the calls standing at start, so a
 * keypad or an agent that (re)connects shows the right number at once.
 */
export class CounterNumbers {
  private current = new Map<number, { ticketId: number; number: string }>();

  constructor(calls: CallView[], private readonly show: (counter: number, number: string | null) => void) {
    for (const c of calls) this.current.set(c.counterId, { ticketId: c.ticketId, number: c.number });
  }

  entries(): [number, string][] {
    return [...this.current].map(([counter, t]) => [counter, t.number]);
  }

  onEvent(e: HallEvent): void {
    switch (e.type) {
      case 'ticket.called':
      case 'ticket.recalled':
        this.current.set(e.counter.id, { ticketId: e.ticket.id, number: e.ticket.number });
        this.show(e.counter.id, e.ticket.number);
        break;
      case 'ticket.finished':
      case 'ticket.no_show':
      case 'ticket.postponed':
      case 'ticket.transferred':
        for (const [counter, t] of this.current) {
          if (t.ticketId === e.ticket.id) { this.current.delete(counter); this.show(counter, null); }
        }
        break;
    }
  }
}
