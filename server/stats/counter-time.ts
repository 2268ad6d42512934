// Time open, on break and serving, per counter and per operator, from the counter event log
// (open, break, resume, close) and the visits of the ticket event log (a call at a counter
// starts a visit; the ticket leaving `called`/`serving` there, by finish, no-show, transfer,
// postponement or the end of the hall day, ends it). Utilisation = serving / open.
// Every interval is clipped to the report's range [from, until) and to the local midnight after
// it began: a counter left open overnight is not counted as open all night.
import { percent, wholeSec, type CounterFigures } from './tally';

export interface CounterEventFact { counterId: number; userId: number | null; action: string; at: number }
/** A visit's start (a call) or end at a counter; events of one counter come in time order. */
export interface VisitEventFact { counterId: number; userId: number | null; at: number; starts: boolean }

export class CounterTime {
  openMs = 0; breakMs = 0; servingMs = 0;
  figures(): CounterFigures {
    return { openSec: wholeSec(this.openMs), breakSec: wholeSec(this.breakMs), servingSec: wholeSec(this.servingMs), utilisationPct: percent(this.servingMs, this.openMs) };
  }
}

interface CounterState { state: 'closed' | 'open' | 'break'; since: number; userId: number | null }
interface Visit { since: number | null; userId: number | null }

function timeOf(m: Map<number, CounterTime>, id: number): CounterTime {
  let t = m.get(id);
  if (!t) { t = new CounterTime(); m.set(id, t); }
  return t;
}

export class CounterClock {
  readonly byCounter = new Map<number, CounterTime>();
  readonly byUser = new Map<number, CounterTime>();
  private states = new Map<number, CounterState>();
  private visits = new Map<number, Visit>();

  /** `until` is the end of the range or now, whichever is earlier. */
  constructor(private from: number, private until: number, private midnightAfter: (at: number) => number) {}

  /** Counter events in time order per counter, starting with the last one before `from`. */
  counterEvent(e: CounterEventFact) {
    const s = this.states.get(e.counterId);
    if (s) this.spend(e.counterId, s, e.at);
    const userId = e.userId ?? s?.userId ?? null;
    switch (e.action) {
      case 'open': case 'resume': this.states.set(e.counterId, { state: 'open', since: e.at, userId }); break;
      case 'break': this.states.set(e.counterId, { state: 'break', since: e.at, userId }); break;
      case 'close': this.states.set(e.counterId, { state: 'closed', since: e.at, userId: null }); break;
    }
  }

  /** Visit starts and ends in time order per counter, from early enough to see the visit open at `from`. */
  visitEvent(e: VisitEventFact) {
    let v = this.visits.get(e.counterId);
    if (!v) { v = { since: null, userId: null }; this.visits.set(e.counterId, v); }
    if (v.since !== null) this.add(e.counterId, v.userId, 'servingMs', v.since, e.at);
    v.since = e.starts ? e.at : null;
    v.userId = e.userId;
  }

  /** Ends what is still open at `until`. */
  finish(): this {
    for (const [id, s] of this.states) this.spend(id, s, this.until);
    for (const [id, v] of this.visits) if (v.since !== null) this.add(id, v.userId, 'servingMs', v.since, this.until);
    this.states.clear();
    this.visits.clear();
    return this;
  }

  private spend(counterId: number, s: CounterState, to: number) {
    if (s.state !== 'closed') this.add(counterId, s.userId, s.state === 'open' ? 'openMs' : 'breakMs', s.since, to);
  }

  private add(counterId: number, userId: number | null, field: 'openMs' | 'breakMs' | 'servingMs', since: number, to: number) {
    const ms = Math.min(to, this.until, this.midnightAfter(since)) - Math.max(since, this.from);
    if (ms <= 0) return;
    timeOf(this.byCounter, counterId)[field] += ms;
    if (userId !== null) timeOf(this.byUser, userId)[field] += ms;
  }
}
