// The production analysis sheet (бланк производственного анализа) of a hall day, for the hall or one
// window: hour by hour plan, fact, running totals and the deviation, coloured, with the causes and
// measures noted by the supervisor. It follows the hall live, and prints as the paper form (A4
// landscape). Address: /console/lean/plan-fact?day=YYYY-MM-DD&counter=<id>.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { lang, pick } from '../../ui/i18n';
import { connectHall } from '../../ui/hall-socket';
import type { CounterView } from '../../server/protocol';
import { staff } from '../shell/session';
import { reportSearch } from '../figures/api';
import { fmt, PrintPage, signed, useGet, useHall } from './common';
import { t } from './strings';
import type { PlanFactSheet, SheetHour } from './types';

const markLabel = { green: 'markGreen', yellow: 'markYellow', red: 'markRed', none: null } as const;

function NoteDialog({ sheet, hour, onDone }: { sheet: PlanFactSheet; hour: string; onDone: (saved: boolean) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    setBusy(true);
    try {
      await staff('POST', '/api/stats/plan-fact/notes', {
        day: sheet.day, hour, counterId: sheet.counterId, reasonId: String(f.get('reason')),
        text: String(f.get('text') ?? ''), measure: String(f.get('measure') ?? ''),
      });
      onDone(true);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <div class="dialog-backdrop" onClick={(e) => { if (e.target === e.currentTarget) onDone(false); }}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="note-title">
      <form class="note-form" onSubmit={submit} data-testid="note-form">
        <h2 id="note-title">{t('noteTitle', { hour })}</h2>
        <label>{t('cause')}
          <select name="reason" required>{sheet.reasons.map((r) => <option key={r.id} value={r.id}>{pick(r.ru, r.en)}</option>)}</select>
        </label>
        <label>{t('comment')}<textarea name="text" rows={2} maxLength={1000} /></label>
        <label>{t('measure')}<textarea name="measure" rows={2} maxLength={1000} /></label>
        {error && <p class="message error" role="alert">{error}</p>}
        <div class="buttons">
          <button type="button" class="plain" onClick={() => onDone(false)}>{t('cancel')}</button>
          <button type="submit" class="primary" disabled={busy}>{t('save')}</button>
        </div>
      </form>
      </div>
    </div>
  );
}

function Row({ h, reason, onNote }: { h: SheetHour; reason: (id: string) => string; onNote: () => void }) {
  const future = h.state === 'future';
  const cell = (v: number, cls = '') => <td class={`num ${cls}`}>{future ? '' : fmt(v, Number.isInteger(v) ? 0 : 1)}</td>;
  const title = markLabel[h.mark] ? t(markLabel[h.mark]!) : undefined;
  return (
    <tr data-hour={h.hour} data-state={h.state} data-mark={h.mark} data-cum-mark={h.cumMark} class={h.state}>
      <th scope="row">{h.hour}:00{h.state === 'current' && <span class="now"> · {t('stateCurrent')}</span>}</th>
      {cell(h.windows)}
      {cell(h.plan, 'plan')}
      <td class={`num fact mark-${h.mark}`} title={title} data-testid="fact">{future ? '' : h.fact}</td>
      {cell(h.cumPlan)}
      {cell(h.cumFact)}
      <td class={`num dev mark-${h.cumMark}`} data-testid="deviation">{future ? '' : signed(h.deviation, Number.isInteger(h.deviation) ? 0 : 1)}</td>
      <td class="text">{h.notes.map((n) => <div key={n.id} class="note">{reason(n.reasonId)}{n.text ? `: ${n.text}` : ''}</div>)}</td>
      <td class="text">{h.notes.map((n) => <div key={n.id} class="note">{n.measure ?? ''}</div>)}</td>
      <td class="text sign">{[...new Set(h.notes.map((n) => n.author ?? ''))].join(', ')}</td>
      <td class="no-print">{!future && <button type="button" class="plain small" data-testid="add-note" onClick={onNote}>{t('addNote')}</button>}</td>
    </tr>
  );
}

export function PlanFact() {
  const { query, route, path } = useLocation();
  const hallInfo = useHall();
  const counters = useGet<CounterView[]>('/api/counters');
  const sheet = useGet<PlanFactSheet>(`/api/stats/plan-fact?${reportSearch({ day: query.day, counterId: query.counter })}`);
  const [noteHour, setNoteHour] = useState<string | null>(null);
  const reloadRef = useRef(sheet.reload);
  reloadRef.current = sheet.reload;

  // Fills itself: every served customer and every window opened, paused or closed refetches the
  // sheet (coalesced), and the current hour's plan grows with the minute.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = () => { clearTimeout(timer); timer = setTimeout(() => reloadRef.current(), 300); };
    const socket = connectHall({
      onSnapshot: soon,
      onEvent: (e) => { if (e.type === 'ticket.finished' || e.type === 'counter.changed') soon(); },
    });
    const minute = setInterval(() => reloadRef.current(), 60_000);
    return () => { socket.close(); clearInterval(minute); clearTimeout(timer); };
  }, []);

  const s = sheet.data;
  const set = (k: string, v: string) => route(`${path}?${reportSearch({ ...query, [k]: v })}`);
  const reason = (id: string) => { const r = s?.reasons.find((x) => x.id === id); return r ? pick(r.ru, r.en) : id; };
  const counterName = s?.counterId ? counters.data?.find((c) => c.id === s.counterId)?.name ?? `#${s.counterId}` : t('wholeHall');
  const dayText = s ? new Date(`${s.day}T12:00:00Z`).toLocaleDateString(lang.value === 'ru' ? 'ru-RU' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', weekday: 'long', timeZone: 'UTC' }) : '';
  const last = s?.hours.filter((h) => h.state !== 'future').at(-1);
  return (
    <main class="tool plan-fact">
      <PrintPage landscape />
      <div class="print-head">
        <div>{pick(hallInfo?.hallName ?? '', hallInfo?.hallNameEn)}</div>
        <h1>{t('pfTitle')}</h1>
        <div class="sub">{dayText} · {t('counter')}: <span data-testid="sheet-counter">{counterName}</span></div>
      </div>
      <form class="controls no-print" onSubmit={(e) => e.preventDefault()}>
        <label>{t('day')}<input type="date" name="day" value={s?.day ?? query.day ?? ''} onChange={(e) => set('day', (e.target as HTMLInputElement).value)} /></label>
        <label>{t('counter')}
          <select name="counter" value={query.counter ?? ''} onChange={(e) => set('counter', (e.target as HTMLSelectElement).value)}>
            <option value="">{t('wholeHall')}</option>
            {counters.data?.map((c) => <option key={c.id} value={String(c.id)}>{c.name}</option>)}
          </select>
        </label>
        <button type="button" class="plain" onClick={() => print()}>{t('print')}</button>
      </form>
      <p class="hint no-print">{t('pfHint')}</p>
      {sheet.error && <p class="message error" role="alert">{t('failed', { reason: sheet.error })}</p>}
      {s && !s.hours.length && <p class="hint" data-testid="no-hours">{t('noHours')}</p>}
      {s && s.hours.length > 0 && (
        <table class="sheet" data-testid="sheet" data-day={s.day}>
          <thead>
            <tr>
              <th scope="col">{t('hour')}</th><th scope="col">{t('windows')}</th><th scope="col">{t('plan')}</th><th scope="col">{t('fact')}</th>
              <th scope="col">{t('cumPlan')}</th><th scope="col">{t('cumFact')}</th><th scope="col">{t('deviation')}</th>
              <th scope="col" class="text">{t('cause')}</th><th scope="col" class="text">{t('measure')}</th><th scope="col">{t('signature')}</th>
              <th class="no-print" />
            </tr>
          </thead>
          <tbody>
            {s.hours.map((h) => <Row key={h.hour} h={h} reason={reason} onNote={() => setNoteHour(h.hour)} />)}
          </tbody>
          {last && (
            <tfoot>
              <tr data-testid="totals">
                <th scope="row">{t('total')}</th><td />
                <td class="num">{fmt(last.cumPlan, Number.isInteger(last.cumPlan) ? 0 : 1)}</td>
                <td class={`num mark-${last.cumMark}`}>{last.cumFact}</td>
                <td /><td />
                <td class={`num mark-${last.cumMark}`}>{signed(last.deviation, Number.isInteger(last.deviation) ? 0 : 1)}</td>
                <td colSpan={4} />
              </tr>
            </tfoot>
          )}
        </table>
      )}
      <p class="hint legend">{t('legend')}</p>
      <div class="print-only signatures"><span>{t('head')} ____________________</span><span>{t('signature')} ____________________</span></div>
      {noteHour && s && <NoteDialog sheet={s} hour={noteHour} onDone={(saved) => { setNoteHour(null); if (saved) sheet.reload(); }} />}
    </main>
  );
}
