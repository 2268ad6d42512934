// Waiting counts and the longest wait for each service this counter serves; a service whose
// longest wait is past its maximum is highlighted (its tickets will be called first).
import { duration } from '../shell/format';
import { now } from '../shell/clock';
import { detailAt, lunch } from './store';
import { serviceName } from './TicketCard';
import { t } from './strings';
import type { CounterDetail } from './types';

export function QueuePanel({ d }: { d: CounterDetail }) {
  const drift = Math.max(0, (now.value - detailAt.value) / 1000);
  return (
    <section class="queue">
      <h2>{t('queue')}</h2>
      <table>
        <thead><tr><th scope="col"><span class="sr-only">{t('prefixCol')}</span></th><th scope="col"><span class="sr-only">{t('serviceCol')}</span></th><th scope="col">{t('waitingCol')}</th><th scope="col">{t('longestCol')}</th></tr></thead>
        <tbody>
          {d.queue.map((q) => {
            const longest = q.waiting > 0 ? q.longestWaitSec + drift : 0;
            const over = q.waiting > 0 && longest > q.maxWaitSec;
            return (
              <tr key={q.serviceId} class={over ? 'over' : ''} data-service={q.serviceId} data-over={String(over)}>
                <td class="prefix">{q.prefix}</td>
                <td class="name">
                  {serviceName(d, q.serviceId)}{q.priority > 1 && <sup>{q.priority}</sup>}
                </td>
                <td class="count" data-testid="waiting">{q.waiting}</td>
                <td class="longest">{q.waiting > 0 ? duration(longest) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {d.own.length > 0 && <OwnTickets d={d} />}
    </section>
  );
}

/** Tickets postponed or transferred to this counter: only it will call them. */
function OwnTickets({ d }: { d: CounterDetail }) {
  return (
    <div class="own">
      <h2>{t('ownTitle')}</h2>
      <ul>
        {d.own.map((o) => {
          const left = o.postponedUntil ? (Date.parse(o.postponedUntil) - now.value) / 1000 : 0;
          const state = o.status === 'postponed' && left > 0 ? 'postponed' : 'waiting';
          return (
            <li key={o.id} data-own={o.id} data-state={state} class={state}>
              <strong>{o.number}</strong> <span>{serviceName(d, o.serviceId)}</span>
              <em>{state === 'postponed' ? t('backIn', { t: duration(left) }) : o.status === 'postponed' ? t('back') : t('sentHere')}</em>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function DayPanel({ d }: { d: CounterDetail }) {
  return (
    <section class="day" data-testid="day">
      <h2>{t('myDay')}</h2>
      <dl>
        <dt>{t('served')}</dt><dd data-testid="day-served">{d.day.served}</dd>
        <dt>{t('avgService')}</dt><dd>{d.day.avgServiceSec === null ? '—' : duration(d.day.avgServiceSec)}</dd>
        {lunch.value && <><dt>{t('lunch')}</dt><dd data-testid="day-lunch">{lunch.value.start}–{lunch.value.end}</dd></>}
        <dt>{t('breakTime')}</dt><dd data-testid="day-break">{duration(d.day.breakSec + (d.counter.state === 'break' ? Math.max(0, (now.value - detailAt.value) / 1000) : 0))}</dd>
      </dl>
    </section>
  );
}
