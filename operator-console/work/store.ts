// The work screen's state: the counter as the server sees it (GET /api/counters/:id), kept
// fresh by the hall websocket. Every event and every snapshot (so every reconnect) triggers a
// refetch; refetches are coalesced, and one that started before an action's answer arrived is
// dropped, so a slow refetch never paints an older state over the action's result.
import { signal } from '@preact/signals';
import { connectHall } from '../../ui/hall-socket';
import type { ServiceView } from '../../server/protocol';
import { ApiError } from '../../ui/api';
import { serverNow, syncClock } from '../shell/clock';
import { setCounter, staff } from '../shell/session';
import type { ActionTicket, CounterDetail, CurrentTicket, StaffSettings } from './types';

export const detail = signal<CounterDetail | null>(null);
export const settings = signal<StaffSettings>({ outcomes: [], breakReasons: [], recallLimit: 3 });
export const services = signal<ServiceView[]>([]);
export const online = signal(false);
/** This operator's lunch today from the plan the supervisor adopted, or null. */
export const lunch = signal<{ start: string; end: string; startsAt: string; endsAt: string } | null>(null);

function refreshLunch() {
  staff<{ lunch: typeof lunch.value }>('GET', '/api/staff/lunch').then((r) => { lunch.value = r.lunch; }, () => undefined);
}
/** When `detail` was read, to keep its wait times running between refetches. */
export const detailAt = signal(serverNow());

let counterId = 0;
let generation = 0;
let fetching = false;
let fetchAgain = false;

export async function refresh(): Promise<void> {
  if (!counterId) return;
  if (fetching) { fetchAgain = true; return; }
  fetching = true;
  const id = counterId;
  const gen = generation;
  try {
    const d = await staff<CounterDetail>('GET', `/api/counters/${id}`);
    // A counter taken out of service comes back without `counter`: back to the choice of a counter.
    if (id === counterId && !d.counter) setCounter(null);
    else if (id === counterId && gen === generation) { detail.value = d; detailAt.value = serverNow(); }
    else fetchAgain = true;
  } catch (e) {
    // Offline: the socket's reconnect brings a snapshot and with it a refetch. A counter that
    // no longer exists sends the operator back to the choice of a counter.
    if (e instanceof ApiError && e.status === 404 && id === counterId) setCounter(null);
  }
  fetching = false;
  if (fetchAgain) { fetchAgain = false; void refresh(); }
}

/** Applies an action's answer at once (the number must show without waiting for a refetch). */
export function applyTicket(t: ActionTicket | null) {
  generation++;
  const d = detail.value;
  if (!d) return;
  const cur = d.ticket;
  let ticket: CurrentTicket | null = cur ?? null;
  if (!t) ticket = null;
  else if (t.status === 'called' || t.status === 'serving') {
    const base = cur && cur.id === t.id ? cur : { calledAt: null, startedAt: null, waitSec: waitedSec(t), recalls: 0 };
    ticket = { ...base, ...t } as CurrentTicket;
  } else if (cur && cur.id === t.id) ticket = null;
  detail.value = { ...d, ticket };
}

function waitedSec(t: ActionTicket): number {
  if (!t.issuedAt || !t.calledAt) return 0;
  return Math.max(0, Math.round((Date.parse(t.calledAt) - Date.parse(t.issuedAt)) / 1000));
}

export function applyCounter(c: CounterDetail['counter']) {
  generation++;
  if (detail.value) detail.value = { ...detail.value, counter: c };
}

/** Follows one counter live; returns the function that stops it. */
export function follow(id: number): () => void {
  counterId = id;
  detail.value = null;
  void refresh();
  staff<StaffSettings>('GET', '/api/staff/settings').then((s) => { settings.value = s; }, () => undefined);
  const hall = connectHall({
    onSnapshot(s) {
      syncClock(s.at);
      services.value = s.services;
      void refresh();
      refreshLunch();
    },
    onEvent(e) {
      if (e.type === 'services.changed') {
        staff<ServiceView[]>('GET', '/api/services').then((s) => { services.value = s; }, () => undefined);
      }
      if (e.type === 'lunch.changed') refreshLunch();
      if (e.type.startsWith('ticket.') || e.type === 'counter.changed' || e.type === 'services.changed') void refresh();
    },
    onStatus(up) { online.value = up; },
  });
  return () => {
    hall.close();
    counterId = 0;
    detail.value = null;
  };
}
