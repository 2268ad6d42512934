// The live hall (GET /api/stats/live): per service its queue, per counter what it is doing and
// since when, and the alerts a supervisor must not miss. Pure: the hall's current state and the
// clock in, the view out, with the next instant at which the view changes by time alone (a
// ticket passing its target, a break passing its limit), so that a screen needs no timer poll.
import { wholeSec } from './tally';

export interface LiveServiceInput {
  id: number; name: string; nameEn: string | null; maxWaitSec: number; etaMinutes: number;
  /** Issue times of its waiting tickets. */
  waiting: number[];
}
export interface LiveTicket { id: number; number: string; serviceId: number; status: 'called' | 'serving'; calledAt: number; startedAt: number | null }
export interface LiveCounterInput {
  id: number; name: string; state: 'closed' | 'open' | 'break'; breakReason: string | null;
  user: { id: number; name: string } | null;
  /** Its last counter event (open, break, resume, close): when its state began. */
  stateSince: number | null;
  ticket: LiveTicket | null;
  /** The end of its last visit (finish, no-show, transfer, …). */
  lastVisitEnd: number | null;
  serviceIds: number[];
}
export interface LiveDevice { id: number | string; kind: string; name: string; status: string; detail: string | null; since: number }
export interface LiveInput {
  now: number;
  services: LiveServiceInput[];
  counters: LiveCounterInput[];
  devices: LiveDevice[];
  /** Break limits by reason id, `default` for the others. */
  breakLimitSec: Record<string, number>;
  breakReasonNames: Record<string, { ru: string; en: string }>;
  /** The last backup (ops/backups.ts): when it is stale without a new copy. */
  backup?: { staleAt: number; lastAt: number | null; lastError: string | null };
}

export type AlertKind = 'wait_over_target' | 'break_too_long' | 'printer' | 'no_counter_open' | 'backup_stale';
export interface Alert {
  kind: AlertKind; severity: 'critical' | 'warning'; message: string; messageEn: string;
  serviceId?: number; counterId?: number; deviceId?: number | string; since: number;
}

export interface LiveService { serviceId: number; name: string; nameEn: string | null; waiting: number; longestWaitSec: number; oldestIssuedAt: number | null; etaMinutes: number; overdue: number; maxWaitSec: number }
export interface LiveCounter {
  counterId: number; name: string; state: 'closed' | 'open' | 'break'; user: { id: number; name: string } | null;
  ticket: LiveTicket | null; since: number | null; sinceSec: number | null; breakReason: string | null; breakLimitSec: number | null;
}
export interface LiveView { services: LiveService[]; counters: LiveCounter[]; alerts: Alert[]; nextChangeAt: number | null }

const PRINTER: Record<string, { severity: Alert['severity']; ru: string; en: string }> = {
  paper_low: { severity: 'warning', ru: 'заканчивается бумага', en: 'paper low' },
  paper_out: { severity: 'critical', ru: 'нет бумаги', en: 'out of paper' },
  offline: { severity: 'critical', ru: 'не на связи', en: 'offline' },
  error: { severity: 'critical', ru: 'ошибка', en: 'error' },
};

const minutes = (ms: number) => Math.floor(ms / 60_000);

function breakLimit(limits: Record<string, number>, reason: string | null): number {
  return limits[reason ?? ''] ?? limits.default ?? 1200;
}

