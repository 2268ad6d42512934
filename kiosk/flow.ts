// What the kiosk is showing and the actions that move between screens: tap a service, get
// the ticket (or a plain reason why not), go back to the start.
import { signal } from '@preact/signals';
import type { ServiceView } from '../server/protocol.ts';
import { api, ApiError } from '../ui/api.ts';
import { lang } from '../ui/i18n.ts';
import { beep } from './beep.ts';
import { scheduleRefresh, settings } from './hall.ts';

/** The answer of POST /api/tickets (contract + docs/API-EXTENSIONS.md). */
export interface IssuedTicket {
  id: number;
  number: string;
  serviceId: number;
  ahead: number;
  etaMinutes: number;
  issuedAt: string;
  service: { id: number; name: string; nameEn: string | null };
  privileged: boolean;
  /** Absent when no printer serves this kiosk. */
  printed?: boolean;
  statusUrl: string;
}

export type ErrorKey = 'errClosed' | 'errBusy' | 'errOther';

export type Screen =
  | { kind: 'home' }
  | { kind: 'info' }
  /** `ticket` is null while the server answers: the screen already shows the service. */
  | { kind: 'ticket'; service: ServiceView; ticket: IssuedTicket | null }
  | { kind: 'error'; message: ErrorKey };

export const screen = signal<Screen>({ kind: 'home' });
export const privileged = signal(false);

let deviceToken: string | null = null;
/** The kiosk's device token (see device.ts), sent with each ticket request. */
export function setDeviceToken(token: string | null) {
  deviceToken = token;
}

export function goHome() {
  if (screen.value.kind !== 'home') screen.value = { kind: 'home' };
}

/** Idle reset: the next customer meets the default screen, in Russian. */
export function resetKiosk() {
  goHome();
  privileged.value = false;
  lang.value = 'ru';
}

/**
 * The server answers after the print (or its failure): up to 12 s for a kiosk agent's printer.
 * A shorter wait would report a failure for a ticket that was issued, and invite a second one.
 */
export const ISSUE_TIMEOUT_MS = 20_000;

/** The service's tile was tapped. Ignored while a ticket is being issued (double taps). */
export async function issue(service: ServiceView) {
  if (screen.value.kind === 'ticket' && !screen.value.ticket) return;
  const current = { kind: 'ticket' as const, service, ticket: null };
  screen.value = current;
  try {
    // The toggle counts only while the hall offers it (it may have been switched off meanwhile).
    const asPrivileged = privileged.value && settings.value?.privilegedEnabled;
    const body = asPrivileged ? { serviceId: service.id, privileged: true } : { serviceId: service.id };
    // A revoked device token does not stop the kiosk: the server issues as to an anonymous kiosk
    // (the screen then shows the QR instead of the kiosk's own print).
    const ticket = await api<IssuedTicket>('POST', '/api/tickets', body, deviceToken, ISSUE_TIMEOUT_MS);
    privileged.value = false;
    if (screen.value !== current) return; // reset meanwhile; the ticket is still issued and kept
    screen.value = { kind: 'ticket', service, ticket };
    beep(ticket.printed === false ? 'problem' : 'ok');
  } catch (e) {
    const status = e instanceof ApiError ? e.status : 0;
    beep('problem');
    if (status === 409) scheduleRefresh(0); // the tile was stale: show the service closed
    if (screen.value !== current) return;
    screen.value = { kind: 'error', message: status === 409 ? 'errClosed' : status === 429 ? 'errBusy' : 'errOther' };
  }
}
