// Administration of services, counters, users and notices (drizzle; not a hot path). Every change
// and its audit record are one transaction; `actor` is the staff user who made it (null: the
// server itself, e.g. the demo hall on the first start).
import { randomBytes } from 'node:crypto';
import { asc, eq, and, ne, isNull, sql as raw } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { counterServices, counters, notices, services, tokens, users } from '../../db/schema';
import { hashPassword, verifyPassword } from '../auth/password';
import { AppError, badRequest, conflict, notFound } from '../errors';
import type { CounterState, Role, WeekHours } from '../protocol';
import { isCalendarDay, type HallCalendar } from '../engine/calendar';
import type { HallSettings, SettingsStore } from '../settings';
import type { AuditLog } from './audit';
import { iso } from './rows';

export interface ServiceInput {
  name: string; prefix: string; nameEn?: string | null; maxWaitSec?: number; defaultServiceSec?: number; normServiceSec?: number | null;
  groupName?: string | null; groupNameEn?: string | null; openFrom?: string | null; openTo?: string | null; hours?: WeekHours | null;
  dailyLimit?: number | null; script?: string; ticketFooter?: string; sortOrder?: number; active?: boolean;
}
export interface CounterLink { serviceId: number; priority: number }
export interface CounterInput { name: string; services: CounterLink[]; active?: boolean }
/** Without a password the server generates one, shown once, to be changed at the first login. */
export interface UserInput { login: string; name: string; password?: string; role: Role; active?: boolean; mustChangePassword?: boolean }
export interface NoticeInput { text: string; textEn?: string | null; startsAt?: string | null; endsAt?: string | null }

type ServiceRecord = typeof services.$inferSelect;
export type ServiceOut = Omit<ServiceRecord, 'hours'> & { hours: WeekHours | null };

const publicUser = (u: typeof users.$inferSelect) => ({ id: u.id, login: u.login, name: u.name, role: u.role as Role, active: u.active, mustChangePassword: u.mustChangePassword });
const serviceOut = (s: ServiceRecord): ServiceOut => ({ ...s, hours: s.hours ? JSON.parse(s.hours) : null });
const noticeOut = (n: typeof notices.$inferSelect) => ({ id: n.id, text: n.text, textEn: n.textEn, startsAt: iso(n.startsAt), endsAt: iso(n.endsAt) });

/** A password a person can read off the screen and type: 12 characters without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Spans 'HH:MM'–'HH:MM' must open before they close. */
export function checkHours(input: Partial<ServiceInput>) {
  if ((input.openFrom == null) !== (input.openTo == null) && (input.openFrom !== undefined || input.openTo !== undefined)) {
    throw badRequest('Set both the opening and the closing time, or neither', input.openFrom == null ? '/openFrom' : '/openTo');
  }
  if (input.openFrom && input.openTo && input.openFrom >= input.openTo) throw badRequest('The service must open before it closes', '/openTo');
  for (const [day, span] of Object.entries(input.hours ?? {})) {
    if (span && span[0] >= span[1]) throw badRequest(`Weekday ${day}: the service must open before it closes`, `/hours/${day}`);
  }
}

/** The hall's address for customers' phones (the printed QR): http(s), a host, no query. */
export function normalisePublicUrl(text: string): string {
  const path = '/publicUrl';
  let u: URL;
  try { u = new URL(text.trim()); } catch { throw badRequest('The public address must be a full URL such as http://10.0.0.5:8080', path); }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw badRequest('The public address must start with http:// or https://', path);
  if (u.username || u.password || u.search || u.hash) throw badRequest('The public address takes no login, query or fragment', path);
  return (u.origin + u.pathname).replace(/\/+$/, '');
}

