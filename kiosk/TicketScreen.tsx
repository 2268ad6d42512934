// The issued ticket: the number in very large type, the service, people ahead and the wait.
// When the printer failed (printed: false) it says so plainly and shows a QR to photograph.
import { pick } from '../ui/i18n.ts';
import type { ServiceView } from '../server/protocol.ts';
import { goHome, type IssuedTicket } from './flow.ts';
import { Qr } from '../ui/Qr.tsx';
import { aheadText, etaText, t } from './texts.ts';

export function TicketScreen({ service, ticket }: { service: ServiceView; ticket: IssuedTicket | null }) {
  const failed = ticket?.printed === false;
  const showQr = ticket && ticket.printed !== true;
  return (
    <main class={`ticket${failed ? ' failed' : ''}${showQr ? ' with-qr' : ''}`} data-ticket-id={ticket?.id}>
      {failed && <p class="print-failed" role="alert">{t('printFailed')}</p>}
      <div class="ticket-main">
        <p class="ticket-label">{t('yourNumber')}</p>
        <p class="ticket-number" data-testid="ticket-number">{ticket?.number ?? ''}</p>
        <p class="ticket-service">{pick(service.name, service.nameEn)}</p>
        {ticket && (
          <div class="facts">
            <p><span>{t('ahead')}</span><b data-testid="ticket-ahead">{aheadText(ticket.ahead)}</b></p>
            <p><span>{t('eta')}</span><b>{etaText(ticket.etaMinutes)}</b></p>
          </div>
        )}
        <p class="ticket-status" data-testid="ticket-status" role="status">
          {!ticket ? t('printing') : failed ? t('printFailedHint') : ticket.printed ? t('takeTicket') : t('noPrinter')}
        </p>
        {ticket && <p class="ticket-hint">{t('watchBoard')}</p>}
      </div>
      {showQr && (
        <div class="ticket-qr">
          <Qr text={new URL(ticket.statusUrl, location.href).href} label={t('yourNumber') + ' ' + ticket.number} />
        </div>
      )}
      {ticket && <button class="big-button" onClick={goHome}>{t('done')}</button>}
    </main>
  );
}
