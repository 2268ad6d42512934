// The simulator's scenario (the contract's Simulation section, with Talon's additions): its
// TypeBox schema, the checks that the schema cannot express, and its compilation into the
// numbers the simulator runs on (times in ms from the simulated day's midnight, engine ids).
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { CounterLink, ServiceRule } from '../engine';
import { minutesOf as minutes } from '../stats/lunch-plan';

const HHMM = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const Hour = '^([01][0-9]|2[0-3])$';
const Key = Type.String({ minLength: 1, maxLength: 64 });
const strict = { additionalProperties: false } as const;

export const POLICIES = ['fifo', 'talon', 'novosga', 'qsystem', 'talon-early'] as const;
export type PolicyName = (typeof POLICIES)[number];

export const Lunch = Type.Union([
  // The whole break at a set time (after the customer at the window is done).
  Type.Object({ plan: Type.Literal('fixed'), start: HHMM, minutes: Type.Integer({ minimum: 1, maximum: 240 }) }, strict),
  // Staggered: taken when the window is free inside [from, to], a few windows at a time.
  Type.Object({ plan: Type.Literal('floating'), from: HHMM, to: HHMM, minutes: Type.Integer({ minimum: 1, maximum: 240 }) }, strict),
]);
export type Lunch = Static<typeof Lunch>;

export const ScenarioSchema = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 200 })),
  open: HHMM,
  close: HHMM,
  targetSec: Type.Integer({ minimum: 1, maximum: 86_400 }),
  services: Type.Array(Type.Object({
    id: Key,
    name: Type.Optional(Type.String({ maxLength: 200 })),
    serviceSec: Type.Object({
      mean: Type.Number({ exclusiveMinimum: 0, maximum: 14_400 }),
      cv: Type.Number({ minimum: 0, maximum: 5 }),
      dist: Type.Optional(Type.Union([Type.Literal('lognormal'), Type.Literal('exponential')])),
    }, strict),
    noShowPct: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    /** The dispatch rule's maximum wait (the contract's maxWaitSec); default targetSec. */
    maxWaitSec: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
  }, strict), { minItems: 1, maxItems: 50 }),
  counters: Type.Array(Type.Object({
    id: Key,
    services: Type.Array(Type.Object({ service: Key, priority: Type.Integer({ minimum: 1, maximum: 9 }) }, strict), { maxItems: 50 }),
    /** The window's own hours inside the hall's (default: the hall's). */
    open: Type.Optional(HHMM),
    close: Type.Optional(HHMM),
    lunch: Type.Optional(Lunch),
  }, strict), { minItems: 1, maxItems: 200 }),
  /** Expected arrivals per hour "HH" per service (Poisson). */
  arrivals: Type.Record(Key, Type.Record(Type.String({ pattern: Hour }), Type.Number({ minimum: 0, maximum: 5000 }), { additionalProperties: false }), { additionalProperties: false }),
  policies: Type.Optional(Type.Array(Type.Union([Type.Literal('fifo'), Type.Literal('talon'), Type.Literal('novosga'), Type.Literal('qsystem'), Type.Literal('talon-early')]), { minItems: 1, maxItems: POLICIES.length, uniqueItems: true })),
  /** Counters open per hour "HH": the first N of `counters`, in their order (default all). */
  staffing: Type.Optional(Type.Record(Type.String({ pattern: Hour }), Type.Integer({ minimum: 0, maximum: 200 }), { additionalProperties: false })),
  /** Most windows at a floating lunch at once (default: the fewest that fit every lunch in its window). */
  lunchAtOnce: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  /** How long a window calls a customer who does not come before it marks the no-show. */
  noShowSec: Type.Optional(Type.Integer({ minimum: 0, maximum: 3600 })),
}, strict);
export type Scenario = Static<typeof ScenarioSchema>;

/** Bounds on one simulated day, so that no scenario can hold the server or a CI run for long. */
export const MAX_CUSTOMERS_PER_DAY = 20_000;

export class ScenarioError extends Error {}

const MIN = 60_000, HOUR = 3_600_000;

