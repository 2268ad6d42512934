// The administrator's health detail (GET /api/admin/health) and the file figures that `talon
// status` and /metrics show too: database and WAL size, free disk.
import { existsSync, statSync, statfsSync } from 'node:fs';
import type { DeviceView } from '../device-port';
import type { BackupStatus } from './backups';

/** Below this much free space on the data's disk the health detail warns. */
export const LOW_DISK_BYTES = 1024 ** 3;

export interface StorageFigures {
  database: { file: string; bytes: number; walBytes: number };
  disk: { path: string; freeBytes: number; totalBytes: number };
}

export function storageFigures(dbFile: string, dataDir: string): StorageFigures {
  const size = (f: string) => (existsSync(f) ? statSync(f).size : 0);
  const fs = statfsSync(dataDir);
  return {
    database: { file: dbFile, bytes: size(dbFile), walBytes: size(`${dbFile}-wal`) },
    disk: { path: dataDir, freeBytes: fs.bavail * fs.bsize, totalBytes: fs.blocks * fs.bsize },
  };
}

export interface HealthInput {
  version: string;
  release: string;
  startedAt: number;
  now: number;
  storage: StorageFigures;
  backup: BackupStatus;
  devices: DeviceView[];
  websockets: number;
}

/** Device states in which a device still does its job. */
const working = new Set(['ok', 'paper_low']);

/** Plain data in, the health detail out: `problems` lists what needs a person, in plain words. */
export function healthDetail(h: HealthInput) {
  const problems: string[] = [];
  if (h.backup.stale) problems.push(h.backup.last ? `the last backup is older than a day (${h.backup.last.at})` : 'no backup has been made');
  if (h.backup.lastError) problems.push(`the last daily backup failed: ${h.backup.lastError}`);
  if (h.storage.disk.freeBytes < LOW_DISK_BYTES) problems.push(`less than 1 GB free on the data's disk (${Math.round(h.storage.disk.freeBytes / 1024 ** 2)} MB)`);
  for (const d of h.devices) if (!working.has(d.status)) problems.push(`${d.kind} "${d.name}" is ${d.status}${d.detail ? `: ${d.detail}` : ''}`);
  return {
    status: problems.length ? 'warning' as const : 'ok' as const,
    problems,
    version: h.version,
    release: h.release,
    node: process.version,
    startedAt: new Date(h.startedAt).toISOString(),
    uptimeSec: Math.round((h.now - h.startedAt) / 1000),
    ...h.storage,
    backup: h.backup,
    devices: h.devices,
    websockets: h.websockets,
  };
}
