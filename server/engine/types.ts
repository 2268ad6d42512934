// Plain data the engine works on: no database rows, no Fastify, times in epoch milliseconds.
import type { TicketStatus } from '../protocol';

export interface QueueTicket {
  id: number;
  serviceId: number;
  status: TicketStatus;
  privileged: boolean;
  issuedAt: number;
  /** Only this counter may call the ticket (a transfer to a counter, a postponement). */
  targetCounterId: number | null;
  postponedUntil: number | null;
}

export interface ServiceRule { id: number; maxWaitSec: number }

/** A service a counter serves; priority 1 is its main work, 2, 3, … secondary. */
export interface CounterLink { serviceId: number; priority: number }
