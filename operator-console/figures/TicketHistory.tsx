// A ticket's whole history (GET /api/stats/tickets/:id/events): every step with its time in the
// hall's zone, the counter, the operator and what was chosen (outcome, transfer, postponement),
// above it the ticket's wait and service time as the reports count them.
import { useEffect, useState } from 'preact/hooks';
import { pick } from '../../ui/i18n';
import type { ServiceView } from '../../server/protocol';
import { getServices, getTicket, getTicketEvents, type TicketInfo } from './api';
import { secondsSince } from '../shell/clock';
import { clockTime, date, dateTime, dur } from './format';
import { actionText, statusText, t } from './strings';
import type { TicketEvent } from './types';
import { ApiError } from '../../ui/api';
import { staff } from '../shell/session';

interface Choice { id: string; ru: string; en: string }

function serviceLabel(services: ServiceView[], id: unknown): string {
  const s = services.find((x) => x.id === id);
  return s ? `${s.prefix} ${pick(s.name, s.nameEn)}` : String(id ?? '');
}

/** What an event chose, in words; `to` is the service a transfer sent the ticket to. */
function detailText(e: TicketEvent, to: number, services: ServiceView[], tz: string, outcomes: Record<string, string>): string {
  const d = typeof e.detail === 'string' ? safeParse(e.detail) : e.detail;
  if (!d || typeof d !== 'object') return typeof e.detail === 'string' ? e.detail : '';
  const o = d as Record<string, any>;
  const parts: string[] = [];
  if (o.outcome) parts.push(t('outcomeIs', { o: outcomes[o.outcome] ?? String(o.outcome) }));
  if (o.from?.serviceId !== undefined) parts.push(t('transferTo', { from: serviceLabel(services, o.from.serviceId), to: serviceLabel(services, to) }));
  if (o.toCounter?.name) parts.push(t('transferToCounter', { c: o.toCounter.name }));
  if (o.until) parts.push(t('postponeUntil', { t: clockTime(o.until, tz) }));
  return parts.join('; ');
}

/** The service a transfer sent the ticket to: the one the next transfer took it from, or its service now. */
function transferredTo(events: TicketEvent[], i: number, now: number): number {
  for (const e of events.slice(i + 1)) {
    const from = e.action === 'transfer' && e.detail && typeof e.detail === 'object' ? (e.detail as { from?: { serviceId?: number } }).from?.serviceId : undefined;
    if (from !== undefined) return from;
  }
  return now;
}

function safeParse(s: string): unknown { try { return JSON.parse(s); } catch { return s; } }

/** Wait (issue → first call) and service (start, or the first call, → finish of a served ticket), from the log. */
function figures(events: TicketEvent[], info: TicketInfo) {
  const issued = Date.parse(info.issuedAt);
  const firstCall = events.find((e) => e.action === 'call');
  const wait = firstCall ? Math.round((Date.parse(firstCall.at) - issued) / 1000) : null;
  let service: number | null = null;
  if (info.status === 'done') {
    const finish = [...events].reverse().find((e) => e.action === 'finish');
    const calls = events.filter((e) => e.action === 'call');
    const lastCall = calls[calls.length - 1];
    const start = [...events].reverse().find((e) => e.action === 'start' && (!lastCall || Date.parse(e.at) >= Date.parse(lastCall.at)));
    const from = start ?? lastCall;
    if (finish && from) service = Math.round((Date.parse(finish.at) - Date.parse(from.at)) / 1000);
  }
  return { wait, service };
}

/** Back to where the supervisor came from (a report with its period, a queue), or to `href`
 * when the history was opened directly. */
function BackLink({ href }: { href: string }) {
  return <a class="back" href={href} onClick={(e) => { if (history.length > 1) { e.preventDefault(); history.back(); } }}>{t('back')}</a>;
}

/** `refresh` changes when the ticket changed (the live hall passes its last event for it). */
export function TicketHistory({ id, tz, back, refresh }: { id: number; tz: string; back: string; refresh?: unknown }) {
  const [state, setState] = useState<{ info: TicketInfo; events: TicketEvent[] } | { error: string } | null>(null);
  const [services, setServices] = useState<ServiceView[]>([]);
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  useEffect(() => {
    getServices().then(setServices, () => undefined);
    staff<{ outcomes: Choice[] }>('GET', '/api/staff/settings')
      .then((s) => setOutcomes(Object.fromEntries(s.outcomes.map((o) => [o.id, pick(o.ru, o.en)]))), () => undefined);
  }, []);
  useEffect(() => {
    let live = true;
    Promise.all([getTicket(id), getTicketEvents(id)]).then(
      ([info, events]) => { if (live) setState({ info, events }); },
      (e) => { if (live) setState({ error: e instanceof ApiError && e.status === 404 ? t('noSuchTicket') : t('historyFailed', { reason: (e as Error).message }) }); },
    );
    return () => { live = false; };
  }, [id, refresh]);

  if (!state) return <section class="history"><p class="hint">{t('historyLoading')}</p></section>;
  if ('error' in state) return <section class="history"><BackLink href={back} /><p class="message error" role="alert">{state.error}</p></section>;
  const { info, events } = state;
  const f = figures(events, info);
  return (
    <section class="history" data-testid="history" data-ticket={info.id}>
      <div class="history-head">
        <BackLink href={back} />
        <h1>{t('history', { number: info.number })}</h1>
      </div>
      <dl class="facts">
        <dt>{t('service')}</dt><dd>{serviceLabel(services, info.serviceId) || (info.service ? pick(info.service.name, info.service.nameEn) : '')}</dd>
        <dt>{t('issuedAt')}</dt><dd>{dateTime(info.issuedAt, tz)}</dd>
        <dt>{t('statusNow')}</dt><dd data-testid="history-status" data-status={info.status}>{statusText(info.status)}</dd>
        {f.wait === null && (info.status === 'waiting' || info.status === 'postponed')
          ? <><dt>{t('waitingFor')}</dt><dd data-testid="history-wait">{dur(secondsSince(info.issuedAt))}</dd></>
          : <><dt>{t('waitFigure')}</dt><dd data-testid="history-wait">{dur(f.wait)}</dd></>}
        <dt>{t('serviceFigure')}</dt><dd data-testid="history-service">{dur(f.service)}</dd>
      </dl>
      <table class="grid events">
        <thead>
          <tr><th scope="col">{t('colTime')}</th><th scope="col">{t('colAction')}</th><th scope="col">{t('colStatus')}</th>
            <th scope="col">{t('colCounter')}</th><th scope="col">{t('colOperator')}</th><th scope="col">{t('colDetail')}</th></tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={i} data-action={e.action}>
              <td class="num" title={date(e.at, tz)}>{clockTime(e.at, tz)}</td>
              <td>{actionText(e.action)}</td>
              <td>{e.fromStatus ? `${statusText(e.fromStatus)} → ` : ''}{statusText(e.toStatus)}</td>
              <td>{e.counter?.name ?? ''}</td>
              <td>{e.user?.name ?? ''}</td>
              <td>{detailText(e, transferredTo(events, i, info.serviceId), services, tz, outcomes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
