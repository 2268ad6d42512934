// Statistics (role supervisor): thin translations of HTTP into the read models; the figures are
// computed in server/stats, the SQL that feeds them is in server/hall.
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static, type TSchema } from 'typebox';
import { requireRole } from '../auth/guard';
import type { AppContext } from '../context';
import { hallDay } from '../engine/numbering';
import { badRequest, notFound } from '../errors';
import { reportCsv, reportXlsx, type Lang } from '../export/report-files';
import { ticketsCsv } from '../export/tickets-csv';
import { iso } from '../hall/rows';
import { ticketExportPages } from '../hall/stats';
import { GROUPINGS, type Grouping } from '../stats/report';
import { XLSX, file, staffErrors } from '../replies/common';
import { FoundTickets, Live, Report, Summary, TicketEvents } from '../replies/stats';
import { Day, IdParams, IdText, strict } from '../schemas';
import { checkedRange, dayOrToday } from './checks';

/** The longest range a statistics request may cover: three years (and a leap day). */
const MAX_RANGE_DAYS = 1100;

const Iso = Type.String({ format: 'date-time' });
const Range = Type.Object({ from: Iso, to: Iso }, strict);
const Grouping = Type.Union(GROUPINGS.map((g) => Type.Literal(g)));
const LangParam = Type.Union([Type.Literal('ru'), Type.Literal('en')]);
export const ReportParams = Type.Object({
  from: Iso, to: Iso, by: Type.Optional(Grouping),
  serviceId: Type.Optional(IdText), counterId: Type.Optional(IdText), userId: Type.Optional(IdText),
  targetSec: Type.Optional(Type.String({ pattern: '^(0|[1-9][0-9]{0,4})$' })),
  /** Language of the CSV/XLSX header row and labels. */
  lang: Type.Optional(LangParam),
}, strict);
type ReportParams = { from: string; to: string; by?: Grouping; serviceId?: string; counterId?: string; userId?: string; targetSec?: string; lang?: Lang };
const SearchParams = Type.Object({ number: Type.String({ minLength: 1, maxLength: 20 }), day: Type.Optional(Day) }, strict);

/** A 200 answer of this schema, or the statistics' refusals (an unknown id of a filter: 404). */
const ok = (schema: TSchema | object, ...codes: number[]) => ({ 200: schema, ...staffErrors(400, ...codes) });

const range = (q: { from: string; to: string }) => checkedRange(q, MAX_RANGE_DAYS);

/** A report's range, filters (each id known: 404 otherwise) and target, checked. */
export function reportFilters(ctx: AppContext, q: { from: string; to: string; serviceId?: string; counterId?: string; userId?: string; targetSec?: string }) {
  const { from, to } = range(q);
  const ids = { serviceId: q.serviceId, counterId: q.counterId, userId: q.userId };
  const kinds = { serviceId: 'service', counterId: 'counter', userId: 'user' } as const;
  const filters: { serviceId?: number; counterId?: number; userId?: number } = {};
  for (const [k, v] of Object.entries(ids) as [keyof typeof ids, string | undefined][]) {
    if (v === undefined) continue;
    const id = Number(v);
    if (!ctx.reports.exists(kinds[k], id)) throw notFound(`${kinds[k][0].toUpperCase()}${kinds[k].slice(1)} ${id}`);
    filters[k] = id;
  }
  const targetSec = q.targetSec === undefined ? undefined : Number(q.targetSec);
  if (targetSec !== undefined && targetSec > 86_400) throw badRequest('`targetSec` is at most 86400 (a day)');
  return { from, to, ...filters, targetSec };
}

