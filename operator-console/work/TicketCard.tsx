// The current customer, large: number, service, how long they waited, the running timer, and
// the outcome to record when they are finished.
import { pick } from '../../ui/i18n';
import { outcome } from './actions';
import { duration } from '../shell/format';
import { secondsSince } from '../shell/clock';
import { services, settings } from './store';
import { t } from './strings';
import type { CounterDetail } from './types';

export function serviceName(d: CounterDetail, serviceId: number): string {
  const s = services.value.find((x) => x.id === serviceId);
  if (s) return pick(s.name, s.nameEn);
  return d.queue.find((q) => q.serviceId === serviceId)?.name ?? '';
}

/** Break reasons are stored by id; an unknown one (set by an older list) shows as stored. */
export function breakReasonLabel(id: string | null): string {
  const r = settings.value.breakReasons.find((x) => x.id === id);
  return r ? pick(r.ru, r.en) : id ?? '';
}

export function TicketCard({ d }: { d: CounterDetail }) {
  const tk = d.ticket;
  if (!tk) {
    return (
      <section class={`ticket empty ${d.counter.state}`} data-testid="ticket" data-status="none">
        <div class="number" data-testid="ticket-number">—</div>
        <p class="hint">{d.counter.state === 'break' ? t('onBreak', { reason: breakReasonLabel(d.counter.breakReason) }) : t('pressNext')}</p>
      </section>
    );
  }
  const serving = tk.status === 'serving';
  const chosen = outcome.value?.ticketId === tk.id ? outcome.value.value : null;
  const outcomes = settings.value.outcomes;
  return (
    <section class={`ticket ${tk.status}`} data-testid="ticket" data-status={tk.status} data-ticket={tk.id}>
      <div class="number" data-testid="ticket-number">{tk.number}</div>
      <div class="ticket-info">
        <div class="service-name" data-testid="ticket-service">{serviceName(d, tk.serviceId)}</div>
        <div class="state">{serving ? t('statusServing') : t('statusCalled')}</div>
        <dl class="times">
          <dt>{t('waited')}</dt><dd data-testid="waited">{duration(tk.waitSec)}</dd>
          <dt>{serving ? t('service') : t('sinceCall')}</dt>
          <dd class="timer" data-testid="timer">{duration(secondsSince(serving ? tk.startedAt : tk.calledAt) ?? 0)}</dd>
        </dl>
        {tk.recalls > 0 && <Recalls n={tk.recalls} />}
      </div>
      {outcomes.length > 0 && (
        <div class="outcomes" role="radiogroup" aria-label={t('outcome')}>
          <span class="label">{t('outcome')}:</span>
          {outcomes.map((o, i) => (
            <button type="button" key={o.id} role="radio" aria-checked={chosen === o.id} class={chosen === o.id ? 'chip on' : 'chip'} data-outcome={o.id}
              onClick={() => { outcome.value = chosen === o.id ? null : { ticketId: tk.id, value: o.id }; }}>
              <kbd>{i + 1}</kbd>{pick(o.ru, o.en)}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function Recalls({ n }: { n: number }) {
  const max = settings.value.recallLimit;
  // A limit of 0 means no limit.
  if (max === 0) return <div class="recalls">{t('recalls', { n, max: '∞' })}</div>;
  return <div class={n >= max ? 'recalls out' : 'recalls'}>{t(n >= max ? 'recallsOut' : 'recalls', { n, max })}</div>;
}

/** The administrator's script for the current ticket's service: what to ask, which documents. */
export function Script({ d }: { d: CounterDetail }) {
  const tk = d.ticket;
  if (!tk) return null;
  const script = tk.script ?? d.queue.find((q) => q.serviceId === tk.serviceId)?.script ?? '';
  return (
    <section class="script" data-testid="script">
      <h2>{t('script')}: {serviceName(d, tk.serviceId)}</h2>
      {script.trim() ? <div class="script-text">{script}</div> : <p class="hint">{t('noScript')}</p>}
    </section>
  );
}
