// The live hall's state: GET /api/stats/live, refetched when the hall websocket reports a change.
// Why refetch rather than patch the view from the events: the view's figures (today's totals,
// medians, alerts, who serves what) are the server's aggregates, and recomputing them in the
// browser would be a second implementation that could disagree with the reports. A refetch
// costs one small request; the events say when. Refetches are coalesced: one runs at a time,
// and the events that arrive meanwhile cause exactly one more. Nothing is polled on a timer:
// the running waits and breaks are counted up in the browser from the instants the view gives,
// on the server's clock (figures/clock.ts), and what changes a count or an alert by time alone
// (a ticket passing its target, a break its limit) is refetched at the instant the view names
// (`nextChangeAt`). See docs/supervisor.md for the measurements.
import { signal } from '@preact/signals';
import { connectHall } from '../../ui/hall-socket';
import { pick } from '../../ui/i18n';
import type { ServiceView } from '../../server/protocol';
import { getLive, getServices } from '../figures/api';
import { staff } from '../shell/session';
import { serverNow, syncClock } from '../shell/clock';
import { timezone } from '../figures/hall-zone';
import type { Alert, Live } from '../figures/types';
import { chime, soundOn } from './chime';

export const live = signal<Live | null>(null);
export const services = signal<ServiceView[]>([]);
export const online = signal(false);
export const failure = signal<string | null>(null);
/** The last event's ticket, so an open history refetches when its ticket changes. */
export const touched = signal<{ ticketId: number; seq: number } | null>(null);

/** Break reasons are stored by id (GET /api/staff/settings names them); an unknown one shows as stored. */
const breakReasons = signal<{ id: string; ru: string; en: string }[]>([]);
export function breakReasonName(id: string): string {
  const r = breakReasons.value.find((x) => x.id === id);
  return r ? pick(r.ru, r.en) : id;
}

export const alertKey = (a: Alert) => `${a.kind}:${a.serviceId ?? ''}:${a.counterId ?? ''}:${a.deviceId ?? ''}`;

let fetching = false;
let again = false;
let following = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Margin past `nextChangeAt`: the browser's idea of the server's clock is off by a request's latency. */
const NEXT_CHANGE_MARGIN_MS = 250;

/** One refetch at the next instant the view changes by time alone. */
function scheduleNext(v: Live) {
  clearTimeout(timer);
  if (!v.nextChangeAt || !following) return;
  timer = setTimeout(() => void refresh(), Math.max(0, Date.parse(v.nextChangeAt) - serverNow()) + NEXT_CHANGE_MARGIN_MS);
}

export async function refresh(): Promise<void> {
  if (fetching) { again = true; return; }
  fetching = true;
  try {
    const v = await getLive();
    syncClock(v.at);
    const before = live.value;
    live.value = v;
    failure.value = null;
    scheduleNext(v);
    if (before && soundOn.value) {
      const known = new Set(before.alerts.map(alertKey));
      if (v.alerts.some((a) => !known.has(alertKey(a)))) chime();
    }
  } catch (e) {
    failure.value = (e as Error).message;
  }
  fetching = false;
  if (again && following) { again = false; void refresh(); }
}

/** Follows the hall while the area is open; returns the function that stops it. */
export function follow(): () => void {
  following++;
  const loadServices = () => getServices().then((s) => { services.value = s; }, () => undefined);
  staff<{ breakReasons: { id: string; ru: string; en: string }[] }>('GET', '/api/staff/settings').then((s) => { breakReasons.value = s.breakReasons; }, () => undefined);
  const hall = connectHall({
    onSnapshot(s) {
      timezone.value = s.settings.timezone;
      services.value = s.services;
      void refresh();
    },
    onEvent(e) {
      if (e.type === 'services.changed') void loadServices();
      if (e.type === 'settings.changed') timezone.value = e.settings.timezone;
      if (e.type.startsWith('ticket.') && 'ticket' in e) touched.value = { ticketId: e.ticket.id, seq: e.seq };
      if (e.type.startsWith('ticket.') || e.type === 'counter.changed' || e.type === 'services.changed' || e.type === 'devices.changed') void refresh();
    },
    onStatus(up) { online.value = up; },
  });
  return () => {
    hall.close();
    following--;
    clearTimeout(timer);
  };
}
