// The alerts, first thing on the screen: a band in the alert's colour with an icon and a
// sentence (never colour alone), newest first, each linking to what it is about.
import { pick } from '../../ui/i18n';
import { clockTime, count, dur } from '../figures/format';
import { now, runningSec } from '../figures/clock';
import { chimes, setSound, soundOn } from './chime';
import { live, services } from './store';
import { t, type Key } from './strings';
import type { Alert, Live } from '../figures/types';

function serviceName(id: number | undefined): string {
  const s = services.value.find((x) => x.id === id);
  return s ? pick(s.name, s.nameEn) : String(id ?? '');
}

function breakLabel(reason: string | null | undefined): string {
  return reason ? ` (${reason})` : '';
}

/** The alert as a sentence in the screen's language; the server's message for a kind this screen does not know. */
export function alertText(a: Alert, v: Live): string {
  const elapsed = Math.max(0, Math.floor((now.value - Date.parse(a.since)) / 1000));
  switch (a.kind) {
    case 'wait_over_target': {
      const s = v.services.find((x) => x.serviceId === a.serviceId);
      const longest = s ? s.longestWaitSec + Math.max(0, (now.value - Date.parse(v.at)) / 1000) : elapsed;
      return s && s.overdue > 1
        ? t('alertWait', { service: serviceName(a.serviceId), n: count(s.overdue), t: dur(Math.floor(longest)) })
        : t('alertWaitOne', { service: serviceName(a.serviceId), t: dur(Math.floor(longest)) });
    }
    case 'break_too_long': {
      // the break's whole length, as the counter's card shows it
      const c = v.counters.find((x) => x.counterId === a.counterId);
      const length = c?.state === 'break' ? runningSec(c.sinceSec, v.at) : null;
      return t('alertBreak', { counter: c?.name ?? String(a.counterId), t: dur(length ?? elapsed), reason: breakLabel(c?.breakReason) });
    }
    case 'no_counter_open': {
      const s = v.services.find((x) => x.serviceId === a.serviceId);
      return t('alertNoCounter', { service: serviceName(a.serviceId), n: count(s?.waiting ?? 0) });
    }
    case 'printer': {
      const state = /paper_low|paper_out|offline|error/.exec(a.message)?.[0];
      return state ? t('alertPrinter', { device: String(a.deviceId ?? ''), state: t(`printer_${state}` as Key) }) : a.message;
    }
    default: return a.message;
  }
}

function href(a: Alert): string | undefined {
  if (a.serviceId !== undefined && (a.kind === 'wait_over_target' || a.kind === 'no_counter_open')) return `/console/hall/service/${a.serviceId}`;
  return undefined;
}

export function Alerts({ tz }: { tz: string }) {
  const v = live.value!;
  const list = [...v.alerts].sort((a, b) => (a.severity === 'critical' ? 0 : 1) - (b.severity === 'critical' ? 0 : 1) || Date.parse(b.since) - Date.parse(a.since));
  return (
    <section class={`alerts ${list.length ? 'on' : 'off'}`} aria-label={t('alerts')} role="region" data-testid="alerts" data-count={list.length} data-chimes={chimes.value}>
      {list.length === 0 ? <p class="all-well">✓ {t('noAlerts')}</p> : (
        <ul role="list">
          {list.map((a) => {
            const link = href(a);
            const text = alertText(a, v);
            return (
              <li key={`${a.kind}:${a.serviceId}:${a.counterId}:${a.deviceId}`} class={`alert ${a.severity}`} data-kind={a.kind} data-service={a.serviceId} data-counter={a.counterId}>
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