/** The first problem of a document that is not a valid scenario, as a sentence; null when valid. */
export function scenarioProblem(doc: unknown): string | null {
  const first = Value.Errors(ScenarioSchema, doc)[0];
  // An unknown field fails a `false` schema: name the field instead.
  if (first) return first.keyword === 'boolean' ? `${first.instancePath} is not a field of a scenario` : `${first.instancePath || 'scenario'} ${first.message}`;
  const s = doc as Scenario;
  if (minutes(s.open) >= minutes(s.close)) return 'open must be before close';
  const services = new Set<string>();
  for (const x of s.services) {
    if (services.has(x.id)) return `service ${x.id} is listed twice`;
    services.add(x.id);
    if (x.serviceSec.dist === 'exponential' && x.serviceSec.cv !== 1) return `service ${x.id}: exponential times have cv 1`;
  }
  const counters = new Set<string>();
  const served = new Set<string>();
  for (const c of s.counters) {
    if (counters.has(c.id)) return `counter ${c.id} is listed twice`;
    counters.add(c.id);
    if (c.services.length === 0) return `counter ${c.id} serves nothing`;
    const own = new Set<string>();
    for (const l of c.services) {
      if (!services.has(l.service)) return `counter ${c.id} serves an unknown service ${l.service}`;
      if (own.has(l.service)) return `counter ${c.id} lists service ${l.service} twice`;
      own.add(l.service); served.add(l.service);
    }
    const from = minutes(c.open ?? s.open), to = minutes(c.close ?? s.close);
    if (from < minutes(s.open) || to > minutes(s.close) || from >= to) return `counter ${c.id}: its hours must lie inside the hall's, open before close`;
    if (c.lunch) {
      const [a, b] = c.lunch.plan === 'fixed' ? [minutes(c.lunch.start), minutes(c.lunch.start) + c.lunch.minutes] : [minutes(c.lunch.from), minutes(c.lunch.to)];
      if (a < from || b > to || b - a < c.lunch.minutes) return `counter ${c.id}: its lunch must fit inside its hours`;
    }
  }
  let perDay = 0;
  for (const [service, hours] of Object.entries(s.arrivals)) {
    if (!services.has(service)) return `arrivals name an unknown service ${service}`;
    for (const [hh, n] of Object.entries(hours)) {
      if (n > 0 && !served.has(service)) return `service ${service} has arrivals but no counter serves it`;
      const h = Number(hh) * 60;
      if (h + 60 <= minutes(s.open) || h >= minutes(s.close)) return `arrivals of ${service} at ${hh}:00 fall outside the hall's hours`;
      perDay += n;
    }
  }
  if (perDay > MAX_CUSTOMERS_PER_DAY) return `${Math.round(perDay)} customers a day is more than the simulator takes (${MAX_CUSTOMERS_PER_DAY})`;
  for (const [hh, n] of Object.entries(s.staffing ?? {})) {
    if (n > s.counters.length) return `staffing at ${hh}:00 asks for ${n} counters, the hall has ${s.counters.length}`;
  }
  return null;
}

export function checkScenario(doc: unknown): Scenario {
  const problem = scenarioProblem(doc);
  if (problem) throw new ScenarioError(problem);
  return doc as Scenario;
}

// ---- the compiled model ----

export interface ModelService {
  key: string; id: number; meanSec: number; cv: number; exponential: boolean; noShowPct: number; rule: ServiceRule;
}
export interface ModelCounter {
  key: string; id: number; rank: number; links: CounterLink[];
  openMs: number; closeMs: number;
  /** Fixed: start = end of the window − minutes; floating: the window [from, to]. */
  lunch: { floating: boolean; from: number; to: number; ms: number } | null;
}
export interface Model {
  openMs: number; closeMs: number; targetSec: number; noShowMs: number; lunchAtOnce: number;
  services: ModelService[]; counters: ModelCounter[];
  /** Per service index: [from, to, expected count] of each hour's open part. */
  arrivals: { service: number; from: number; to: number; expected: number }[];
  /** Counters on duty from each hour boundary on (the first N by rank). */
  staffing: { at: number; n: number }[];
  policies: PolicyName[];
}

export function compile(s: Scenario): Model {
  const openMs = minutes(s.open) * MIN, closeMs = minutes(s.close) * MIN;
  const services = s.services.map((x, i): ModelService => ({
    key: x.id, id: i + 1, meanSec: x.serviceSec.mean, cv: x.serviceSec.dist === 'exponential' ? 1 : x.serviceSec.cv,
    exponential: x.serviceSec.dist === 'exponential', noShowPct: x.noShowPct ?? 0,
    rule: { id: i + 1, maxWaitSec: x.maxWaitSec ?? s.targetSec },
  }));
  const byKey = new Map(services.map((x) => [x.key, x]));
  const counters = s.counters.map((c, i): ModelCounter => {
    const l = c.lunch;
    return {
      key: c.id, id: i + 1, rank: i,
      links: c.services.map((x) => ({ serviceId: byKey.get(x.service)!.id, priority: x.priority })),
      openMs: minutes(c.open ?? s.open) * MIN, closeMs: minutes(c.close ?? s.close) * MIN,
      lunch: !l ? null : l.plan === 'fixed'
        ? { floating: false, from: minutes(l.start) * MIN, to: (minutes(l.start) + l.minutes) * MIN, ms: l.minutes * MIN }
        : { floating: true, from: minutes(l.from) * MIN, to: minutes(l.to) * MIN, ms: l.minutes * MIN },
    };
  });
  const arrivals: Model['arrivals'] = [];
  for (const [key, hours] of Object.entries(s.arrivals)) {
    for (const [hh, n] of Object.entries(hours).sort(([a], [b]) => a.localeCompare(b))) {
      const from = Math.max(Number(hh) * HOUR, openMs), to = Math.min((Number(hh) + 1) * HOUR, closeMs);
      if (n > 0) arrivals.push({ service: byKey.get(key)!.id - 1, from, to, expected: n });
    }
  }
  const staffing = Object.entries(s.staffing ?? {}).map(([hh, n]) => ({ at: Math.max(Number(hh) * HOUR, openMs), n })).sort((a, b) => a.at - b.at);
  // Floating lunches: by default the fewest windows at once that let every lunch fit its window.
  const floating = counters.filter((c) => c.lunch?.floating);
  const need = floating.reduce((a, c) => a + c.lunch!.ms, 0);
  const span = floating.length ? Math.max(...floating.map((c) => c.lunch!.to)) - Math.min(...floating.map((c) => c.lunch!.from)) : 1;
  return {
    openMs, closeMs, targetSec: s.targetSec, noShowMs: (s.noShowSec ?? 60) * 1000,
    lunchAtOnce: s.lunchAtOnce ?? Math.max(1, Math.ceil(need / span)),
    services, counters, arrivals, staffing,
    policies: s.policies ? [...s.policies] : ['fifo', 'talon', 'novosga', 'qsystem'],
  };
}
