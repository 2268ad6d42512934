// The audit log: every administrative change with who made it, when, what it touched and the
// values before and after. A change records itself inside its own transaction, so the log holds
// exactly the changes that were committed. Secrets (passwords, their hashes, tokens) never
// reach it: they are removed from every value on the way in.
import type Database from 'better-sqlite3';
import { csvLine, CSV_BOM } from '../export/cells';
import { iso } from './rows';

export type AuditAction = 'create' | 'update' | 'delete' | 'deactivate' | 'reorder' | 'reset_password' | 'change_password'
  | 'end_sessions' | 'issue_token' | 'test_print' | 'import' | 'template';
export type AuditEntity = 'service' | 'counter' | 'counter_services' | 'user' | 'notice' | 'settings' | 'calendar' | 'device' | 'config';

export interface AuditRecord {
  /** The staff user who made the change; null for the server itself. */
  actor: number | null;
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  user: { id: number; login: string; name: string } | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditFilter { from?: number; to?: number; entity?: string; userId?: number; limit?: number }

const SECRET = /^(password|passwordHash|password_hash|token|tokenHash|token_hash)$/i;

/** A value with every secret field removed, at any depth. */
export function scrub(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(scrub);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([k]) => !SECRET.test(k)).map(([k, x]) => [k, scrub(x)]));
  }
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of an update that changed, before and after; null when nothing did. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const b: Record<string, unknown> = {}, a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!same(before[k], after[k])) { b[k] = before[k] ?? null; a[k] = after[k] ?? null; }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(scrub(v)));
const parse = (s: string | null) => (s === null ? null : JSON.parse(s));

export class AuditLog {
  private s;

  constructor(private sql: Database.Database, private clock: () => number) {
    this.s = {
      insert: sql.prepare('INSERT INTO audit_log (at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    };
  }

  /** Call inside the change's transaction. */
  record(r: AuditRecord): void {
    this.s.insert.run(this.clock(), r.actor, r.action, r.entity, r.entityId == null ? null : String(r.entityId), json(r.before), json(r.after));
  }

  /** An update: recorded with the changed fields only, and not at all when nothing changed. */
  update(actor: number | null, entity: AuditEntity, entityId: string | number | null, before: object, after: object, action: AuditAction = 'update'): void {
    const d = changedFields(scrub(before) as Record<string, unknown>, scrub(after) as Record<string, unknown>);
    if (d) this.record({ actor, action, entity, entityId, ...d });
  }

  /** Runs `fn` and its audit records as one transaction. */
  tx<T>(fn: () => T): T {
    return this.sql.transaction(fn).immediate();
  }

  list(f: AuditFilter = {}): AuditEntry[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.from !== undefined) { where.push('a.at >= ?'); args.push(f.from); }
    if (f.to !== undefined) { where.push('a.at < ?'); args.push(f.to); }
    if (f.entity) { where.push('a.entity = ?'); args.push(f.entity); }
    if (f.userId !== undefined) { where.push('a.user_id = ?'); args.push(f.userId); }
    const rows = this.sql.prepare(`SELECT a.id, a.at, a.user_id AS userId, u.login, u.name, a.action, a.entity, a.entity_id AS entityId, a.before, a.after
      FROM audit_log a LEFT JOIN users u ON u.id = a.user_id ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY a.at DESC, a.id DESC ${f.limit ? 'LIMIT ' + Math.floor(f.limit) : ''}`).all(...args) as any[];
    return rows.map((r) => ({
      id: r.id, at: iso(r.at), user: r.userId === null ? null : { id: r.userId, login: r.login, name: r.name },
      action: r.action, entity: r.entity, entityId: r.entityId, before: parse(r.before), after: parse(r.after),
    }));
  }

  csv(f: AuditFilter = {}): string {
    let out = CSV_BOM + csvLine(['at', 'login', 'user', 'action', 'entity', 'entity_id', 'before', 'after']);
    for (const e of this.list(f)) {
      out += csvLine([e.at, e.user?.login ?? null, e.user?.name ?? null, e.action, e.entity, e.entityId,
        e.before === null ? null : JSON.stringify(e.before), e.after === null ? null : JSON.stringify(e.after)]);
    }
    return out;
  }
}
