// Administration (role admin): services, counters, users, notices, settings, the hall calendar and
// the audit log. Every change is audited (server/hall/audit.ts) and announced on the websocket,
// so open kiosks, consoles and boards follow it at once.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { requireRole, staff } from '../auth/guard';
import type { AppContext } from '../context';
import type { CounterView } from '../protocol';
import { Calendar, CounterLinks, IsoTime, Login, NoticeText, NoticeTextEn, ServiceFields, settingsFields } from '../config/fields';
import { AdminCounter, AdminCounters, AdminServiceRow, AdminServices, AdminUser, AuditEntries, BackupMade, CalendarReply, NewUser, PasswordReset, SessionsEnded, Settings } from '../replies/admin';
import { file, staffErrors } from '../replies/common';
import { Notice, Ok } from '../replies/public';
import { Id, IdParams, IdText, Name, Nullable, Password, Prefix, Role, strict } from '../schemas';

const AuditQuery = Type.Object({
  from: Type.Optional(IsoTime), to: Type.Optional(IsoTime),
  entity: Type.Optional(Type.String({ pattern: '^[a-z_]{1,32}$' })),
  userId: Type.Optional(IdText),
  limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,5}$' })),
}, strict);

/** The counter.changed events of counters whose name, services or state an administrator changed. */
export const counterChangedEvents = (list: Pick<CounterView, 'id' | 'name' | 'state'>[]) =>
  list.map((c) => ({ type: 'counter.changed' as const, counter: { id: c.id, name: c.name, state: c.state } }));

