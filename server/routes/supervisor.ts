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
import { staffErrors } from '../replies/common';
import { DistributionReply, ReportTickets, ServiceQueueReply } from '../replies/stats';
import { IdParams, strict } from '../schemas';
import { ReportParams, reportFilters } from './stats';

const { by: _by, lang: _lang, ...filterProps } = ReportParams.properties;
const Filters = Type.Object(filterProps, strict);
const Paged = Type.Object({
  ...filterProps,
  offset: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,8})$' })),
  limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,2}|1000)$' })),
}, strict);
type FilterQuery = { from: string; to: string; serviceId?: string; counterId?: string; userId?: string; targetSec?: string };

const ok = (schema: TSchema) => ({ 200: schema, ...staffErrors(400, 404) });

export const supervisorRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('supervisor'));
  const details = new ReportDetails(ctx.sql, ctx.config.timezone);
  const queue = new ServiceQueue(ctx.sql, ctx.clock);

  app.get('/api/stats/report/tickets', { schema: { querystring: Paged, response: ok(ReportTickets) } }, async (req) => {
    const q = req.query as FilterQuery & { offset?: string; limit?: string };
    const { targetSec: _, ...f } = reportFilters(ctx, q);
    return details.tickets(f, Number(q.offset ?? 0), Number(q.limit ?? 200));
  });

  app.get('/api/stats/distribution', { schema: { querystring: Filters, response: ok(DistributionReply) } }, async (req) => {
    return { tz: ctx.config.timezone, ...details.distribution(reportFilters(ctx, req.query as FilterQuery)) };
  });

  app.get('/api/stats/live/services/:id', { schema: { params: IdParams, response: ok(ServiceQueueReply) } }, async (req) => {
    const v = queue.view(Number((req.params as IdParams).id));
    if (!v) throw notFound('Service');
    return v;
  });
};
