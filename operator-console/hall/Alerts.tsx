// The alerts, first thing on the screen: a band in the alert's colour with an icon and a
// sentence (never colour alone), urgent ones first, then the oldest, each linking to what it is about.
import { pick } from '../../ui/i18n';
import { clockTime, count, dur } from '../figures/format';
import { secondsSince } from '../shell/clock';
import { chimes, setSound, soundOn } from './chime';
import { alertKey, breakReasonName, live } from './store';
import { t } from './strings';
import type { Alert, Live } from '../figures/types';

/** The alert as a sentence in the screen's language. A wait or a break is counted up here, to
 * the second, like the table below it; for the other kinds the server's sentence is shown. */
export function alertText(a: Alert, v: Live): string {
  if (a.kind === 'wait_over_target') {
    const s = v.services.find((x) => x.serviceId === a.serviceId);
    if (s) {
      const vars = { service: pick(s.name, s.nameEn), n: count(s.overdue), target: dur(s.maxWaitSec), t: dur(secondsSince(s.oldestIssuedAt)) };
      return t(s.overdue > 1 ? 'alertWait' : 'alertWaitOne', vars);
    }
  }
  if (a.kind === 'break_too_long') {
    const c = v.counters.find((x) => x.counterId === a.counterId);
    if (c?.state === 'break') {
      return t('alertBreak', { counter: c.name, t: dur(secondsSince(c.since)), limit: dur(c.breakLimitSec), reason: c.breakReason ? ` (${breakReasonName(c.breakReason)})` : '' });
    }
  }
  return pick(a.message, a.messageEn);
}

function href(a: Alert): string | undefined {
  if (a.serviceId !== undefined && (a.kind === 'wait_over_target' || a.kind === 'no_counter_open')) return `/console/hall/service/${a.serviceId}`;
  return undefined;
}

export function Alerts({ tz }: { tz: string }) {
  const v = live.value!;
  const list = v.alerts; // critical first, then the oldest (the server's order)
  return (
    <section class={`alerts ${list.length ? 'on' : 'off'}`} aria-label={t('alerts')} role="region" data-testid="alerts" data-count={list.length} data-chimes={chimes.value}>
      {list.length === 0 ? <p class="all-well">✓ {t('noAlerts')}</p> : (
        <ul role="list">
          {list.map((a) => {
            const link = href(a);
            const text = alertText(a, v);
            return (
              <li key={alertKey(a)} class={`alert ${a.severity}`} data-kind={a.kind} data-service={a.serviceId} data-counter={a.counterId}>
                <span class="icon" aria-hidden="true">⚠</span>
                <span class="tag">{t(a.severity === 'critical' ? 'severity_critical' : 'severity_warning')}</span>
                {link ? <a href={link}>{text}</a> : <span>{text}</span>}
                <span class="since">{t('since', { t: clockTime(a.since, tz) })}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function SoundToggle() {
  return (
    <button type="button" class="plain sound" aria-pressed={soundOn.value} title={t('soundHint')} data-testid="sound"
      onClick={() => setSound(!soundOn.value)}>{t(soundOn.value ? 'soundOn' : 'soundOff')}</button>
  );
}
