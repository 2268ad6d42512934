// The board: the current calls in very large type (newest on top), the waiting counts per
// service, the date and time, and a ticker with the hall's notices.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { NoticeView, PublicSettings, ServiceView, WaitingCount } from '../server/protocol';
import { lang, pick } from '../ui/i18n';
import type { BoardCall, BoardState } from './board-state';
import type { Orientation } from './config';
import { t } from './texts';

// Fitted sizes by cell, text shape and window size. Measuring forces a layout in the middle of
// the render; a hall has few shapes (digits are tabular, so А015 and А016 measure the same) and
// few window names, so after the first calls a new row takes its size without measuring.
const fitted = new Map<string, string>();
let fittedFor = '';

/** One line of text that shrinks to its cell instead of being cut off. `fitKey` re-measures on resize. */
function Fit({ text, cell, fitKey }: { text: string; cell: 'number' | 'counter'; fitKey: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  if (fittedFor !== fitKey) { fitted.clear(); fittedFor = fitKey; }
  const key = `${cell} ${cell === 'number' ? text.replace(/\d/g, '0') : text}`;
  const known = fitted.get(key);
  useLayoutEffect(() => {
    if (known !== undefined) return;
    const el = ref.current!;
    el.style.fontSize = '';
    const room = el.parentElement!.clientWidth;
    const size = el.offsetWidth > room ? `${(0.98 * room) / el.offsetWidth}em` : '';
    el.style.fontSize = size;
    fitted.set(key, size);
  }, [key, fitKey]);
  return <span class="fit" ref={ref} style={known ? { fontSize: known } : undefined}>{text}</span>;
}

function CallRow({ call, fitKey }: { call: BoardCall; fitKey: string }) {
  const cls = `call ${call.status}${call.blinking ? ' blink' : ''}`;
  return (
    <div class={cls} data-ticket={call.ticketId} data-counter={call.counterId}>
      <span class="number"><Fit text={call.number} cell="number" fitKey={fitKey} /></span>
      <span class="arrow" aria-hidden="true">→</span>
      <span class="counter"><Fit text={call.counterName} cell="counter" fitKey={fitKey} /></span>
    </div>
  );
}

function Calls({ calls, rows, fitKey }: { calls: BoardCall[]; rows: number; fitKey: string }) {
  const visible = calls.slice(0, rows);
  return (
    <main class="calls-area">
      <div class="labels"><span>{t('ticket')}</span><span /><span>{t('counter')}</span></div>
      <div class="calls" style={{ '--rows': String(rows) }}>
        {/* The key changes on a recall, so the row is new and its blink starts again. */}
        {visible.map((c) => <CallRow key={`${c.ticketId}-${c.gen}`} call={c} fitKey={fitKey} />)}
        {visible.length === 0 && <div class="no-calls">{t('noCalls')}</div>}
      </div>
    </main>
  );
}

function Waiting({ services, waiting }: { services: ServiceView[]; waiting: WaitingCount[] }) {
  const count = new Map(waiting.map((w) => [w.serviceId, w.count]));
  const list = services.filter((s) => s.available || (count.get(s.id) ?? 0) > 0);
  return (
    <aside class="waiting" style={{ '--services': String(Math.max(list.length, 1)) }}>
      <h2>{t('waiting')}</h2>
      <ul>
        {list.map((s) => (
          <li key={s.id} data-service={s.id}>
            <span class="prefix">{s.prefix}</span>
            <span class="name">{pick(s.name, s.nameEn)}</span>
            <span class="count">{count.get(s.id) ?? 0}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

// Formatters are costly to build and a board renders on every call: one per kind, zone and language.
const formatters = new Map<string, Intl.DateTimeFormat>();
function format(kind: 'time' | 'date' | 'until', timeZone: string | undefined, ms: number): string {
  const locale = lang.value === 'en' ? 'en-GB' : 'ru-RU';
  const key = `${kind} ${locale} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const fields: Intl.DateTimeFormatOptions = kind === 'time' ? { hour: '2-digit', minute: '2-digit' }
      : kind === 'date' ? { weekday: 'long', day: 'numeric', month: 'long' }
      : { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };
    formatters.set(key, (f = new Intl.DateTimeFormat(locale, { timeZone, ...fields })));
  }
  return f.format(ms);
}

function Clock({ now, settings }: { now: number; settings: PublicSettings | null }) {
  const timeZone = settings?.timezone;
  const time = format('time', timeZone, now);
  const date = format('date', timeZone, now);
  return <div class="clock"><span class="time">{time}</span><span class="date">{date}</span></div>;
}

function noticeText(n: NoticeView, timeZone: string | undefined): string {
  const text = pick(n.text, n.textEn);
  if (!n.endsAt) return text;
  const when = format('until', timeZone, Date.parse(n.endsAt));
  return `${text} (${t('until', { when })})`;
}

/** Notices scroll right to left at a calm, constant speed whatever their length. */
function Ticker({ notices, settings, fitKey }: { notices: NoticeView[]; settings: PublicSettings | null; fitKey: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const text = notices.map((n) => noticeText(n, settings?.timezone)).join('   •   ');
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const pxPerSec = window.innerWidth * 0.06;
    el.style.animationDuration = `${Math.max(8, el.offsetWidth / pxPerSec)}s`;
  }, [text, fitKey]);
  if (!notices.length) return null;
  return (
    <footer class="ticker">
      <div class="track" key={text} ref={ref}>{text}</div>
    </footer>
  );
}

export interface BoardProps {
  state: BoardState;
  online: boolean;
  orientation: Orientation;
  rows: number;
  now: number;
  /** Changes with the window size: text is fitted again. */
  fitKey: string;
  /** The dim phase of the blinking rows' flash. */
  dimmed: boolean;
}

export function Board({ state, online, orientation, rows, now, fitKey, dimmed }: BoardProps) {
  return (
    <div class={`board ${orientation}${dimmed ? ' flash-on' : ''}`} lang={lang.value}>
      <header>
        <h1 class="hall">{state.settings ? pick(state.settings.hallName, state.settings.hallNameEn) : ''}</h1>
        {!online && state.synced && <div class="offline" role="status">{t('offline')}</div>}
        <Clock now={now} settings={state.settings} />
      </header>
      <Calls calls={state.calls} rows={rows} fitKey={fitKey} />
      <Waiting services={state.services} waiting={state.waiting} />
      <Ticker notices={state.notices} settings={state.settings} fitKey={fitKey} />
    </div>
  );
}
