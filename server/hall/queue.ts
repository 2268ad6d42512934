// Queue commands: issue a ticket and the counter actions. Each command is one transaction that
// validates against the current rows, asks the pure engine what to change, writes the change
// and its event-log row with conditional updates, and only after commit hands the events to
// the hub.
import type Database from 'better-sqlite3';
import * as engine from '../engine';
import { AppError, conflict, notFound } from '../errors';
import type { Committer } from '../commits';
import type { CounterRef, HallEventDraft, WaitingCount } from '../protocol';
import type { SettingsStore } from '../settings';
import { COUNTER_COLUMNS, SERVICE_COLUMNS, TICKET_COLUMNS, fixBool, fixService, type CounterRow, type ServiceRow, type TicketRow } from './rows';
import type { ServiceTimes } from './service-times';
import { ticketCode } from './ticket-code';
import { newTicket, WaitEstimates } from './wait-estimate';

export type CounterAction = 'next' | 'recall' | 'start' | 'finish' | 'no_show' | 'transfer' | 'postpone';

export interface IssueResult { ticket: TicketRow; service: ServiceRow; ahead: number; etaSec: number }

export interface QueueDeps {
  sql: Database.Database;
  commits: Committer;
  settings: SettingsStore;
  times: ServiceTimes;
  clock: () => number;
  timezone: string;
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());

export class QueueService {
  private s;
  /** The wait estimates: at issue, per service, per waiting ticket. */
  readonly eta: WaitEstimates;
  /** The conditional UPDATE of step(), one per set of patched columns (a handful in all). */
  private updates = new Map<string, Database.Statement>();
  /** The next instant a ticket can expire, as computed under that settings object (a new
   * calendar is a new object). */
  private expiry: { next: number; settings: object | null } = { next: -Infinity, settings: null };
  private dayEnds: { settings: object | null; ends: Map<string, number> } = { settings: null, ends: new Map() };

