// The server's clock in the browser: running timers (how long a ticket has waited, a counter
// has served, a break has lasted) tick here every second, corrected by the server's own time
// from its last answer or snapshot, so a PC whose clock is off still shows the server's figures.
import { signal } from '@preact/signals';

let offsetMs = 0;

export const serverNow = () => Date.now() + offsetMs;

/** Takes the server's time from an answer's `at`, read just now. */
export function syncClock(at: string) {
  const t = Date.parse(at);
  if (Number.isFinite(t)) offsetMs = t - Date.now();
  now.value = serverNow();
}

/** The server's time, updated once a second on the second. */
export const now = signal(serverNow());

function tick() {
  now.value = serverNow();
  setTimeout(tick, 1000 - (serverNow() % 1000) + 5);
}
setTimeout(tick, 1000 - (serverNow() % 1000) + 5);

/** Whole seconds from `since` to the server's now, rounded as the API rounds: a running timer
 * (how long a ticket has waited, a break has lasted). */
export function secondsSince(since: string | null | undefined): number | null {
  return since ? Math.max(0, Math.round((now.value - Date.parse(since)) / 1000)) : null;
}
