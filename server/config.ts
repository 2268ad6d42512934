// Settings from the environment (the contract's table, plus a few of ours).
import { resolve } from 'node:path';

export interface HallConfig {
  port: number;
  host: string;
  dataDir: string;
  adminPassword: string | null;
  timezone: string;
  /** QUEUE_PRINTER: the kiosk printer attached to the server machine. */
  printer: string | null;
  /** Tickets an anonymous client may take per minute (kiosks with a device token are exempt). */
  kioskRatePerMin: number;
  logLevel: string;
  /** METRICS_TOKEN: when set, GET /metrics needs `Authorization: Bearer <it>`; else it is open on the LAN. */
  metricsToken: string | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): HallConfig {
  const timezone = env.QUEUE_TIMEZONE || Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Fail at start, not at the first ticket, when the zone is misspelt.
  new Intl.DateTimeFormat('en', { timeZone: timezone });
  return {
    port: Number(env.PORT || 8080),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    adminPassword: env.QUEUE_ADMIN_PASSWORD || null,
    timezone,
    printer: env.QUEUE_PRINTER || null,
    kioskRatePerMin: Number(env.QUEUE_KIOSK_RATE_PER_MIN || 30),
    logLevel: env.LOG_LEVEL || 'info',
    metricsToken: env.METRICS_TOKEN || null,
  };
}
