// Wait estimate from the queue length (Ibrahim & Whitt's baseline, adjusted for idle counters):
// with `ahead` tickets before this one, `servers` open counters for the service of which `idle`
// are free now, and a mean service time, the ticket waits for the (ahead + 1 - idle)-th counter
// to free up: (ahead + 1 - idle) × mean / servers; nothing when a free counter is left for it.
// With no counter open, one counter is assumed (the hall opens; a 0 would mislead).

export interface EtaInput { ahead: number; servers: number; idle: number; meanServiceSec: number }

export function estimateWaitSec({ ahead, servers, idle, meanServiceSec }: EtaInput): number {
  const s = Math.max(servers, 1);
  const queued = ahead + 1 - Math.min(idle, s);
  return queued <= 0 ? 0 : Math.round((queued * meanServiceSec) / s);
}

export const toMinutes = (sec: number) => Math.ceil(sec / 60);

/** Mean of recent service times, or the service's configured default without history. */
export function meanServiceSec(recent: number[], defaultSec: number): number {
  if (recent.length === 0) return defaultSec;
  return recent.reduce((a, b) => a + b, 0) / recent.length;
}
