// A scripted hall day on the injected clock: counters opened, breaks, customers issued, called
// and finished at exact local times (Europe/Moscow, UTC+3, no daylight saving).
import { expect } from 'vitest';
import { ADMIN, type TestHall } from '../helpers/app';

export const DAY = '2026-03-10'; // a Tuesday
/** Epoch ms of a Moscow wall-clock time on `day`. */
export const msk = (hhmm: string, day = DAY) => Date.parse(`${day}T${hhmm.length === 5 ? hhmm + ':00' : hhmm}+03:00`);

export interface Window { id: number; token: string; userId: number; login: string }

export async function ok(h: TestHall, method: string, url: string, body?: unknown, token = h.admin) {
  const r = await h.req(method, url, body, token);
  expect(r.status, `${method} ${url}: ${JSON.stringify(r.json)}`).toBeLessThan(300);
  return r.json;
}

export function at(h: TestHall, hhmm: string, day = DAY) {
  const t = msk(hhmm, day);
  expect(t, `the script goes back in time to ${hhmm}`).toBeGreaterThanOrEqual(h.clock.now);
  h.clock.now = t;
}

/** A service with a standard time, and `n` counters serving it, each with its own operator. */
export async function hallWith(h: TestHall, n: number, normServiceSec: number, prefix = 'Л', day = DAY): Promise<{ serviceId: number; windows: Window[] }> {
  h.clock.now = msk('08:00', day); // the script starts before the hall opens
  const serviceId = await h.service(prefix);
  await ok(h, 'PATCH', `/api/admin/services/${serviceId}`, { normServiceSec });
  const windows: Window[] = [];
  for (let i = 1; i <= n; i++) {
    const id = await h.counter([{ serviceId, priority: 1 }], `Окно ${prefix}${i}`);
    const login = `op${i}${Math.random().toString(36).slice(2, 8)}`;
    const token = await h.operator(login);
    const me = await ok(h, 'GET', '/api/auth/me', undefined, token);
    windows.push({ id, token, userId: me.user.id, login });
  }
  return { serviceId, windows };
}

/** Moves the script to 08:00 of another day; staff sign in again (tokens last a shift). */
export async function newDay(h: TestHall, day: string, windows: Window[]) {
  h.clock.now = msk('08:00', day);
  h.admin = (await ok(h, 'POST', '/api/auth/login', { login: 'admin', password: ADMIN })).token;
  for (const w of windows) w.token = (await ok(h, 'POST', '/api/auth/login', { login: w.login, password: 'operator-Pa55' })).token;
}

/** A supervisor's token. */
export async function supervisor(h: TestHall, login = 'sup1'): Promise<string> {
  await ok(h, 'POST', '/api/admin/users', { login, name: login, password: 'supervisor-Pa55', role: 'supervisor' });
  return (await ok(h, 'POST', '/api/auth/login', { login, password: 'supervisor-Pa55' })).token;
}

export const open = (h: TestHall, w: Window) => ok(h, 'POST', `/api/counters/${w.id}/open`, undefined, w.token);
export const pause = (h: TestHall, w: Window) => ok(h, 'POST', `/api/counters/${w.id}/break`, { reason: 'lunch' }, w.token);
export const resume = (h: TestHall, w: Window) => ok(h, 'POST', `/api/counters/${w.id}/resume`, undefined, w.token);
export const close = (h: TestHall, w: Window) => ok(h, 'POST', `/api/counters/${w.id}/close`, undefined, w.token);

/** One customer: issued now, called at once, served for `serviceSec`, finished. Returns the ticket id. */
export async function serve(h: TestHall, w: Window, serviceId: number, serviceSec = 60, waitSec = 0): Promise<number> {
  const t = await ok(h, 'POST', '/api/tickets', { serviceId });
  h.clock.advance(waitSec * 1000);
  const called = await ok(h, 'POST', `/api/counters/${w.id}/next`, undefined, w.token);
  expect(called.ticket.id).toBe(t.id);
  await ok(h, 'POST', `/api/counters/${w.id}/start`, undefined, w.token);
  h.clock.advance(serviceSec * 1000);
  await ok(h, 'POST', `/api/counters/${w.id}/finish`, undefined, w.token);
  return t.id;
}

/** `n` customers at window `w`, one after another, each served for `serviceSec`. */
export async function serveMany(h: TestHall, w: Window, serviceId: number, n: number, serviceSec = 60) {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push(await serve(h, w, serviceId, serviceSec));
  return ids;
}
