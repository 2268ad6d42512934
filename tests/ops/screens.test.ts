// The kiosk and board PC script: talon-screen waits for the server, opens the screen in a real
// Chromium in kiosk mode (--kiosk --app=URL), and starts it again when it crashes;
// install-screen.sh writes the login autostart entry.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/server-process';

const scripts = resolve(import.meta.dirname, '../../ops/screens/linux');
const run = promisify(execFile);
const cleanup: (() => void)[] = [];
afterEach(() => { for (const f of cleanup.splice(0)) f(); });

async function until<T>(what: string, fn: () => T | undefined, ms = 60_000): Promise<T> {
  for (const t0 = Date.now(); Date.now() - t0 < ms; await new Promise((r) => setTimeout(r, 100))) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('talon-screen', () => {
  it('waits for the server, opens the screen in Chromium kiosk mode, and restarts the browser when it dies', async () => {
    const home = mkdtempSync(join(tmpdir(), 'talon-screen-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/display/?board=main`;
    const hits: { url: string; agent: string }[] = [];
    let output = '';
    // Started first, before anything listens on the port: a PC that boots before the server.
    const screen: ChildProcess = spawn(join(scripts, 'talon-screen'), [url], {
      detached: true, stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env, HOME: home, DISPLAY: '', TALON_BROWSER: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        // No display here: Chromium's headless platform runs the same kiosk window.
        TALON_SCREEN_FLAGS: '--ozone-platform=headless --no-sandbox --disable-gpu --disable-dev-shm-usage',
      },
    });
    screen.stderr!.on('data', (d) => { output += d; });
    let http: Server | null = null;
    cleanup.push(() => {
      // Its own process group: the script, its Chromium and Chromium's helpers, and nothing else.
      try { process.kill(-screen.pid!, 'SIGKILL'); } catch { /* gone */ }
      http?.close();
      rmSync(home, { recursive: true, force: true });
    });

    await until('the wait for the server', () => output.includes(`waiting for 127.0.0.1:${port}`));
    http = createServer((req, res) => {
      hits.push({ url: req.url!, agent: req.headers['user-agent'] ?? '' });
      res.writeHead(req.url === '/favicon.ico' ? 404 : 200, { 'content-type': 'text/html' }).end('<!doctype html><title>board</title>');
    }).listen(port, '127.0.0.1');

    const page = () => hits.filter((h) => h.url === '/display/?board=main');
    await until('the first page load', () => page().length >= 1);
    expect(page()[0].agent).toMatch(/Chrome\//);
    const first = Number(await until('the browser pid', () => /browser started \(pid (\d+)\)/.exec(output)?.[1]));
    const cmdline = readFileSync(`/proc/${first}/cmdline`, 'utf8').split('\0');
    expect(cmdline).toContain('--kiosk');
    expect(cmdline).toContain(`--app=${url}`);
    expect(cmdline).toContain(`--user-data-dir=${home}/.config/talon-screen`);
    expect(cmdline).toContain('--autoplay-policy=no-user-gesture-required');

    process.kill(first, 'SIGKILL'); // a crash
    await until('the restart', () => output.includes('browser exited'));
    await until('the second page load', () => page().length >= 2);
    const second = Number([...output.matchAll(/browser started \(pid (\d+)\)/g)].at(-1)![1]);
    expect(second).not.toBe(first);

    // Stopped, it takes its browser with it.
    const exited = new Promise((r) => screen.once('exit', r));
    screen.kill('SIGTERM');
    await exited;
    await until('the browser to end', () => { try { process.kill(second, 0); return false; } catch { return true; } }, 15_000);
    expect(output).toContain('stopped');
  }, 120_000);

  it('install-screen.sh writes the autostart entry that opens the address at login', async () => {
    const home = mkdtempSync(join(tmpdir(), 'talon-screen-home-'));
    cleanup.push(() => rmSync(home, { recursive: true, force: true }));
    const url = 'http://hall-server:8080/display/?board=main&rows=6';
    await run(join(scripts, 'install-screen.sh'), ['--bin', join(home, 'bin'), '--restart-at', '04:30', url], { env: { ...process.env, HOME: home } });
    const entry = readFileSync(join(home, '.config/autostart/talon-screen.desktop'), 'utf8');
    expect(entry).toContain(`Exec=env TALON_SCREEN_RESTART_AT=04:30 ${home}/bin/talon-screen "${url}"`);
    expect(entry).toMatch(/^Type=Application$/m);
    expect(statSync(join(home, 'bin/talon-screen')).mode & 0o111).toBe(0o111);
    await expect(run(join(scripts, 'install-screen.sh'), ['--bin', join(home, 'bin'), 'hall-server:8080'], { env: { ...process.env, HOME: home } }))
      .rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('is not an http(s) address') });
  });
});
