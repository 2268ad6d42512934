// Row shapes read by raw prepared statements on the hot paths (ticket issue and counter
// commands), and the column lists that produce them.
import type { TicketStatus, CounterState, WeekHours } from '../protocol';

export interface TicketRow {
  id: number; serviceId: number; originalServiceId: number; number: string; hallDay: string; seq: number;
  status: TicketStatus; privileged: boolean; issuedAt: number; firstCalledAt: number | null; calledAt: number | null;
  startedAt: number | null; finishedAt: number | null; counterId: number | null; userId: number | null;
  targetCounterId: number | null; postponedUntil: number | null; recalls: number; outcome: string | null;
  etaSec: number | null; source: string;
  /** The public code of the status page (hall/ticket-code.ts). */
  code: string;
}

export const TICKET_COLUMNS = `id, service_id AS serviceId, original_service_id AS originalServiceId, number, hall_day AS hallDay,
  seq, status, privileged, issued_at AS issuedAt, first_called_at AS firstCalledAt, called_at AS calledAt,
  started_at AS startedAt, finished_at AS finishedAt, counter_id AS counterId, user_id AS userId,
  target_counter_id AS targetCounterId, postponed_until AS postponedUntil, recalls, outcome, eta_sec AS etaSec, source, code`;

export interface ServiceRow {
  id: number; name: string; nameEn: string | null; prefix: string; maxWaitSec: number; defaultServiceSec: number;
  groupName: string | null; groupNameEn: string | null; openFrom: string | null; openTo: string | null;
  dailyLimit: number | null; script: string; ticketFooter: string; sortOrder: number; active: boolean;
  normServiceSec: number | null; hours: WeekHours | null;
}

export const SERVICE_COLUMNS = `id, name, name_en AS nameEn, prefix, max_wait_sec AS maxWaitSec,
  default_service_sec AS defaultServiceSec, group_name AS groupName, group_name_en AS groupNameEn,
  open_from AS openFrom, open_to AS openTo, daily_limit AS dailyLimit, script, ticket_footer AS ticketFooter,
  sort_order AS sortOrder, active, norm_service_sec AS normServiceSec, hours`;

export interface CounterRow { id: number; name: string; state: CounterState; userId: number | null; breakReason: string | null; active: boolean }

export const COUNTER_COLUMNS = 'id, name, state, user_id AS userId, break_reason AS breakReason, active';

/** SQLite hands booleans back as 0/1. */
export function fixBool<T extends { privileged?: unknown; active?: unknown }>(row: T | undefined): T | undefined {
  if (row) {
    if ('privileged' in row) row.privileged = Boolean(row.privileged);
    if ('active' in row) row.active = Boolean(row.active);
  }
  return row;
}

const parsedHours = new Map<string, WeekHours>();

/** A service row as read: booleans fixed, its weekday hours parsed from their JSON column (each
 * distinct value once: this runs on every ticket issued). */
export function fixService<T extends ServiceRow>(row: T | undefined): T | undefined {
  if (!row) return row;
  fixBool(row);
  const raw = row.hours as unknown as string | null;
  if (typeof raw === 'string') {
    let h = parsedHours.get(raw);
    if (!h) { h = JSON.parse(raw) as WeekHours; if (parsedHours.size < 1000) parsedHours.set(raw, h); }
    row.hours = h;
  }
  return row;
}

/** The ticket events that start (a call) or end a visit at a counter: the condition of the partial
 * index ticket_events_visits (db/schema.ts), word for word, so that SQLite uses the index. */
export const VISIT_EVENTS = "counter_id IS NOT NULL AND (action = 'call' OR (from_status IN ('called', 'serving') AND to_status NOT IN ('called', 'serving')))";

/** An instant as ISO text; null for none (typed exactly, so the reply schemas' checks see it). */
export function iso(ms: number): string;
export function iso(ms: number | null | undefined): string | null;
export function iso(ms: number | null | undefined) { return ms == null ? null : new Date(ms).toISOString(); }
