// Floating lunches on the hall's data: who is on duty, their lunch rules (settings), the windows
// each hour needs (the staffing picture of the same weekday over the last weeks), the proposed
// plan, and the plan the supervisor adopted (kept in the settings by hall day).
import type Database from 'better-sqlite3';
import { hallHours, isoWeekday, zonedEpoch } from '../engine/calendar';
import { hallDay } from '../engine/numbering';
import { badRequest } from '../errors';
import type { AdoptedLunchPlan, LunchRule, SettingsStore } from '../settings';
import { minutesOf, planLunches } from '../stats/lunch-plan';
import type { AuditLog } from './audit';
import type { LeanViews } from './lean';

/** The weeks of history whose same weekday gives each hour's need. */
const HISTORY_WEEKS = 8;
/** Adopted plans kept in the settings, days back. */
const KEEP_DAYS = 14;

export class LunchService {
  private s;

  constructor(sql: Database.Database, private settings: SettingsStore, private lean: LeanViews, private tz: string, private audit: AuditLog) {
    this.s = {
      operators: sql.prepare("SELECT id, name FROM users WHERE active = 1 AND role = 'operator' ORDER BY name, id"),
      users: sql.prepare('SELECT id, name FROM users WHERE active = 1 ORDER BY name, id'),
      // Who opened a counter during the day: today's operators.
      onDuty: sql.prepare("SELECT DISTINCT user_id AS id FROM counter_events WHERE action = 'open' AND at >= ? AND at < ? AND user_id IS NOT NULL").pluck(),
      hoursOfServices: sql.prepare('SELECT MIN(open_from) AS open, MAX(open_to) AS close FROM services WHERE active = 1 AND open_from IS NOT NULL AND open_to IS NOT NULL'),
    };
  }

  ruleOf(userId: number): LunchRule {
    const l = this.settings.get().lunch;
    return l.byUser[String(userId)] ?? { minutes: l.minutes, from: l.from, to: l.to };
  }

  /** The hall's hours on `day`: the calendar's, else the services' widest, else 09:00–18:00. */
  private hours(day: string): { open: string; close: string } {
    const h = hallHours(day, this.settings.get().calendar);
    if (h) return h;
    const s = this.s.hoursOfServices.get() as { open: string | null; close: string | null };
    return s.open && s.close ? { open: s.open, close: s.close } : { open: '09:00', close: '18:00' };
  }

  proposal(day: string, opts: { userIds?: number[]; targetSec: number; targetPct: number }) {
    const start = zonedEpoch(day, '00:00', this.tz);
    const from = start - HISTORY_WEEKS * 7 * 86_400_000;
    const weekday = Number(isoWeekday(day));
    const grid = this.lean.staffing(from, start, opts.targetSec, opts.targetPct);
    const neededByHour = Object.fromEntries(grid.cells.filter((c) => c.weekday === weekday).map((c) => [c.hour, c.needed]));
    const users = new Map((this.s.users.all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));
    const candidates = (this.s.operators.all() as { id: number; name: string }[]).map((u) => ({ userId: u.id, name: u.name }));
    let ids = opts.userIds;
    if (!ids) {
      const today = (this.s.onDuty.all(start, start + 86_400_000) as number[]).filter((id) => users.has(id));
      ids = today.length ? today : candidates.map((c) => c.userId);
    }
    for (const id of ids) if (!users.has(id)) throw badRequest(`Unknown or inactive user ${id}`);
    const hours = this.hours(day);
    const operators = ids.map((id) => {
      const r = this.ruleOf(id);
      return { userId: id, name: users.get(id)!, minutes: r.minutes, from: minutesOf(r.from), to: minutesOf(r.to), rule: r };
    });
    const plan = planLunches({ open: minutesOf(hours.open), close: minutesOf(hours.close), neededByHour, operators });
    return {
      day, weekday, open: hours.open, close: hours.close, targetSec: opts.targetSec, targetPct: opts.targetPct,
      history: { from: grid.from, to: grid.to, days: grid.days[weekday] ?? 0 },
      operators: operators.map((o) => ({ userId: o.userId, name: o.name, ...o.rule })),
      /** Everyone who could be on duty, for the supervisor's choice. */
      candidates,
      ...plan,
      adopted: this.settings.get().lunchPlans[day] ?? null,
    };
  }

  adopt(day: string, lunches: AdoptedLunchPlan['lunches'], userId: number, now: number): AdoptedLunchPlan {
    const users = new Set((this.s.users.all() as { id: number }[]).map((u) => u.id));
    const seen = new Set<number>();
    for (const l of lunches) {
      if (!users.has(l.userId)) throw badRequest(`Unknown or inactive user ${l.userId}`);
      if (seen.has(l.userId)) throw badRequest(`User ${l.userId} has two lunches`);
      if (!(l.start < l.end)) throw badRequest(`A lunch must end after it starts (${l.start}–${l.end})`);
      seen.add(l.userId);
    }
    const plan: AdoptedLunchPlan = { adoptedAt: new Date(now).toISOString(), adoptedBy: userId, lunches };
    const oldest = hallDay(now - KEEP_DAYS * 86_400_000, this.tz);
    const kept = Object.fromEntries(Object.entries(this.settings.get().lunchPlans).filter(([d]) => d >= oldest));
    this.audit.tx(() => {
      const before = this.settings.get().lunchPlans[day] ?? null;
      this.settings.update({ lunchPlans: { ...kept, [day]: plan } });
      this.audit.record({ actor: userId, action: 'update', entity: 'settings', entityId: `lunchPlans/${day}`, before, after: plan });
    });
    return plan;
  }

  /** An operator's own lunch today, from the adopted plan. */
  ofUser(userId: number, now: number) {
    const day = hallDay(now, this.tz);
    const l = this.settings.get().lunchPlans[day]?.lunches.find((x) => x.userId === userId);
    return { day, lunch: l ? { start: l.start, end: l.end, startsAt: new Date(zonedEpoch(day, l.start, this.tz)).toISOString(), endsAt: new Date(zonedEpoch(day, l.end, this.tz)).toISOString() } : null };
  }

  setRules(rules: { minutes: number; from: string; to: string; byUser: Record<string, LunchRule> }, actor: number) {
    for (const r of [rules, ...Object.values(rules.byUser)]) {
      if (minutesOf(r.to) - minutesOf(r.from) < r.minutes) throw badRequest(`A ${r.minutes}-minute lunch does not fit in ${r.from}–${r.to}`);
    }
    return this.audit.tx(() => {
      const before = this.settings.get().lunch;
      const after = this.settings.update({ lunch: rules }).lunch;
      this.audit.update(actor, 'settings', null, { lunch: before }, { lunch: after });
      return after;
    });
  }
}
