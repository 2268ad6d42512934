// The ticket's status page, the QR target (/kiosk/?ticket=<code>), read on the customer's phone:
// number, status, people ahead, and the counter once called. Refreshed after hall events, at
// most once a second (a busy hall sends several events a second; the server rate-limits the route).
import { signal } from '@preact/signals';
import type { TicketStatus } from '../server/protocol.ts';
import { api, ApiError } from '../ui/api.ts';
import { connectHall } from '../ui/hall-socket.ts';
import { lang, pick } from '../ui/i18n.ts';
import { aheadText, etaText, t } from './texts.ts';

/** GET /api/tickets/by-code/:code (docs/API-EXTENSIONS.md). */
interface TicketState {
  id: number;
  number: string;
  status: TicketStatus;
  ahead: number;
  etaMinutes: number;
  counter: { id: number; name: string } | null;
  service: { id: number; name: string; nameEn: string | null };
}

const ticket = signal<TicketState | null>(null);
const missing = signal(false);
const REFRESH_DELAY_MS = 300;
const MIN_INTERVAL_MS = 1000;

/** `ref` is the ticket's code; a number is the id of a ticket printed before codes existed. */
export function watchTicket(ref: string) {
  const url = /^[0-9]+$/.test(ref) ? `/api/tickets/${ref}` : `/api/tickets/by-code/${encodeURIComponent(ref)}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = 0;
  const load = async () => {
    timer = undefined;
    last = Date.now();
    try {
      ticket.value = await api<TicketState>('GET', url);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) missing.value = true;
      // Anything else (offline, 429): the last state stays on screen until the next event.
    }
  };
  const later = () => { timer ??= setTimeout(load, Math.max(REFRESH_DELAY_MS, last + MIN_INTERVAL_MS - Date.now())); };
  connectHall({ onSnapshot: later, onEvent: (e) => { if ('ticket' in e) later(); } });
  load();
}

const STATUS_TEXT: Record<TicketStatus, Parameters<typeof t>[0]> = {
  waiting: 'statusWaiting',
  called: 'statusCalled',
  serving: 'statusServing',
  done: 'statusDone',
  no_show: 'statusNoShow',
  postponed: 'statusPostponed',
  expired: 'statusExpired',
};

export function StatusPage() {
  const tk = ticket.value;
  return (
    <main class="status-page">
      <button class="bar-button" onClick={() => { lang.value = lang.value === 'ru' ? 'en' : 'ru'; }}>{t('otherLang')}</button>
      {missing.value ? <h1>{t('notFound')}</h1> : !tk ? <p>{t('loading')}</p> : (
        <>
          <h1 class="ticket-heading">
            <span class="ticket-label">{t('yourNumber')}</span>
            <span class="status-number" data-testid="status-number">{tk.number}</span>
          </h1>
          <p class="ticket-service">{pick(tk.service.name, tk.service.nameEn)}</p>
          <p class={`status-line status-${tk.status}`} data-testid="status-line">
            {t(STATUS_TEXT[tk.status])}
            {tk.counter && (tk.status === 'called' || tk.status === 'serving') && <b data-testid="status-counter"> {tk.counter.name}</b>}
          </p>
          {tk.status === 'waiting' && (
            <div class="facts">
              <p><span>{t('ahead')}</span><b data-testid="status-ahead">{aheadText(tk.ahead)}</b></p>
              <p><span>{t('eta')}</span><b>{etaText(tk.etaMinutes)}</b></p>
            </div>
          )}
        </>
      )}
    </main>
  );
}
