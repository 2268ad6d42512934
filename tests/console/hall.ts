// Test hall for the console tests: the real server on a temporary DATA_DIR, operators and a
// counter of our own (so the demo counters never interfere), tickets issued through the API,
// and the ticket event log read straight from the SQLite file.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { signIn } from '../helpers/browser';
import { startServer, type ServerProcess } from '../helpers/server-process';

export interface Hall {
  server: ServerProcess;
  admin: string;
  /** Demo service ids by prefix (П payments, Д documents, У meters, …). */
  service: Record<string, number>;
}

export async function startHall(): Promise<Hall> {
  return hallOn(await startServer());
}

/** The hall on a server already started: the admin's token and the service ids by prefix. */
export async function hallOn(server: ServerProcess): Promise<Hall> {
  const admin = await server.login();
  const r = await server.call<{ id: number; prefix: string }[]>('GET', '/api/admin/services', undefined, admin);
  if (r.status !== 200) throw new Error(`services: ${r.status}`);
  return { server, admin, service: Object.fromEntries(r.json.map((s) => [s.prefix, s.id])) };
}

let seq = 0;
export async function makeOperator(h: Hall, role = 'operator') {
  const login = `op${++seq}${Date.now() % 100000}`;
  const password = 'operator-pass-1';
  const r = await h.server.call('POST', '/api/admin/users', { login, name: `Оператор ${seq}`, password, role }, h.admin);
  if (r.status !== 201) throw new Error(`user: ${r.status} ${JSON.stringify(r.json)}`);
  return { id: r.json.id as number, login, password, token: await h.server.login(login, password) };
}

export async function makeCounter(h: Hall, name: string, services: [number, number][]) {
  const r = await h.server.call('POST', '/api/admin/counters', { name, services: services.map(([serviceId, priority]) => ({ serviceId, priority })) }, h.admin);
  if (r.status !== 201) throw new Error(`counter: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json.id as number;
}

export async function issue(h: Hall, serviceId: number): Promise<{ id: number; number: string; issuedAt: string }> {
  const r = await h.server.call('POST', '/api/tickets', { serviceId }, h.admin);
  if (r.status !== 201) throw new Error(`ticket: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

export async function ticket(h: Hall, id: number) {
  const r = await h.server.call('GET', `/api/tickets/${id}`, undefined, h.admin); // staff see the times
  if (r.status !== 200) throw new Error(`ticket ${id}: ${r.status}`);
  return r.json as { id: number; number: string; status: string; serviceId: number; issuedAt: string; counter: { id: number; name: string } | null };
}

export interface LoggedEvent { fromStatus: string | null; toStatus: string; action: string; counterId: number | null; userId: number | null; detail: string | null }

/** The ticket's rows in the append-only event log, oldest first. */
export function eventLog(h: Hall, ticketId: number): LoggedEvent[] {
  const db = new Database(join(h.server.dataDir, 'data', 'talon.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT from_status AS fromStatus, to_status AS toStatus, action, counter_id AS counterId, user_id AS userId, detail
      FROM ticket_events WHERE ticket_id = ? ORDER BY id`).all(ticketId) as LoggedEvent[];
  } finally { db.close(); }
}

export const WIDE = { width: 1280, height: 720 };
export const NARROW = { width: 420, height: 900 };

/** Opens the console at `path` (the window work by default, whatever the role's home) in a fresh
 * context, signs in through the form, and waits for `ready`. */
export function openConsole(browser: Browser, h: Hall, user: { login: string; password: string }, viewport = WIDE,
  path = '/console/work', ready = '.counters'): Promise<Page> {
  return signIn(browser, h.server.base + path, user, ready, viewport);
}

/** Chooses the counter in the list and waits for the work screen. */
export async function chooseCounter(page: Page, counterId: number) {
  await page.click(`button[data-counter="${counterId}"]`);
  await page.waitForSelector('[data-testid=actions]');
  await page.waitForSelector('[data-testid=link][data-online=true]');
}

export const shownNumber = (page: Page) => page.textContent('[data-testid=ticket-number]');

/** Waits until the screen shows `number` as the current ticket (or '—' for none) with `status`. */
export async function waitShown(page: Page, number: string, status?: string) {
  await page.waitForFunction(([n, s]) => {
    const el = document.querySelector('[data-testid=ticket]');
    return el?.querySelector('[data-testid=ticket-number]')?.textContent === n && (!s || el.getAttribute('data-status') === s);
  }, [number, status ?? null] as const, { timeout: 5000 });
}

/** Waits until no action is in flight (the buttons are live again). */
export async function settled(page: Page) {
  await page.waitForSelector('[data-testid=actions][aria-busy=false]');
}