export function liveView(input: LiveInput): LiveView {
  const { now } = input;
  const alerts: Alert[] = [];
  let next = Infinity;
  const later = (at: number) => { if (at > now && at < next) next = at; };

  const services = input.services.map((s): LiveService => {
    const limit = s.maxWaitSec * 1000;
    const oldest = s.waiting.length ? Math.min(...s.waiting) : null;
    let overdue = 0;
    for (const t of s.waiting) {
      if (now - t > limit) overdue++;
      else later(t + limit + 1); // "past" the target: more than maxWaitSec
    }
    if (oldest !== null) {
      const longest = now - oldest;
      if (overdue > 0) {
        const critical = longest > 2 * limit;
        if (!critical) later(oldest + 2 * limit + 1);
        const name = s.name, nameEn = s.nameEn ?? s.name;
        alerts.push({
          kind: 'wait_over_target', severity: critical ? 'critical' : 'warning', serviceId: s.id, since: oldest + limit,
          message: `${name}: ${overdue} ждут дольше ${minutes(limit)} мин, дольше всех — ${minutes(longest)} мин`,
          messageEn: `${nameEn}: ${overdue} waiting over ${minutes(limit)} min, the longest ${minutes(longest)} min`,
        });
      }
    }
    return { serviceId: s.id, name: s.name, nameEn: s.nameEn, waiting: s.waiting.length, longestWaitSec: oldest === null ? 0 : wholeSec(now - oldest), oldestIssuedAt: oldest, etaMinutes: s.etaMinutes, overdue, maxWaitSec: s.maxWaitSec };
  });

  const counters = input.counters.map((c): LiveCounter => {
    // Since when it has been doing what it does: serving or called (this ticket), on a break
    // (since it began), open and idle (since its last customer or its opening), closed.
    let since: number | null = null;
    if (c.ticket) since = c.ticket.status === 'serving' ? c.ticket.startedAt ?? c.ticket.calledAt : c.ticket.calledAt;
    else if (c.state === 'open') since = Math.max(c.stateSince ?? -Infinity, c.lastVisitEnd ?? -Infinity);
    else since = c.stateSince;
    if (since === -Infinity) since = null;
    let limit: number | null = null;
    if (c.state === 'break' && c.stateSince !== null) {
      limit = breakLimit(input.breakLimitSec, c.breakReason);
      const over = c.stateSince + limit * 1000;
      if (now > over) {
        const reason = c.breakReason ? input.breakReasonNames[c.breakReason] ?? { ru: c.breakReason, en: c.breakReason } : null;
        alerts.push({
          kind: 'break_too_long', severity: 'warning', counterId: c.id, since: over,
          message: `${c.name}: перерыв${reason ? ` «${reason.ru}»` : ''} ${minutes(now - c.stateSince)} мин (норма ${minutes(limit * 1000)})`,
          messageEn: `${c.name}: ${reason ? `${reason.en} ` : ''}break of ${minutes(now - c.stateSince)} min (limit ${minutes(limit * 1000)})`,
        });
      } else later(over + 1);
    }
    return { counterId: c.id, name: c.name, state: c.state, user: c.user, ticket: c.ticket, since, sinceSec: since === null ? null : wholeSec(now - since), breakReason: c.breakReason, breakLimitSec: limit };
  });

  for (const s of input.services) {
    if (s.waiting.length === 0) continue;
    const serving = input.counters.filter((c) => c.serviceIds.includes(s.id));
    if (serving.some((c) => c.state === 'open')) continue;
    // Since the later of its oldest waiting ticket and the last counter for it leaving `open`.
    const left = Math.max(...serving.map((c) => c.stateSince ?? -Infinity));
    alerts.push({
      kind: 'no_counter_open', severity: 'critical', serviceId: s.id, since: Math.max(Math.min(...s.waiting), left),
      message: `${s.name}: ${s.waiting.length} ждут, ни одно окно этой услуги не открыто`,
      messageEn: `${s.nameEn ?? s.name}: ${s.waiting.length} waiting and no counter for it is open`,
    });
  }

  for (const d of input.devices) {
    const p = d.kind === 'printer' ? PRINTER[d.status] : undefined;
    if (!p) continue;
    alerts.push({
      kind: 'printer', severity: p.severity, deviceId: d.id, since: d.since,
      message: `Принтер «${d.name}»: ${p.ru}${d.detail ? ` (${d.detail})` : ''}`,
      messageEn: `Printer "${d.name}": ${p.en}${d.detail ? ` (${d.detail})` : ''}`,
    });
  }

  const b = input.backup;
  if (b && now >= b.staleAt) {
    const hours = b.lastAt === null ? null : Math.floor((now - b.lastAt) / 3600_000);
    const failed = b.lastError ? { ru: `; ежедневная копия не удалась: ${b.lastError}`, en: `; the daily backup failed: ${b.lastError}` } : { ru: '', en: '' };
    alerts.push({
      kind: 'backup_stale', severity: 'warning', since: b.staleAt,
      message: (hours === null ? 'Резервной копии базы ещё нет' : `Последней резервной копии базы ${hours} ч`) + failed.ru,
      messageEn: (hours === null ? 'No backup of the database yet' : `The last backup of the database is ${hours} hours old`) + failed.en,
    });
  } else if (b) later(b.staleAt);

  alerts.sort((a, b) => (a.severity === b.severity ? a.since - b.since : a.severity === 'critical' ? -1 : 1));
  return { services, counters, alerts, nextChangeAt: next === Infinity ? null : next };
}