/** Hours that open before they close, real dates; holidays sorted without repeats. */
export function checkCalendar(cal: HallCalendar): HallCalendar {
  for (const [d, h] of Object.entries(cal.week)) if (h && h.open >= h.close) throw badRequest(`Weekday ${d}: the hall must open before it closes`, `/week/${d}`);
  cal.holidays.forEach((d, i) => { if (!isCalendarDay(d)) throw badRequest(`${d} is not a date`, `/holidays/${i}`); });
  for (const [d, h] of Object.entries(cal.days)) {
    if (!isCalendarDay(d)) throw badRequest(`${d} is not a date`, `/days/${d}`);
    if (h.open >= h.close) throw badRequest(`${d}: the hall must open before it closes`, `/days/${d}`);
  }
  const days = Object.fromEntries(Object.entries(cal.days).sort(([x], [y]) => x.localeCompare(y)));
  return { week: cal.week, holidays: [...new Set(cal.holidays)].sort(), days };
}

export class AdminService {
  constructor(private db: Db, private clock: () => number, private audit: AuditLog) {}

  /** Runs a change and its audit records in one transaction. */
  private tx<T>(fn: () => T): T { return this.audit.tx(fn); }

  // --- services ---

  listServices(): ServiceOut[] { return this.db.select().from(services).orderBy(asc(services.sortOrder), asc(services.id)).all().map(serviceOut); }

  private service(id: number): ServiceOut {
    const s = this.db.select().from(services).where(eq(services.id, id)).get();
    if (!s) throw notFound('Service');
    return serviceOut(s);
  }

  private checkPrefix(prefix: string, exceptId?: number) {
    // Two services with one prefix would print the same numbers on one day; an inactive one
    // counts too, since it may be switched on again.
    const clash = this.db.select({ id: services.id }).from(services)
      .where(exceptId ? and(eq(services.prefix, prefix), ne(services.id, exceptId)) : eq(services.prefix, prefix)).get();
    if (clash) throw conflict(`Prefix ${prefix} is already used by another service`, '/prefix');
  }

  private serviceValues(input: Partial<ServiceInput>) {
    const { hours, ...rest } = input;
    return { ...rest, ...(hours !== undefined ? { hours: hours ? JSON.stringify(hours) : null } : {}) };
  }

  createService(input: ServiceInput, actor: number | null = null): ServiceOut {
    checkHours(input);
    return this.tx(() => {
      this.checkPrefix(input.prefix);
      const sortOrder = input.sortOrder ?? ((this.db.select({ n: raw<number>`COALESCE(MAX(${services.sortOrder}) + 1, 0)` }).from(services).get()?.n) ?? 0);
      const s = serviceOut(this.db.insert(services).values({ ...this.serviceValues(input), name: input.name, prefix: input.prefix, sortOrder }).returning().get());
      this.audit.record({ actor, action: 'create', entity: 'service', entityId: s.id, after: s });
      return s;
    });
  }

  updateService(id: number, patch: Partial<ServiceInput>, actor: number | null = null): ServiceOut {
    return this.tx(() => {
      const before = this.service(id);
      checkHours({ openFrom: before.openFrom, openTo: before.openTo, ...patch });
      if (patch.prefix) this.checkPrefix(patch.prefix, id);
      if (Object.keys(patch).length) this.db.update(services).set(this.serviceValues(patch)).where(eq(services.id, id)).run();
      const after = this.service(id);
      this.audit.update(actor, 'service', id, before, after);
      return after;
    });
  }

  /** The kiosk's order: `ids` lists every service once, first shown first. */
  reorderServices(ids: number[], actor: number | null = null): ServiceOut[] {
    return this.tx(() => {
      const before = this.listServices().map((s) => s.id);
      if (ids.length !== before.length || new Set(ids).size !== ids.length || ids.some((i) => !before.includes(i))) {
        throw badRequest('List every service exactly once', '/ids');
      }
      ids.forEach((sid, i) => this.db.update(services).set({ sortOrder: i }).where(eq(services.id, sid)).run());
      this.audit.record({ actor, action: 'reorder', entity: 'service', before: { order: before }, after: { order: ids } });
      return this.listServices();
    });
  }

