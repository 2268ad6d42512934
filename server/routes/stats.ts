// Statistics (role supervisor).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { requireRole } from '../auth/guard';
import type { AppContext } from '../context';
import { badRequest } from '../errors';
import { ticketsCsv } from '../hall/stats';

const Range = Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) }, { additionalProperties: false });

export const statsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('supervisor'));

  const range = (q: unknown) => {
    const { from, to } = q as { from: string; to: string };
    const r = { from: Date.parse(from), to: Date.parse(to) };
    if (!(r.from < r.to)) throw badRequest('`from` must be before `to`');
    return r;
  };

  app.get('/api/stats/summary', { schema: { querystring: Range } }, async (req) => {
    const { from, to } = range(req.query);
    return ctx.stats.summary(from, to);
  });

  app.get('/api/stats/tickets.csv', { schema: { querystring: Range } }, async (req, reply) => {
    const { from, to } = range(req.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tickets.csv"').send(ticketsCsv(ctx.sql, from, to));
  });
};
