// The tickets behind a report row (/console/reports/tickets?period=…&serviceId=3): oldest
// first, each with its wait and service time, each opening to its history.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { pick } from '../../ui/i18n';
import type { ServiceView } from '../../server/protocol';
import { getServices, listTickets, reportSearch, type ListedTicket } from '../figures/api';
import { serverNow } from '../shell/clock';
import { count, dateTime, dur } from '../figures/format';
import { statusText } from '../figures/strings';
import { resolvePeriod } from './period';
import { readState, stateUrl } from './query';
import { periodText, reportQuery } from './ReportView';
import { t } from './strings';

const PAGE = 200;

export function TicketList({ tz }: { tz: string }) {
  const { query } = useLocation();
  const state = readState(query);
  const period = resolvePeriod(state, serverNow(), tz);
  const { from, to, serviceId, counterId, userId } = reportQuery(state, period);
  const key = reportSearch({ from, to, by: '', serviceId, counterId, userId });
  const [list, setList] = useState<{ key: string; total: number; tickets: ListedTicket[] } | { key: string; error: string } | null>(null);
  const [services, setServices] = useState<ServiceView[]>([]);
  useEffect(() => { getServices().then(setServices, () => undefined); }, []);
  const load = (offset: number) => listTickets({ from, to, serviceId, counterId, userId, offset, limit: PAGE }).then(
    (r) => setList((prev) => ({ key, total: r.total, tickets: offset && prev && 'tickets' in prev ? [...prev.tickets, ...r.tickets] : r.tickets })),
    (e) => setList({ key, error: (e as Error).message }));
  useEffect(() => { setList(null); void load(0); }, [key]);
  const name = (id: number) => { const s = services.find((x) => x.id === id); return s ? `${s.prefix} ${pick(s.name, s.nameEn)}` : String(id); };
  const cur = list?.key === key ? list : null;
  return (
    <section class="ticket-list" data-testid="ticket-list">
      <div class="history-head">
        <a class="back" href={stateUrl(state)}>{t('backToReport')}</a>
        <h1>{t('ticketsTitle', { label: periodText(period) })}</h1>
      </div>
      {!cur ? <p class="hint">{t('loading')}</p> : 'error' in cur ? <p class="message error" role="alert">{t('failed', { reason: cur.error })}</p> : (
        <>
          <table class="grid">
            <thead><tr>
              <th scope="col" class="text">{t('colNumber')}</th><th scope="col" class="text">{t('service')}</th><th scope="col">{t('colIssued')}</th>
              <th scope="col" class="text">{t('colStatus')}</th><th scope="col">{t('colWait')}</th><th scope="col">{t('colService')}</th>
              <th scope="col" class="text">{t('colCounter')}</th><th scope="col" class="text">{t('colOperator')}</th>
            </tr></thead>
            <tbody>
              {cur.tickets.map((tk) => (
                <tr key={tk.id} data-ticket={tk.id}>
                  <th scope="row" class="text"><a href={`/console/reports/ticket/${tk.id}`}>{tk.number}</a></th>
                  <td class="text">{name(tk.serviceId)}</td>
                  <td class="num">{dateTime(tk.issuedAt, tz)}</td>
                  <td class="text">{statusText(tk.status)}</td>
                  <td class="num">{dur(tk.waitSec)}</td>
                  <td class="num">{dur(tk.serviceSec)}</td>
                  <td class="text">{tk.counter?.name ?? ''}</td>
                  <td class="text">{tk.user?.name ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="hint">{t('shown', { n: count(cur.tickets.length), all: count(cur.total) })}
            {cur.tickets.length < cur.total && <button type="button" class="plain more" onClick={() => void load(cur.tickets.length)}>{t('more')}</button>}</p>
        </>
      )}
    </section>
  );
}
