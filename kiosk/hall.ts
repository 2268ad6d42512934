// The kiosk's live view of the hall: services with their waiting counts and estimates,
// settings and notices, kept current over the websocket. Ticket events carry the new waiting
// counts (applied at once); the estimates and availability are refetched shortly after.
import { signal } from '@preact/signals';
import type { HallEvent, NoticeView, PublicSettings, ServiceView, WaitingCount } from '../server/protocol.ts';
import { connectHall } from '../ui/hall-socket.ts';
import { api } from '../ui/api.ts';

export const services = signal<ServiceView[]>([]);
export const settings = signal<PublicSettings | null>(null);
export const notices = signal<NoticeView[]>([]);
/** null until the first connection attempt settles. */
export const online = signal<boolean | null>(null);

const REFRESH_DELAY_MS = 400;
const OFFLINE_GRACE_MS = 1000; // a resync blip is not an outage worth a screen
const REFRESH_EVERY_MS = 60_000; // opening hours pass without any event

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let offlineTimer: ReturnType<typeof setTimeout> | undefined;

async function refreshServices() {
  try {
    services.value = await api<ServiceView[]>('GET', '/api/services');
  } catch { /* the socket reports the outage; the next snapshot repairs the list */ }
}

/** Refetches the services shortly (after a burst of events, or when a tap found one closed). */
export function scheduleRefresh(delay = REFRESH_DELAY_MS) {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshServices, delay);
}

function applyWaiting(waiting: WaitingCount[]) {
  const count = new Map(waiting.map((w) => [w.serviceId, w.count]));
  services.value = services.value.map((s) => ({ ...s, waiting: count.get(s.id) ?? 0 }));
}

function onEvent(e: HallEvent) {
  if ('waiting' in e) {
    applyWaiting(e.waiting);
    scheduleRefresh();
  } else if (e.type === 'notices.changed') {
    notices.value = e.notices;
  } else if (e.type === 'services.changed') {
    scheduleRefresh(0);
    api<PublicSettings>('GET', '/api/settings/public').then((s) => { settings.value = s; }, () => {});
  }
}

export function connectKiosk() {
  connectHall({
    onSnapshot(s) {
      services.value = s.services;
      settings.value = s.settings;
      notices.value = s.notices;
    },
    onEvent,
    onStatus(up) {
      if (up) {
        clearTimeout(offlineTimer);
        offlineTimer = undefined;
        online.value = true;
      } else if (!offlineTimer && online.value !== false) {
        // Counted from the first drop: failed reconnects do not postpone the screen.
        offlineTimer = setTimeout(() => { online.value = false; offlineTimer = undefined; }, OFFLINE_GRACE_MS);
      }
    },
  });
  setInterval(() => scheduleRefresh(0), REFRESH_EVERY_MS);
}
