// Helpers of the board tests: staff actions through the real API, and the board in Chromium.
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ServerProcess } from '../helpers/server-process';

export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

/** An operator user created by the admin, logged in, holding counter `counterId`. */
export async function operatorAt(server: ServerProcess, adminToken: string, counterId: number, login = `op${counterId}`): Promise<string> {
  const password = `${login}-Pa55word`;
  const u = await server.call('POST', '/api/admin/users', { login, name: `Оператор ${counterId}`, password, role: 'operator' }, adminToken);
  if (u.status !== 201) throw new Error(`create ${login}: ${u.status} ${JSON.stringify(u.json)}`);
  const token = await server.login(login, password);
  const o = await server.call('POST', `/api/counters/${counterId}/open`, {}, token);
  if (o.status !== 200) throw new Error(`open ${counterId}: ${o.status} ${JSON.stringify(o.json)}`);
  return token;
}

export async function issue(server: ServerProcess, serviceId: number, token?: string): Promise<{ id: number; number: string }> {
  const r = await server.call('POST', '/api/tickets', { serviceId }, token);
  if (r.status !== 201) throw new Error(`issue: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

/** POST /api/counters/:id/<action>, expecting 200. */
export async function act(server: ServerProcess, token: string, counterId: number, action: string, body: unknown = {}) {
  const r = await server.call('POST', `/api/counters/${counterId}/${action}`, body, token);
  if (r.status !== 200) throw new Error(`${action} at ${counterId}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
}

export async function openBoard(browser: Browser, base: string, query: string, viewport = { width: 1920, height: 1080 }): Promise<Page & { errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/display/?${query}`);
  await page.waitForSelector('.board');
  return Object.assign(page, { errors });
}

/** Ticket numbers on the board, top to bottom. */
export const boardNumbers = (page: Page) => page.$$eval('.call .number', (els) => els.map((e) => e.textContent));

export function artifact(name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return resolve(ARTIFACTS, name);
}
