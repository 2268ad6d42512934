// The choices some actions need (where to transfer, for how long to postpone, why a break):
// a small panel over the work screen, each option with a digit key, Esc to cancel.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { pick } from '../../ui/i18n';
import type { CounterView } from '../../server/protocol';
import { dialog, perform } from './actions';
import { session, staff } from '../shell/session';
import { services, settings } from './store';
import { t } from './strings';
import type { CounterDetail } from './types';

interface Option { id: string; label: string; note?: string; disabled?: boolean; choose(): void }

export const POSTPONE_MINUTES = [1, 5, 10, 15, 30, 60];

function ChoiceDialog({ title, groups }: { title: string; groups: { title?: string; compact?: boolean; options: Option[] }[] }) {
  const all = useRef<Option[]>([]);
  all.current = groups.flatMap((g) => g.options);
  // A layout effect: the keys work as soon as the options are on screen.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') { e.preventDefault(); dialog.value = null; return; }
      const n = Number(e.key);
      const o = Number.isInteger(n) && n >= 1 ? all.current[n - 1] : undefined;
      if (o && !o.disabled && !e.repeat) { e.preventDefault(); o.choose(); }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  let i = 0;
  return (
    <div class="overlay" onClick={(e) => { if (e.target === e.currentTarget) dialog.value = null; }}>
      <div class="dialog" role="dialog" aria-label={title} data-testid="dialog">
        <h2>{title}</h2>
        {groups.map((g) => (
          <div class="group" key={g.title ?? ''}>
            {g.title && <h3>{g.title}</h3>}
            <div class={g.compact ? 'options compact' : 'options'}>
              {g.options.map((o) => {
                i++;
                return (
                  <button type="button" key={o.id} class="option" data-option={o.id} disabled={o.disabled} onClick={o.choose}>
                    {i <= 9 ? <kbd>{i}</kbd> : <span />}<span>{o.label}</span>{o.note && <small>{o.note}</small>}
                  </button>
                );
              })}
            </div>
          </div>
        ))}
        <button type="button" class="plain cancel" onClick={() => { dialog.value = null; }}><kbd>Esc</kbd>{t('cancel')}</button>
      </div>
    </div>
  );
}

function TransferDialog({ d }: { d: CounterDetail }) {
  const [counters, setCounters] = useState<CounterView[]>([]);
  useEffect(() => { staff<CounterView[]>('GET', '/api/counters').then(setCounters, () => undefined); }, []);
  const tk = d.ticket!;
  const serviceOptions: Option[] = services.value.filter((s) => s.id !== tk.serviceId).map((s) => ({
    id: `service-${s.id}`, label: `${s.prefix} · ${pick(s.name, s.nameEn)}`,
    choose: () => void perform('transfer', 'transfer', { serviceId: s.id }),
  }));
  const counterOptions: Option[] = counters.filter((c) => c.id !== session.value?.counterId).map((c) => ({
    id: `counter-${c.id}`, label: c.name, note: c.user ? c.user.name : t('closed'),
    choose: () => void perform('transfer', 'transfer', { counterId: c.id }),
  }));
  return <ChoiceDialog title={t('transferTitle', { number: tk.number })}
    groups={[{ title: t('toService'), options: serviceOptions }, { title: t('toCounter'), compact: true, options: counterOptions }]} />;
}

export function Dialogs({ d }: { d: CounterDetail }) {
  const which = dialog.value;
  if (which === 'transfer' && d.ticket) return <TransferDialog d={d} />;
  if (which === 'postpone' && d.ticket) {
    return <ChoiceDialog title={t('postponeTitle', { number: d.ticket.number })} groups={[{
      options: POSTPONE_MINUTES.map((m) => ({ id: `minutes-${m}`, label: t('minutes', { n: m }), choose: () => void perform('postpone', 'postpone', { minutes: m }) })),
    }]} />;
  }
  if (which === 'break') {
    return <ChoiceDialog title={t('breakTitle')} groups={[{
      options: settings.value.breakReasons.map((r) => ({ id: `reason-${r.id}`, label: pick(r.ru, r.en), choose: () => void perform('break', 'break', { reason: r.id }) })),
    }]} />;
  }
  return null;
}