  // --- counters ---

  private counterWithServices(id: number) {
    const c = this.db.select().from(counters).where(eq(counters.id, id)).get();
    if (!c) throw notFound('Counter');
    const links = this.db.select({ serviceId: counterServices.serviceId, priority: counterServices.priority }).from(counterServices)
      .where(eq(counterServices.counterId, id)).orderBy(asc(counterServices.priority), asc(counterServices.serviceId)).all();
    return { id: c.id, name: c.name, state: c.state as CounterState, active: c.active, userId: c.userId, services: links };
  }

  listCounters() {
    return this.db.select({ id: counters.id }).from(counters).orderBy(asc(counters.id)).all().map((c) => this.counterWithServices(c.id));
  }

  private checkServices(links: CounterLink[], path = '/services') {
    const ids = new Set(links.map((l) => l.serviceId));
    if (ids.size !== links.length) throw conflict('A service is listed twice', path);
    for (const sid of ids) if (!this.db.select({ id: services.id }).from(services).where(eq(services.id, sid)).get()) throw notFound(`Service ${sid}`);
  }

  private setLinks(counterId: number, links: CounterLink[]) {
    this.db.delete(counterServices).where(eq(counterServices.counterId, counterId)).run();
    if (links.length) this.db.insert(counterServices).values(links.map((s) => ({ counterId, serviceId: s.serviceId, priority: s.priority }))).run();
  }

  createCounter(input: CounterInput, actor: number | null = null): number {
    return this.tx(() => {
      this.checkServices(input.services);
      const c = this.db.insert(counters).values({ name: input.name, active: input.active ?? true }).returning().get();
      this.setLinks(c.id, input.services);
      this.audit.record({ actor, action: 'create', entity: 'counter', entityId: c.id, after: this.counterWithServices(c.id) });
      return c.id;
    });
  }

  getCounter(id: number) { return this.counterWithServices(id); }

  updateCounter(id: number, patch: Partial<CounterInput>, actor: number | null = null) {
    return this.tx(() => {
      const before = this.counterWithServices(id);
      if (patch.services) this.checkServices(patch.services);
      if (patch.name !== undefined || patch.active !== undefined) this.db.update(counters).set({ name: patch.name, active: patch.active }).where(eq(counters.id, id)).run();
      if (patch.services) this.setLinks(id, patch.services);
      const after = this.counterWithServices(id);
      this.audit.update(actor, 'counter', id, before, after);
      return after;
    });
  }

  /** Who serves what, for many counters at once (the counters × services grid): each listed
   * counter gets exactly the links given; unlisted counters keep theirs. */
  setGrid(grid: { counterId: number; services: CounterLink[] }[], actor: number | null = null) {
    return this.tx(() => {
      const before = grid.map((g) => this.counterWithServices(g.counterId)); // an unknown counter: 404 first
      if (new Set(grid.map((g) => g.counterId)).size !== grid.length) throw badRequest('A counter is listed twice', '/grid');
      grid.forEach((g, i) => {
        this.checkServices(g.services, `/grid/${i}/services`);
        this.setLinks(g.counterId, g.services);
        const after = this.counterWithServices(g.counterId);
        this.audit.update(actor, 'counter_services', g.counterId, { services: before[i].services }, { services: after.services });
      });
      return this.listCounters();
    });
  }

  // --- users and their sessions ---

  listUsers() { return this.db.select().from(users).orderBy(asc(users.id)).all().map(publicUser); }

  private user(id: number) {
    const u = this.db.select().from(users).where(eq(users.id, id)).get();
    if (!u) throw notFound('User');
    return u;
  }

