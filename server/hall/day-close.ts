// The end of the hall day, on time: a timer that fires at the next instant a ticket can expire
// (the hall's closing time, or local midnight) and runs the queue's sweep through the group
// commit. It is armed again when the settings change (a new calendar), and never sleeps longer
// than a minute, so that a clock stepped by NTP is noticed; each wake-up checks the queue itself
// rather than trusting the cached instant. The catch-up after a server that was down at closing
// time is the first run, before the server listens.
import type { Logger } from 'pino';
import type { Committer } from '../commits';
import type { Hub } from '../hub';
import type { QueueService } from './queue';

const MAX_SLEEP_MS = 60_000;
const RETRY_MS = 5_000;

export class DayCloser {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private queue: QueueService, private commits: Committer, private clock: () => number, private log: Logger) {}

  /** Expires what is past its day now (synchronously, durable on return), then arms the timer. */
  start(hub: Hub) {
    this.queue.expireDue(true);
    this.arm(this.delay());
    // New settings may move the closing time: look now (the sweep computes the instant again).
    this.unsubscribe = hub.subscribe((e) => { if (e.type === 'settings.changed') this.arm(0); });
  }

  stop() {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
  }

  private delay() {
    return Math.min(Math.max(this.queue.nextExpiryAt - this.clock(), 0), MAX_SLEEP_MS);
  }

  private arm(ms: number) {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.commits.run(() => this.queue.expireDue(true)).then(
        () => this.arm(this.delay()),
        (err) => { this.log.error({ err }, 'expiring the hall day failed'); this.arm(RETRY_MS); },
      );
    }, ms);
    this.timer.unref();
  }
}
