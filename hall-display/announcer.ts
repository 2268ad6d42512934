// The announcement queue: calls that arrive together are announced one after another, each as
// a chime and then (where the hall enables voice) the spoken sentence, never over each other.
// The chime and speech outputs are injected, so the queue is tested with fake timers.
import { announcementText, type AnnounceLang } from '../ui/announce-text';

export interface Announcement {
  /** Same key queued twice (a call and its quick recall) is said once. */
  key: string;
  ticket: string;
  counter: string;
}

export interface AnnouncerOutput {
  chime(volume: number): Promise<void>;
  speak(text: string, lang: AnnounceLang, volume: number): Promise<void>;
}

export interface AnnouncerOptions {
  sound: boolean;
  voice: boolean;
  /** 0..1 */
  volume: number;
  /** Languages to say each call in, one after another. */
  langs: AnnounceLang[];
  /** Calls waiting to be said beyond this drop the oldest (they are still on the board). */
  maxQueue?: number;
  /** A chime or a sentence that never ends (a stuck speech engine) is abandoned after this. */
  stepTimeoutMs?: number;
  /** Silence between two announcements. */
  gapMs?: number;
}

export function createAnnouncer(out: AnnouncerOutput, opts: AnnouncerOptions) {
  const maxQueue = opts.maxQueue ?? 5;
  const stepTimeout = opts.stepTimeoutMs ?? 15_000;
  const gap = opts.gapMs ?? 500;
  const queue: Announcement[] = [];
  let busy = false;

  const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  /** Runs one output step; its failure or hang must not stop the queue. */
  const step = async (run: () => Promise<void>) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((r) => { timer = setTimeout(r, stepTimeout); });
    try {
      await Promise.race([run(), timeout]);
    } catch {
      // A failed chime or voice is skipped; the call stays visible on the board.
    } finally {
      clearTimeout(timer);
    }
  };

  const pump = async () => {
    if (busy) return;
    busy = true;
    while (queue.length) {
      const a = queue.shift()!;
      await step(() => out.chime(opts.volume));
      if (opts.voice) {
        for (const lang of opts.langs) await step(() => out.speak(announcementText(a.ticket, a.counter, lang), lang, opts.volume));
      }
      await wait(gap);
    }
    busy = false;
  };

  return {
    announce(a: Announcement) {
      if (!opts.sound || opts.volume <= 0) return;
      if (queue.some((q) => q.key === a.key)) return;
      queue.push(a);
      while (queue.length > maxQueue) queue.shift();
      void pump();
    },
    /** Announcements not yet started. */
    get pending() { return queue.length; },
    get busy() { return busy; },
  };
}

export type Announcer = ReturnType<typeof createAnnouncer>;
