// The configuration document (export, import with a dry run) and the first-run setup (checklist,
// starting templates). Role admin.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from 'typebox';
import { requireRole, staff } from '../auth/guard';
import { isFirstRun, setupState } from '../config/setup';
import { templates, type TemplateId } from '../config/templates';
import type { AppContext } from '../context';
import { conflict } from '../errors';
import type { ImportResult } from '../config/store';
import { ConfigExport, ImportReply, Setup } from '../replies/admin';
import { counterChangedEvents } from './admin';
import { staffErrors } from '../replies/common';
import { strict } from '../schemas';

const DryRun = Type.Object({ dryRun: Type.Optional(Type.Union([Type.Literal('true'), Type.Literal('false')])) }, strict);

export const adminConfigRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('admin'));
  const deviceIds = () => (ctx.sql.prepare('SELECT id FROM devices').all() as { id: number }[]).map((d) => d.id);

  /** Everything an import may have changed, to every open screen and the device layer. */
  const applied = async (r: ImportResult, before: number[]) => {
    if (r.dryRun || r.changes.length === 0) return;
    ctx.hub.publish([
      ...counterChangedEvents(ctx.views.counters()),
      { type: 'services.changed' }, { type: 'settings.changed', settings: ctx.settings.publicView() }, { type: 'notices.changed', notices: ctx.views.notices() },
    ]);
    for (const id of new Set([...before, ...deviceIds()])) await ctx.devices.reload?.(id);
  };

  app.get('/api/admin/config', { schema: { response: { 200: ConfigExport, ...staffErrors() } } }, async (_req, reply) => {
    const day = new Date(ctx.clock()).toISOString().slice(0, 10);
    return reply.header('content-disposition', `attachment; filename="talon-config-${day}.json"`).send(ctx.configDoc.export());
  });

  // A whole hall's document is larger than the default body limit (scripts of many services).
  app.post('/api/admin/config', { bodyLimit: 5 * 1024 * 1024, schema: { querystring: DryRun, response: { 200: ImportReply, ...staffErrors(400, 409, 413) } } }, async (req) => {
    const before = deviceIds();
    const r = await ctx.configDoc.import(req.body, { actor: staff(req).id, dryRun: (req.query as { dryRun?: string }).dryRun === 'true' });
    await applied(r, before);
    return r;
  });

  app.get('/api/admin/setup', { schema: { response: { 200: Setup, ...staffErrors() } } }, async () => setupState(ctx.sql, ctx.settings, ctx.config.timezone, !!ctx.config.printer));

  app.post('/api/admin/setup/template', {
    schema: { body: Type.Object({ template: Type.Union((Object.keys(templates) as TemplateId[]).map((t) => Type.Literal(t))), dryRun: Type.Optional(Type.Boolean()) }, strict), response: { 200: ImportReply, ...staffErrors(400, 409) } },
  }, async (req) => {
    const { template, dryRun } = req.body as { template: TemplateId; dryRun?: boolean };
    // A template replaces the services and counters: only in a hall that has no tickets yet.
    if (!isFirstRun(ctx.sql)) throw conflict('The hall has issued tickets: a template can only start a new hall');
    const before = deviceIds();
    const r = await ctx.configDoc.import(templates[template].doc, { actor: staff(req).id, dryRun: !!dryRun, action: 'template' });
    await applied(r, before);
    return r;
  });
};
