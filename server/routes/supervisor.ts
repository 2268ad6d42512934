// What the supervisor's screens need beyond the contract (role supervisor): the tickets of a
// report's range and filters, a page at a time (a row's drill-down reaches each ticket's
// history), the distribution of their waits and arrivals (the reports' charts), and one
// service's queue now (the live hall's drill-down).
import type { FastifyPluginAsync } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { requireRole } from '../auth/guard';
import type { AppContext } from '../context';
import { ReportDetails } from '../hall/report-details';
import { ServiceQueue } from '../hall/service-queue';
import { notFound } from '../errors';
import { IdParams, Nullable, strict } from '../schemas';
import { ReportParams, reportFilters } from './stats';

const { by: _by, lang: _lang, ...filterProps } = ReportParams.properties;
const Filters = Type.Object(filterProps, strict);
const Paged = Type.Object({
  ...filterProps,
  offset: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,8})$' })),
  limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$' })),
}, strict);
type FilterQuery = { from: string; to: string; serviceId?: string; counterId?: string; userId?: string; targetSec?: string };

const Ref = Nullable(Type.Object({ id: Type.Integer(), name: Type.String() }));
const Sec = Nullable(Type.Integer());
const TicketsReply = Type.Object({
  total: Type.Integer(),
  tickets: Type.Array(Type.Object({
    id: Type.Integer(), number: Type.String(), serviceId: Type.Integer(), originalServiceId: Type.Integer(), status: Type.String(),
    issuedAt: Type.String(), calledAt: Nullable(Type.String()), finishedAt: Nullable(Type.String()), waitSec: Sec, serviceSec: Sec, counter: Ref, user: Ref,
  })),
});
const DistributionReply = Type.Object({
  tz: Type.String(),
  targetSec: Sec,
  waits: Type.Array(Type.Object({ fromSec: Type.Integer(), toSec: Sec, tickets: Type.Integer() })),
  arrivals: Type.Array(Type.Object({ weekday: Type.Integer(), hour: Type.Integer(), issued: Type.Integer() })),
});
const QueueReply = Type.Object({
  at: Type.String(), serviceId: Type.Integer(), maxWaitSec: Type.Integer(),
  tickets: Type.Array(Type.Object({
    id: Type.Integer(), number: Type.String(), status: Type.String(), privileged: Type.Boolean(), issuedAt: Type.String(), waitSec: Type.Integer(),
    counter: Ref, postponedUntil: Nullable(Type.String()),
  })),
});
const ok = (schema: TSchema) => ({ 200: schema });

export const supervisorRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('supervisor'));
  const details = new ReportDetails(ctx.sql, ctx.config.timezone);
  const queue = new ServiceQueue(ctx.sql, ctx.clock);

  app.get('/api/stats/report/tickets', { schema: { querystring: Paged, response: ok(TicketsReply) } }, async (req) => {
    const q = req.query as FilterQuery & { offset?: string; limit?: string };
    const { targetSec: _, ...f } = reportFilters(ctx, q);
    return details.tickets(f, Number(q.offset ?? 0), Number(q.limit ?? 200));
  });

  app.get('/api/stats/distribution', { schema: { querystring: Filters, response: ok(DistributionReply) } }, async (req) => {
    return { tz: ctx.config.timezone, ...details.distribution(reportFilters(ctx, req.query as FilterQuery)) };
  });

  app.get('/api/stats/live/services/:id', { schema: { params: IdParams, response: ok(QueueReply) } }, async (req) => {
    const v = queue.view(Number((req.params as IdParams).id));
    if (!v) throw notFound('Service');
    return v;
  });
};