  constructor(private d: QueueDeps) {
    const sql = d.sql;
    this.eta = new WaitEstimates(sql, d.settings, d.times);
    this.s = {
      service: sql.prepare(`SELECT ${SERVICE_COLUMNS} FROM services WHERE id = ?`),
      lastSeq: sql.prepare('SELECT MAX(seq) AS seq FROM tickets WHERE original_service_id = ? AND hall_day = ?'),
      insertTicket: sql.prepare(`INSERT INTO tickets (service_id, original_service_id, number, hall_day, seq, status, privileged, issued_at, eta_sec, source, code)
        VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?, ?)`),
      ticket: sql.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = ?`),
      ticketByCode: sql.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE code = ?`),
      insertEvent: sql.prepare('INSERT INTO ticket_events (ticket_id, from_status, to_status, action, counter_id, user_id, at, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      waitingCounts: sql.prepare('SELECT service_id AS serviceId, count FROM waiting_counts WHERE count > 0 ORDER BY service_id'),
      waitingOf: sql.prepare('SELECT count FROM waiting_counts WHERE service_id = ?'),
      // `issued_at <= ?` first, so the count is a range scan of the queue index.
      waitingAhead: sql.prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting' AND service_id = ? AND issued_at <= ? AND target_counter_id IS NULL AND NOT (issued_at = ? AND id >= ?)"),
      waitingAheadPriv: sql.prepare("SELECT COUNT(*) AS n FROM tickets WHERE status = 'waiting' AND service_id = ? AND issued_at <= ? AND target_counter_id IS NULL AND privileged = 1 AND NOT (issued_at = ? AND id >= ?)"),
      counter: sql.prepare(`SELECT ${COUNTER_COLUMNS} FROM counters WHERE id = ?`),
      links: sql.prepare('SELECT service_id AS serviceId, priority FROM counter_services WHERE counter_id = ?'),
      activeTicket: sql.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')`),
      oldest: sql.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE status = 'waiting' AND service_id = ? AND target_counter_id IS NULL ORDER BY issued_at, id LIMIT 1`),
      oldestPrivileged: sql.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE status = 'waiting' AND service_id = ? AND target_counter_id IS NULL AND privileged = 1 ORDER BY issued_at, id LIMIT 1`),
      duePostponed: sql.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE status = 'postponed' AND postponed_until <= ? ORDER BY postponed_until`),
      targeted: sql.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE target_counter_id = ? AND status IN ('waiting', 'postponed')`),
      maxWait: sql.prepare('SELECT id, max_wait_sec AS maxWaitSec FROM services'),
      setCounter: sql.prepare('UPDATE counters SET state = ?, user_id = ?, break_reason = ? WHERE id = ?'),
      counterEvent: sql.prepare('INSERT INTO counter_events (counter_id, user_id, action, reason, at) VALUES (?, ?, ?, ?, ?)'),
      lastCall: sql.prepare("SELECT at FROM ticket_events WHERE ticket_id = ? AND action = 'call' ORDER BY id DESC LIMIT 1").pluck(),
      heldBy: sql.prepare('SELECT id, name FROM counters WHERE user_id = ? AND id != ?'),
      breakSince: sql.prepare("SELECT MAX(at) AS at FROM counter_events WHERE counter_id = ? AND action = 'break'"),
      openTickets: sql.prepare(`SELECT id, status, hall_day AS hallDay, issued_at AS issuedAt, called_at AS calledAt FROM tickets
        WHERE status IN ('waiting', 'postponed', 'called')`),
    };
  }

  private command<T>(fn: () => { result: T; events: HallEventDraft[] }): T {
    return this.d.commits.tx(fn);
  }

  waiting(): WaitingCount[] {
    return this.s.waitingCounts.all() as WaitingCount[];
  }

  getService(id: number): ServiceRow | undefined { return fixService(this.s.service.get(id) as ServiceRow | undefined); }
  getTicket(id: number): TicketRow | undefined { return fixBool(this.s.ticket.get(id) as TicketRow | undefined); }
  ticketByCode(code: string): TicketRow | undefined { return fixBool(this.s.ticketByCode.get(code) as TicketRow | undefined); }
  activeTicket(counterId: number): TicketRow | undefined { return fixBool(this.s.activeTicket.get(counterId) as TicketRow | undefined); }
  getCounter(id: number): CounterRow | undefined { return fixBool(this.s.counter.get(id) as CounterRow | undefined); }

  /** Tickets that will be called before `t` among its service's queue, and the wait estimate
   * (`t` is a waiting ticket, or a new one not inserted yet). */
  estimate(t: engine.QueueTicket, service: ServiceRow, knownAhead?: number): { ahead: number; etaSec: number } {
    const privilegedFirst = this.d.settings.get().privilegedEnabled;
    const stmt = privilegedFirst && t.privileged ? this.s.waitingAheadPriv : this.s.waitingAhead;
    const ahead = knownAhead ?? (stmt.get(t.serviceId, t.issuedAt, t.issuedAt, t.id) as { n: number }).n;
    const etaSec = this.eta.waitSec(this.eta.snapshot(this.d.clock()), t, ahead, service.defaultServiceSec);
    return { ahead, etaSec };
  }

  issue(serviceId: number, opts: { privileged?: boolean; source?: string } = {}): IssueResult {
    this.expireDue();
    return this.command(() => {
      const now = this.d.clock();
      const service = this.getService(serviceId);
      if (!service) throw notFound('Service');
      const day = engine.hallDay(now, this.d.timezone);
      const last = (this.s.lastSeq.get(serviceId, day) as { seq: number | null }).seq;
      const reason = engine.closedReason(service, last ?? 0, now, this.d.timezone, this.d.settings.get().calendar);
      if (reason) throw new AppError(409, 'service_closed', `Service is not offered now (${reason})`);
      const privileged = !!opts.privileged;
      if (privileged && !this.d.settings.get().privilegedEnabled) throw conflict('Privileged tickets are not enabled in this hall');
      const seq = engine.nextSeq(last);
      const number = engine.formatNumber(service.prefix, seq);
      // Estimated before the insert: the newest ticket has the whole queue ahead (privileged
      // ones only the privileged part of it).
      const { ahead, etaSec } = this.estimate(newTicket(serviceId, now, privileged), service,
        privileged ? undefined : ((this.s.waitingOf.get(serviceId) as { count: number } | undefined)?.count ?? 0));
      const info = this.s.insertTicket.run(serviceId, serviceId, number, day, seq, privileged ? 1 : 0, now, etaSec, opts.source ?? 'kiosk', ticketCode());
      const id = Number(info.lastInsertRowid);
      this.s.insertEvent.run(id, null, 'waiting', 'issue', null, null, now, null);
      const ticket = this.getTicket(id)!;
      return {
        result: { ticket, service, ahead, etaSec },
        events: [{ type: 'ticket.issued', ticket: { id, number, serviceId }, waiting: this.waiting() }],
      };
    });
  }

  /** The counter, checked to be held by `userId` (device actions pass the holder's id). */
  private heldCounter(counterId: number, userId: number): CounterRow {
    const c = this.getCounter(counterId);
    if (!c || !c.active) throw notFound('Counter');
    if (c.userId !== userId) throw conflict(c.userId ? 'Another operator holds this counter' : 'Open the counter first');
    return c;
  }

  private ref(c: CounterRow): CounterRef { return { id: c.id, name: c.name }; }

  /** Applies an engine command to a ticket with a conditional update and logs it. */
  private step(t: TicketRow, cmd: engine.TicketCommand, c: CounterRow | null, userId: number | null, now: number, detail?: object) {
    const step = engine.applyCommand(t, cmd, now);
    if (!step) throw conflict(`Ticket ${t.number} is ${t.status}: cannot ${cmd.action.replace('_', '-')}`);
    const keys = Object.keys(step.patch) as (keyof engine.TicketFields)[];
    const sig = keys.join();
    let update = this.updates.get(sig);
    if (!update) {
      update = this.d.sql.prepare(`UPDATE tickets SET ${keys.map((k) => `${snake(k)} = ?`).join(', ')} WHERE id = ? AND status = ?`);
      this.updates.set(sig, update);
    }
    const res = update.run(...keys.map((k) => step.patch[k] as any), t.id, t.status);
    if (res.changes !== 1) throw conflict(`Ticket ${t.number} changed meanwhile`);
    const after = this.getTicket(t.id)!;
    this.s.insertEvent.run(t.id, t.status, after.status, cmd.action, c?.id ?? null, userId, now, detail ? JSON.stringify(detail) : null);
    if (after.status === 'done' && after.startedAt !== null) this.d.times.add(after.serviceId, (now - after.startedAt) / 1000);
    return { after, event: step.event };
  }

  private ticketEvent(after: TicketRow, type: engine.Step['event'], c: CounterRow | null, extra: object = {}): HallEventDraft {
    const ticket = { id: after.id, number: after.number, serviceId: after.serviceId };
    return { type, ticket, waiting: this.waiting(), ...(c && !('from' in extra) ? { counter: this.ref(c) } : {}), ...extra } as HallEventDraft;
  }

  private pick(c: CounterRow, now: number): TicketRow | null {
    const links = this.s.links.all(c.id) as engine.CounterLink[];
    const privilegedFirst = this.d.settings.get().privilegedEnabled;
    // Per service only its oldest (and oldest privileged) ticket can come first: the engine
    // needs no more candidates than those and the tickets addressed to this counter.
    const candidates: TicketRow[] = [];
    for (const l of links) {
      const o = this.s.oldest.get(l.serviceId) as TicketRow | undefined;
      if (o) candidates.push(fixBool(o)!);
      if (privilegedFirst) { const p = this.s.oldestPrivileged.get(l.serviceId) as TicketRow | undefined; if (p) candidates.push(fixBool(p)!); }
    }
    for (const t of this.s.targeted.all(c.id) as TicketRow[]) candidates.push(fixBool(t)!);
    const services = new Map((this.s.maxWait.all() as engine.ServiceRule[]).map((s) => [s.id, s]));
    return engine.pickNext({ counterId: c.id, links, services, candidates, now, privilegedFirst, overdueAtPct: this.d.settings.get().overdueAtPct }) as TicketRow | null;
  }

  next(counterId: number, userId: number, opts: { finishCurrent?: boolean; outcome?: string | null } = {}): TicketRow | null {
    // Yesterday's queue is gone before anyone is called, even when the day-end timer is late.
    this.expireDue();
    return this.command(() => {
      const now = this.d.clock();
      const c = this.heldCounter(counterId, userId);
      if (c.state !== 'open') throw conflict('The counter is on a break: resume first');
      const events: HallEventDraft[] = [];
      const current = fixBool(this.s.activeTicket.get(c.id) as TicketRow | undefined);
      if (current) {
        if (!opts.finishCurrent) throw conflict(`Ticket ${current.number} is still ${current.status} at this counter`);
        const outcome = this.outcome(opts.outcome);
        const { after, event } = this.step(current, { action: 'finish', outcome, visitCalledAt: this.visitCalledAt(current) }, c, userId, now, outcome ? { outcome } : undefined);
        events.push(this.ticketEvent(after, event, c));
      }
      let t = this.pick(c, now);
      if (t && this.pastItsDay(t, now)) {
        // The sweep before this command was skipped or undone: never call a past day's ticket.
        events.push(...this.sweep(now));
        t = this.pick(c, now);
      }
      if (!t) return { result: null, events };
      if (t.status === 'postponed') {
        // Due but not yet swept back by the timer: log its return first, so every postponed
        // ticket's history reads postpone → return → call whichever comes first.
        const back = this.step(t, { action: 'return' }, c, null, now);
        events.push(this.ticketEvent(back.after, back.event, c));
        t = back.after;
      }
      const { after, event } = this.step(t, { action: 'call', counterId: c.id, userId }, c, userId, now);
      events.push(this.ticketEvent(after, event, c));
      return { result: after, events };
    });
  }

  /** When the current visit's first call was: its last `call` in the event log (only needed, and
   * only read, when the ticket was recalled and "start" was skipped). */
  private visitCalledAt(t: TicketRow): number | null {
    if (t.startedAt !== null || t.recalls === 0) return null;
    return (this.s.lastCall.get(t.id) as number | undefined) ?? null;
  }

  private outcome(id: string | null | undefined): string | null {
    if (!id) return null;
    if (!this.d.settings.get().outcomes.some((o) => o.id === id)) throw new AppError(400, 'validation', `Unknown outcome ${id}`);
    return id;
  }

  /** Actions on the counter's current ticket. */
  act(counterId: number, userId: number, action: Exclude<CounterAction, 'next'>, args: { outcome?: string | null; serviceId?: number; counterId?: number; minutes?: number } = {}): TicketRow {
    return this.command(() => {
      const now = this.d.clock();
      const c = this.heldCounter(counterId, userId);
      const t = fixBool(this.s.activeTicket.get(c.id) as TicketRow | undefined);
      if (!t) throw conflict('No ticket is called at this counter');
      let cmd: engine.TicketCommand;
      let extra: object = {};
      switch (action) {
        case 'recall': cmd = { action: 'recall', recallLimit: this.d.settings.get().recallLimit }; break;
        case 'start': cmd = { action: 'start' }; break;
        case 'finish': cmd = { action: 'finish', outcome: this.outcome(args.outcome), visitCalledAt: this.visitCalledAt(t) }; extra = cmd.outcome ? { outcome: cmd.outcome } : {}; break;
        case 'no_show': cmd = { action: 'no_show' }; break;
        case 'transfer': {
          const serviceId = args.serviceId ?? t.serviceId;
          if (!this.getService(serviceId)?.active) throw notFound('Service');
          let to: CounterRow | null = null;
          if (args.counterId !== undefined) {
            to = this.getCounter(args.counterId) ?? null;
            if (!to || !to.active) throw notFound('Counter');
          }
          cmd = { action: 'transfer', serviceId, counterId: to?.id ?? null };
          extra = { from: { serviceId: t.serviceId }, toCounter: to ? this.ref(to) : null };
          break;
        }
        case 'postpone': {
          const until = now + (args.minutes ?? 5) * 60_000;
          cmd = { action: 'postpone', counterId: c.id, until };
          extra = { until: new Date(until).toISOString() };
          break;
        }
      }
      const { after, event } = this.step(t, cmd, c, userId, now, Object.keys(extra).length ? extra : undefined);
      return { result: after, events: [this.ticketEvent(after, event, c, action === 'finish' ? {} : extra)] };
    });
  }

  /** Postponed tickets whose time has come go back to their counter's queue (run by a timer). */
  returnDue(): number {
    this.expireDue();
    return this.command(() => {
      const now = this.d.clock();
      const events: HallEventDraft[] = [];
      for (const row of this.s.duePostponed.all(now) as TicketRow[]) {
        const t = fixBool(row)!;
        const c = t.targetCounterId === null ? null : this.getCounter(t.targetCounterId) ?? null;
        const { after, event } = this.step(t, { action: 'return' }, c, null, now);
        events.push(this.ticketEvent(after, event, c));
      }
      return { result: events.length, events };
    });
  }

  /**
   * The end of the hall day: tickets still waiting, postponed or called when their day ended
   * become `expired`, logged at that instant, and `ticket.expired` goes out after the commit.
   * Its own transaction (a savepoint in a batch), so that a command that fails after it does
   * not undo it. Without `force` it returns at once until the next expiry is due.
   */
  expireDue(force = false): number {
    const settings = this.d.settings.get();
    if (!force && settings === this.expiry.settings && this.d.clock() < this.expiry.next) return 0;
    return this.command(() => {
      const events = this.sweep(this.d.clock());
      return { result: events.length, events };
    });
  }

  /** expireDue's work, inside the caller's transaction. */
  private sweep(now: number): HallEventDraft[] {
    const settings = this.d.settings.get();
    const open = this.s.openTickets.all() as engine.OpenTicket[];
    const due = engine.expiring(open, now, settings.calendar, this.d.timezone);
    const events: HallEventDraft[] = [];
    for (const { id, at } of due) {
      const t = this.getTicket(id)!;
      // The history names the counter that had called the ticket; nobody did this.
      const c = t.status === 'called' && t.counterId !== null ? this.getCounter(t.counterId) ?? null : null;
      const { after, event } = this.step(t, { action: 'expire' }, c, null, at);
      events.push(this.ticketEvent(after, event, null));
    }
    const gone = new Set(due.map((e) => e.id));
    this.expiry = { settings, next: engine.nextExpiry(open.filter((t) => !gone.has(t.id)), now, settings.calendar, this.d.timezone) };
    return events;
  }

  /** Whether the end of its hall day has passed for a ticket (hall-day ends memoised per calendar). */
  private pastItsDay(t: TicketRow, now: number): boolean {
    const settings = this.d.settings.get();
    if (this.dayEnds.settings !== settings) this.dayEnds = { settings, ends: new Map() };
    return engine.expiryOf(t.hallDay, t.issuedAt, settings.calendar, this.d.timezone, this.dayEnds.ends) <= now;
  }

  /** When expireDue() has work next (the day-end timer sleeps until then). */
  get nextExpiryAt(): number { return this.expiry.next; }

  // ---- counter state ----

  private counterChanged(c: CounterRow): HallEventDraft {
    return { type: 'counter.changed', counter: { id: c.id, name: c.name, state: c.state } };
  }

  open(counterId: number, userId: number): CounterRow {
    return this.command(() => {
      const c = this.getCounter(counterId);
      if (!c || !c.active) throw notFound('Counter');
      if (c.userId === userId) return { result: c, events: [] }; // reopening after a reload
      if (c.userId !== null) throw conflict('Another operator holds this counter');
      const other = this.s.heldBy.get(userId, counterId) as { id: number; name: string } | undefined;
      if (other) throw conflict(`You hold ${other.name}: close it first`);
      this.s.setCounter.run('open', userId, null, c.id);
      this.s.counterEvent.run(c.id, userId, 'open', null, this.d.clock());
      const after = this.getCounter(c.id)!;
      return { result: after, events: [this.counterChanged(after)] };
    });
  }

  setState(counterId: number, userId: number, action: 'break' | 'resume' | 'close', reason?: string): CounterRow {
    return this.command(() => {
      const c = this.heldCounter(counterId, userId);
      if (action !== 'resume' && this.s.activeTicket.get(c.id)) throw conflict('Finish the current ticket first');
      if (action === 'break' && c.state === 'break') throw conflict('The counter is already on a break');
      if (action === 'resume' && c.state !== 'break') throw conflict('The counter is not on a break');
      const state = action === 'close' ? 'closed' : action === 'break' ? 'break' : 'open';
      if (c.state === 'break' && action !== 'break' && c.breakReason) {
        // A break ends: its length teaches the wait estimate when such a break is over.
        const since = (this.s.breakSince.get(c.id) as { at: number | null }).at;
        if (since !== null) this.eta.breaks.add(c.breakReason, (this.d.clock() - since) / 1000);
      }
      this.s.setCounter.run(state, action === 'close' ? null : userId, action === 'break' ? reason ?? null : null, c.id);
      this.s.counterEvent.run(c.id, userId, action, reason ?? null, this.d.clock());
      const after = this.getCounter(c.id)!;
      return { result: after, events: [this.counterChanged(after)] };
    });
  }
}
