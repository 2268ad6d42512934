// The operator's actions: one key and one button each. Only one action is in flight at a time
// (a second press while one is pending does nothing), and after "Next" has called a customer it
// stays locked for a moment, so a double press cannot finish the customer it just called.
import { signal } from '@preact/signals';
import { ApiError } from '../../ui/api';
import { session, setCounter, staff } from '../shell/session';
import { applyCounter, applyTicket, detail, refresh, settings } from './store';
import { t, type Key } from './strings';
import type { ActionTicket, CounterDetail } from './types';

export type ActionId = 'next' | 'recall' | 'start' | 'noShow' | 'finish' | 'transfer' | 'postpone' | 'break' | 'resume' | 'close';
export type DialogId = 'transfer' | 'postpone' | 'break';

export const busy = signal<ActionId | null>(null);
export const nextLocked = signal(false);
export const dialog = signal<DialogId | null>(null);
export const message = signal<{ kind: 'error' | 'info'; text: string } | null>(null);
/** The outcome chosen for a customer; sent with Finish and with Next while that customer is current. */
export const outcome = signal<{ ticketId: number; value: string } | null>(null);

export const NEXT_SETTLE_MS = 1000;

export interface ActionDef {
  id: ActionId;
  key: string;
  label(d: CounterDetail): Key;
  enabled(d: CounterDetail): boolean;
  press(): void;
}

const open = (d: CounterDetail) => d.counter.state === 'open';
const called = (d: CounterDetail) => d.ticket?.status === 'called';
// The server omits `ticket` when the counter has none (the docs say null): test for both.
const current = (d: CounterDetail) => d.ticket != null;

export const ACTIONS: ActionDef[] = [
  { id: 'next', key: 'F1', label: () => 'actNext', enabled: (d) => open(d) && !nextLocked.value, press: () => void next() },
  { id: 'recall', key: 'F2', label: () => 'actRecall', enabled: called, press: () => void perform('recall', 'recall') },
  { id: 'start', key: 'F3', label: () => 'actStart', enabled: called, press: () => void perform('start', 'start') },
  { id: 'noShow', key: 'F4', label: () => 'actNoShow', enabled: called, press: () => void perform('noShow', 'no-show') },
  { id: 'finish', key: 'F5', label: () => 'actFinish', enabled: current, press: () => void perform('finish', 'finish', withOutcome({})) },
  { id: 'transfer', key: 'F6', label: () => 'actTransfer', enabled: current, press: () => { dialog.value = 'transfer'; } },
  { id: 'postpone', key: 'F7', label: () => 'actPostpone', enabled: current, press: () => { dialog.value = 'postpone'; } },
  {
    id: 'break', key: 'F8',
    label: (d) => (d.counter.state === 'break' ? 'actResume' : 'actBreak'),
    enabled: (d) => d.counter.state === 'break' || (open(d) && !current(d)),
    press: () => {
      if (detail.value?.counter.state === 'break') void perform('resume', 'resume');
      else if (settings.value.breakReasons.length === 0) void perform('break', 'break', {});
      else dialog.value = 'break';
    },
  },
  { id: 'close', key: 'F9', label: () => 'actClose', enabled: (d) => !current(d), press: () => void perform('close', 'close') },
];

const LABEL: Record<ActionId, Key> = {
  next: 'actNext', recall: 'actRecall', start: 'actStart', noShow: 'actNoShow', finish: 'actFinish',
  transfer: 'actTransfer', postpone: 'actPostpone', break: 'actBreak', resume: 'actResume', close: 'actClose',
};

function withOutcome<T extends object>(body: T): T & { outcome?: string } {
  const o = outcome.value;
  return o && o.ticketId === detail.value?.ticket?.id ? { ...body, outcome: o.value } : body;
}

/** Presses an action if it is allowed now (the key handler and the buttons share this gate). */
export function press(a: ActionDef) {
  const d = detail.value;
  if (!d || busy.value || dialog.value || !a.enabled(d)) return;
  a.press();
}

async function next() {
  const r = await perform('next', 'next', withOutcome({ finishCurrent: true }));
  if (r?.ticket) {
    nextLocked.value = true;
    setTimeout(() => { nextLocked.value = false; }, NEXT_SETTLE_MS);
  } else if (r) message.value = { kind: 'info', text: t('nobodyWaits') };
}

/** Why the server refused, in the screen's language, with the server's own words for IT. */
function reasonOf(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const status = e instanceof ApiError ? e.status : 0;
  if (status === 409) return `${t('reasonConflict')} (${msg})`;
  if (status === 403) return `${t('reasonForbidden')} (${msg})`;
  return msg;
}

/** Runs one counter command; the answer is painted at once, then the full state is refetched. */
export async function perform(id: ActionId, path: string, body?: object): Promise<{ ticket?: ActionTicket | null } | null> {
  const counterId = session.value?.counterId;
  if (busy.value || !counterId) return null;
  busy.value = id;
  dialog.value = null;
  message.value = null;
  try {
    const r = await staff<{ ticket?: ActionTicket | null; counter?: CounterDetail['counter'] }>('POST', `/api/counters/${counterId}/${path}`, body);
    if (r.counter) applyCounter(r.counter);
    if ('ticket' in r) applyTicket(r.ticket ?? null);
    if (id === 'recall' && r.ticket?.status === 'no_show') message.value = { kind: 'info', text: t('recallLimitHit', { number: r.ticket.number }) };
    if (id === 'close') setCounter(null);
    return r;
  } catch (e) {
    message.value = e instanceof ApiError && e.status === 0
      ? { kind: 'error', text: t('unconfirmed', { action: t(LABEL[id]) }) }
      : { kind: 'error', text: t('notDone', { action: t(LABEL[id]), reason: reasonOf(e) }) };
    return null;
  } finally {
    busy.value = null;
    void refresh();
  }
}
