// The live hall's state: GET /api/stats/live, refetched when the hall websocket reports a change.
// Why refetch rather than patch the view from the events: the view's figures (today's totals,
// medians, alerts, who serves what) are the server's aggregates, and recomputing them in the
// browser would be a second implementation that could disagree with the reports. A refetch
// costs one small request; the events say when. Refetches are coalesced: one runs at a time,
// and the events that arrive meanwhile cause exactly one more. Nothing is polled on a timer;
// what changes with time alone (the running waits and breaks) ticks in the browser, corrected
// by the server's clock (figures/clock.ts). See docs/supervisor.md for the measurements.
import { signal } from '@preact/signals';
import { connectHall } from '../../ui/hall-socket';
import type { ServiceView } from '../../server/protocol';
import { getLive, getServices } from '../figures/api';
import { syncClock } from '../figures/clock';
import { timezone } from '../figures/hall-zone';
import type { Alert, Live } from '../figures/types';
import { chime, soundOn } from './chime';

export const live = signal<Live | null>(null);
export const services = signal<ServiceView[]>([]);
export const online = signal(false);
export const failure = signal<string | null>(null);
/** The last event's ticket, so an open history refetches when its ticket changes. */
export const touched = signal<{ ticketId: number; seq: number } | null>(null);

export const alertKey = (a: Alert) => `${a.kind}:${a.serviceId ?? ''}:${a.counterId ?? ''}:${a.deviceId ?? ''}`;

let fetching = false;
let again = false;
let following = 0;

export async function refresh(): Promise<void> {
  if (fetching) { again = true; return; }
  fetching = true;
  try {
    const v = await getLive();
    syncClock(v.at);
    const before = live.value;
    live.value = v;
    failure.value = null;
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
      if (e.type.startsWith('ticket.') || e.type === 'counter.changed' || e.type === 'services.changed') void refresh();
    },
    onStatus(up) { online.value = up; },
  });
  return () => {
    hall.close();
    following--;
  };
}
