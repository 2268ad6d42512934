// One bucket's figures (the contract's Row, Statistics → Definitions), kept as counts, sums and
// histograms of whole seconds while tickets are added, and turned into a Row at the end.
import type { TicketStatus } from '../protocol';

/** A ticket as the figures see it. `serviceId` is the service it was issued for. */
export interface TicketFact {
  id: number;
  serviceId: number;
  counterId: number | null;
  userId: number | null;
  status: TicketStatus;
  issuedAt: number;
  firstCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** Sent to another service or counter at least once. */
  transferred: boolean;
}

export interface TicketFigures {
  issued: number; called: number; served: number; noShow: number; expired: number; transferred: number;
  avgWaitSec: number | null; medianWaitSec: number | null; p90WaitSec: number | null; maxWaitSec: number | null;
  withinTargetPct: number | null;
  avgServiceSec: number | null; medianServiceSec: number | null; p90ServiceSec: number | null;
}

export interface CounterFigures { openSec: number; breakSec: number; servingSec: number; utilisationPct: number | null }

export type RowKey = number | string | null;
export interface Row extends TicketFigures, Partial<CounterFigures> { key: RowKey; label: string; labelEn: string }

/** A duration in whole seconds, rounded; a negative one (a clock set back) counts as 0. */
export const wholeSec = (ms: number) => Math.round(Math.max(ms, 0) / 1000);
/** A share in percent with one decimal, or null of nothing. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

/** Whole seconds → count; exact nearest-rank percentiles, since rounding keeps the order. */
export class SecondsHistogram {
  readonly counts = new Map<number, number>();
  n = 0;

  add(sec: number, times = 1) {
    this.counts.set(sec, (this.counts.get(sec) ?? 0) + times);
    this.n += times;
  }

  merge(other: SecondsHistogram) { for (const [s, c] of other.counts) this.add(s, c); }

  /** Nearest rank: the smallest value with at least p of the values at or below it. */
  percentile(p: number): number | null {
    if (this.n === 0) return null;
    const rank = Math.max(1, Math.ceil(p * this.n));
    let seen = 0;
    for (const s of [...this.counts.keys()].sort((a, b) => a - b)) {
      seen += this.counts.get(s)!;
      if (seen >= rank) return s;
    }
    return null; // unreachable: seen reaches n
  }

  max(): number | null {
    let m: number | null = null;
    for (const s of this.counts.keys()) if (m === null || s > m) m = s;
    return m;
  }
}

export class Tally {
  issued = 0; called = 0; served = 0; noShow = 0; expired = 0; transferred = 0;
  waitMs = 0; serviceMs = 0;
  readonly waits = new SecondsHistogram();
  readonly services = new SecondsHistogram();
  /** Tickets the within-target share is over, and those within it. */
  targetBase = 0; withinTarget = 0;

  /**
   * One ticket, its fields one by one (the read model's hot loop makes no objects). Wait = first
   * call − issue (a recall or a transfer does not restart it). Service = finish − start, of
   * `done` tickets only. Within target: a called ticket by its wait, an expired ticket that was
   * never called by its time in the queue; tickets still waiting are left out.
   */
  addFields(status: TicketStatus, issuedAt: number, firstCalledAt: number | null, startedAt: number | null, finishedAt: number | null, transferred: boolean, targetSec: number) {
    this.issued++;
    if (transferred) this.transferred++;
    if (status === 'done') {
      this.served++;
      if (startedAt !== null && finishedAt !== null) {
        const ms = Math.max(finishedAt - startedAt, 0);
        this.serviceMs += ms;
        this.services.add(wholeSec(ms));
      }
    } else if (status === 'no_show') this.noShow++;
    else if (status === 'expired') this.expired++;
    if (firstCalledAt !== null) {
      this.called++;
      const ms = Math.max(firstCalledAt - issuedAt, 0);
      this.waitMs += ms;
      const sec = wholeSec(ms);
      this.waits.add(sec);
      this.targetBase++;
      if (sec <= targetSec) this.withinTarget++;
    } else if (status === 'expired' && finishedAt !== null) {
      this.targetBase++;
      if (wholeSec(finishedAt - issuedAt) <= targetSec) this.withinTarget++;
    }
  }

  merge(o: Tally) {
    this.issued += o.issued; this.called += o.called; this.served += o.served; this.noShow += o.noShow;
    this.expired += o.expired; this.transferred += o.transferred;
    this.waitMs += o.waitMs; this.serviceMs += o.serviceMs;
    this.waits.merge(o.waits); this.services.merge(o.services);
    this.targetBase += o.targetBase; this.withinTarget += o.withinTarget;
  }

  figures(): TicketFigures {
    const avg = (ms: number, n: number) => (n > 0 ? wholeSec(ms / n) : null);
    return {
      issued: this.issued, called: this.called, served: this.served, noShow: this.noShow, expired: this.expired, transferred: this.transferred,
      avgWaitSec: avg(this.waitMs, this.waits.n), medianWaitSec: this.waits.percentile(0.5), p90WaitSec: this.waits.percentile(0.9), maxWaitSec: this.waits.max(),
      withinTargetPct: percent(this.withinTarget, this.targetBase),
      avgServiceSec: avg(this.serviceMs, this.services.n), medianServiceSec: this.services.percentile(0.5), p90ServiceSec: this.services.percentile(0.9),
    };
  }
}
