// The live hall (Qmatic's Management Information on one screen): alerts on top, today's
// totals, the queues by service and the counters, all following the hall as it changes.
import { pick } from '../../ui/i18n';
import { secondsSince } from '../shell/clock';
import { count, dur, pct } from '../figures/format';
import { Glossary } from '../figures/Glossary';
import { t as ft } from '../figures/strings';
import type { LiveCounter, Live } from '../figures/types';
import { Alerts } from './Alerts';
import { breakReasonName, live, services } from './store';
import { t, type Key } from './strings';

function Today({ v, tz }: { v: Live; tz: string }) {
  const d = v.today;
  const waiting = v.services.reduce((n, s) => n + s.waiting, 0);
  const figures: [string, string, string][] = [
    ['issued', ft('issuedToday'), count(d.issued)],
    ['served', ft('servedToday'), count(d.served)],
    ['noShow', ft('noShowToday'), count(d.noShow)],
    ['waiting', t('waitingNow'), count(waiting)],
    ['avgWait', ft('avgWait'), dur(d.avgWaitSec)],
    ['medianWait', ft('medianWait'), dur(d.medianWaitSec)],
    ['p90Wait', ft('p90Wait'), dur(d.p90WaitSec)],
    ['withinTarget', ft('withinTargetToday'), pct(d.withinTargetPct)],
    ['avgService', ft('avgService'), dur(d.avgServiceSec)],
  ];
  return (
    <section class="today" data-testid="today" aria-labelledby="today-title">
      <h2 id="today-title">{t('today')}</h2>
      <dl>
        {figures.map(([k, label, value]) => (
          <div key={k} class="figure" data-figure={k}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      <Glossary tz={tz} />
    </section>
  );
}

function Queues({ v }: { v: Live }) {
  const prefixes = new Map(services.value.map((s) => [s.id, s.prefix]));
  return (
    <section class="queues" aria-labelledby="queues-title">
      <h2 id="queues-title">{t('services')}</h2>
      <table class="grid">
        <thead>
          <tr><th scope="col" class="text">{t('colService')}</th><th scope="col">{t('colWaiting')}</th><th scope="col">{t('colLongest')}</th>
            <th scope="col">{t('colEta')}</th><th scope="col">{t('colOverdue')}</th></tr>
        </thead>
        <tbody>
          {v.services.map((s) => {
            const over = s.overdue > 0;
            return (
              <tr key={s.serviceId} data-service={s.serviceId} class={over ? 'over' : s.waiting ? '' : 'quiet'}>
                <th scope="row" class="text">
                  <a href={`/console/hall/service/${s.serviceId}`}><span class="prefix">{prefixes.get(s.serviceId)}</span> {pick(s.name, s.nameEn)}</a>
                </th>
                <td class="num" data-testid="waiting">{count(s.waiting)}</td>
                <td class="num" data-testid="longest">{s.waiting ? dur(secondsSince(s.oldestIssuedAt)) : '—'}</td>
                <td class="num">{s.waiting ? t('minutes', { n: s.etaMinutes }) : '—'}</td>
                <td class="num" data-testid="overdue">{over ? <strong>⚠ {count(s.overdue)}</strong> : '0'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** What a counter is doing, as its card's label says it: calling, serving, free, on a break, closed. */
function doing(c: LiveCounter): Key {
  if (c.state !== 'open') return `state_${c.state}` as Key;
  return c.ticket ? (c.ticket.status === 'serving' ? 'doingServing' : 'doingCalling') : 'doingFree';
}

function CounterCard({ c }: { c: LiveCounter }) {
  const since = secondsSince(c.since);
  const busy = c.state === 'open' && c.ticket;
  return (
    <li class={`counter-card ${c.state}${c.ticket ? ` ${c.ticket.status}` : ''}`} data-counter={c.counterId} data-state={c.state} data-doing={doing(c)}>
      <div class="head"><strong class="name">{c.name}</strong><span class="state">{t(doing(c))}</span></div>
      <div class="operator">{c.user?.name ?? (c.state === 'closed' ? '' : t('noOperator'))}</div>
      {busy && (
        <div class="line busy">
          <a class="number" href={`/console/hall/ticket/${c.ticket!.id}`} data-testid="counter-ticket">{c.ticket!.number}</a>
          <span class="timer" data-testid="counter-timer" title={t(c.ticket!.status === 'serving' ? 'servingFor' : 'calledFor')}>{dur(since)}</span>
        </div>
      )}
      {c.state === 'break' && (
        <div class="line what"><span>{c.breakReason ? breakReasonName(c.breakReason) : t('state_break')}</span> <span class="timer" data-testid="counter-timer">{dur(since)}</span></div>
      )}
      {c.state === 'open' && !c.ticket && <div class="line idle">{t('idleFor', { t: dur(since) })}</div>}
    </li>
  );
}

function Counters({ v }: { v: Live }) {
  const open = v.counters.filter((c) => c.state !== 'closed').length;
  // Working counters first, then those on a break, the closed ones last.
  const order = { open: 0, break: 1, closed: 2 } as const;
  const list = [...v.counters].sort((a, b) => order[a.state] - order[b.state] || a.counterId - b.counterId);
  return (
    <section class="counters-live" aria-labelledby="counters-title">
      <h2 id="counters-title">{t('counters')} <span class="sub">{t('openCounters', { open, all: v.counters.length })}</span></h2>
      <ul class="counter-grid">{list.map((c) => <CounterCard key={c.counterId} c={c} />)}</ul>
    </section>
  );
}

export function LiveHall({ tz }: { tz: string }) {
  const v = live.value;
  if (!v) return <p class="hint pad">{t('loading')}</p>;
  return (
    <div class="live" data-testid="live" data-at={v.at}>
      <Alerts tz={tz} />
      <Today v={v} tz={tz} />
      <div class="live-main">
        <Queues v={v} />
        <Counters v={v} />
      </div>
    </div>
  );
}
