// A pino-shaped logger that keeps entries, so tests can assert that errors were logged.
import type { Logger } from '../../drivers/log.ts';

export interface LogEntry { level: string; msg: string; obj: Record<string, unknown> }

export function recordLog(): Logger & { entries: LogEntry[]; has(level: string, msg: string | RegExp): boolean } {
  const entries: LogEntry[] = [];
  const at = (level: string) => (obj: object, msg = '') => { entries.push({ level, msg, obj: obj as Record<string, unknown> }); };
  return {
    entries,
    debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'),
    has: (level, msg) => entries.some((e) => e.level === level && (typeof msg === 'string' ? e.msg === msg : msg.test(e.msg))),
  };
}

export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const t0 = Date.now();
  while (!(await cond())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
