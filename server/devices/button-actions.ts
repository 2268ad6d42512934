// Button presses become queue commands, made as the operator who holds the counter (the same
// rules and the same events as the console's keys). The called number goes back to LED keypads.
import type { ButtonEvent } from '../../drivers/buttons/types.ts';
import type { Logger } from '../../drivers/log.ts';
import type { QueueService } from '../hall/queue';
import type { CallView, HallEvent } from '../protocol';

/** The app's group commit (ctx.commits.run): a press is durable before it counts as done. */
export type Commit = <T>(fn: () => T) => Promise<T>;

export async function runButtonAction(queue: QueueService, commit: Commit, log: Logger, ev: ButtonEvent, source: string): Promise<void> {
  const fields = { source, counter: ev.counter, action: ev.action };
  try {
    const counter = queue.getCounter(ev.counter);
    if (!counter) {
      log.warn(fields, 'button for an unknown counter ignored');
      return;
    }
    const holder = counter.userId;
    if (holder === null) {
      log.warn(fields, 'button pressed at a counter nobody holds: ignored');
      return;
    }
    if (ev.action === 'call') {
      const t = await commit(() => queue.next(counter.id, holder));
      log.info({ ...fields, ticket: t?.number ?? null }, t ? 'button action' : 'button call: nobody waiting');
      return;
    }
    const action = ev.action;
    if (action.startsWith('rate')) return; // ratings go to runRating
    const t = await commit(() => queue.act(counter.id, holder, action as Exclude<typeof action, `rate${number}`>));
    log.info({ ...fields, ticket: t.number, status: t.status }, 'button action');
  } catch (err) {
    // A press that does not fit the moment (start with nothing called, a double press) is
    // refused like the console's key would be: logged, nothing changes. Never rejects.
    log.warn({ ...fields, err: (err as Error).message }, 'button action refused');
  }
}

/** A customer's rating key: the counter's last finished visit gets the rating. Never rejects. */
export async function runRating(rate: ((counter: number, rating: number) => Promise<unknown>) | undefined, log: Logger, counter: number, rating: number, source: string): Promise<void> {
  const fields = { source, counter, rating };
  if (!rate) return log.warn(fields, 'rating key ignored: ratings are not wired');
  try {
    await rate(counter, rating);
    log.info(fields, 'rating recorded');
  } catch (err) {
    // Nothing to rate (no visit finished in the last 30 minutes, or it was rated already).
    log.warn({ ...fields, err: (err as Error).message }, 'rating refused');
  }
}

/**
 * Contact bounce and stuck keys: a press that repeats the previous press at the same counter
 * (same key) less than `windowMs` after it is dropped, so a held or chattering key makes one
 * press, not a stream of refused commands and log lines. Another key in between breaks the run.
 */
export class PressFilter {
  private last = new Map<number, { action: ButtonEvent['action']; at: number }>();

  constructor(private readonly windowMs = 300, private readonly clock: () => number = Date.now) {}

  accept(ev: ButtonEvent): boolean {
    const now = this.clock();
    const prev = this.last.get(ev.counter);
    this.last.set(ev.counter, { action: ev.action, at: now });
    return !prev || prev.action !== ev.action || now - prev.at >= this.windowMs;
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
