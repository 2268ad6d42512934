// buildApp(options): the whole hall server as a Fastify instance, with its database, clock and
// devices passed in. External plugins first, then our context, then the routes in plain order.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import websocket from '@fastify/websocket';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { release, root } from './paths';
import pino, { type Logger } from 'pino';
import { openDatabase } from '../db/connection';
import { installAuth } from './auth/guard';
import { LoginGuard } from './auth/login-guard';
import { TokenStore } from './auth/tokens';
import type { HallConfig } from './config';
import type { AppContext } from './context';
import { seedDemoHall } from './demo';
import { noDevices, type DevicePort } from './device-port';
import { installSecurityHeaders } from './security-headers';
import { clientErrorHandler, frameworkErrors, installErrorHandlers } from './errors';
import { DiskWatch } from './disk';
import { installInputGuard } from './input-guard';
import { QuietLog } from './quiet-log';
import { installUpgradeChecks, websocketErrorHandler } from './upgrades';
import { BackupService } from './ops/backups';
import { storageFigures } from './ops/health';
import { HallMetrics } from './ops/metrics';
import { openapiOptions } from './ops/openapi';
import { dbFileOf } from './ops/restore';
import { AdminService } from './hall/admin';
import { AuditLog } from './hall/audit';
import { ConfigStore } from './config/store';
import { DayCloser } from './hall/day-close';
import { LiveHall } from './hall/live';
import { WindowTime } from './hall/window-time';
import { QueueService } from './hall/queue';
import { ReportModel } from './hall/reports';
import { ServiceTimes } from './hall/service-times';
import { StatsService } from './hall/stats';
import { TicketHistory } from './hall/ticket-history';
import { HallViews } from './hall/views';
import { FeedbackService } from './hall/feedback';
import { LeanViews } from './hall/lean';
import { LunchService } from './hall/lunches';
import { Hub } from './hub';
import { Committer } from './commits';
import { WalSync } from './wal-sync';
import { devicesPlugin } from './devices/plugin';
import { adminRoutes } from './routes/admin';
import { adminConfigRoutes } from './routes/admin-config';
import announceRoutes from './routes/announce';
import { authRoutes } from './routes/auth';
import { counterRoutes } from './routes/counters';
import { opsRoutes } from './routes/ops';
import { publicRoutes } from './routes/public';
import { statsRoutes } from './routes/stats';
import { leanRoutes } from './routes/lean';
import { simulateRoutes } from './routes/simulate';
import { supervisorRoutes } from './routes/supervisor';
import { wsRoutes } from './routes/ws';
import { SettingsStore } from './settings';

export interface BuildOptions {
  config: HallConfig;
  /** Defaults to DATA_DIR/talon.db. */
  dbFile?: string;
  clock?: () => number;
  logger?: Logger;
  devices?: DevicePort;
}


export const screens = [['kiosk', 'kiosk'], ['console', 'operator-console'], ['display', 'hall-display']] as const;

/** Package version plus a digest of the built screens: a change makes open screens reload. */
function buildVersion(): string {
  const h = createHash('sha256').update(release);
  for (const [, dir] of screens) { const f = join(root, 'dist', dir, 'index.html'); if (existsSync(f)) h.update(readFileSync(f)); }
  return h.digest('hex').slice(0, 12);
}

declare module 'fastify' {
  interface FastifyRequest { startedAt: number }
}

export type TalonApp = FastifyInstance & { ctx: AppContext };

