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

export interface LiveService { serviceId: number; waiting: number; longestWaitSec: number; etaMinutes: number; overdue: number }

export interface LiveTicket { id: number; number: string; serviceId: number; status: TicketStatus }

export interface LiveCounter {
  counterId: number;
  name: string;
  state: CounterState;
  user: { id: number; name: string } | null;
  ticket: LiveTicket | null;
  /** Seconds since the current ticket was called or its service began; on a break, since the break began. */
  sinceSec: number | null;
  breakReason: string | null;
}

export type AlertKind = 'wait_over_target' | 'break_too_long' | 'printer' | 'no_counter_open' | string;

export interface Alert {
  kind: AlertKind;
  severity: 'warning' | 'critical' | string;
  message: string;
  serviceId?: number;
  counterId?: number;
  deviceId?: number;
  since: string;
}

export interface Live { at: string; services: LiveService[]; counters: LiveCounter[]; today: Row; alerts: Alert[] }

export interface TicketEvent {
  at: string;
  action: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  counter: { id: number; name: string } | null;
  user: { id: number; name: string } | null;
  detail: Record<string, unknown> | string | null;
}
