// Administration (role admin): services, counters, users, notices, settings.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { requireRole } from '../auth/guard';
import { backupDatabase } from '../hall/backup';
import type { AppContext } from '../context';
import { HHMM, Id, IdParams, Name, Nullable, Password, Prefix, Role, strict } from '../schemas';

const ServiceFields = {
  nameEn: Type.Optional(Nullable(Name)),
  maxWaitSec: Type.Optional(Type.Integer({ minimum: 60, maximum: 86_400 })),
  defaultServiceSec: Type.Optional(Type.Integer({ minimum: 30, maximum: 14_400 })),
  normServiceSec: Type.Optional(Nullable(Type.Integer({ minimum: 30, maximum: 14_400 }))),
  groupName: Type.Optional(Nullable(Name)),
  groupNameEn: Type.Optional(Nullable(Name)),
  openFrom: Type.Optional(Nullable(HHMM)),
  openTo: Type.Optional(Nullable(HHMM)),
  dailyLimit: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000 }))),
  script: Type.Optional(Type.String({ maxLength: 20_000 })),
  ticketFooter: Type.Optional(Type.String({ maxLength: 500 })),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  active: Type.Optional(Type.Boolean()),
};
const CounterLinks = Type.Array(Type.Object({ serviceId: Id, priority: Type.Integer({ minimum: 1, maximum: 9 }) }, strict), { maxItems: 100 });
const Choices = Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), ru: Name, en: Name }, strict), { minItems: 1, maxItems: 20 });
const IsoTime = Type.String({ format: 'date-time' });
const BoardLang = Type.Union([Type.Literal('ru'), Type.Literal('en')]);
const BoardProfile = Type.Object({
  orientation: Type.Optional(Type.Union([Type.Literal('landscape'), Type.Literal('portrait')])),
  rows: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  counters: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  sound: Type.Optional(Type.Boolean()),
  voice: Type.Optional(Type.Boolean()),
  volume: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  lang: Type.Optional(BoardLang),
  voiceLangs: Type.Optional(Type.Array(BoardLang, { minItems: 1, maxItems: 2, uniqueItems: true })),
  blinkSec: Type.Optional(Type.Integer({ minimum: 0, maximum: 30 })),
}, strict);
/** Board names go in a URL typed on a TV remote: short, Latin, no spaces. */
const Boards = Type.Record(Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,39}$' }), BoardProfile, { maxProperties: 50, additionalProperties: false });

export const adminRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('admin'));
  const id = (req: { params: unknown }) => Number((req.params as IdParams).id);
  const a = ctx.admin;
  // Kiosks and boards refetch services on this event.
  const servicesChanged = () => ctx.hub.publish([{ type: 'services.changed' }]);

  app.get('/api/admin/services', async () => a.listServices());
  app.post('/api/admin/services', { schema: { body: Type.Object({ name: Name, prefix: Prefix, ...ServiceFields }, strict) } }, async (req, reply) => {
    const s = a.createService(req.body as any);
    servicesChanged();
    return reply.code(201).send(s);
  });
  app.patch('/api/admin/services/:id', { schema: { params: IdParams, body: Type.Object({ name: Type.Optional(Name), prefix: Type.Optional(Prefix), ...ServiceFields }, strict) } }, async (req) => {
    const s = a.updateService(id(req), req.body as any);
    servicesChanged();
    return s;
  });

  app.get('/api/admin/counters', async () => a.listCounters());
  app.post('/api/admin/counters', { schema: { body: Type.Object({ name: Name, services: CounterLinks, active: Type.Optional(Type.Boolean()) }, strict) } }, async (req, reply) => {
    const cid = a.createCounter(req.body as any);
    return reply.code(201).send(a.getCounter(cid));
  });
  app.patch('/api/admin/counters/:id', { schema: { params: IdParams, body: Type.Object({ name: Type.Optional(Name), services: Type.Optional(CounterLinks), active: Type.Optional(Type.Boolean()) }, strict) } }, async (req) => {
    const c = a.updateCounter(id(req), req.body as any);
    servicesChanged();
    return c;
  });

  app.get('/api/admin/users', async () => a.listUsers());
  app.post('/api/admin/users', { schema: { body: Type.Object({ login: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._@-]+$' }), name: Name, password: Password, role: Role, active: Type.Optional(Type.Boolean()) }, strict) } },
    async (req, reply) => reply.code(201).send(await a.createUser(req.body as any)));
  app.patch('/api/admin/users/:id', { schema: { params: IdParams, body: Type.Object({ name: Type.Optional(Name), password: Type.Optional(Password), role: Type.Optional(Role), active: Type.Optional(Type.Boolean()) }, strict) } },
    async (req) => a.updateUser(id(req), req.body as any));

  const noticesChanged = () => ctx.hub.publish([{ type: 'notices.changed', notices: ctx.views.notices() }]);
  app.get('/api/admin/notices', async () => a.listNotices());
  app.post('/api/admin/notices', { schema: { body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 1000 }), textEn: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))), startsAt: Type.Optional(Nullable(IsoTime)), endsAt: Type.Optional(Nullable(IsoTime)) }, strict) } },
    async (req, reply) => { const n = a.createNotice(req.body as any); noticesChanged(); return reply.code(201).send(n); });
  app.delete('/api/admin/notices/:id', { schema: { params: IdParams } }, async (req) => { a.deleteNotice(id(req)); noticesChanged(); return { ok: true }; });

  app.post('/api/admin/backup', async (_req, reply) => reply.code(201).send(await backupDatabase(ctx.sql, ctx.config.dataDir, ctx.clock())));

  app.get('/api/admin/settings', async () => ctx.settings.get());
  app.put('/api/admin/settings', {
    schema: { body: Type.Object({
      hallName: Type.Optional(Name), hallNameEn: Type.Optional(Name), privilegedEnabled: Type.Optional(Type.Boolean()),
      overdueAtPct: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
      recallLimit: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })), outcomes: Type.Optional(Choices), breakReasons: Type.Optional(Choices),
      boards: Type.Optional(Boards),
      breakLimitSec: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }), Type.Integer({ minimum: 60, maximum: 28_800 }), { maxProperties: 50, additionalProperties: false })),
    }, strict) },
  }, async (req) => {
    const s = ctx.settings.update(req.body as any);
    ctx.hub.publish([{ type: 'services.changed' }, { type: 'settings.changed', settings: ctx.settings.publicView() }]);
    return s;
  });
};