  /** Ends a user's sessions for good (a revoked token never comes back), except `keepTokenId`. */
  private endSessionsOf(userId: number, keepTokenId?: number): number {
    const now = this.clock();
    const cond = keepTokenId === undefined
      ? and(eq(tokens.userId, userId), isNull(tokens.revokedAt))
      : and(eq(tokens.userId, userId), isNull(tokens.revokedAt), ne(tokens.id, keepTokenId));
    return this.db.update(tokens).set({ revokedAt: now }).where(cond).run().changes;
  }

  /** The last active administrator cannot lose the role or be switched off: nobody could then
   * administer the hall. */
  private keepAnAdmin(u: typeof users.$inferSelect, next: { role?: Role; active?: boolean }) {
    const losesAdmin = u.role === 'admin' && u.active && ((next.role !== undefined && next.role !== 'admin') || next.active === false);
    if (!losesAdmin) return;
    const others = this.db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, u.id))).all();
    if (others.length === 0) throw new AppError(409, 'last_admin', 'This is the last active administrator: make another one first', next.active === false ? '/active' : '/role');
  }

  async createUser(input: UserInput, actor: number | null = null) {
    const generated = input.password === undefined ? generatePassword() : undefined;
    const passwordHash = await hashPassword(input.password ?? generated!);
    try {
      return this.tx(() => {
        if (this.db.select({ id: users.id }).from(users).where(eq(users.login, input.login)).get()) throw conflict(`Login ${input.login} is taken`, '/login');
        const u = publicUser(this.db.insert(users).values({
          login: input.login, name: input.name, role: input.role, passwordHash, active: input.active ?? true,
          mustChangePassword: input.mustChangePassword ?? generated !== undefined, createdAt: this.clock(),
        }).returning().get());
        this.audit.record({ actor, action: 'create', entity: 'user', entityId: u.id, after: u });
        return generated ? { ...u, password: generated } : u;
      });
    } catch (e: any) {
      // Two requests for one login racing past the check above.
      if (String(e.code).startsWith('SQLITE_CONSTRAINT')) throw conflict(`Login ${input.login} is taken`, '/login');
      throw e;
    }
  }

  /** A new password ends the user's sessions; deactivation ends them for good. */
  async updateUser(id: number, patch: Partial<Omit<UserInput, 'login'>>, actor: number | null = null) {
    const { password, ...rest } = patch;
    const passwordHash = password ? await hashPassword(password) : undefined;
    return this.tx(() => {
      const u = this.user(id);
      this.keepAnAdmin(u, rest);
      const set = { ...rest, ...(passwordHash ? { passwordHash } : {}) };
      if (Object.keys(set).length) this.db.update(users).set(set).where(eq(users.id, id)).run();
      if (passwordHash || rest.active === false) this.endSessionsOf(id);
      const after = this.user(id);
      this.audit.update(actor, 'user', id, publicUser(u), publicUser(after), rest.active === false && u.active ? 'deactivate' : 'update');
      if (passwordHash) this.audit.record({ actor, action: 'change_password', entity: 'user', entityId: id });
      return publicUser(after);
    });
  }

  /** A generated password, shown once; it must be changed at the next login. */
  async resetPassword(id: number, actor: number | null = null) {
    this.user(id);
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    return this.tx(() => {
      this.user(id);
      this.db.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id)).run();
      const ended = this.endSessionsOf(id);
      this.audit.record({ actor, action: 'reset_password', entity: 'user', entityId: id, after: { mustChangePassword: true, sessionsEnded: ended } });
      return { id, password, mustChangePassword: true };
    });
  }

  endSessions(id: number, actor: number | null = null) {
    return this.tx(() => {
      this.user(id);
      const ended = this.endSessionsOf(id);
      this.audit.record({ actor, action: 'end_sessions', entity: 'user', entityId: id, after: { sessionsEnded: ended } });
      return { ended };
    });
  }

  /** One's own password: the current one is checked, the other sessions end, this one stays. */
  async changeOwnPassword(userId: number, tokenId: number, current: string, next: string) {
    const u = this.user(userId);
    if (!(await verifyPassword(current, u.passwordHash))) throw new AppError(403, 'wrong_password', 'The current password is wrong', '/current');
    if (current === next) throw badRequest('The new password must differ from the current one', '/password');
    const passwordHash = await hashPassword(next);
    return this.tx(() => {
      this.db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId)).run();
      const ended = this.endSessionsOf(userId, tokenId);
      this.audit.record({ actor: userId, action: 'change_password', entity: 'user', entityId: userId, after: { sessionsEnded: ended } });
      return { ok: true, sessionsEnded: ended };
    });
  }

  // --- hall settings and calendar ---

  updateSettings(store: SettingsStore, patch: Partial<HallSettings>, actor: number | null = null): HallSettings {
    const p = { ...patch };
    if (p.publicUrl !== undefined && p.publicUrl !== null) p.publicUrl = normalisePublicUrl(p.publicUrl);
    return this.tx(() => {
      const before = store.get();
      const after = store.update(p);
      const keys = Object.keys(p) as (keyof HallSettings)[];
      const pick = (s: HallSettings) => Object.fromEntries(keys.map((k) => [k, s[k]]));
      this.audit.update(actor, 'settings', null, pick(before), pick(after));
      return after;
    });
  }

  updateCalendar(store: SettingsStore, cal: HallCalendar, actor: number | null = null): HallCalendar {
    const clean = checkCalendar(cal);
    return this.tx(() => {
      const before = store.get().calendar;
      const after = store.update({ calendar: clean }).calendar;
      this.audit.update(actor, 'calendar', null, before, after);
      return after;
    });
  }

  // --- notices ---

  listNotices() { return this.db.select().from(notices).orderBy(asc(notices.id)).all().map(noticeOut); }

  private notice(id: number) {
    const n = this.db.select().from(notices).where(eq(notices.id, id)).get();
    if (!n) throw notFound('Notice');
    return n;
  }

  private noticeValues(input: Partial<NoticeInput>, cur?: { startsAt: number | null; endsAt: number | null }) {
    const ms = (s?: string | null) => (s ? Date.parse(s) : null);
    const v: Partial<typeof notices.$inferInsert> = {};
    if (input.text !== undefined) v.text = input.text;
    if (input.textEn !== undefined) v.textEn = input.textEn;
    if (input.startsAt !== undefined) v.startsAt = ms(input.startsAt);
    if (input.endsAt !== undefined) v.endsAt = ms(input.endsAt);
    const starts = v.startsAt !== undefined ? v.startsAt : cur?.startsAt ?? null;
    const ends = v.endsAt !== undefined ? v.endsAt : cur?.endsAt ?? null;
    if (starts !== null && ends !== null && ends <= starts) throw badRequest('The notice must end after it starts', '/endsAt');
    return v;
  }

  createNotice(input: NoticeInput, actor: number | null = null) {
    const values = { textEn: null, ...this.noticeValues(input), text: input.text, createdAt: this.clock() };
    return this.tx(() => {
      const n = noticeOut(this.db.insert(notices).values(values).returning().get());
      this.audit.record({ actor, action: 'create', entity: 'notice', entityId: n.id, after: n });
      return n;
    });
  }

  updateNotice(id: number, patch: Partial<NoticeInput>, actor: number | null = null) {
    return this.tx(() => {
      const before = this.notice(id);
      const v = this.noticeValues(patch, before);
      if (Object.keys(v).length) this.db.update(notices).set(v).where(eq(notices.id, id)).run();
      const after = noticeOut(this.notice(id));
      this.audit.update(actor, 'notice', id, noticeOut(before), after);
      return after;
    });
  }

  deleteNotice(id: number, actor: number | null = null) {
    this.tx(() => {
      const before = noticeOut(this.notice(id));
      this.db.delete(notices).where(eq(notices.id, id)).run();
      this.audit.record({ actor, action: 'delete', entity: 'notice', entityId: id, before });
    });
  }
}
