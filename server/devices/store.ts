// The `devices` table: printers and call buttons with their driver settings, and their tokens.
import type Database from 'better-sqlite3';
import type { DeviceSettings } from '../../drivers/agent/protocol.ts';

export interface DeviceConfig extends DeviceSettings {
  /** Set for devices attached to the server machine; absent for devices driven by an agent. */
  address?: string;
}

export interface DeviceRow {
  id: number;
  kind: 'printer' | 'buttons';
  name: string;
  config: DeviceConfig;
  counterId: number | null;
  enabled: boolean;
  createdAt: string;
}

type Raw = Omit<DeviceRow, 'config' | 'enabled' | 'createdAt'> & { config: string; enabled: number; createdAt: number };
const COLUMNS = 'id, kind, name, config, counter_id AS counterId, enabled, created_at AS createdAt';

function toRow(r: Raw | undefined): DeviceRow | undefined {
  if (!r) return undefined;
  let config: DeviceConfig = {};
  try { config = JSON.parse(r.config); } catch { /* a hand-edited row: treat as unconfigured */ }
  return { ...r, config, enabled: r.enabled === 1, createdAt: new Date(r.createdAt).toISOString() };
}

export class DeviceStore {
  private s;
  constructor(sql: Database.Database, private clock: () => number) {
    this.s = {
      all: sql.prepare(`SELECT ${COLUMNS} FROM devices ORDER BY id`),
      one: sql.prepare(`SELECT ${COLUMNS} FROM devices WHERE id = ?`),
      insert: sql.prepare('INSERT INTO devices (kind, name, config, counter_id, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      update: sql.prepare('UPDATE devices SET name = ?, config = ?, counter_id = ?, enabled = ? WHERE id = ?'),
      revokeTokens: sql.prepare('UPDATE tokens SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL'),
    };
  }

  list(): DeviceRow[] { return (this.s.all.all() as Raw[]).map((r) => toRow(r)!); }
  get(id: number): DeviceRow | undefined { return toRow(this.s.one.get(id) as Raw | undefined); }

  create(d: Pick<DeviceRow, 'kind' | 'name' | 'config' | 'counterId' | 'enabled'>): DeviceRow {
    const r = this.s.insert.run(d.kind, d.name, JSON.stringify(d.config), d.counterId, d.enabled ? 1 : 0, this.clock());
    return this.get(Number(r.lastInsertRowid))!;
  }

  update(id: number, patch: Partial<Pick<DeviceRow, 'name' | 'config' | 'counterId' | 'enabled'>>): DeviceRow | undefined {
    const cur = this.get(id);
    if (!cur) return undefined;
    const next = { ...cur, ...patch };
    this.s.update.run(next.name, JSON.stringify(next.config), next.counterId, next.enabled ? 1 : 0, id);
    return this.get(id);
  }

  /** A new token replaces the old ones: a kiosk PC that was given away loses its access. */
  revokeTokens(deviceId: number): void { this.s.revokeTokens.run(this.clock(), deviceId); }
}
