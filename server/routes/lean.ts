// Lean analysis (supervisor): the production analysis sheet and its notes, the before/after
// report, Erlang C staffing, the hall's staffing picture, floating lunches, wait-estimate
// accuracy and the ratings report. The operator's own lunch (operator) and the customers'
// ratings (public, at the window). Thin: parse, call the read model or pure function, answer.
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { requireRole, staff } from '../auth/guard';
import type { AppContext } from '../context';
import { AppError, badRequest } from '../errors';
import { beforeAfterXlsx } from '../export/before-after-xlsx';
import type { FeedbackService } from '../hall/feedback';
import type { FeedbackBy, LeanViews } from '../hall/lean';
import type { LunchService } from '../hall/lunches';
import { XLSX, errors, file, staffErrors } from '../replies/common';
import { LunchRules } from '../replies/admin';
import { BeforeAfter, Erlang, EtaAccuracy, LunchAdopted, LunchProposal, OwnLunch, PlanFact, PlanFactNote, Rated, Ratings, Staffing } from '../replies/lean';
import { Day, Id, IdText, HHMM, strict } from '../schemas';
import { checkedDay, checkedRange, dayOrToday } from './checks';
import { beforeAfter, type Figures } from '../stats/before-after';
import { evaluate, MAX_LOAD, load, staffing } from '../stats/erlang';

const MAX_RANGE_DAYS = 400;
/** Working days of a year by the production calendar (a five-day week: 247–248). */
const WORKING_DAYS_PER_YEAR = 247;

const Hour = Type.String({ pattern: '^([01][0-9]|2[0-3])$' });
const Decimal = Type.String({ pattern: '^[0-9]{1,9}(\\.[0-9]{1,6})?$' });
const IsoTime = Type.String({ format: 'date-time' });
const Range = { from: IsoTime, to: IsoTime };
const Target = { targetSec: Type.Optional(Decimal), targetPct: Type.Optional(Decimal) };
const Note = Type.Optional(Type.String({ maxLength: 1000 }));

const Period = Type.Object({ ...Range, label: Type.Optional(Type.String({ maxLength: 200 })) }, strict);
const Manual = Type.Object({
  avgServiceSec: Type.Number({ exclusiveMinimum: 0, maximum: 86_400 }),
  avgWaitSec: Type.Optional(Type.Number({ minimum: 0, maximum: 86_400 })),
  servedPerDay: Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 })),
  withinTargetPct: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  avgRating: Type.Optional(Type.Number({ minimum: 1, maximum: 5 })),
  satisfiedPct: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  label: Type.Optional(Type.String({ maxLength: 200 })),
}, strict);
const Side = Type.Union([Period, Manual]);
const BeforeAfterBody = Type.Object({
  baseline: Side,
  current: Side,
  customersPerYear: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000_000 })),
  hoursPerFteYear: Type.Number({ minimum: 1, maximum: 8784 }),
  costPerFteYear: Type.Number({ minimum: 0, maximum: 1e10 }),
  workingDaysPerYear: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
  targetSec: Type.Optional(Type.Integer({ minimum: 1, maximum: 86_400 })),
}, strict);
type BeforeAfterBody = Static<typeof BeforeAfterBody>;

const LunchRule = Type.Object({ minutes: Type.Integer({ minimum: 5, maximum: 180 }), from: HHMM, to: HHMM }, strict);

const range = (q: { from: string; to: string }, maxDays = MAX_RANGE_DAYS) => checkedRange(q, maxDays);

/** A number from the query within [min, max], or the default. */
function num(v: string | undefined, name: string, min: number, max: number, dflt?: number): number {
  if (v === undefined) {
    if (dflt === undefined) throw badRequest(`${name} is required`);
    return dflt;
  }
  const n = Number(v);
  if (!(n >= min && n <= max)) throw badRequest(`${name} must be between ${min} and ${max}`);
  return n;
}

export interface LeanDeps { lean: LeanViews; lunches: LunchService; feedback: FeedbackService }

