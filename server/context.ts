// Everything a route needs, built once by buildApp and passed to the route plugins.
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { Db } from '../db/connection';
import type { LoginGuard } from './auth/login-guard';
import type { TokenStore } from './auth/tokens';
import type { HallConfig } from './config';
import type { DevicePort } from './device-port';
import type { DiskWatch } from './disk';
import type { AdminService } from './hall/admin';
import type { AuditLog } from './hall/audit';
import type { ConfigStore } from './config/store';
import type { LiveHall } from './hall/live';
import type { WindowTime } from './hall/window-time';
import type { QueueService } from './hall/queue';
import type { ReportModel } from './hall/reports';
import type { StatsService } from './hall/stats';
import type { TicketHistory } from './hall/ticket-history';
import type { HallViews } from './hall/views';
import type { FeedbackService } from './hall/feedback';
import type { Hub } from './hub';
import type { Committer } from './commits';
import type { BackupService } from './ops/backups';
import type { SettingsStore } from './settings';

export interface AppContext {
  config: HallConfig;
  db: Db;
  sql: Database.Database;
  clock: () => number;
  log: Logger;
  hub: Hub;
  /** Transactions and group commit of queue commands. */
  commits: Committer;
  tokens: TokenStore;
  loginGuard: LoginGuard;
  settings: SettingsStore;
  queue: QueueService;
  views: HallViews;
  admin: AdminService;
  /** Every administrative change, written in the change's own transaction. */
  audit: AuditLog;
  /** The configuration document: export, import, templates. */
  configDoc: ConfigStore;
  stats: StatsService;
  /** Customers' ratings (the rating tablet's route and the rating keypads). */
  feedback: FeedbackService;
  /** Reports (GET /api/stats/report and its files). */
  reports: ReportModel;
  /** A ticket's history and the search by number. */
  history: TicketHistory;
  /** The live hall (GET /api/stats/live). */
  live: LiveHall;
  /** Window time open by hour (the sheet, staffing, the what-if history). */
  windows: WindowTime;
  /** Replaced by the device layer when it is registered. */
  devices: DevicePort;
  /** @fastify/rate-limit settings of anonymous ticket issuing. */
  kioskRateLimit: { max: number; timeWindow: number; allowList: (req: any) => boolean };
  /** DATA_DIR's free space and failed writes, for the health check. */
  disk: DiskWatch;
  bootId: string;
  version: string;
  /** Backups: on request, daily, their status and the stale-backup alert. */
  backups: BackupService;
}