export const adminRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('admin'));
  const id = (req: { params: unknown }) => Number((req.params as IdParams).id);
  const me = (req: Parameters<typeof staff>[0]) => staff(req).id;
  const a = ctx.admin;
  // Kiosks and boards refetch services on this event.
  const servicesChanged = () => ctx.hub.publish([{ type: 'services.changed' }]);
  const countersChanged = (list: Pick<CounterView, 'id' | 'name' | 'state'>[]) =>
    ctx.hub.publish([...counterChangedEvents(list), { type: 'services.changed' }]);

  app.get('/api/admin/services', { schema: { response: { 200: AdminServices, ...staffErrors() } } }, async () => a.listServices());
  app.post('/api/admin/services', { schema: { body: Type.Object({ name: Name, prefix: Prefix, ...ServiceFields }, strict), response: { 201: AdminServiceRow, ...staffErrors(400, 409) } } }, async (req, reply) => {
    const s = a.createService(req.body as any, me(req));
    servicesChanged();
    return reply.code(201).send(s);
  });
  app.patch('/api/admin/services/:id', { schema: { params: IdParams, body: Type.Object({ name: Type.Optional(Name), prefix: Type.Optional(Prefix), ...ServiceFields }, strict), response: { 200: AdminServiceRow, ...staffErrors(400, 404, 409) } } }, async (req) => {
    const s = a.updateService(id(req), req.body as any, me(req));
    servicesChanged();
    return s;
  });
  app.put('/api/admin/services/order', { schema: { body: Type.Object({ ids: Type.Array(Id, { maxItems: 1000 }) }, strict), response: { 200: AdminServices, ...staffErrors(400) } } }, async (req) => {
    const list = a.reorderServices((req.body as { ids: number[] }).ids, me(req));
    servicesChanged();
    return list;
  });

  app.get('/api/admin/counters', { schema: { response: { 200: AdminCounters, ...staffErrors() } } }, async () => a.listCounters());
  app.post('/api/admin/counters', { schema: { body: Type.Object({ name: Name, services: CounterLinks, active: Type.Optional(Type.Boolean()) }, strict), response: { 201: AdminCounter, ...staffErrors(400, 404, 409) } } }, async (req, reply) => {
    const c = a.getCounter(a.createCounter(req.body as any, me(req)));
    countersChanged([c]);
    return reply.code(201).send(c);
  });
  app.patch('/api/admin/counters/:id', { schema: { params: IdParams, body: Type.Object({ name: Type.Optional(Name), services: Type.Optional(CounterLinks), active: Type.Optional(Type.Boolean()) }, strict), response: { 200: AdminCounter, ...staffErrors(400, 404, 409) } } }, async (req) => {
    const c = a.updateCounter(id(req), req.body as any, me(req));
    countersChanged([c]);
    return c;
  });
  // The counters × services grid in one transaction.
  app.put('/api/admin/counter-services', {
    schema: { body: Type.Object({ grid: Type.Array(Type.Object({ counterId: Id, services: CounterLinks }, strict), { maxItems: 500 }) }, strict), response: { 200: AdminCounters, ...staffErrors(400, 404, 409) } },
  }, async (req) => {
    const grid = (req.body as { grid: { counterId: number; services: { serviceId: number; priority: number }[] }[] }).grid;
    const list = a.setGrid(grid, me(req));
    countersChanged(list.filter((c) => grid.some((g) => g.counterId === c.id)));
    return list;
  });

  app.get('/api/admin/users', { schema: { response: { 200: Type.Array(AdminUser), ...staffErrors() } } }, async () => a.listUsers());
  app.post('/api/admin/users', {
    schema: { body: Type.Object({ login: Login, name: Name, password: Type.Optional(Password), role: Role, active: Type.Optional(Type.Boolean()), mustChangePassword: Type.Optional(Type.Boolean()) }, strict), response: { 201: NewUser, ...staffErrors(400, 409) } },
  }, async (req, reply) => reply.code(201).send(await a.createUser(req.body as any, me(req))));
  app.patch('/api/admin/users/:id', {
    schema: { params: IdParams, body: Type.Object({ name: Type.Optional(Name), password: Type.Optional(Password), role: Type.Optional(Role), active: Type.Optional(Type.Boolean()), mustChangePassword: Type.Optional(Type.Boolean()) }, strict), response: { 200: AdminUser, ...staffErrors(400, 404, 409) } },
  }, async (req) => a.updateUser(id(req), req.body as any, me(req)));
  app.post('/api/admin/users/:id/reset-password', { schema: { params: IdParams, response: { 200: PasswordReset, ...staffErrors(400, 404) } } }, async (req) => a.resetPassword(id(req), me(req)));
  app.post('/api/admin/users/:id/end-sessions', { schema: { params: IdParams, response: { 200: SessionsEnded, ...staffErrors(400, 404) } } }, async (req) => a.endSessions(id(req), me(req)));

  // A notice that starts or ends later reaches the boards at that moment: a timer waits for the
  // next start or end of any notice (at most an hour, then it looks again).
  let noticeTimer: NodeJS.Timeout | undefined;
  const scheduleNotices = () => {
    clearTimeout(noticeTimer);
    const now = ctx.clock();
    const next = Math.min(...a.listNotices().flatMap((n) => [n.startsAt, n.endsAt]).map((t) => (t ? Date.parse(t) : Infinity)).filter((t) => t > now));
    noticeTimer = setTimeout(() => { noticesChanged(); }, Math.min(Number.isFinite(next) ? next - now : 3600_000, 3600_000));
    noticeTimer.unref();
  };
  const noticesChanged = () => { ctx.hub.publish([{ type: 'notices.changed', notices: ctx.views.notices() }]); scheduleNotices(); };
  scheduleNotices();
  app.addHook('onClose', async () => clearTimeout(noticeTimer));
  const NoticeFields = { textEn: Type.Optional(NoticeTextEn), startsAt: Type.Optional(Nullable(IsoTime)), endsAt: Type.Optional(Nullable(IsoTime)) };
  app.get('/api/admin/notices', { schema: { response: { 200: Type.Array(Notice), ...staffErrors() } } }, async () => a.listNotices());
  app.post('/api/admin/notices', { schema: { body: Type.Object({ text: NoticeText, ...NoticeFields }, strict), response: { 201: Notice, ...staffErrors(400) } } },
    async (req, reply) => { const n = a.createNotice(req.body as any, me(req)); noticesChanged(); return reply.code(201).send(n); });
  app.patch('/api/admin/notices/:id', { schema: { params: IdParams, body: Type.Object({ text: Type.Optional(NoticeText), ...NoticeFields }, strict), response: { 200: Notice, ...staffErrors(400, 404) } } },
    async (req) => { const n = a.updateNotice(id(req), req.body as any, me(req)); noticesChanged(); return n; });
  app.delete('/api/admin/notices/:id', { schema: { params: IdParams, response: { 200: Ok, ...staffErrors(400, 404) } } }, async (req) => { a.deleteNotice(id(req), me(req)); noticesChanged(); return { ok: true }; });

  app.post('/api/admin/backup', { schema: { response: { 201: BackupMade, ...staffErrors(503) } } }, async (_req, reply) => reply.code(201).send(await ctx.backups.create()));

  const settingsChanged = () => ctx.hub.publish([{ type: 'services.changed' }, { type: 'settings.changed', settings: ctx.settings.publicView() }]);
  app.get('/api/admin/settings', { schema: { response: { 200: Settings, ...staffErrors() } } }, async () => ctx.settings.get());
  app.put('/api/admin/settings', { schema: { body: Type.Object(settingsFields(Id), strict), response: { 200: Settings, ...staffErrors(400) } } }, async (req) => {
    const s = a.updateSettings(ctx.settings, req.body as any, me(req));
    settingsChanged();
    return s;
  });

  app.get('/api/admin/calendar', { schema: { response: { 200: CalendarReply, ...staffErrors() } } }, async () => ctx.settings.get().calendar);
  app.put('/api/admin/calendar', { schema: { body: Calendar, response: { 200: CalendarReply, ...staffErrors(400) } } }, async (req) => {
    const cal = a.updateCalendar(ctx.settings, req.body as any, me(req));
    settingsChanged();
    return cal;
  });

  const auditFilter = (q: unknown) => {
    const f = q as { from?: string; to?: string; entity?: string; userId?: string; limit?: string };
    return {
      from: f.from ? Date.parse(f.from) : undefined, to: f.to ? Date.parse(f.to) : undefined, entity: f.entity,
      userId: f.userId ? Number(f.userId) : undefined, limit: f.limit ? Number(f.limit) : undefined,
    };
  };
  app.get('/api/admin/audit', { schema: { querystring: AuditQuery, response: { 200: AuditEntries, ...staffErrors(400) } } }, async (req) => ctx.audit.list(auditFilter(req.query)));
  app.get('/api/admin/audit.csv', { schema: { querystring: AuditQuery, response: { 200: file('text/csv', 'The audit log as CSV (UTF-8 with a BOM)', false), ...staffErrors(400) } } }, async (req, reply) =>
    reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit.csv"').send(ctx.audit.csv(auditFilter(req.query))));
};
