// The hall LAN's public endpoints: kiosks, displays and integrations.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { Display, Health, IssuedTicket, Notice, PublicSettingsReply, Service, Ticket, errors } from '../replies';
import { Id, IdParams, strict } from '../schemas';

export const publicRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/health', { schema: { response: { 200: Health } } }, async () => ({ status: 'ok' }));

  app.get('/api/services', { schema: { response: { 200: Type.Array(Service) } } }, async () => ctx.views.services());

  app.get('/api/settings/public', { schema: { response: { 200: PublicSettingsReply } } }, async () => ctx.settings.publicView());

  app.get('/api/notices', { schema: { response: { 200: Type.Array(Notice) } } }, async () => ctx.views.notices());

  app.get('/api/display', { schema: { response: { 200: Display } } }, async () => ctx.views.display());

  app.post('/api/tickets', {
    schema: { body: Type.Object({ serviceId: Id, privileged: Type.Optional(Type.Boolean()) }, strict), response: { 201: IssuedTicket, ...errors(400, 404, 409, 429) } },
    config: { rateLimit: ctx.kioskRateLimit },
  }, async (req, reply) => {
    const body = req.body as { serviceId: number; privileged?: boolean };
    const p = req.principal;
    const source = p?.kind === 'device' ? 'agent' : p?.kind === 'user' ? 'staff' : 'kiosk';
    const issued = await ctx.commits.run(() => ctx.queue.issue(body.serviceId, { privileged: body.privileged, source }));
    const view = ctx.views.ticket(issued.ticket, issued);
    const statusUrl = `/kiosk/?ticket=${view.id}`;
    const printed = await ctx.devices.printTicket({
      ticketId: view.id, number: view.number, serviceName: issued.service.name, serviceNameEn: issued.service.nameEn,
      footer: issued.service.ticketFooter, hallName: ctx.settings.get().hallName, issuedAt: view.issuedAt,
      ahead: issued.ahead, etaMinutes: view.etaMinutes, statusUrl,
    }, { deviceId: p?.kind === 'device' ? p.deviceId : undefined });
    return reply.code(201).send({ ...view, statusUrl, ...(printed === undefined ? {} : { printed }) });
  });

  app.get('/api/tickets/:id', { schema: { params: IdParams, response: { 200: Ticket, ...errors(400, 404) } } }, async (req) => {
    const t = ctx.queue.getTicket(Number((req.params as IdParams).id));
    if (!t) throw notFound('Ticket');
    return ctx.views.ticket(t);
  });
};
