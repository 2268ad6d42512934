// The rating tablet's screen. Idle until the window's operator finishes a customer (the hall's
// `ticket.finished` event for this counter), then "Оцените обслуживание" with five large faces;
// a tap sends the rating (POST /api/feedback), thanks the customer and returns to idle. A rating
// made on the window's keypad meanwhile (`feedback.received`) thanks them too. Untouched, the
// question goes away after a minute.
import { signal } from '@preact/signals';
import { api } from '../../ui/api.ts';
import { connectHall } from '../../ui/hall-socket.ts';
import type { TicketRef } from '../../server/protocol.ts';
import { texts, type TextKey } from './texts.ts';

type Screen = { kind: 'idle' } | { kind: 'ask'; ticket: TicketRef } | { kind: 'thanks' } | { kind: 'note'; key: TextKey };

export const screen = signal<Screen>({ kind: 'idle' });
const counterName = signal<string | null>(null);
const online = signal(true);
let counterId: number | null = null;
let token: string | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

const ASK_MS = 60_000;
const THANKS_MS = 4_000;

function show(s: Screen, ms?: number) {
  clearTimeout(timer);
  screen.value = s;
  if (ms) timer = setTimeout(() => { screen.value = { kind: 'idle' }; }, ms);
}

async function rate(rating: number) {
  const s = screen.value;
  if (s.kind !== 'ask') return;
  show({ kind: 'thanks' }, THANKS_MS);
  try {
    await api('POST', '/api/feedback', { ticketId: s.ticket.id, rating }, token);
  } catch (e) {
    // Already rated (on the keypad), or too late: the customer still sees a thank-you; a lost
    // connection is said so.
    if ((e as { status?: number }).status === 0) show({ kind: 'note', key: 'offline' }, THANKS_MS);
  }
}

export function start(counter: number | null, deviceToken: string | null) {
  counterId = counter;
  token = deviceToken;
  if (!counterId) return;
  connectHall({
    onSnapshot(s) { counterName.value = s.counters.find((c) => c.id === counterId)?.name ?? null; },
    onEvent(e) {
      if (e.type === 'ticket.finished' && e.counter.id === counterId) show({ kind: 'ask', ticket: e.ticket }, ASK_MS);
      else if (e.type === 'feedback.received' && screen.value.kind === 'ask' && e.ticket.id === screen.value.ticket.id) show({ kind: 'thanks' }, THANKS_MS);
      else if (e.type === 'counter.changed' && e.counter.id === counterId) counterName.value = e.counter.name;
    },
    onStatus(up) { online.value = up; },
  });
}

const COLORS = ['#c62828', '#ef6c00', '#f9a825', '#7cb342', '#2e7d32'];
/** A face: the mouth bends from a frown (1) to a smile (5). */
function Face({ n }: { n: number }) {
  const bend = (n - 3) * 9;
  return (
    <svg viewBox="0 0 100 100" aria-hidden="true" class="face">
      <circle cx="50" cy="50" r="46" fill={COLORS[n - 1]} />
      <circle cx="34" cy="40" r="6" fill="#1b1b1b" /><circle cx="66" cy="40" r="6" fill="#1b1b1b" />
      <path d={`M28 ${68 - bend / 3} Q50 ${68 + bend} 72 ${68 - bend / 3}`} stroke="#1b1b1b" stroke-width="6" fill="none" stroke-linecap="round" />
    </svg>
  );
}

const Both = ({ k, cls }: { k: TextKey; cls?: string }) => (
  <span class={`both ${cls ?? ''}`}><span class="ru">{texts[k].ru}</span><span class="en" lang="en">{texts[k].en}</span></span>
);

export function Rate() {
  const s = screen.value;
  if (!counterId) return <main class="rate idle"><Both k="noCounter" /></main>;
  return (
    <main class={`rate ${s.kind}`} data-screen={s.kind}>
      {!online.value && <p class="offline" role="status"><Both k="offline" /></p>}
      {s.kind === 'ask' && (
        <>
          <h1><Both k="ask" /></h1>
          <div class="faces" role="group" aria-label={texts.ask.ru}>
            {[1, 2, 3, 4, 5].map((n) => (
              <button type="button" key={n} data-rating={n} onClick={() => void rate(n)} aria-label={`${n}: ${texts[`r${n}` as TextKey].ru}`}>
                <Face n={n} />
                <Both k={`r${n}` as TextKey} cls="label" />
              </button>
            ))}
          </div>
        </>
      )}
      {s.kind === 'thanks' && <div class="thanks" role="status"><Both k="thanks" /></div>}
      {s.kind === 'note' && <p class="note" role="status"><Both k={s.key} /></p>}
      {s.kind === 'idle' && (
        <div class="idle-text">
          {counterName.value && <div class="counter">{counterName.value}</div>}
          <Both k="idle" />
        </div>
      )}
    </main>
  );
}
