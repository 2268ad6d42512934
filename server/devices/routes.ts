// Device administration: the contract's GET /api/devices, settings stored per device, device
// tokens for agents and a test print.
import type { FastifyPluginAsync } from 'fastify';
import iconv from 'iconv-lite';
import { Type } from 'typebox';
import { parseButtonsAddress } from '../../drivers/buttons/open-buttons.ts';
import { isButtonAction } from '../../drivers/buttons/types.ts';
import { checkPrinterAddress } from '../../drivers/escpos/open-printer.ts';
import { requireRole, staff } from '../auth/guard';
import type { AppContext } from '../context';
import { AppError, badRequest, conflict, notFound } from '../errors';
import { AdminDevice, Device, DeviceToken, Printed } from '../replies/admin';
import { errors, staffErrors } from '../replies/common';
import { Id, IdParams, Name, Nullable, strict } from '../schemas';
import type { DeviceLayer } from './layer.ts';
import type { DeviceConfig, DeviceStore } from './store.ts';

export const Config = Type.Object({
  address: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  codepage: Type.Optional(Type.Integer({ minimum: 0, maximum: 255 })),
  encoding: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  qr: Type.Optional(Type.Union([Type.Literal('native'), Type.Literal('raster')])),
  width: Type.Optional(Type.Integer({ minimum: 16, maximum: 64 })),
  baseUrl: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 200 })),
  keypads: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{1,3}$' }), Id)),
  ratingKeypads: Type.Optional(Type.Record(Type.String({ pattern: '^[0-9]{1,3}$' }), Id)),
  keys: Type.Optional(Type.Array(Type.Object({
    index: Type.Integer({ minimum: 0, maximum: 63 }),
    mask: Type.Optional(Type.Integer({ minimum: 1, maximum: 255 })),
    value: Type.Optional(Type.Integer({ minimum: 0, maximum: 255 })),
    action: Type.String(),
  }, strict), { maxItems: 16 })),
}, strict);
const Kind = Type.Union([Type.Literal('printer'), Type.Literal('buttons')]);

export const deviceRoutes: FastifyPluginAsync<{ ctx: AppContext; layer: DeviceLayer; store: DeviceStore }> = async (app, { ctx, layer, store }) => {
  app.addHook('preHandler', requireRole('admin'));
  const id = (req: { params: unknown }) => Number((req.params as IdParams).id);

  /** Catches what the schema cannot: an address the drivers would refuse, a missing counter. */
  const check = (kind: string, config: DeviceConfig, counterId: number | null) => {
    if (config.address) {
      try {
        if (kind === 'buttons') parseButtonsAddress(config.address);
        else checkPrinterAddress(config.address, config);
      } catch (err) { throw badRequest((err as Error).message); }
    }
    if (config.encoding && !iconv.encodingExists(config.encoding)) throw badRequest(`unsupported encoding ${config.encoding}`);
    for (const k of config.keys ?? []) if (!isButtonAction(k.action)) throw badRequest(`unknown button action ${k.action}`);
    for (const c of [counterId, ...Object.values(config.keypads ?? {}), ...Object.values(config.ratingKeypads ?? {})]) {
      if (c !== null && !ctx.queue.getCounter(c)) throw notFound(`Counter ${c}`);
    }
  };

  app.get('/api/devices', { schema: { response: { 200: Type.Array(Device), ...staffErrors() } } }, async () => ctx.devices.list());

  // `connected`: an agent holds the device's websocket now.
  app.get('/api/admin/devices', { schema: { response: { 200: Type.Array(AdminDevice), ...staffErrors() } } }, async () => store.list().map((r) => ({ ...r, connected: !!layer.agents.session(r.id) })));

  app.post('/api/admin/devices', {
    schema: { body: Type.Object({ kind: Kind, name: Name, config: Type.Optional(Config), counterId: Type.Optional(Nullable(Id)), enabled: Type.Optional(Type.Boolean()) }, strict), response: { 201: AdminDevice, ...staffErrors(400, 404) } },
  }, async (req, reply) => {
    const b = req.body as { kind: 'printer' | 'buttons'; name: string; config?: DeviceConfig; counterId?: number | null; enabled?: boolean };
    check(b.kind, b.config ?? {}, b.counterId ?? null);
    const row = store.create({ kind: b.kind, name: b.name, config: b.config ?? {}, counterId: b.counterId ?? null, enabled: b.enabled ?? true }, staff(req).id);
    await layer.reload(row.id);
    return reply.code(201).send(row);
  });

  app.patch('/api/admin/devices/:id', {
    schema: { params: IdParams, body: Type.Object({ name: Type.Optional(Name), config: Type.Optional(Config), counterId: Type.Optional(Nullable(Id)), enabled: Type.Optional(Type.Boolean()) }, strict), response: { 200: AdminDevice, ...staffErrors(400, 404) } },
  }, async (req) => {
    const cur = store.get(id(req));
    if (!cur) throw notFound('Device');
    const b = req.body as { name?: string; config?: DeviceConfig; counterId?: number | null; enabled?: boolean };
    check(cur.kind, b.config ?? cur.config, b.counterId !== undefined ? b.counterId : cur.counterId);
    const row = store.update(cur.id, b, staff(req).id)!;
    await layer.reload(row.id);
    return row;
  });

  app.post('/api/admin/devices/:id/token', { schema: { params: IdParams, response: { 201: DeviceToken, ...staffErrors(400, 404) } } }, async (req, reply) => {
    const row = store.get(id(req));
    if (!row) throw notFound('Device');
    const token = store.replaceToken(row.id, () => ctx.tokens.issue({ deviceId: row.id }), staff(req).id);
    await layer.reload(row.id, 'device token replaced');
    ctx.log.info({ device: row.id }, 'device token issued');
    // Shown once: only its hash is stored.
    return reply.code(201).send({ deviceId: row.id, token });
  });

  app.post('/api/admin/devices/:id/test-print', { schema: { params: IdParams, response: { 200: Printed, ...staffErrors(400, 404, 409), ...errors(502) } } }, async (req) => {
    const row = store.get(id(req));
    if (!row) throw notFound('Device');
    const print = layer.printerOf(row.id);
    if (!print) throw conflict(row.enabled ? 'This device has no printer' : 'The device is disabled');
    const printed = await print(layer.withPublicUrl({
      ticketId: 0, number: 'А000', serviceName: 'Пробная печать / test print', serviceNameEn: null,
      // Every Cyrillic letter once: a wrong code page shows at a glance. Split in two words, so
      // that it wraps on 58 mm paper (32 columns) and stays one line on 80 mm.
      footer: 'АБВГДЕЁЖЗИЙКЛМНОП РСТУФХЦЧШЩЪЫЬЭЮЯ\nабвгдеёжзийклмнопр стуфхцчшщъыьэюя № 0123456789',
      hallName: ctx.settings.get().hallName, issuedAt: new Date(ctx.clock()).toISOString(),
      ahead: 0, etaMinutes: 0, statusUrl: '/kiosk/',
    }));
    // Not a change, but the first-run checklist asks whether the printer was tried.
    ctx.audit.record({ actor: staff(req).id, action: 'test_print', entity: 'device', entityId: row.id, after: { printed } });
    if (!printed) throw new AppError(502, 'print_failed', 'The test page was not printed: see the device status');
    return { printed };
  });
};
