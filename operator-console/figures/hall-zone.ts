// The hall's time zone (QUEUE_TIMEZONE, from GET /api/settings/public or the websocket's
// snapshot): every clock time, day and bucket a supervisor reads is in it, whatever the PC's zone.
import { signal } from '@preact/signals';
import { api } from '../../ui/api';
import type { PublicSettings } from '../../server/protocol';
import { hallDay } from '../../server/engine/numbering';

export const timezone = signal<string | null>(null);

let loading: Promise<string> | null = null;

/** The zone, fetched once (an area that has the snapshot sets it from there). */
export function loadTimezone(): Promise<string> {
  if (timezone.value) return Promise.resolve(timezone.value);
  loading ??= api<PublicSettings>('GET', '/api/settings/public').then((s) => (timezone.value = s.timezone), (e) => { loading = null; throw e; });
  return loading;
}

/** Today in the hall: 'YYYY-MM-DD'. */
export const hallToday = (nowMs: number, tz: string) => hallDay(nowMs, tz);
