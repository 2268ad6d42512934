// The device layer as a Fastify plugin: builds the layer, makes it the app's DevicePort, and
// adds the device administration routes and the agents' websocket endpoint.
import type { FastifyPluginAsync } from 'fastify';
import { networkInterfaces } from 'node:os';
import { CLOSE_REFUSED } from '../../drivers/agent/protocol.ts';
import type { AppContext } from '../context';
import { noDevices } from '../device-port';
import { bearer } from '../auth/guard';
import { AppError } from '../errors';
import { upgradeRequired } from '../upgrades';
import { DeviceLayer } from './layer.ts';
import { deviceRoutes } from './routes.ts';
import { ticketPreviewRoutes } from './preview.ts';
import { DeviceStore } from './store.ts';

/** The QR on a ticket must open on a customer's phone, until the hall's public address is set:
 * the address the server listens on (HOST) when it names one, else the machine's first LAN
 * IPv4 address, not localhost. */
export function lanBaseUrl(host: string, port: number): string {
  if (host && host !== '0.0.0.0' && host !== '::') return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return `http://${a.address}:${port}`;
  }
  return `http://127.0.0.1:${port}`;
}

export const devicesPlugin: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  const store = new DeviceStore(ctx.sql, ctx.clock, ctx.audit);
  const layer = new DeviceLayer({
    store, queue: ctx.queue, commit: (fn) => ctx.commits.run(fn), hub: ctx.hub, log: ctx.log, calls: () => ctx.views.display().calls,
    rate: (counter, rating) => ctx.feedback.rateAtCounter(counter, rating),
    envPrinter: ctx.config.printer,
    printerDefaults: { baseUrl: lanBaseUrl(ctx.config.host, ctx.config.port), timeZone: ctx.config.timezone },
    publicUrl: () => ctx.settings.get().publicUrl,
  });
  try {
    layer.start();
  } catch (err) {
    // A misspelt QUEUE_PRINTER stops the start with the reason, like a misspelt time zone.
    throw new Error(`QUEUE_PRINTER: ${(err as Error).message}`);
  }
  // Tests may pass their own DevicePort to buildApp; the admin routes still work on the layer.
  if (ctx.devices === noDevices) ctx.devices = layer;
  app.addHook('onClose', () => layer.close());

  await app.register(deviceRoutes, { ctx, layer, store });
  await app.register(ticketPreviewRoutes, { ctx, layer, store });

  app.route({
    method: 'GET',
    url: '/api/agent',
    handler: upgradeRequired,
    preValidation: async (req) => {
      if (req.principal?.kind === 'device') return;
      // A disabled device's token resolves to no one; its agent is told to wait (403), not to stop.
      const token = bearer(req);
      const disabled = token ? ctx.tokens.disabledDevice(token) : null;
      if (disabled !== null) {
        ctx.log.warn({ device: disabled }, 'agent refused: device disabled');
        throw new AppError(403, 'forbidden', 'This device is disabled');
      }
      ctx.log.warn({ ip: req.ip }, 'agent refused: unknown or revoked device token');
      throw new AppError(401, 'unauthorized', 'Unknown or revoked device token: create a new one in the device administration');
    },
    wsHandler: (socket, req) => {
      const p = req.principal;
      const row = p?.kind === 'device' ? store.get(p.deviceId) : undefined;
      if (!row) return socket.close(CLOSE_REFUSED, 'unknown device');
      layer.agents.attach(row, socket);
    },
  });
};
