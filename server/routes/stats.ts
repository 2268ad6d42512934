// Statistics (role supervisor).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { requireRole } from '../auth/guard';
import type { AppContext } from '../context';
import { badRequest } from '../errors';

const Range = Type.Object({ from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }) }, { additionalProperties: false });

export const statsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('supervisor'));

  app.get('/api/stats/summary', { schema: { querystring: Range } }, async (req) => {
    const q = req.query as { from: string; to: string };
    const from = Date.parse(q.from), to = Date.parse(q.to);
    if (!(from < to)) throw badRequest('`from` must be before `to`');
    return ctx.stats.summary(from, to);
  });
};
