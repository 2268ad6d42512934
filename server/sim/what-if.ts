// "What if" on the hall's own history: a scenario built from a period of the hall (arrivals by
// weekday and hour, service times by service, the counters' services and priorities, the
// counters open by hour), and a change applied to it. Pure: rows in, scenario out.
import { Type, type Static } from 'typebox';
import { Lunch, type Scenario } from './scenario';

export interface HistoryRows {
  /** Tickets issued in the period: service at issue, hall weekday '1'–'7', hour 0–23, hall day. */
  arrivals: { serviceId: number; weekday: string; hour: number; day: string }[];
  services: { id: number; name: string; maxWaitSec: number; defaultServiceSec: number; served: number; meanSec: number | null; sdSec: number | null; called: number; noShows: number }[];
  counters: { id: number; name: string; links: { serviceId: number; priority: number }[] }[];
  /** Counter-seconds open per weekday and hour (open, breaks excluded) and the days of that weekday. */
  openSec: { weekday: string; hour: number; sec: number }[];
  targetSec: number;
}

const Hours = Type.Record(Type.String({ pattern: '^([01][0-9]|2[0-3])$' }), Type.Integer({ minimum: 0, maximum: 200 }), { additionalProperties: false, maxProperties: 24 });

export const Change = Type.Object({
  /** Counters open per hour "HH" (the most-open counters of the history first). */
  openCounters: Type.Optional(Hours),
  /** One lunch plan for every counter; null: no lunches. */
  lunch: Type.Optional(Type.Union([Lunch, Type.Null()])),
  /** A service's mean service time changed by a percentage (the practice's 12 → 9 minutes: −25). */
  serviceTimePct: Type.Optional(Type.Record(Type.String({ pattern: '^[1-9][0-9]{0,9}$' }), Type.Number({ minimum: -90, maximum: 500 }), { additionalProperties: false, maxProperties: 100 })),
  /** Every service's arrivals changed by a percentage. */
  arrivalsPct: Type.Optional(Type.Number({ minimum: -100, maximum: 1000 })),
  /** Counters given other services and priorities. */
  counters: Type.Optional(Type.Array(Type.Object({
    counterId: Type.Integer({ minimum: 1 }),
    services: Type.Array(Type.Object({ serviceId: Type.Integer({ minimum: 1 }), priority: Type.Integer({ minimum: 1, maximum: 9 }) }, { additionalProperties: false }), { maxItems: 50 }),
  }, { additionalProperties: false }), { maxItems: 200 })),
}, { additionalProperties: false });
export type Change = Static<typeof Change>;

export class ChangeError extends Error {}

const hh = (h: number) => String(h).padStart(2, '0');
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The busiest weekday of the history ('1'–'7'), or null without tickets. */
export function busiestWeekday(rows: HistoryRows): string | null {
  const n = new Map<string, number>();
  for (const a of rows.arrivals) n.set(a.weekday, (n.get(a.weekday) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** The hall as it was on `weekday` in the period, as a scenario (the `talon` rule only). */
export function historyScenario(rows: HistoryRows, weekday: string): Scenario {
  const days = new Set(rows.arrivals.filter((a) => a.weekday === weekday).map((a) => a.day)).size;
  const counts = new Map<number, Map<number, number>>();
  let first = 24, last = -1;
  for (const a of rows.arrivals) {
    if (a.weekday !== weekday) continue;
    const m = counts.get(a.serviceId) ?? new Map<number, number>();
    m.set(a.hour, (m.get(a.hour) ?? 0) + 1);
    counts.set(a.serviceId, m);
    first = Math.min(first, a.hour); last = Math.max(last, a.hour);
  }
  const arrivals: Scenario['arrivals'] = {};
  for (const [id, m] of counts) arrivals[String(id)] = Object.fromEntries([...m].map(([h, n]) => [hh(h), round1(n / days)]));
  // Counters open per hour: the history's mean, of the counters that served.
  const staffing: Record<string, number> = {};
  for (const o of rows.openSec) if (o.weekday === weekday && o.hour >= first && o.hour <= last) staffing[hh(o.hour)] = Math.min(rows.counters.length, Math.round(o.sec / 3600 / Math.max(days, 1)));
  const known = new Set(rows.services.map((s) => s.id));
  return {
    name: `history, weekday ${weekday} (${days} days)`,
    open: `${hh(first)}:00`, close: last >= 23 ? '23:59' : `${hh(last + 1)}:00`,
    targetSec: rows.targetSec,
    services: rows.services.map((s) => {
      const mean = s.meanSec && s.served > 0 ? s.meanSec : s.defaultServiceSec;
      const cv = s.meanSec && s.sdSec !== null && s.served > 1 ? Math.min(5, s.sdSec / s.meanSec) : 0.6;
      return { id: String(s.id), name: s.name, serviceSec: { mean: round1(mean), cv: Math.round(cv * 100) / 100 }, noShowPct: s.called ? round1((100 * s.noShows) / s.called) : 0, maxWaitSec: s.maxWaitSec };
    }),
    counters: rows.counters.filter((c) => c.links.some((l) => known.has(l.serviceId))).map((c) => ({
      id: String(c.id), services: c.links.filter((l) => known.has(l.serviceId)).map((l) => ({ service: String(l.serviceId), priority: l.priority })),
    })),
    arrivals,
    ...(Object.keys(staffing).length && rows.openSec.length ? { staffing } : {}),
    policies: ['talon'],
  };
}

/** The scenario with the change applied. Unknown services and counters are refused. */
export function applyChange(base: Scenario, change: Change): Scenario {
  const s: Scenario = structuredClone(base);
  s.name = `${base.name}, changed`;
  const services = new Set(s.services.map((x) => x.id));
  if (change.openCounters) {
    // Later hours keep the last count the change sets.
    s.staffing = { ...s.staffing, ...change.openCounters };
  }
  if (change.lunch !== undefined) {
    for (const c of s.counters) { if (change.lunch) c.lunch = change.lunch; else delete c.lunch; }
    // A lunch outside the hall's hours cannot be taken: say so rather than clip it.
  }
  for (const [id, pct] of Object.entries(change.serviceTimePct ?? {})) {
    const svc = s.services.find((x) => x.id === id);
    if (!svc) throw new ChangeError(`serviceTimePct names an unknown service ${id}`);
    svc.serviceSec.mean = round1(svc.serviceSec.mean * (1 + pct / 100));
  }
  if (change.arrivalsPct !== undefined) {
    for (const hours of Object.values(s.arrivals)) for (const h of Object.keys(hours)) hours[h] = round1(hours[h] * (1 + change.arrivalsPct / 100));
  }
  for (const c of change.counters ?? []) {
    const target = s.counters.find((x) => x.id === String(c.counterId));
    if (!target) throw new ChangeError(`counters names an unknown counter ${c.counterId}`);
    for (const l of c.services) if (!services.has(String(l.serviceId))) throw new ChangeError(`counter ${c.counterId} is given an unknown service ${l.serviceId}`);
    target.services = c.services.map((l) => ({ service: String(l.serviceId), priority: l.priority }));
  }
  return s;
}
