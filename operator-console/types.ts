// Shapes of the console-facing staff endpoints (docs/API-EXTENSIONS.md, "Counter work").
import type { CounterView, Role, TicketStatus } from '../server/protocol';

export interface StaffUser { id: number; login: string; name: string; role: Role }

export interface CurrentTicket {
  id: number;
  number: string;
  serviceId: number;
  status: TicketStatus;
  issuedAt: string;
  calledAt: string | null;
  startedAt: string | null;
  waitSec: number;
  recalls: number;
}

export interface QueueRow {
  serviceId: number;
  name: string;
  prefix: string;
  priority: number;
  waiting: number;
  longestWaitSec: number;
  maxWaitSec: number;
  script: string;
  postponed: number;
}

export interface OperatorDay { served: number; avgServiceSec: number; breakSec: number }

export interface CounterDetail {
  counter: CounterView;
  ticket: CurrentTicket | null;
  queue: QueueRow[];
  day: OperatorDay;
}

export interface StaffSettings { outcomes: string[]; breakReasons: string[]; recallLimit: number }

/** What the counter actions answer: the ticket acted on (null when `next` finds nobody). */
export type ActionTicket = Partial<CurrentTicket> & { id: number; number: string; serviceId: number; status: TicketStatus };
