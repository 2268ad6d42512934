// The hall LAN's public endpoints: kiosks, displays and integrations.
// A ticket's status is public twice: by its unguessable code (the QR, the status page) and, as
// the contract says, by its id; without a staff token both show only the contract's fields, and
// the id, which can be counted through, is rate-limited tightly (docs/hardening.md).
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { TICKET_CODE } from '../hall/ticket-code';
import { errors } from '../replies/common';
import { Display, Health, IssuedTicket, Notice, PublicSettingsReply, Service, Ticket } from '../replies/public';
import { Id, IdParams, strict } from '../schemas';

/** Per address and minute, for clients without a token. A status page asks at most once a second;
 * a hall's phones may share one address behind its Wi-Fi router. */
const BY_CODE_PER_MIN = 600;
const BY_ID_PER_MIN = 60;
const hasToken = (req: { principal: unknown }) => req.principal !== null;

export const publicRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get('/api/health', { schema: { response: { 200: Health, ...errors(503) } } }, async () => {
    const full = ctx.disk.problem();
    if (full) throw new AppError(503, 'disk_full', full);
    return { status: 'ok' };
  });

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
    const statusUrl = `/kiosk/?ticket=${issued.ticket.code}`;
    const printed = await ctx.devices.printTicket({
      ticketId: view.id, number: view.number, serviceName: issued.service.name, serviceNameEn: issued.service.nameEn,
      footer: issued.service.ticketFooter, hallName: ctx.settings.get().hallName, issuedAt: view.issuedAt,
      ahead: issued.ahead, etaMinutes: view.etaMinutes, statusUrl,
    }, { deviceId: p?.kind === 'device' ? p.deviceId : undefined });
    return reply.code(201).send({ ...view, statusUrl, ...(printed === undefined ? {} : { printed }) });
  });

  app.get('/api/tickets/:id', {
    schema: { params: IdParams, response: { 200: Ticket, ...errors(400, 404, 429) } },
    config: { rateLimit: { max: BY_ID_PER_MIN, timeWindow: 60_000, allowList: hasToken } },
  }, async (req) => {
    const t = ctx.queue.getTicket(Number((req.params as IdParams).id));
    if (!t) throw notFound('Ticket');
    return req.principal?.kind === 'user' ? ctx.views.ticket(t) : ctx.views.publicTicket(t);
  });

  app.get('/api/tickets/by-code/:code', {
    schema: { params: Type.Object({ code: Type.String({ pattern: TICKET_CODE }) }, strict), response: { 200: Ticket, ...errors(400, 404, 429) } },
    config: { rateLimit: { max: BY_CODE_PER_MIN, timeWindow: 60_000, allowList: hasToken } },
  }, async (req) => {
    const t = ctx.queue.ticketByCode((req.params as { code: string }).code);
    if (!t) throw notFound('Ticket');
    return ctx.views.publicTicket(t);
  });
};
