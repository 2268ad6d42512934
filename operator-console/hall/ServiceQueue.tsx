// One service's queue now: every ticket waiting (or postponed) for it, the longest wait first,
// each opening to its history. It follows the hall like the main view.
import { useEffect, useState } from 'preact/hooks';
import { pick } from '../../ui/i18n';
import { ApiError } from '../../ui/api';
import { getQueue, type ServiceQueue as Queue } from '../figures/api';
import { secondsSince } from '../shell/clock';
import { clockTime, dur } from '../figures/format';
import { services, touched } from './store';
import { t } from './strings';

export function ServiceQueue({ serviceId, tz }: { serviceId: number; tz: string }) {
  const [q, setQ] = useState<Queue | { error: string } | null>(null);
  const change = touched.value?.seq;
  useEffect(() => {
    let on = true;
    getQueue(serviceId).then((r) => { if (on) setQ(r); },
      (e) => { if (on) setQ({ error: e instanceof ApiError && e.status === 404 ? t('noSuchService') : t('failed', { reason: (e as Error).message }) }); });
    return () => { on = false; };
  }, [serviceId, change]);
  const info = services.value.find((s) => s.id === serviceId);
  const name = info ? `${info.prefix} ${pick(info.name, info.nameEn)}` : String(serviceId);
  return (
    <section class="service-queue" data-testid="service-queue" data-service={serviceId}>
      <div class="history-head">
        <a class="back" href="/console/hall">{t('backToHall')}</a>
        <h1>{t('queueOf', { service: name })}</h1>
      </div>
      {!q ? <p class="hint">{t('loading')}</p> : 'error' in q ? <p class="message error" role="alert">{q.error}</p> : q.tickets.length === 0 ? (
        <p class="message info" data-testid="queue-empty">{t('emptyQueue')}</p>
      ) : (
        <table class="grid">
          <thead><tr><th scope="col" class="text">{t('colNumber')}</th><th scope="col">{t('colIssued')}</th><th scope="col">{t('colWaited')}</th><th scope="col" class="text">{t('colNote')}</th></tr></thead>
          <tbody>
            {q.tickets.map((tk) => {
              const waited = secondsSince(tk.issuedAt) ?? tk.waitSec;
              const over = waited > q.maxWaitSec;
              const notes = [
                over ? t('overTarget', { t: dur(q.maxWaitSec) }) : '',
                tk.privileged ? t('privileged') : '',
                tk.counter ? t('forCounter', { c: tk.counter.name }) : '',
                tk.status === 'postponed' && tk.postponedUntil ? t('postponedTill', { t: clockTime(tk.postponedUntil, tz) }) : '',
              ].filter(Boolean);
              return (
                <tr key={tk.id} data-ticket={tk.id} class={over ? 'over' : ''}>
                  <th scope="row" class="text"><a href={`/console/hall/ticket/${tk.id}`}>{tk.number}</a></th>
                  <td class="num">{clockTime(tk.issuedAt, tz)}</td>
                  <td class="num" data-testid="waited">{dur(waited)}</td>
                  <td class="text">{notes.join(' · ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
