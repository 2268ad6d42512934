// POST /api/admin/ticket-preview: a sample ticket as a given printer will print it (its code page,
// QR mode and width), for a saved service or for a service form's unsaved text.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { printerOptions } from '../../drivers/escpos/open-printer.ts';
import { previewTicket } from '../../drivers/escpos/preview.ts';
import { parseAddress } from '../../drivers/transports/address.ts';
import { requireRole } from '../auth/guard';
import type { AppContext } from '../context';
import { badRequest, notFound } from '../errors';
import { TicketPreview } from '../replies/admin';
import { staffErrors } from '../replies/common';
import { Id, Name, Nullable, strict } from '../schemas';
import type { DeviceLayer } from './layer.ts';
import type { DeviceStore } from './store.ts';

const Body = Type.Object({
  /** The printer whose settings to use; none: QUEUE_PRINTER's, or the defaults. */
  deviceId: Type.Optional(Nullable(Id)),
  serviceId: Type.Optional(Id),
  /** Unsaved fields of a service form; they win over the saved service's. */
  service: Type.Optional(Type.Object({
    name: Type.Optional(Name), nameEn: Type.Optional(Nullable(Name)), prefix: Type.Optional(Type.String({ maxLength: 3 })),
    ticketFooter: Type.Optional(Type.String({ maxLength: 500 })),
  }, strict)),
}, strict);

export const ticketPreviewRoutes: FastifyPluginAsync<{ ctx: AppContext; layer: DeviceLayer; store: DeviceStore }> = async (app, { ctx, layer, store }) => {
  app.addHook('preHandler', requireRole('admin'));

  app.post('/api/admin/ticket-preview', { schema: { body: Body, response: { 200: TicketPreview, ...staffErrors(400, 404) } } }, async (req) => {
    const b = req.body as { deviceId?: number | null; serviceId?: number; service?: { name?: string; nameEn?: string | null; prefix?: string; ticketFooter?: string } };
    const saved = b.serviceId ? ctx.queue.getService(b.serviceId) : undefined;
    if (b.serviceId && !saved) throw notFound('Service');
    const row = b.deviceId ? store.get(b.deviceId) : undefined;
    if (b.deviceId && !row) throw notFound('Device');
    const address = row ? row.config.address : ctx.config.printer ?? undefined;
    let opts;
    try {
      opts = printerOptions(address ? parseAddress(address).params : {}, { ...layer.printerDefaults, ...(row?.config ?? {}) });
    } catch (err) { throw badRequest((err as Error).message); }
    const s = { name: 'Пример услуги', nameEn: null as string | null, prefix: 'А', ticketFooter: '', ...(saved ?? {}), ...(b.service ?? {}) };
    const job = layer.withPublicUrl({
      ticketId: 0, number: `${s.prefix}001`, serviceName: s.name, serviceNameEn: s.nameEn ?? null, footer: s.ticketFooter,
      hallName: ctx.settings.get().hallName, issuedAt: new Date(ctx.clock()).toISOString(), ahead: 3, etaMinutes: 12,
      statusUrl: '/kiosk/?ticket=0',
    });
    return { ...previewTicket(job, opts.encoder, opts.layout), encoder: opts.encoder };
  });
};