export async function buildApp(opts: BuildOptions): Promise<TalonApp> {
  const { config } = opts;
  const clock = opts.clock ?? Date.now;
  const log = opts.logger ?? pino({ level: config.logLevel });
  const dbFile = opts.dbFile ?? dbFileOf(config.dataDir);
  const db = openDatabase(dbFile, { now: clock() });
  const sql = db.$client;
  const quiet = new QuietLog(log);

  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    bodyLimit: 64 * 1024,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: false,
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    clientErrorHandler: clientErrorHandler(quiet),
    frameworkErrors,
  });

  const hub = new Hub(clock, { onDrop: (screens) => log.warn({ screens }, 'screens dropped: they stopped reading their events') });
  const settings = new SettingsStore(sql, config.timezone);
  const times = new ServiceTimes(sql);
  const wal = WalSync.open(sql);
  const commits = new Committer(sql, hub, wal);
  const queue = new QueueService({ sql, commits, settings, times, clock, timezone: config.timezone });
  const tokens = new TokenStore(sql, clock);
  const audit = new AuditLog(sql, clock);
  const admin = new AdminService(db, clock, audit);
  const views = new HallViews(sql, queue, clock, config.timezone, settings);
  const reports = new ReportModel(sql, config.timezone, clock);
  const ctx: AppContext = {
    config, db, sql, clock, log, hub, commits, tokens, settings, queue,
    loginGuard: new LoginGuard(clock),
    views,
    admin,
    audit,
    configDoc: new ConfigStore({ sql, clock, audit, settings, admin }),
    stats: new StatsService(sql),
    feedback: new FeedbackService(sql, commits, clock),
    reports,
    history: new TicketHistory(sql, config.timezone),
    windows: new WindowTime(sql, config.timezone, clock),
    // The device layer replaces ctx.devices when it registers: read it when asked.
    live: new LiveHall({ sql, views, reports, settings, devices: () => ctx.devices, clock, timezone: config.timezone, backup: () => ctx.backups.status() }),
    devices: opts.devices ?? noDevices,
    // Staff and device tokens (an operator issuing for a caller, a kiosk agent, a load test) are exempt.
    kioskRateLimit: { max: config.kioskRatePerMin, timeWindow: 60_000, allowList: (req) => req.principal !== null },
    disk: new DiskWatch(dirname(dbFile)),
    bootId: randomUUID(),
    version: buildVersion(),
    backups: new BackupService({ sql, dataDir: config.dataDir, clock, timezone: config.timezone, settings: () => settings.get().backup, log }),
  };
  const startedAt = clock();
  const metrics = new HallMetrics({
    sql, hub, clock, version: ctx.version, release, devices: () => ctx.devices.list(), backup: () => ctx.backups.status(),
    storage: () => storageFigures(dbFile, config.dataDir),
  });
  await seedDemoHall(ctx.admin, ctx.configDoc, config.dataDir, config.adminPassword, log);

  // The console routes in the browser: /console/hall, /console/reports?… are its index page. Paths
  // with a file extension (a missing asset) stay 404.
  installErrorHandlers(app, (url) => (/^\/console\/(?:[^?.]*)(?:\?.*)?$/.test(url) ? join(root, 'dist', 'operator-console') : null), ctx.disk);
  installSecurityHeaders(app);
  installInputGuard(app);
  await app.register(rateLimit, { global: false });
  await app.register(websocket, { options: { maxPayload: 64 * 1024 }, errorHandler: websocketErrorHandler(quiet) });
  installUpgradeChecks(app, quiet, () => settings.get().publicUrl);
  installAuth(app, tokens);
  // Before the routes: it describes each route as it is added (GET /api/openapi.json).
  await app.register(swagger, openapiOptions(app, release));
  // Server-Timing: how long the server itself took (browsers' devtools and the bench read it).
  app.addHook('onRequest', async (req) => { req.startedAt = performance.now(); });
  app.addHook('onSend', async (req, reply) => { reply.header('server-timing', `app;dur=${(performance.now() - req.startedAt).toFixed(2)}`); });
  app.addHook('onResponse', (req, reply, done) => { metrics.observeRequest(req.method, req.routeOptions.url, reply.statusCode, reply.elapsedTime); done(); });

  await app.register(publicRoutes, { ctx });
  await app.register(wsRoutes, { ctx });
  await app.register(authRoutes, { ctx });
  await app.register(counterRoutes, { ctx });
  await app.register(adminRoutes, { ctx });
  await app.register(adminConfigRoutes, { ctx });
  await app.register(statsRoutes, { ctx });
  const lean = new LeanViews(sql, settings, ctx.reports, ctx.windows, config.timezone);
  await app.register(leanRoutes, { ctx, lean, lunches: new LunchService(sql, settings, lean, config.timezone, ctx.audit), feedback: ctx.feedback });
  await app.register(simulateRoutes, { ctx }); // "what if" on the hall's history
  await app.register(supervisorRoutes, { ctx }); // the supervisor's drill-downs and charts
  await app.register(devicesPlugin, { ctx }); // printers, call buttons, device agents
  const unwatchDevices = ctx.live.watchDevices(hub);
  await app.register(announceRoutes); // the board's speech through espeak-ng
  await app.register(opsRoutes, { ctx, metrics, release, startedAt, dbFile }); // backups, health, metrics, OpenAPI

  for (const [base, dir] of screens) {
    await app.register(fastifyStatic, { root: join(root, 'dist', dir), prefix: `/${base}/`, decorateReply: base === 'kiosk', index: 'index.html', schemaHide: false });
    // "/display?rows=4" typed on a TV remote: the same page, with its settings.
    app.get(`/${base}`, async (req, reply) => reply.redirect(`/${base}/${req.url.slice(base.length + 1)}`));
  }
  app.get('/', async (_req, reply) => reply.redirect('/console/'));
  // Every page's icon (browsers ask for it whatever the page says).
  const favicon = readFileSync(join(root, 'ui', 'favicon.ico'));
  app.get('/favicon.ico', async (_req, reply) => reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(favicon));

  // Postponed customers come back to their counter's queue when their minutes are up.
  const returns = setInterval(() => {
    commits.run(() => queue.returnDue()).catch((err) => log.error({ err }, 'returning postponed tickets failed'));
  }, 5000);
  returns.unref();
  ctx.backups.start(); // the daily backup (settings.backup)
  // The end of the hall day: yesterday's queue expires now if the server was down at closing
  // time, and at each closing time from here on.
  const dayCloser = new DayCloser(queue, commits, clock, log);
  dayCloser.start(hub);

  app.addHook('onClose', async () => {
    clearInterval(returns);
    dayCloser.stop();
    unwatchDevices();
    await ctx.backups.stop();
    hub.closeAll();
    await ctx.devices.close();
    await commits.drained();
    await wal?.close();
    sql.close();
  });
  return Object.assign(app as unknown as FastifyInstance, { ctx });
}
