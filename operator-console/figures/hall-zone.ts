// The hall's public settings (GET /api/settings/public): its name for a printed page's heading,
// and its time zone (QUEUE_TIMEZONE; the live hall also takes it from the websocket's snapshot):
// every clock time, day and bucket a supervisor reads is in it, whatever the PC's zone.
import { signal } from '@preact/signals';
import { api } from '../../ui/api';
import type { PublicSettings } from '../../server/protocol';

export const hall = signal<PublicSettings | null>(null);
export const timezone = signal<string | null>(null);

let loading: Promise<PublicSettings> | null = null;

/** The hall's public settings, fetched once; the zone is set from them. */
export function loadHall(): Promise<PublicSettings> {
  loading ??= api<PublicSettings>('GET', '/api/settings/public').then((s) => { hall.value = s; timezone.value = s.timezone; return s; }, (e) => { loading = null; throw e; });
  return loading;
}

/** The zone, fetched once (an area that has the snapshot sets it from there). */
export function loadTimezone(): Promise<string> {
  return timezone.value ? Promise.resolve(timezone.value) : loadHall().then((s) => s.timezone);
}
