// The kiosk: a header (hall name, notices, language) above the current screen, the offline
// screen over everything while the server is away, and the idle reset to the start screen.
import { effect } from '@preact/signals';
import { lang, pick } from '../ui/i18n.ts';
import { notices, online, settings } from './hall.ts';
import { goHome, ISSUE_TIMEOUT_MS, resetKiosk, screen } from './flow.ts';
import { idleReset } from './idle.ts';
import { Home } from './Home.tsx';
import { TicketScreen } from './TicketScreen.tsx';
import { InfoScreen } from './InfoScreen.tsx';
import { Offline } from './Offline.tsx';
import { t } from './texts.ts';

const DEFAULT_IDLE_SEC = 20;
/** A ticket that did not print stays this many times longer: the customer photographs the QR. */
const UNPRINTED_FACTOR = 3;

export function startIdleReset(search: URLSearchParams) {
  const idleMs = (Number(search.get('idle')) || DEFAULT_IDLE_SEC) * 1000;
  const arm = idleReset(() => {
    const s = screen.value;
    if (s.kind !== 'ticket') return idleMs;
    // While the ticket is being issued the customer is waiting for it: its answer re-arms.
    if (!s.ticket) return ISSUE_TIMEOUT_MS;
    return s.ticket.printed === false ? idleMs * UNPRINTED_FACTOR : idleMs;
  }, resetKiosk);
  effect(() => { screen.value; arm(); });
}

function Header() {
  const s = settings.value;
  const home = screen.value.kind === 'home';
  return (
    <header class="bar">
      <span class="hall-name">{s ? pick(s.hallName, s.hallNameEn) : t('title')}</span>
      {home && (
        <button class="bar-button" data-testid="info-button" onClick={() => { screen.value = { kind: 'info' }; }}>
          {t('info')}{notices.value.length > 0 && <span class="badge">{notices.value.length}</span>}
        </button>
      )}
      <button class="bar-button" data-testid="lang-button" lang={lang.value === 'ru' ? 'en' : 'ru'} onClick={() => { lang.value = lang.value === 'ru' ? 'en' : 'ru'; }}>
        {t('otherLang')}
      </button>
    </header>
  );
}

function Current() {
  const s = screen.value;
  if (s.kind === 'ticket') return <TicketScreen service={s.service} ticket={s.ticket} />;
  if (s.kind === 'info') return <InfoScreen />;
  if (s.kind === 'error') return (
    <main class="message">
      <p class="message-text" role="alert">{t(s.message)}</p>
      <button class="big-button" onClick={goHome}>{t('back')}</button>
    </main>
  );
  return <Home />;
}

export function Kiosk() {
  if (online.value === null) return <p class="loading">{t('loading')}</p>;
  return (
    <div class="kiosk">
      <Header />
      <Current />
      {online.value === false && <Offline />}
    </div>
  );
}
