// Operations: backups listed and downloaded, the health detail (admin), /metrics for
// Prometheus, the OpenAPI document and its page for integrators.
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Type } from 'typebox';
import { bearer, requireRole } from '../auth/guard';
import type { AppContext } from '../context';
import { AppError, notFound } from '../errors';
import { findBackup } from '../ops/backup-files';
import type { HallMetrics } from '../ops/metrics';
import { healthDetail, storageFigures } from '../ops/health';
import { BackupFile, Health, OpenApiDocument } from '../replies/admin';
import { errors, file, staffErrors } from '../replies/common';

const BackupName = Type.Object({ name: Type.String({ pattern: '^talon-[0-9]{8}-[0-9]{6}(-[a-z-]+)?(-[0-9]+)?\\.db$' }) });

const digest = (s: string) => createHash('sha256').update(s).digest();

export const opsRoutes: FastifyPluginAsync<{ ctx: AppContext; metrics: HallMetrics; release: string; startedAt: number; dbFile: string }> = async (app, { ctx, metrics, release, startedAt, dbFile }) => {
  const admin = { preHandler: requireRole('admin') };

  app.get('/api/admin/backups', { ...admin, schema: { response: { 200: Type.Array(BackupFile), ...staffErrors() } } }, async () => ctx.backups.list());

  app.get('/api/admin/backups/:name', { ...admin, schema: { params: BackupName, response: { 200: file('application/vnd.sqlite3', 'The backup file (an SQLite database), as an attachment'), ...staffErrors(400, 404) } } }, async (req, reply) => {
    const b = findBackup(ctx.config.dataDir, (req.params as { name: string }).name);
    if (!b) throw notFound('Backup');
    return reply.type('application/vnd.sqlite3').header('content-disposition', `attachment; filename="${b.name}"`).send(createReadStream(b.file));
  });

  app.get('/api/admin/health', { ...admin, schema: { response: { 200: Health, ...staffErrors() } } }, async () => healthDetail({
    version: ctx.version, release, startedAt, now: ctx.clock(),
    storage: storageFigures(dbFile, ctx.config.dataDir),
    backup: ctx.backups.status(), devices: ctx.devices.list(), websockets: ctx.hub.clientCount,
  }));

  // Scrapers on the LAN seldom log in: open unless METRICS_TOKEN is set (it holds no ticket or
  // personal data, only counts, service and device names).
  const token = ctx.config.metricsToken ? digest(ctx.config.metricsToken) : null;
  app.get('/metrics', {
    schema: {
      description: 'Prometheus text format. Needs `Authorization: Bearer <METRICS_TOKEN>` when the server sets one.',
      response: { 200: file('text/plain', 'The metrics in the Prometheus text format (version 0.0.4)', false), ...errors(401) },
    },
  }, async (req, reply) => {
    const given = bearer(req);
    if (token && !(given && timingSafeEqual(digest(given), token))) throw new AppError(401, 'unauthorized', 'GET /metrics needs the METRICS_TOKEN of talon.env as a bearer token');
    return reply.type(metrics.contentType).send(await metrics.text());
  });

  app.get('/api/openapi.json', { schema: { description: 'This document: OpenAPI 3.1, generated from the route schemas.', response: { 200: OpenApiDocument } } }, async () => app.swagger());
  // The page for integrators, served from the package (no internet needed).
  await app.register(swaggerUi, { routePrefix: '/api/docs', theme: { title: 'Talon API' }, uiConfig: { validatorUrl: null, deepLinking: true } as Record<string, unknown> });
};
