// Starts the real server (`node --import tsx server/main.ts`) as a child process on a free port and a
// temporary DATA_DIR, for tests over real HTTP, websockets and browsers. The screens must be
// built (tests/global-setup.ts does it once per run).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';

export const ADMIN_PASSWORD = 'test-admin-Pa55';
const root = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as net.AddressInfo).port; s.close(() => res(p)); });
  });
}

export interface ServerProcess {
  base: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  log: () => string;
  /** SIGKILL (or a signal given) and wait for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Start again on the same port and DATA_DIR. */
  restart(): Promise<void>;
  /** Stop and remove the DATA_DIR. */
  stop(): Promise<void>;
  login(login?: string, password?: string): Promise<string>;
  call<T = any>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; json: T }>;
}

/** Node's flags for the bundle, read from package.json's `start` (see README, "Memory"), so that
 * tests and the bench run the server as `npm start` does. */
export const BUNDLE_NODE_FLAGS: string[] = /node((?: --\S+)*) dist\/server\/main\.mjs/
  .exec(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start)![1].trim().split(' ');

/** opts.bundle runs the bundle that `npm start` builds (dist/server/main.mjs) instead of the
 * sources, with Node's `nodeFlags` added to those of `npm start`. opts.prefix runs node through a
 * command that execs it (`unshare -m sh -c '…; exec "$@"' sh`): the PID stays node's. */
export async function startServer(env: Record<string, string> = {}, opts: { dataDir?: string; bundle?: boolean; nodeFlags?: string[]; prefix?: string[] } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'talon-'));
  let output = '';
  let proc!: ChildProcess;
  const base = `http://127.0.0.1:${port}`;

  const launch = async () => {
    // tsx as a loader in one process (not the tsx CLI, which runs the server in a child that a
    // SIGKILL of the CLI would leave running).
    const args = opts.bundle ? [...BUNDLE_NODE_FLAGS, ...(opts.nodeFlags ?? []), join(root, 'dist/server/main.mjs')] : ['--import', 'tsx', join(root, 'server/main.ts')];
    const [cmd, ...rest] = [...(opts.prefix ?? []), process.execPath, ...args];
    proc = spawn(cmd, rest, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'data'), QUEUE_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_LEVEL: 'warn', ...env },
    });
    proc.stdout!.on('data', (d) => { output += d; });
    proc.stderr!.on('data', (d) => { output += d; });
    // A test process that ends (or fails before its afterAll) takes its server with it.
    const started = proc;
    const reap = () => { started.kill('SIGKILL'); };
    process.once('exit', reap);
    started.once('exit', () => process.off('exit', reap));
    const t0 = Date.now();
    while (Date.now() - t0 < 90_000) { // generous: the whole suite loads both cores
      if (proc.exitCode !== null) throw new Error(`server exited: ${output}`);
      try { if ((await fetch(base + '/api/health')).ok) return; } catch { /* not up yet */ }
      await new Promise((r) => setTimeout(r, 100));
    }
    proc.kill('SIGKILL'); // not left running on the port after a failed start
    throw new Error(`server did not start: ${output}`);
  };
  await launch();

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (proc.exitCode !== null || proc.signalCode) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill(signal);
    await exited;
  };
  const call = async (method: string, path: string, body?: unknown, token?: string) => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const r = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, json: text ? JSON.parse(text) : null };
  };
  return {
    base, port, dataDir, get proc() { return proc; }, log: () => output,
    kill, call,
    restart: async () => { await kill(); await launch(); },
    stop: async () => { await kill('SIGTERM'); rmSync(dataDir, { recursive: true, force: true }); },
    login: async (login = 'admin', password = ADMIN_PASSWORD) => {
      const r = await call('POST', '/api/auth/login', { login, password });
      if (r.status !== 200) throw new Error(`login ${login}: ${r.status} ${JSON.stringify(r.json)}`);
      return r.json.token;
    },
  };
}
