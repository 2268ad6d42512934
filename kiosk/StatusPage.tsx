// The ticket's status page, the QR target (/kiosk/?ticket=<id>), read on the customer's phone:
// number, status, people ahead, and the counter once called. Refreshed on every hall event.
import { signal } from '@preact/signals';
import type { TicketStatus } from '../server/protocol.ts';
import { api, ApiError } from '../ui/api.ts';
import { connectHall } from '../ui/hall-socket.ts';
import { lang, pick } from '../ui/i18n.ts';
import { aheadText, etaText, t } from './texts.ts';

interface TicketState {
  id: number;
  number: string;
  status: TicketStatus;
  ahead: number;
  etaMinutes: number;
  counter: { id: number; name: string } | null;
  service?: { id: number; name: string; nameEn: string | null };
}

const ticket = signal<TicketState | null>(null);
const missing = signal(false);
const REFRESH_DELAY_MS = 300;

export function watchTicket(id: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const load = async () => {
    try {
      ticket.value = await api<TicketState>('GET', `/api/tickets/${encodeURIComponent(id)}`);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) missing.value = true;
    }
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(load, REFRESH_DELAY_MS); };
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
          <p class="ticket-label">{t('yourNumber')}</p>
          <p class="status-number" data-testid="status-number">{tk.number}</p>
          {tk.service && <p class="ticket-service">{pick(tk.service.name, tk.service.nameEn)}</p>}
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
