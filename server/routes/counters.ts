// Counter work: thin translations of HTTP into queue commands.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { requireRole, staff } from '../auth/guard';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { errors } from '../replies/common';
import { Counter, CounterReply, CounterWork, StaffSettings, TicketReply } from '../replies/public';
import { Id, IdParams, strict } from '../schemas';

const Outcome = Type.String({ minLength: 1, maxLength: 64 });
const emptyOr = <T extends ReturnType<typeof Type.Object>>(t: T) => Type.Union([t, Type.Null()]);
const refused = errors(400, 401, 403, 404, 409);
const ticketAnswer = { 200: TicketReply, ...refused };
const counterAnswer = { 200: CounterReply, ...refused };

export const counterRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('operator'));
  const id = (req: { params: unknown }) => Number((req.params as IdParams).id);
  const ticketOf = (t: ReturnType<typeof ctx.queue.getTicket>) => (t ? ctx.views.ticket(t) : null);

  app.get('/api/counters', { schema: { response: { 200: Type.Array(Counter), ...errors(401, 403) } } }, async () => ctx.views.counters());

  app.get('/api/counters/:id', { schema: { params: IdParams, response: { 200: CounterWork, ...refused } } }, async (req) => {
    const view = ctx.views.counterWork(id(req), staff(req).id);
    if (!view) throw notFound('Counter');
    return view;
  });

  app.get('/api/staff/settings', { schema: { response: { 200: StaffSettings, ...errors(401, 403) } } }, async () => {
    const s = ctx.settings.get();
    return { outcomes: s.outcomes, breakReasons: s.breakReasons, recallLimit: s.recallLimit };
  });

  const counterView = (cId: number) => ctx.views.counters().find((c) => c.id === cId);

  app.post('/api/counters/:id/open', { schema: { params: IdParams, response: counterAnswer } }, async (req) => {
    const c = await ctx.commits.run(() => ctx.queue.open(id(req), staff(req).id));
    return { counter: counterView(c.id) };
  });

  app.post('/api/counters/:id/next', {
    schema: { params: IdParams, body: Type.Optional(emptyOr(Type.Object({ finishCurrent: Type.Optional(Type.Boolean()), outcome: Type.Optional(Outcome) }, strict))), response: ticketAnswer },
  }, async (req) => {
    const body = (req.body ?? {}) as { finishCurrent?: boolean; outcome?: string };
    return { ticket: ticketOf((await ctx.commits.run(() => ctx.queue.next(id(req), staff(req).id, body))) ?? undefined) };
  });

  for (const [path, action] of [['recall', 'recall'], ['start', 'start'], ['no-show', 'no_show']] as const) {
    app.post(`/api/counters/:id/${path}`, { schema: { params: IdParams, response: ticketAnswer } }, async (req) => ({ ticket: ticketOf(await ctx.commits.run(() => ctx.queue.act(id(req), staff(req).id, action))) }));
  }

  app.post('/api/counters/:id/finish', {
    schema: { params: IdParams, body: Type.Optional(emptyOr(Type.Object({ outcome: Type.Optional(Outcome) }, strict))), response: ticketAnswer },
  }, async (req) => ({ ticket: ticketOf(await ctx.commits.run(() => ctx.queue.act(id(req), staff(req).id, 'finish', (req.body ?? {}) as { outcome?: string }))) }));

  app.post('/api/counters/:id/transfer', {
    schema: { params: IdParams, body: Type.Object({ serviceId: Type.Optional(Id), counterId: Type.Optional(Id) }, { ...strict, minProperties: 1 }), response: ticketAnswer },
  }, async (req) => ({ ticket: ticketOf(await ctx.commits.run(() => ctx.queue.act(id(req), staff(req).id, 'transfer', req.body as { serviceId?: number; counterId?: number }))) }));

  app.post('/api/counters/:id/postpone', {
    schema: { params: IdParams, body: Type.Object({ minutes: Type.Number({ minimum: 0.25, maximum: 120 }) }, strict), response: ticketAnswer },
  }, async (req) => ({ ticket: ticketOf(await ctx.commits.run(() => ctx.queue.act(id(req), staff(req).id, 'postpone', req.body as { minutes: number }))) }));

  app.post('/api/counters/:id/break', {
    schema: { params: IdParams, body: Type.Optional(emptyOr(Type.Object({ reason: Type.Optional(Type.String({ maxLength: 200 })) }, strict))), response: counterAnswer },
  }, async (req) => ({ counter: counterView((await ctx.commits.run(() => ctx.queue.setState(id(req), staff(req).id, 'break', (req.body as { reason?: string } | null)?.reason))).id) }));

  for (const action of ['resume', 'close'] as const) {
    app.post(`/api/counters/:id/${action}`, { schema: { params: IdParams, response: counterAnswer } }, async (req) => ({ counter: counterView((await ctx.commits.run(() => ctx.queue.setState(id(req), staff(req).id, action))).id) }));
  }
};
