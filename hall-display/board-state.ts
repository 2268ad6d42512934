// What the board shows, as pure functions of the snapshot and the events: the current calls
// (newest first, capped), which of them blink, the waiting counts and the notices. main.tsx
// keeps the state in a signal and plays the announcements these functions return.
import type { CallView, HallEvent, NoticeView, PublicSettings, ServiceView, Snapshot, WaitingCount } from '../server/protocol';

export interface BoardCall extends CallView {
  /** Blinking until this time (ms, the board's clock). */
  blinkUntil: number;
  blinking: boolean;
  /** Changes on every (re)call, so the row restarts its blink animation. */
  gen: number;
}

export interface BoardState {
  synced: boolean;
  calls: BoardCall[];
  waiting: WaitingCount[];
  notices: NoticeView[];
  services: ServiceView[];
  settings: PublicSettings | null;
  gen: number;
}

export interface BoardOptions {
  counters: Set<number> | null;
  blinkMs: number;
  /** More calls than this are dropped from the bottom (a board runs for months). */
  maxCalls: number;
}

export interface Step {
  state: BoardState;
  /** Calls to announce, in order. */
  announce: CallView[];
}

/** A call missed while offline is still announced after a resync when it is at most this old. */
const RESYNC_ANNOUNCE_MS = 60_000;

export const emptyBoard = (): BoardState => ({ synced: false, calls: [], waiting: [], notices: [], services: [], settings: null, gen: 0 });

const shown = (o: BoardOptions, counterId: number) => !o.counters || o.counters.has(counterId);

export function applySnapshot(prev: BoardState, s: Snapshot, now: number, o: BoardOptions): Step {
  const announce: CallView[] = [];
  let gen = prev.gen;
  const calls = s.calls.filter((c) => shown(o, c.counterId)).slice(0, o.maxCalls).map((c): BoardCall => {
    const known = prev.calls.find((p) => p.ticketId === c.ticketId && p.calledAt === c.calledAt);
    if (known) return { ...c, blinkUntil: known.blinkUntil, blinking: known.blinking, gen: known.gen };
    // The first snapshot is the board starting: what is there is old news.
    const fresh = prev.synced && Date.parse(s.at) - Date.parse(c.calledAt) < RESYNC_ANNOUNCE_MS;
    if (fresh) announce.push(c);
    return { ...c, blinkUntil: fresh ? now + o.blinkMs : 0, blinking: fresh && o.blinkMs > 0, gen: ++gen };
  });
  announce.reverse(); // oldest first
  return { state: { synced: true, calls, waiting: s.waiting, notices: s.notices, services: s.services, settings: s.settings, gen }, announce };
}

export function applyEvent(prev: BoardState, e: HallEvent, now: number, o: BoardOptions): Step {
  let state = prev;
  const announce: CallView[] = [];
  if ('waiting' in e) state = { ...state, waiting: e.waiting };
  switch (e.type) {
    case 'ticket.called':
    case 'ticket.recalled': {
      if (!shown(o, e.counter.id)) break;
      const call: BoardCall = {
        ticketId: e.ticket.id, number: e.ticket.number, counterId: e.counter.id, counterName: e.counter.name,
        status: 'called', calledAt: e.at, blinkUntil: now + o.blinkMs, blinking: o.blinkMs > 0, gen: state.gen + 1,
      };
      // A counter holds one ticket at a time: its earlier call is over.
      const rest = state.calls.filter((c) => c.ticketId !== call.ticketId && c.counterId !== call.counterId);
      state = { ...state, gen: call.gen, calls: [call, ...rest].slice(0, o.maxCalls) };
      announce.push(call);
      break;
    }
    case 'ticket.serving':
      state = { ...state, calls: state.calls.map((c) => (c.ticketId === e.ticket.id ? { ...c, status: 'serving' } : c)) };
      break;
    case 'ticket.finished':
    case 'ticket.no_show':
    case 'ticket.postponed':
    case 'ticket.transferred':
    case 'ticket.expired': // called when the hall day ended
      state = { ...state, calls: state.calls.filter((c) => c.ticketId !== e.ticket.id) };
      break;
    case 'counter.changed':
      state = { ...state, calls: state.calls.map((c) => (c.counterId === e.counter.id ? { ...c, counterName: e.counter.name } : c)) };
      break;
    case 'notices.changed':
      state = { ...state, notices: e.notices };
      break;
    case 'settings.changed':
      state = { ...state, settings: e.settings };
      break;
    case 'ticket.issued':
    case 'ticket.returned':
    case 'services.changed':
      break; // only the waiting counts change (above); main.tsx refetches the services
  }
  return { state, announce };
}

/** Stops the blinking of calls whose blink period is over. */
export function endBlinks(prev: BoardState, now: number): BoardState {
  if (!prev.calls.some((c) => c.blinking && c.blinkUntil <= now)) return prev;
  return { ...prev, calls: prev.calls.map((c) => (c.blinking && c.blinkUntil <= now ? { ...c, blinking: false } : c)) };
}
