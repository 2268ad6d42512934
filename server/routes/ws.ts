// GET /api/ws: the snapshot, then every committed change in seq order.
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context';
import { upgradeRequired } from '../upgrades';

export const wsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.route({ method: 'GET', url: '/api/ws', handler: upgradeRequired, wsHandler: (socket) => {
    ctx.hub.add(socket, () => ({
      at: new Date(ctx.clock()).toISOString(),
      bootId: ctx.bootId,
      version: ctx.version,
      ...ctx.views.display(),
      services: ctx.views.services(),
      counters: ctx.views.counters(),
      settings: ctx.settings.publicView(),
    }));
  } });
};
