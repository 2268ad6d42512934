// The operator's work screen for one counter: the current customer and their script, the
// queue, the operator's day and the action bar. F-keys (what USB call buttons send) press the
// actions; digits pick the finish outcome.
import { useEffect } from 'preact/hooks';
import { ACTIONS, busy, dialog, message, outcome, press } from './actions';
import { Dialogs } from './Dialogs';
import { Header } from '../shell/Header';
import { DayPanel, QueuePanel } from './QueuePanel';
import { session, setCounter } from '../shell/session';
import { now } from '../shell/clock';
import { detail, follow, lunch, online, settings } from './store';
import { t } from './strings';
import { Script, TicketCard } from './TicketCard';
import type { CounterDetail } from './types';

function onKey(e: KeyboardEvent) {
  const a = ACTIONS.find((x) => x.key === e.key);
  if (a) {
    e.preventDefault(); // F5 must never reload the page, F1 never open help
    if (!e.repeat) press(a);
    return;
  }
  if (dialog.value || e.repeat || e.ctrlKey || e.altKey || e.metaKey) return;
  if ((e.target as HTMLElement)?.tagName === 'INPUT') return;
  const n = Number(e.key);
  const tk = detail.value?.ticket;
  const o = Number.isInteger(n) && n >= 1 ? settings.value.outcomes[n - 1]?.id : undefined;
  if (tk && o) outcome.value = outcome.value?.ticketId === tk.id && outcome.value.value === o ? null : { ticketId: tk.id, value: o };
}

function ActionBar({ d }: { d: CounterDetail }) {
  return (
    <nav class="actions" data-testid="actions" aria-busy={busy.value !== null}>
      {ACTIONS.map((a) => (
        <button type="button" key={a.id} class={`action ${a.id}`} data-action={a.id}
          disabled={busy.value !== null || !a.enabled(d)} onClick={() => press(a)}>
          <kbd>{a.key}</kbd><span>{t(a.label(d))}</span>
        </button>
      ))}
    </nav>
  );
}

export function WorkScreen({ counterId }: { counterId: number }) {
  useEffect(() => follow(counterId), [counterId]);
  useEffect(() => {
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  const d = detail.value;
  // The counter was closed or taken over elsewhere: back to the choice of a counter.
  useEffect(() => {
    if (d && d.counter.user?.id !== session.value?.user.id) setCounter(null);
  }, [d]);
  const m = message.value;
  // The adopted lunch plan's slot has come and the window is still taking customers.
  const l = lunch.value;
  const lunchDue = !!l && !!d && d.counter.state !== 'break' && now.value >= Date.parse(l.startsAt) && now.value < Date.parse(l.endsAt);
  return (
    <div class="screen work">
      <Header title={d?.counter.name} online={online.value} />
      {m && <p class={`message ${m.kind}`} role="alert" data-testid="message" data-kind={m.kind}>{m.text}</p>}
      {lunchDue && <p class="message lunch" role="status" data-testid="lunch-reminder">{t('lunchDue', { start: l!.start, end: l!.end })}</p>}
      {d && (
        <>
          <main class="work-main">
            <div class="main-col">
              <TicketCard d={d} />
              <Script d={d} />
            </div>
            <aside class="side-col">
              <QueuePanel d={d} />
              <DayPanel d={d} />
            </aside>
          </main>
          <ActionBar d={d} />
          <Dialogs d={d} />
        </>
      )}
    </div>
  );
}