export const statsRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.addHook('preHandler', requireRole('supervisor'));

  /** A report request: its range, grouping and filters, each filter's id known. */
  const reportOf = async (q: ReportParams) => {
    const { from, to, targetSec, ...filters } = reportFilters(ctx, q);
    const by = q.by ?? 'none';
    const report = await ctx.reports.reportInSlices({ by, from, to, ...filters, targetSec });
    return { from: new Date(from).toISOString(), to: new Date(to).toISOString(), by, tz: ctx.config.timezone, ...report };
  };
  // Named by the hall's days (a Moscow November is 2026-11-01…2026-11-30, not the UTC 10-31…11-30).
  const fileName = (r: Awaited<ReturnType<typeof reportOf>>, ext: string) => `report-${r.by}-${hallDay(Date.parse(r.from), r.tz)}-${hallDay(Date.parse(r.to) - 1, r.tz)}.${ext}`;

  app.get('/api/stats/report', { schema: { querystring: ReportParams, response: ok(Report, 404) } }, async (req) => reportOf(req.query as ReportParams));

  app.get('/api/stats/report.csv', { schema: { querystring: ReportParams, response: ok(file('text/csv', 'The report\'s rows as CSV (UTF-8 with a BOM), the total last', false), 404) } }, async (req, reply) => {
    const q = req.query as ReportParams;
    const r = await reportOf(q);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${fileName(r, 'csv')}"`).send(reportCsv(r, q.lang ?? 'ru'));
  });

  app.get('/api/stats/report.xlsx', { schema: { querystring: ReportParams, response: ok(file(XLSX, 'The report as an XLSX workbook'), 404) } }, async (req, reply) => {
    const q = req.query as ReportParams;
    const r = await reportOf(q);
    const filters = (['serviceId', 'counterId', 'userId', 'targetSec'] as const).filter((k) => q[k] !== undefined).map((k): [string, number] => [k, Number(q[k])]);
    return reply.type(XLSX)
      .header('content-disposition', `attachment; filename="${fileName(r, 'xlsx')}"`)
      .send(reportXlsx(r, q.lang ?? 'ru', filters));
  });

  app.get('/api/stats/tickets/:id/events', { schema: { params: IdParams, response: ok(TicketEvents, 404) } }, async (req) => {
    const events = ctx.history.events(Number((req.params as IdParams).id));
    if (!events) throw notFound('Ticket');
    return events;
  });

  app.get('/api/stats/tickets', { schema: { querystring: SearchParams, response: ok(FoundTickets) } }, async (req) => {
    const q = req.query as { number: string; day?: string };
    const d = dayOrToday(q.day, ctx.clock(), ctx.config.timezone);
    const found = ctx.history.search(q.number, d);
    if (!found) throw badRequest('`number` is a ticket number such as А015 (letters, then digits)');
    return found;
  });

  app.get('/api/stats/live', { schema: { response: { 200: Live, ...staffErrors() } } }, async (): Promise<Static<typeof Live>> => {
    const v = ctx.live.view();
    return {
      ...v,
      at: iso(v.at),
      services: v.services.map((x) => ({ ...x, oldestIssuedAt: iso(x.oldestIssuedAt) })),
      counters: v.counters.map((c) => ({ ...c, since: iso(c.since), ticket: c.ticket && { ...c.ticket, calledAt: iso(c.ticket.calledAt), startedAt: iso(c.ticket.startedAt) } })),
      alerts: v.alerts.map((a) => ({ ...a, since: iso(a.since) })),
      nextChangeAt: iso(v.nextChangeAt),
    };
  });

  app.get('/api/stats/summary', { schema: { querystring: Range, response: ok(Summary) } }, async (req) => {
    const { from, to } = range(req.query as { from: string; to: string });
    return ctx.stats.summary(from, to);
  });

  app.get('/api/stats/tickets.csv', { schema: { querystring: Range, response: ok(file('text/csv', 'One row per ticket issued in the range (UTF-8 with a BOM), streamed', false)) } }, async (req, reply) => {
    const { from, to } = range(req.query as { from: string; to: string });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tickets.csv"').send(ticketsCsv(ticketExportPages(ctx.sql, from, to)));
  });
};
