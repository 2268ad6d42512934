// Builds the app in-process on a temporary DATA_DIR with a controllable clock, for tests through
// app.inject() and injectWS(). Closes it after each test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach } from 'vitest';
import { buildApp, type TalonApp } from '../../server/app';
import { readConfig } from '../../server/config';
import type { DevicePort } from '../../server/device-port';

export const ADMIN = 'admin-test-Pa55';
const open: { app: TalonApp; dir: string }[] = [];

afterEach(async () => {
  for (const { app, dir } of open.splice(0)) { await app.close(); rmSync(dir, { recursive: true, force: true }); }
});

export interface TestHall {
  app: TalonApp;
  clock: { now: number; advance(ms: number): void };
  dir: string;
  admin: string;
  req(method: string, url: string, body?: unknown, token?: string): Promise<{ status: number; json: any }>;
  operator(login?: string): Promise<string>;
  /** A fresh token (after moving the clock past a token's 16 hours, say). */
  login(login: string, password: string): Promise<string>;
  counter(services: { serviceId: number; priority: number }[], name?: string): Promise<number>;
  service(prefix: string, extra?: object): Promise<number>;
}

/** `logger` replaces the silent default (a test that reads the log); `beforeReady` may add
 * hooks to the app before its first request readies it; `keep`: not closed after each test, the
 * caller closes `app` (a hall shared by a file's browser tests). */
export async function testHall(env: Record<string, string> = {}, devices?: DevicePort,
  opts: { logger?: pino.Logger; beforeReady?: (app: TalonApp) => void; keep?: boolean } = {}): Promise<TestHall> {
  const dir = mkdtempSync(join(tmpdir(), 'talon-app-'));
  const clock = { now: Date.parse('2026-03-10T07:00:00Z'), advance(ms: number) { this.now += ms; } };
  const config = readConfig({ DATA_DIR: dir, QUEUE_ADMIN_PASSWORD: ADMIN, QUEUE_TIMEZONE: 'Europe/Moscow', ...env });
  const app = await buildApp({ config, clock: () => clock.now, logger: opts.logger ?? pino({ level: process.env.TEST_LOG ?? 'silent' }), devices });
  if (opts.keep) app.addHook('onClose', async () => rmSync(dir, { recursive: true, force: true }));
  else open.push({ app, dir });
  opts.beforeReady?.(app);
  const req = async (method: string, url: string, body?: unknown, token?: string) => {
    const res = await app.inject({
      method: method as any, url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.statusCode, json: res.body ? JSON.parse(res.body) : null };
  };
  const admin = (await req('POST', '/api/auth/login', { login: 'admin', password: ADMIN })).json.token;
  let users = 0;
  return {
    app, clock, dir, admin, req,
    async login(login, password) {
      return (await req('POST', '/api/auth/login', { login, password })).json.token;
    },
    async operator(login = `op${++users}`) {
      await req('POST', '/api/admin/users', { login, name: login, password: 'operator-Pa55', role: 'operator' }, admin);
      return (await req('POST', '/api/auth/login', { login, password: 'operator-Pa55' })).json.token;
    },
    async counter(services, name = 'Test counter') {
      return (await req('POST', '/api/admin/counters', { name, services }, admin)).json.id;
    },
    async service(prefix, extra = {}) {
      return (await req('POST', '/api/admin/services', { name: `Service ${prefix}`, prefix, ...extra }, admin)).json.id;
    },
  };
}
