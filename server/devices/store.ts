// The `devices` table: printers and call buttons with their driver settings, their tokens and
// what their agents last reported. Changes made by an administrator are audited in the same
// transaction (a token's issue is recorded, never the token).
import type Database from 'better-sqlite3';
import type { DeviceSettings } from '../../drivers/agent/protocol.ts';
import type { AuditLog } from '../hall/audit.ts';
import { iso } from '../hall/rows.ts';

export interface DeviceConfig extends DeviceSettings {
  /** Set for devices attached to the server machine; absent for devices driven by an agent. */
  address?: string;
}

/** What an agent reports when it connects: its version, its machine and the devices it drives. */
export interface AgentInfo { version: string | null; host: string | null; printer: string | null; buttons: string | null }

export interface DeviceRow {
  id: number;
  kind: 'printer' | 'buttons';
  name: string;
  config: DeviceConfig;
  counterId: number | null;
  enabled: boolean;
  createdAt: string;
  /** An agent's last connection (now, while it is connected), or null. */
  lastSeenAt: string | null;
  agentInfo: AgentInfo | null;
}

type Raw = Omit<DeviceRow, 'config' | 'enabled' | 'createdAt' | 'lastSeenAt' | 'agentInfo'> & { config: string; enabled: number; createdAt: number; lastSeenAt: number | null; agentInfo: string | null };
const COLUMNS = 'id, kind, name, config, counter_id AS counterId, enabled, created_at AS createdAt, last_seen_at AS lastSeenAt, agent_info AS agentInfo';

function json<T>(text: string | null, fallback: T): T {
  try { return text === null ? fallback : JSON.parse(text); } catch { return fallback; /* a hand-edited row */ }
}

function toRow(r: Raw | undefined): DeviceRow | undefined {
  if (!r) return undefined;
  return {
    ...r, config: json<DeviceConfig>(r.config, {}), enabled: r.enabled === 1, createdAt: new Date(r.createdAt).toISOString(),
    lastSeenAt: iso(r.lastSeenAt), agentInfo: json<AgentInfo | null>(r.agentInfo, null),
  };
}

/** The settings an administrator changes (the audit's before and after). */
const settingsOf = (d: DeviceRow) => ({ kind: d.kind, name: d.name, config: d.config, counterId: d.counterId, enabled: d.enabled });

export class DeviceStore {
  private s;
  constructor(private sql: Database.Database, private clock: () => number, private audit?: AuditLog) {
    this.s = {
      all: sql.prepare(`SELECT ${COLUMNS} FROM devices ORDER BY id`),
      one: sql.prepare(`SELECT ${COLUMNS} FROM devices WHERE id = ?`),
      insert: sql.prepare('INSERT INTO devices (kind, name, config, counter_id, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      update: sql.prepare('UPDATE devices SET name = ?, config = ?, counter_id = ?, enabled = ? WHERE id = ?'),
      revokeTokens: sql.prepare('UPDATE tokens SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL'),
      seen: sql.prepare('UPDATE devices SET last_seen_at = ?, agent_info = COALESCE(?, agent_info) WHERE id = ?'),
    };
  }

  list(): DeviceRow[] { return (this.s.all.all() as Raw[]).map((r) => toRow(r)!); }
  get(id: number): DeviceRow | undefined { return toRow(this.s.one.get(id) as Raw | undefined); }

  private tx<T>(fn: () => T): T { return this.sql.transaction(fn).immediate(); }

  create(d: Pick<DeviceRow, 'kind' | 'name' | 'config' | 'counterId' | 'enabled'>, actor: number | null = null): DeviceRow {
    return this.tx(() => {
      const r = this.s.insert.run(d.kind, d.name, JSON.stringify(d.config), d.counterId, d.enabled ? 1 : 0, this.clock());
      const row = this.get(Number(r.lastInsertRowid))!;
      this.audit?.record({ actor, action: 'create', entity: 'device', entityId: row.id, after: settingsOf(row) });
      return row;
    });
  }

  update(id: number, patch: Partial<Pick<DeviceRow, 'name' | 'config' | 'counterId' | 'enabled'>>, actor: number | null = null): DeviceRow | undefined {
    return this.tx(() => {
      const cur = this.get(id);
      if (!cur) return undefined;
      const next = { ...cur, ...patch };
      this.s.update.run(next.name, JSON.stringify(next.config), next.counterId, next.enabled ? 1 : 0, id);
      const row = this.get(id)!;
      this.audit?.update(actor, 'device', id, settingsOf(cur), settingsOf(row));
      return row;
    });
  }

  /** A new token replaces the old ones: a kiosk PC that was given away loses its access. */
  revokeTokens(deviceId: number): void { this.s.revokeTokens.run(this.clock(), deviceId); }

  /** Revokes the device's tokens and issues a new one, recording that (not the token itself). */
  replaceToken(deviceId: number, issue: () => string, actor: number | null = null): string {
    return this.tx(() => {
      this.revokeTokens(deviceId);
      const token = issue();
      this.audit?.record({ actor, action: 'issue_token', entity: 'device', entityId: deviceId, after: { tokenIssued: true, olderTokensRevoked: true } });
      return token;
    });
  }

  /** An agent connected, reported or left: when it was last seen, and what it said it drives. */
  seen(deviceId: number, info?: AgentInfo): void { this.s.seen.run(this.clock(), info ? JSON.stringify(info) : null, deviceId); }
}
