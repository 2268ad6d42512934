// A report's whole state lives in its address (/console/reports?period=last_month&by=hour&serviceId=3),
// so a view can be bookmarked or sent and the back button walks through the views.
import type { Grouping } from '../figures/types';

export const GROUPINGS: Grouping[] = ['service', 'operator', 'counter', 'hour', 'weekday', 'day', 'none'];

export interface ReportState {
  period: string;
  /** Custom days, inclusive, 'YYYY-MM-DD'. */
  from?: string;
  to?: string;
  by: Grouping;
  serviceId?: number;
  counterId?: number;
  userId?: number;
  targetSec?: number;
}

const id = (v: string | undefined) => (v && /^[1-9]\d{0,9}$/.test(v) ? Number(v) : undefined);

export function readState(q: Record<string, string>): ReportState {
  const by = (GROUPINGS as string[]).includes(q.by) ? q.by as Grouping : 'service';
  const target = id(q.targetSec);
  return {
    period: q.period ?? (q.from ? 'custom' : 'today'),
    from: q.from, to: q.to, by,
    serviceId: id(q.serviceId), counterId: id(q.counterId), userId: id(q.userId),
    targetSec: target !== undefined && target <= 86_400 ? target : undefined,
  };
}

/** The address of a state; what is at its default is left out, so addresses stay short. */
export function stateUrl(s: ReportState, path = '/console/reports'): string {
  const p = new URLSearchParams();
  if (s.period === 'custom') { p.set('period', 'custom'); if (s.from) p.set('from', s.from); if (s.to) p.set('to', s.to); }
  else if (s.period !== 'today') p.set('period', s.period);
  if (s.by !== 'service') p.set('by', s.by);
  for (const k of ['serviceId', 'counterId', 'userId', 'targetSec'] as const) if (s[k] !== undefined) p.set(k, String(s[k]));
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
}
