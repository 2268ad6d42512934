// Runs drivers/agent/main.ts as a child process, the way `npm run agent` does.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

export interface AgentProcess {
  proc: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function startAgent(env: Record<string, string>): AgentProcess {
  let output = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'drivers/agent/main.ts')], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'info', ...env },
  });
  proc.stdout!.on('data', (d) => { output += d; });
  proc.stderr!.on('data', (d) => { output += d; });
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc, exited, log: () => output,
    stop: async () => {
      if (proc.exitCode !== null || proc.signalCode) return;
      proc.kill('SIGTERM');
      await exited;
    },
  };
}
