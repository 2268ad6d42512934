// Administration of services, counters, users and notices (drizzle; not a hot path).
import { asc, eq, and, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { counterServices, counters, notices, services, users } from '../../db/schema';
import { hashPassword } from '../auth/password';
import { conflict, notFound } from '../errors';
import type { Role } from '../protocol';
import { iso } from './rows';

export interface ServiceInput {
  name: string; prefix: string; nameEn?: string | null; maxWaitSec?: number; defaultServiceSec?: number; normServiceSec?: number | null;
  groupName?: string | null; groupNameEn?: string | null; openFrom?: string | null; openTo?: string | null;
  dailyLimit?: number | null; script?: string; ticketFooter?: string; sortOrder?: number; active?: boolean;
}
export interface CounterInput { name: string; services: { serviceId: number; priority: number }[]; active?: boolean }
export interface UserInput { login: string; name: string; password: string; role: Role; active?: boolean }

const publicUser = (u: typeof users.$inferSelect) => ({ id: u.id, login: u.login, name: u.name, role: u.role as Role, active: u.active });

export class AdminService {
  constructor(private db: Db, private clock: () => number) {}

  listServices() { return this.db.select().from(services).orderBy(asc(services.sortOrder), asc(services.id)).all(); }

  private checkPrefix(prefix: string, exceptId?: number) {
    const clash = this.db.select({ id: services.id }).from(services)
      .where(exceptId ? and(eq(services.prefix, prefix), eq(services.active, true), ne(services.id, exceptId)) : and(eq(services.prefix, prefix), eq(services.active, true))).get();
    // Two services with one prefix would print the same numbers on one day.
    if (clash) throw conflict(`Prefix ${prefix} is already used by another service`);
  }

  createService(input: ServiceInput) {
    this.checkPrefix(input.prefix);
    return this.db.insert(services).values(input).returning().get();
  }

  updateService(id: number, patch: Partial<ServiceInput>) {
    if (!this.db.select({ id: services.id }).from(services).where(eq(services.id, id)).get()) throw notFound('Service');
    if (patch.prefix) this.checkPrefix(patch.prefix, id);
    if (Object.keys(patch).length) this.db.update(services).set(patch).where(eq(services.id, id)).run();
    return this.db.select().from(services).where(eq(services.id, id)).get()!;
  }

  private counterWithServices(id: number) {
    const c = this.db.select().from(counters).where(eq(counters.id, id)).get();
    if (!c) throw notFound('Counter');
    const links = this.db.select({ serviceId: counterServices.serviceId, priority: counterServices.priority }).from(counterServices)
      .where(eq(counterServices.counterId, id)).orderBy(asc(counterServices.priority), asc(counterServices.serviceId)).all();
    return { id: c.id, name: c.name, state: c.state, active: c.active, userId: c.userId, services: links };
  }

  listCounters() {
    return this.db.select({ id: counters.id }).from(counters).orderBy(asc(counters.id)).all().map((c) => this.counterWithServices(c.id));
  }

  private checkServices(links: CounterInput['services']) {
    const ids = new Set(links.map((l) => l.serviceId));
    if (ids.size !== links.length) throw conflict('A service is listed twice');
    for (const sid of ids) if (!this.db.select({ id: services.id }).from(services).where(eq(services.id, sid)).get()) throw notFound(`Service ${sid}`);
  }

  createCounter(input: CounterInput) {
    this.checkServices(input.services);
    return this.db.transaction((tx) => {
      const c = tx.insert(counters).values({ name: input.name, active: input.active ?? true }).returning().get();
      if (input.services.length) tx.insert(counterServices).values(input.services.map((s) => ({ counterId: c.id, ...s }))).run();
      return c.id;
    }, { behavior: 'immediate' }) as unknown as number;
  }

  getCounter(id: number) { return this.counterWithServices(id); }

  updateCounter(id: number, patch: Partial<CounterInput>) {
    this.counterWithServices(id);
    if (patch.services) this.checkServices(patch.services);
    this.db.transaction((tx) => {
      if (patch.name !== undefined || patch.active !== undefined) tx.update(counters).set({ name: patch.name, active: patch.active }).where(eq(counters.id, id)).run();
      if (patch.services) {
        tx.delete(counterServices).where(eq(counterServices.counterId, id)).run();
        if (patch.services.length) tx.insert(counterServices).values(patch.services.map((s) => ({ counterId: id, ...s }))).run();
      }
    });
    return this.counterWithServices(id);
  }

  listUsers() { return this.db.select().from(users).orderBy(asc(users.id)).all().map(publicUser); }

  async createUser(input: UserInput) {
    if (this.db.select({ id: users.id }).from(users).where(eq(users.login, input.login)).get()) throw conflict(`Login ${input.login} is taken`);
    const passwordHash = await hashPassword(input.password);
    try {
      return publicUser(this.db.insert(users).values({ login: input.login, name: input.name, role: input.role, passwordHash, active: input.active ?? true, createdAt: this.clock() }).returning().get());
    } catch (e: any) {
      // Two requests for one login racing past the check above.
      if (String(e.code).startsWith('SQLITE_CONSTRAINT')) throw conflict(`Login ${input.login} is taken`);
      throw e;
    }
  }

  async updateUser(id: number, patch: Partial<Omit<UserInput, 'login'>>) {
    if (!this.db.select({ id: users.id }).from(users).where(eq(users.id, id)).get()) throw notFound('User');
    const { password, ...rest } = patch;
    const set = { ...rest, ...(password ? { passwordHash: await hashPassword(password) } : {}) };
    if (Object.keys(set).length) this.db.update(users).set(set).where(eq(users.id, id)).run();
    return publicUser(this.db.select().from(users).where(eq(users.id, id)).get()!);
  }

  listNotices() {
    return this.db.select().from(notices).orderBy(asc(notices.id)).all().map((n) => ({ id: n.id, text: n.text, textEn: n.textEn, startsAt: iso(n.startsAt), endsAt: iso(n.endsAt) }));
  }

  createNotice(input: { text: string; textEn?: string | null; startsAt?: string | null; endsAt?: string | null }) {
    const ms = (s?: string | null) => (s ? Date.parse(s) : null);
    const n = this.db.insert(notices).values({ text: input.text, textEn: input.textEn ?? null, startsAt: ms(input.startsAt), endsAt: ms(input.endsAt), createdAt: this.clock() }).returning().get();
    return { id: n.id, text: n.text, textEn: n.textEn, startsAt: iso(n.startsAt), endsAt: iso(n.endsAt) };
  }

  deleteNotice(id: number) {
    if (this.db.delete(notices).where(eq(notices.id, id)).run().changes !== 1) throw notFound('Notice');
  }
}
