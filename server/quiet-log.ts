// Clients' mistakes (a bad websocket frame, a malformed request, a refused handshake) are logged
// at warn, without a stack, and at most ten lines a minute of each kind: 2,000 broken
// clients must not bury the log a supervisor reads. What was held back is counted in one line.
import type { Logger } from 'pino';

const PER_MINUTE = 10;

export class QuietLog {
  private kinds = new Map<string, { count: number; held: number }>();

  constructor(private log: Pick<Logger, 'warn'>) {}

  /** `kind` is a fixed label ("bad websocket frame"): it names the line and its counter. */
  warn(kind: string, fields: Record<string, unknown>) {
    let k = this.kinds.get(kind);
    if (!k) {
      k = { count: 0, held: 0 };
      this.kinds.set(kind, k);
      setTimeout(() => this.endMinute(kind), 60_000).unref();
    }
    if (++k.count <= PER_MINUTE) this.log.warn(fields, kind);
    else k.held++;
  }

  private endMinute(kind: string) {
    const held = this.kinds.get(kind)?.held;
    this.kinds.delete(kind);
    if (held) this.log.warn({ held }, `${kind}: ${held} more in the last minute, not logged one by one`);
  }
}
