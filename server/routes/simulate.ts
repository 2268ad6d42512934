// POST /api/stats/simulate (role supervisor): "what if" on the hall's own history. Builds the
// hall's scenario from a period, applies the change, simulates both on the same customers and
// answers with the contract's result for each, side by side. The work is bounded, runs one at
// a time, and gives the event loop back between simulated days.
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from 'typebox';
import { requireRole } from '../auth/guard';
import type { AppContext } from '../context';
import { AppError, badRequest } from '../errors';
import { readHistory } from '../hall/simulate-history';
import { staffErrors } from '../replies/common';
import { WhatIf } from '../replies/lean';
import { simulateYielding } from '../sim/run';
import { MAX_CUSTOMERS_PER_DAY, scenarioProblem, type Scenario } from '../sim/scenario';
import { applyChange, busiestWeekday, Change, ChangeError, historyScenario } from '../sim/what-if';

const Body = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  /** ISO weekday of the history to simulate; default the busiest. */
  weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
  days: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 })),
  targetSec: Type.Optional(Type.Integer({ minimum: 60, maximum: 86_400 })),
  change: Change,
}, { additionalProperties: false });
type Body = Static<typeof Body>;

/** Simulated customers per request (both sides): about a second of work on this machine. */
export const WHAT_IF_MAX_CUSTOMERS = 100_000;
const MAX_PERIOD_MS = 366 * 86_400_000;

const expectedPerDay = (s: Scenario) => Object.values(s.arrivals).reduce((a, h) => a + Object.values(h).reduce((x, y) => x + y, 0), 0);

export const simulateRoutes: FastifyPluginAsync<{ ctx: AppContext }> = async (app, { ctx }) => {
  let running = false;
  app.post('/api/stats/simulate', { preHandler: requireRole('supervisor'), schema: { body: Body, response: { 200: WhatIf, ...staffErrors(400, 429) } } }, async (req): Promise<Static<typeof WhatIf>> => {
    const body = req.body as Body;
    const from = Date.parse(body.from), to = Math.min(Date.parse(body.to), ctx.clock());
    if (!(from < to)) throw badRequest('`from` must be before `to` and before now');
    if (to - from > MAX_PERIOD_MS) throw badRequest('The period may be at most 366 days');
    const rows = readHistory(ctx.sql, ctx.windows, from, to, ctx.config.timezone, body.targetSec ?? 900);
    const weekday = body.weekday ? String(body.weekday) : busiestWeekday(rows);
    if (!weekday || !rows.arrivals.some((a) => a.weekday === weekday)) throw badRequest('The period has no tickets on that weekday to build a scenario from');
    const today = historyScenario(rows, weekday);
    let changed: Scenario;
    try { changed = applyChange(today, body.change); } catch (e) { if (e instanceof ChangeError) throw badRequest(e.message); throw e; }
    for (const [side, s] of [['today', today], ['change', changed]] as const) {
      const problem = scenarioProblem(s);
      if (problem) throw badRequest(`The ${side === 'today' ? "hall's scenario" : 'changed scenario'} cannot be simulated: ${problem}`);
    }
    const days = body.days ?? 50, seed = body.seed ?? 1;
    const work = days * (expectedPerDay(today) + expectedPerDay(changed));
    if (work > WHAT_IF_MAX_CUSTOMERS || expectedPerDay(changed) > MAX_CUSTOMERS_PER_DAY) {
      throw badRequest(`${Math.round(work)} simulated customers is more than one request may ask (${WHAT_IF_MAX_CUSTOMERS}): fewer days`);
    }
    if (running) throw new AppError(429, 'rate_limited', 'A simulation is already running: try again when it is done');
    running = true;
    try {
      const opts = { days, seed, overdueAtPct: ctx.settings.get().overdueAtPct };
      const base = await simulateYielding(today, opts);
      const next = await simulateYielding(changed, opts);
      return { weekday: Number(weekday), days, seed, scenario: { today, change: changed }, today: base.result, change: next.result };
    } finally {
      running = false;
    }
  });
};
