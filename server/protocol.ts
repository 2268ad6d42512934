// Shapes shared by the server and the browser screens: the public views and the websocket
// messages (a discriminated union on `type`). Screens import this file; keep it free of
// server-only imports.

/** `expired`: still waiting, postponed or called when the hall day ended (contract, Hall day). */
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'postponed' | 'expired';
export type CounterState = 'closed' | 'open' | 'break';
export type Role = 'operator' | 'supervisor' | 'admin';

export interface TicketRef { id: number; number: string; serviceId: number }
export interface CounterRef { id: number; name: string }

export interface CallView {
  ticketId: number;
  number: string;
  counterId: number;
  counterName: string;
  status: 'called' | 'serving';
  calledAt: string;
}

export interface WaitingCount { serviceId: number; count: number }

export interface NoticeView { id: number; text: string; textEn: string | null; startsAt: string | null; endsAt: string | null }

/** Why a service cannot be taken now: `hall_closed` outside the hall's hours (or on a closed
 * weekday), `holiday` on a holiday of the hall calendar, `hours` outside the service's own hours. */
export type ClosedReason = 'hours' | 'limit' | 'inactive' | 'hall_closed' | 'holiday';

/** A service's hours by ISO weekday ('1' Monday … '7' Sunday) as ['HH:MM', 'HH:MM']; a weekday
 * that is null or missing is closed. */
export type WeekHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', [string, string] | null>>;

export interface ServiceView {
  id: number;
  name: string;
  nameEn: string | null;
  prefix: string;
  group: string | null;
  groupEn: string | null;
  waiting: number;
  etaMinutes: number;
  available: boolean;
  closedReason: ClosedReason | null;
  openFrom: string | null;
  openTo: string | null;
}

export interface CounterView {
  id: number;
  name: string;
  state: CounterState;
  breakReason: string | null;
  user: { id: number; name: string } | null;
}

/** A named hall board's settings, set by the administration; a board opened with `?board=<name>`
 * uses them (its own URL parameters still win). Unset fields keep the board's defaults. */
export interface BoardProfile {
  orientation?: 'landscape' | 'portrait';
  rows?: number;
  counters?: number[];
  sound?: boolean;
  voice?: boolean;
  /** 0..1 */
  volume?: number;
  lang?: 'ru' | 'en';
  voiceLangs?: ('ru' | 'en')[];
  blinkSec?: number;
}

export interface PublicSettings {
  hallName: string;
  hallNameEn: string;
  privilegedEnabled: boolean;
  timezone: string;
  boards: Record<string, BoardProfile>;
}

export interface DisplayState {
  calls: CallView[];
  waiting: WaitingCount[];
  notices: NoticeView[];
}

export interface Snapshot extends DisplayState {
  type: 'snapshot';
  seq: number;
  at: string;
  /** Changes when the server restarts; `version` changes when it is upgraded (screens reload). */
  bootId: string;
  version: string;
  services: ServiceView[];
  counters: CounterView[];
  settings: PublicSettings;
}

interface EventBase { seq: number; at: string }
/** Every ticket event carries the waiting counts after the change, so boards need no refetch. */
interface TicketEventBase extends EventBase { ticket: TicketRef; waiting: WaitingCount[] }

export type HallEvent =
  | (TicketEventBase & { type: 'ticket.issued' | 'ticket.expired' })
  | (TicketEventBase & { type: 'ticket.called' | 'ticket.recalled' | 'ticket.serving' | 'ticket.finished' | 'ticket.no_show'; counter: CounterRef })
  | (TicketEventBase & { type: 'ticket.postponed'; counter: CounterRef; until: string })
  | (TicketEventBase & { type: 'ticket.returned'; counter: CounterRef })
  | (TicketEventBase & { type: 'ticket.transferred'; from: { serviceId: number }; toCounter: CounterRef | null })
  | (EventBase & { type: 'counter.changed'; counter: CounterRef & { state: CounterState } })
  | (EventBase & { type: 'notices.changed'; notices: NoticeView[] })
  | (EventBase & { type: 'services.changed' })
  | (EventBase & { type: 'settings.changed'; settings: PublicSettings })
  /** A customer rated a finished visit (the rating tablet thanks them; the rating is not sent). */
  | (EventBase & { type: 'feedback.received'; ticket: TicketRef; counter: CounterRef | null })
  /** The supervisor adopted a lunch plan for `day`: operators' consoles refetch their lunch. */
  | (EventBase & { type: 'lunch.changed'; day: string })
  /** A device's status changed (a printer out of paper, an agent gone): refetch the live hall. */
  | (EventBase & { type: 'devices.changed' });

export type HallEventType = HallEvent['type'];
/** An event before the hub stamps it with `seq` and `at`. */
export type HallEventDraft = HallEvent extends infer E ? E extends HallEvent ? Omit<E, 'seq' | 'at'> : never : never;

export type ServerMessage = Snapshot | HallEvent;
