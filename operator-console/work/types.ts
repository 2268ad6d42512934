// Shapes of the console-facing staff endpoints (docs/API-EXTENSIONS.md, "Counter work").
import type { CounterView, TicketStatus } from '../../server/protocol';

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
  script?: string;
}

export interface QueueRow {
  serviceId: number;
  name: string;
  nameEn?: string | null;
  prefix: string;
  priority: number;
  waiting: number;
  longestWaitSec: number;
  maxWaitSec: number;
  script: string;
}

/** A ticket sent or postponed to this counter only. */
export interface OwnTicket { id: number; number: string; serviceId: number; status: TicketStatus; issuedAt: string; postponedUntil: string | null }

export interface OperatorDay { served: number; avgServiceSec: number | null; breakSec: number }

export interface CounterDetail {
  counter: CounterView;
  ticket?: CurrentTicket | null;
  queue: QueueRow[];
  own: OwnTicket[];
  day: OperatorDay;
}

/** A configurable choice (finish outcome, break reason): sent by id, shown in the screen's language. */
export interface Choice { id: string; ru: string; en: string }

export interface StaffSettings { outcomes: Choice[]; breakReasons: Choice[]; recallLimit: number }

/** What the counter actions answer: the ticket acted on (null when `next` finds nobody). */
export type ActionTicket = Partial<CurrentTicket> & { id: number; number: string; serviceId: number; status: TicketStatus };