export const leanRoutes: FastifyPluginAsync<{ ctx: AppContext } & LeanDeps> = async (app, { ctx, lean, lunches, feedback }) => {
  // The role is checked before the input is validated: a stranger learns nothing of the schemas.
  const supervisor = { preValidation: requireRole('supervisor') };
  const target = (q: { targetSec?: string; targetPct?: string }) => ({
    targetSec: num(q.targetSec, 'targetSec', 0, 86_400, 900),
    targetPct: num(q.targetPct, 'targetPct', 1, 99.9, 90),
  });

  // ---- production analysis sheet ----

  /** The hall day named, or today's. */
  const dayOr = (day: string | undefined) => dayOrToday(day, ctx.clock(), ctx.config.timezone);

  app.get('/api/stats/plan-fact', { ...supervisor, schema: { querystring: Type.Object({ day: Type.Optional(Day), counterId: Type.Optional(IdText) }, strict), response: { 200: PlanFact, ...staffErrors(400, 404) } } }, async (req): Promise<Static<typeof PlanFact>> => {
    const q = req.query as { day?: string; counterId?: string };
    const sheet = lean.planFact(dayOr(q.day), q.counterId ? Number(q.counterId) : null, ctx.clock());
    return { ...sheet, reasons: ctx.settings.get().deviationReasons, now: new Date(ctx.clock()).toISOString() };
  });

  app.post('/api/stats/plan-fact/notes', {
    ...supervisor,
    schema: { body: Type.Object({ day: Day, hour: Hour, counterId: Type.Optional(Type.Union([Id, Type.Null()])), reasonId: Type.String({ minLength: 1, maxLength: 64 }), text: Note, measure: Note }, strict), response: { 201: PlanFactNote, ...staffErrors(400, 404) } },
  }, async (req, reply) => {
    const b = req.body as { day: string; hour: string; counterId?: number | null; reasonId: string; text?: string; measure?: string };
    if (!ctx.settings.get().deviationReasons.some((r) => r.id === b.reasonId)) throw badRequest(`Unknown deviation cause ${b.reasonId}`);
    const user = staff(req);
    const note = lean.addNote({ day: checkedDay(b.day), hour: b.hour, counterId: b.counterId ?? null, reasonId: b.reasonId, text: b.text?.trim() || null, measure: b.measure?.trim() || null }, user.id, ctx.clock());
    return reply.code(201).send({ ...note, author: user.name });
  });

  // ---- before/after ----

  const side = async (s: Static<typeof Side>, targetSec: number | null) => {
    if ('from' in s) {
      const r = range(s);
      return { kind: 'period' as const, label: s.label ?? null, ...(await lean.periodFigures(r.from, r.to, targetSec)) };
    }
    return {
      kind: 'manual' as const, label: s.label ?? null, avgServiceSec: s.avgServiceSec, avgWaitSec: s.avgWaitSec ?? null,
      servedPerDay: s.servedPerDay ?? null, withinTargetPct: s.withinTargetPct ?? null, avgRating: s.avgRating ?? null, satisfiedPct: s.satisfiedPct ?? null,
    };
  };
  const report = async (b: BeforeAfterBody) => {
    const baseline = await side(b.baseline, b.targetSec ?? null);
    const current = await side(b.current, b.targetSec ?? null);
    const workingDaysPerYear = b.workingDaysPerYear ?? WORKING_DAYS_PER_YEAR;
    const effect = beforeAfter({ baseline: baseline as Figures, current: current as Figures, customersPerYear: b.customersPerYear, workingDaysPerYear, hoursPerFteYear: b.hoursPerFteYear, costPerFteYear: b.costPerFteYear });
    if (effect.customersPerYear === null) throw badRequest('Give customersPerYear, or a current period (or servedPerDay) to derive it from');
    return { baseline, current, ...effect, inputs: { hoursPerFteYear: b.hoursPerFteYear, costPerFteYear: b.costPerFteYear, workingDaysPerYear, targetSec: b.targetSec ?? null } };
  };
  app.post('/api/stats/before-after', { ...supervisor, schema: { body: BeforeAfterBody, response: { 200: BeforeAfter, ...staffErrors(400) } } }, async (req): Promise<Static<typeof BeforeAfter>> => report(req.body as BeforeAfterBody));
  app.post('/api/stats/before-after.xlsx', { ...supervisor, schema: { body: BeforeAfterBody, response: { 200: file(XLSX, 'The before/after report as an XLSX workbook'), ...staffErrors(400) } } }, async (req, reply) => {
    const xlsx = await beforeAfterXlsx(await report(req.body as BeforeAfterBody), ctx.settings.get().hallName);
    return reply.type(XLSX).header('content-disposition', 'attachment; filename="before-after.xlsx"').send(xlsx);
  });

  // ---- staffing ----

  app.get('/api/stats/erlang', {
    ...supervisor,
    schema: { querystring: Type.Object({ arrivalsPerHour: Decimal, serviceSec: Decimal, targetSec: Decimal, targetPct: Decimal, maxOccupancyPct: Type.Optional(Decimal), shrinkagePct: Type.Optional(Decimal), servers: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$' })) }, strict), response: { 200: Erlang, ...staffErrors(400, 422) } },
  }, async (req): Promise<Static<typeof Erlang>> => {
    const q = req.query as Record<string, string | undefined>;
    const input = {
      arrivalsPerHour: num(q.arrivalsPerHour, 'arrivalsPerHour', 0, 100_000),
      serviceSec: num(q.serviceSec, 'serviceSec', 1, 86_400),
      targetSec: num(q.targetSec, 'targetSec', 0, 86_400),
      targetPct: num(q.targetPct, 'targetPct', 1, 99.9),
      maxOccupancyPct: num(q.maxOccupancyPct, 'maxOccupancyPct', 1, 100, 100),
      shrinkagePct: num(q.shrinkagePct, 'shrinkagePct', 0, 90, 0),
    };
    const a = load(input.arrivalsPerHour, input.serviceSec);
    if (a > MAX_LOAD) throw new AppError(422, 'too_large', `The load is ${Math.round(a)} Erlangs (arrivals an hour × service time); at most ${MAX_LOAD} can be computed`);
    const needed = staffing(input);
    // With `servers`: the figures of that many windows (a "what if" beside the answer).
    const given = q.servers === undefined ? undefined : evaluate(num(q.servers, 'servers', 0, 20_000), input.arrivalsPerHour, input.serviceSec, input.targetSec);
    return { ...needed, loadErlangs: a, ...(given ? { given } : {}) };
  });

  app.get('/api/stats/staffing', { ...supervisor, schema: { querystring: Type.Object({ ...Range, ...Target }, strict), response: { 200: Staffing, ...staffErrors(400) } } }, async (req) => {
    const q = req.query as { from: string; to: string; targetSec?: string; targetPct?: string };
    const r = range(q, 366);
    const t = target(q);
    return lean.staffing(r.from, r.to, t.targetSec, t.targetPct);
  });

  // ---- floating lunches ----

  app.get('/api/stats/lunch-plan', {
    ...supervisor,
    schema: { querystring: Type.Object({ day: Type.Optional(Day), userIds: Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,9})(,[1-9][0-9]{0,9}){0,99}$' })), ...Target }, strict), response: { 200: LunchProposal, ...staffErrors(400) } },
  }, async (req) => {
    const q = req.query as { day?: string; userIds?: string; targetSec?: string; targetPct?: string };
    return lunches.proposal(dayOr(q.day), { userIds: q.userIds?.split(',').map(Number), ...target(q) });
  });
  app.post('/api/stats/lunch-plan', {
    ...supervisor,
    schema: { body: Type.Object({ day: Day, lunches: Type.Array(Type.Object({ userId: Id, start: HHMM, end: HHMM }, strict), { maxItems: 200 }) }, strict), response: { 201: LunchAdopted, ...staffErrors(400) } },
  }, async (req, reply) => {
    const b = req.body as { day: string; lunches: { userId: number; start: string; end: string }[] };
    const plan = lunches.adopt(checkedDay(b.day), b.lunches, staff(req).id, ctx.clock());
    ctx.hub.publish([{ type: 'lunch.changed', day: b.day }]);
    return reply.code(201).send({ day: b.day, ...plan });
  });
  app.get('/api/stats/lunch-rules', { ...supervisor, schema: { response: { 200: LunchRules, ...staffErrors() } } }, async () => ctx.settings.get().lunch);
  app.put('/api/stats/lunch-rules', {
    ...supervisor,
    schema: { body: Type.Object({ ...LunchRule.properties, byUser: Type.Record(Type.String({ pattern: '^[1-9][0-9]{0,9}$' }), LunchRule, { maxProperties: 500, additionalProperties: false }) }, strict), response: { 200: LunchRules, ...staffErrors(400) } },
  }, async (req) => lunches.setRules(req.body as any, staff(req).id));

  app.get('/api/staff/lunch', { preValidation: requireRole('operator'), schema: { response: { 200: OwnLunch, ...staffErrors() } } }, async (req) => lunches.ofUser(staff(req).id, ctx.clock()));

  // ---- wait-estimate accuracy, ratings ----

  app.get('/api/stats/eta-accuracy', { ...supervisor, schema: { querystring: Type.Object(Range, strict), response: { 200: EtaAccuracy, ...staffErrors(400) } } }, async (req) => {
    const r = range(req.query as { from: string; to: string });
    return lean.etaAccuracy(r.from, r.to);
  });

  const By = Type.Union(['service', 'operator', 'counter', 'day'].map((b) => Type.Literal(b)));
  app.get('/api/stats/feedback', { ...supervisor, schema: { querystring: Type.Object({ ...Range, by: Type.Optional(By) }, strict), response: { 200: Ratings, ...staffErrors(400) } } }, async (req) => {
    const q = req.query as { from: string; to: string; by?: FeedbackBy };
    const r = range(q);
    return lean.feedback(r.from, r.to, q.by ?? 'service');
  });

  app.post('/api/feedback', {
    schema: { body: Type.Object({ ticketId: Id, rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 1000 })) }, strict), response: { 201: Rated, ...errors(400, 404, 409, 429) } },
    config: { rateLimit: ctx.kioskRateLimit },
  }, async (req, reply) => {
    const b = req.body as { ticketId: number; rating: number; comment?: string };
    return reply.code(201).send(await feedback.rate({ ticketId: b.ticketId, rating: b.rating, comment: b.comment?.trim() || null, source: 'tablet' }));
  });
};
