// A real serial line for tests: socat links two pseudo-terminals, the driver opens one end with
// serialport, a fake device opens the other. Killing socat is an unplugged cable.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** The end the driver under test opens. */
  a: string;
  /** The end the fake device opens. */
  b: string;
  readonly pid: number | undefined;
  /** Kills socat by its PID and waits for its exit: both links vanish. */
  stop(): Promise<void>;
  /** Starts socat again on the same link names. */
  restart(): Promise<void>;
}

export async function startPtyPair(dir = mkdtempSync(join(tmpdir(), 'talon-pty-'))): Promise<PtyPair> {
  const a = join(dir, 'A');
  const b = join(dir, 'B');
  let proc: ChildProcess | null = null;
  const launch = async () => {
    const p = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
    proc = p;
    const t0 = Date.now();
    while (!(existsSync(a) && existsSync(b))) {
      if (p.exitCode !== null) throw new Error(`socat exited with ${p.exitCode}`);
      if (Date.now() - t0 > 5000) throw new Error('socat did not create the pty links');
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const stop = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null || p.signalCode) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  };
  await launch();
  return { a, b, get pid() { return proc?.pid; }, stop, restart: async () => { await stop(); await launch(); } };
}
