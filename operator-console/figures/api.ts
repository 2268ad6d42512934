// The statistics endpoints as the supervisor's areas call them.
import type { ServiceView, TicketStatus } from '../../server/protocol';
import { staff } from '../shell/session';
import type { Live, Report, TicketEvent } from './types';

/** A report's parameters, as the API takes them (contract, "Reports"). */
export interface ReportQuery {
  from: string;
  to: string;
  by: string;
  serviceId?: number;
  counterId?: number;
  userId?: number;
  targetSec?: number;
}

/** The query string of a report's (or any statistics request's, or a screen address's) parameters, the unset ones left out. */
export function reportSearch(q: object): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  return p.toString();
}

export const getLive = () => staff<Live>('GET', '/api/stats/live');
export const getReport = (q: ReportQuery) => staff<Report>('GET', `/api/stats/report?${reportSearch(q)}`);
export const getServices = () => staff<ServiceView[]>('GET', '/api/services');

export interface TicketInfo {
  id: number; number: string; serviceId: number; status: TicketStatus; issuedAt: string; calledAt: string | null;
  counter: { id: number; name: string } | null; service?: { id: number; name: string; nameEn: string | null };
}
export const getTicket = (id: number) => staff<TicketInfo>('GET', `/api/tickets/${id}`);
export const getTicketEvents = (id: number) => staff<TicketEvent[]>('GET', `/api/stats/tickets/${id}/events`);

/** A ticket found by its number (GET /api/stats/tickets, docs/API-EXTENSIONS.md). */
export interface FoundTicket { id: number; number: string; serviceId: number; serviceName: string; status: TicketStatus; hallDay: string; issuedAt: string }

export const findTickets = (number: string, day: string) =>
  staff<FoundTicket[]>('GET', `/api/stats/tickets?${new URLSearchParams({ number, day })}`);

/** A ticket in a service's queue now (GET /api/stats/live/services/:id). */
export interface QueuedTicket {
  id: number; number: string; status: 'waiting' | 'postponed'; issuedAt: string; waitSec: number; privileged: boolean;
  counter: { id: number; name: string } | null; postponedUntil: string | null;
}
export interface ServiceQueue { at: string; serviceId: number; maxWaitSec: number; tickets: QueuedTicket[] }

export const getQueue = (serviceId: number) => staff<ServiceQueue>('GET', `/api/stats/live/services/${serviceId}`);

/** A ticket behind a report (GET /api/stats/report/tickets). */
export interface ListedTicket {
  id: number; number: string; serviceId: number; originalServiceId: number; status: TicketStatus; issuedAt: string;
  waitSec: number | null; serviceSec: number | null;
  counter: { id: number; name: string } | null; user: { id: number; name: string } | null;
}
export interface TicketList { total: number; tickets: ListedTicket[] }

type Filters = Omit<ReportQuery, 'by'>;

export const listTickets = (q: Omit<Filters, 'targetSec'> & { offset?: number; limit?: number }) =>
  staff<TicketList>('GET', `/api/stats/report/tickets?${reportSearch(q)}`);

/** Waits in TheQ's buckets (the target an edge) and arrivals by weekday and hour (GET /api/stats/distribution). */
export interface Distribution {
  tz: string; targetSec: number | null;
  waits: { fromSec: number; toSec: number | null; tickets: number }[];
  arrivals: { weekday: number; hour: number; issued: number }[];
}
export const getDistribution = (q: Filters) => staff<Distribution>('GET', `/api/stats/distribution?${reportSearch(q)}`);
