// Shapes of the statistics endpoints (contract, "Statistics"): a report's Row, the live hall,
// a ticket's history. The areas that show figures (the live hall, reports) share them.
import type { CounterState, TicketStatus } from '../../server/protocol';

export type Grouping = 'none' | 'service' | 'operator' | 'counter' | 'hour' | 'weekday' | 'day';

/** One line of a report (or the totals): contract, "Reports". Times are whole seconds. */
export interface Row {
  key: string | number | null;
  label: string;
  labelEn: string;
  issued: number;
  called: number;
  served: number;
  noShow: number;
  expired: number;
  transferred: number;
  avgWaitSec: number | null;
  medianWaitSec: number | null;
  p90WaitSec: number | null;
  maxWaitSec: number | null;
  withinTargetPct: number | null;
  avgServiceSec: number | null;
  medianServiceSec: number | null;
  p90ServiceSec: number | null;
  /** By operator and by counter only. */
  openSec?: number;
  breakSec?: number;
  servingSec?: number;
  utilisationPct?: number | null;
}

export interface Report { from: string; to: string; by: Grouping; tz: string; rows: Row[]; total: Row }

export interface LiveService {
  serviceId: number; name: string; nameEn: string | null; waiting: number; longestWaitSec: number;
  /** The oldest waiting ticket's issue: the longest wait counts up from it. */
  oldestIssuedAt: string | null;
  etaMinutes: number; overdue: number; maxWaitSec: number;
}

export interface LiveTicket { id: number; number: string; serviceId: number; status: TicketStatus; calledAt: string; startedAt: string | null }

export interface LiveCounter {
  counterId: number;
  name: string;
  state: CounterState;
  user: { id: number; name: string } | null;
  ticket: LiveTicket | null;
  /** When it began doing what it does (the call or the start of its ticket, its break, its last customer's end or its opening, its closing). */
  since: string | null;
  sinceSec: number | null;
  breakReason: string | null;
  breakLimitSec: number | null;
}

export type AlertKind = 'wait_over_target' | 'break_too_long' | 'printer' | 'no_counter_open' | string;

export interface Alert {
  kind: AlertKind;
  severity: 'warning' | 'critical' | string;
  message: string;
  messageEn: string;
  serviceId?: number;
  counterId?: number;
  deviceId?: number | string;
  since: string;
}

export interface Live {
  at: string; services: LiveService[]; counters: LiveCounter[]; today: Row; alerts: Alert[];
  /** The next instant the view changes by time alone (a ticket passing its target, a break its limit). */
  nextChangeAt: string | null;
}

export interface TicketEvent {
  at: string;
  action: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  counter: { id: number; name: string } | null;
  user: { id: number; name: string } | null;
  detail: Record<string, unknown> | string | null;
}
