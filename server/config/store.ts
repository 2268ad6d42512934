// Export of the hall's configuration document, and its import: validated first (nothing changes
// for a bad document), then compared with the hall (server/config/diff.ts), then applied in one
// transaction. A dry run applies it the same way and rolls it back, so what it reports is
// exactly what the import would do, and it changes nothing.
import type Database from 'better-sqlite3';
import { hashPassword } from '../auth/password';
import { AppError } from '../errors';
import { generatePassword, type AdminService } from '../hall/admin';
import type { AuditLog } from '../hall/audit';
import type { HallSettings, SettingsStore } from '../settings';
import { diffObject, diffSection, type ConfigChange } from './diff';
import { CONFIG_FORMAT, CONFIG_VERSION, keyOf, keysOf, PAD_MAPS, validateConfig, type ConfigDoc, type DocCounter, type DocDevice, type DocNotice, type DocService, type DocUser } from './document';

export interface ImportResult {
  dryRun: boolean;
  changes: ConfigChange[];
  summary: Record<string, number>;
  /** Users the import created, each with a generated password shown this once (not in a dry run). */
  passwords: { login: string; password: string }[];
}

class Rollback extends Error {}

const serviceDefaults: Omit<DocService, 'prefix' | 'name'> = {
  nameEn: null, groupName: null, groupNameEn: null, maxWaitSec: 900, defaultServiceSec: 600, normServiceSec: null,
  openFrom: null, openTo: null, hours: null, dailyLimit: null, script: '', ticketFooter: '', active: true,
};
const isoOrNull = (s: string | null | undefined) => (s ? new Date(Date.parse(s)).toISOString() : null);
const noticeKey = (n: DocNotice) => JSON.stringify([n.text, n.textEn ?? null, n.startsAt ?? null, n.endsAt ?? null]);
const FIELDS = ['nameEn', 'groupName', 'groupNameEn', 'maxWaitSec', 'defaultServiceSec', 'normServiceSec', 'openFrom', 'openTo', 'hours', 'dailyLimit', 'script', 'ticketFooter', 'active'] as const;
const COLUMN: Record<string, string> = {
  name: 'name', prefix: 'prefix', nameEn: 'name_en', groupName: 'group_name', groupNameEn: 'group_name_en', maxWaitSec: 'max_wait_sec', defaultServiceSec: 'default_service_sec',
  normServiceSec: 'norm_service_sec', openFrom: 'open_from', openTo: 'open_to', hours: 'hours', dailyLimit: 'daily_limit', script: 'script', ticketFooter: 'ticket_footer', active: 'active', position: 'sort_order',
};
const sqlValue = (k: string, v: unknown) => (k === 'hours' ? (v ? JSON.stringify(v) : null) : typeof v === 'boolean' ? (v ? 1 : 0) : v);

export interface ConfigStoreDeps {
  sql: Database.Database;
  clock: () => number;
  audit: AuditLog;
  settings: SettingsStore;
  admin: AdminService;
}

export class ConfigStore {
  constructor(private d: ConfigStoreDeps) {}

  private all<T>(query: string, ...args: unknown[]): T[] { return this.d.sql.prepare(query).all(...args) as T[]; }
  private userId(login: string): number { return this.all<{ id: number }>('SELECT id FROM users WHERE login = ?', login)[0].id; }

  private counterRows() { return this.all<{ id: number; name: string; active: number }>('SELECT id, name, active FROM counters ORDER BY id'); }
  private deviceRows() { return this.all<{ id: number; kind: 'printer' | 'buttons'; name: string; enabled: number; counterId: number | null; config: string }>('SELECT id, kind, name, enabled, counter_id AS counterId, config FROM devices ORDER BY id'); }

  /** Counter id → key and back, as the hall stands now. */
  private counterKeys() {
    const rows = this.counterRows();
    const keys = keysOf(rows);
    return { byId: new Map(rows.map((r, i) => [r.id, keys[i]])), byKey: new Map(rows.map((r, i) => [keys[i], r.id])) };
  }

  export(): ConfigDoc {
    const services = this.d.admin.listServices();
    const prefixOf = new Map(services.map((s) => [s.id, s.prefix]));
    const position = new Map(services.map((s, i) => [s.id, i]));
    const ck = this.counterKeys();
    const counters = this.d.admin.listCounters().map((c): DocCounter => {
      const key = ck.byId.get(c.id)!;
      const links = [...c.services].sort((a, b) => a.priority - b.priority || position.get(a.serviceId)! - position.get(b.serviceId)!);
      return { ...(key !== c.name ? { key } : {}), name: c.name, active: c.active, services: links.map((l) => ({ service: prefixOf.get(l.serviceId)!, priority: l.priority })) };
    });
    const rows = this.deviceRows();
    const dk = keysOf(rows);
    const devices = rows.map((r, i): DocDevice => {
      const cfg = JSON.parse(r.config || '{}');
      for (const map of PAD_MAPS) {
        if (cfg[map]) cfg[map] = Object.fromEntries(Object.entries(cfg[map] as Record<string, number>).map(([pad, id]) => [pad, ck.byId.get(id) ?? String(id)]));
      }
      return { ...(dk[i] !== r.name ? { key: dk[i] } : {}), kind: r.kind, name: r.name, enabled: r.enabled === 1, counter: r.counterId === null ? null : ck.byId.get(r.counterId)!, config: cfg };
    });
    const staff = this.d.admin.listUsers();
    const users = [...staff].sort((a, b) => a.login.localeCompare(b.login)).map((u): DocUser => ({ login: u.login, name: u.name, role: u.role, active: u.active }));
    const notices = this.d.admin.listNotices().map((n): DocNotice => ({ text: n.text, textEn: n.textEn, startsAt: n.startsAt, endsAt: n.endsAt }));
    // The adopted lunch plans are a day's work, not the hall's configuration; each operator's
    // own lunch rule travels by login.
    const { calendar, lunchPlans: _plans, ...settings } = this.d.settings.get();
    const loginOf = new Map(staff.map((u) => [String(u.id), u.login]));
    const lunch = { ...settings.lunch, byUser: Object.fromEntries(Object.entries(settings.lunch.byUser).flatMap(([id, r]) => (loginOf.has(id) ? [[loginOf.get(id)!, r]] : []))) };
    const boards = Object.fromEntries(Object.entries(settings.boards).map(([name, b]) => [name, b.counters ? { ...b, counters: b.counters.map((id) => ck.byId.get(id) ?? String(id)) } : b]));
    return {
      format: CONFIG_FORMAT, version: CONFIG_VERSION,
      services: services.map((s) => ({ prefix: s.prefix, name: s.name, ...Object.fromEntries(FIELDS.map((f) => [f, s[f]])) }) as DocService),
      counters, users, devices, notices,
      settings: { ...settings, boards, lunch } as ConfigDoc['settings'], calendar,
    };
  }

  /** Brings the hall to `input` (only the sections it has). Throws `invalid_config` (400) with a
   * path for a bad document, 409 for one that would lock the importing administrator out. */
  async import(input: unknown, opts: { actor: number | null; dryRun: boolean; action?: 'import' | 'template' }): Promise<ImportResult> {
    const cur = this.export();
    const doc = validateConfig(input, { prefixes: cur.services!.map((s) => s.prefix), counterKeys: cur.counters!.map(keyOf), logins: cur.users!.map((u) => u.login) });
    const changes = this.diff(cur, doc);
    // Hashing is slow (scrypt) and cannot run inside the transaction: done first.
    const passwords = new Map<string, { password: string; hash: string }>();
    for (const c of changes) {
      if (c.entity === 'user' && c.action === 'create') {
        const password = generatePassword();
        passwords.set(c.key, { password, hash: opts.dryRun ? '-' : await hashPassword(password) });
      }
    }
    let applied: ConfigChange[] = [];
    try {
      this.d.audit.tx(() => {
        applied = this.apply(doc, changes, passwords, opts.actor);
        if (applied.length) {
          this.d.audit.record({ actor: opts.actor, action: opts.action ?? 'import', entity: 'config', after: { summary: summarise(applied), changes: applied } });
        }
        if (opts.dryRun) throw new Rollback();
      });
    } catch (e) { if (!(e instanceof Rollback)) throw e; } finally {
      this.d.settings.reload(); // its cache may hold what was rolled back
    }
    return {
      dryRun: opts.dryRun, changes: applied, summary: summarise(applied),
      passwords: opts.dryRun ? [] : [...passwords].map(([login, p]) => ({ login, password: p.password })),
    };
  }

  /** The changes in document terms: entities normalised with their defaults, then compared. */
  private diff(cur: ConfigDoc, doc: ConfigDoc): ConfigChange[] {
    const changes: ConfigChange[] = [];
    const withPos = (list: DocService[]) => list.map((s, position) => ({ ...serviceDefaults, ...s, position }));
    if (doc.services) changes.push(...diffSection('service', withPos(cur.services!), withPos(doc.services), (s) => s.prefix));
    const counter = (c: DocCounter) => ({ key: keyOf(c), name: c.name, active: c.active ?? true, services: c.services });
    if (doc.counters) changes.push(...diffSection('counter', cur.counters!.map(counter), doc.counters.map(counter), (c) => c.key));
    const user = (u: DocUser) => ({ login: u.login, name: u.name, role: u.role, active: u.active ?? true });
    if (doc.users) changes.push(...diffSection('user', cur.users!.map(user), doc.users.map(user), (u) => u.login));
    const device = (v: DocDevice) => ({ key: keyOf(v), kind: v.kind, name: v.name, enabled: v.enabled ?? true, counter: v.counter ?? null, config: v.config ?? {} });
    if (doc.devices) changes.push(...diffSection('device', cur.devices!.map(device), doc.devices.map(device), (v) => v.key));
    const notice = (n: DocNotice) => ({ text: n.text, textEn: n.textEn ?? null, startsAt: isoOrNull(n.startsAt), endsAt: isoOrNull(n.endsAt) });
    if (doc.notices) changes.push(...diffSection('notice', cur.notices!.map(notice), doc.notices.map(notice), noticeKey));
    if (doc.settings) changes.push(...diffObject('settings', cur.settings as Record<string, unknown>, doc.settings as Record<string, unknown>));
    if (doc.calendar) changes.push(...diffObject('calendar', { calendar: cur.calendar }, { calendar: doc.calendar }));
    return changes;
  }

  /** Runs the changes inside the caller's transaction; returns them with removals resolved. */
  private apply(doc: ConfigDoc, changes: ConfigChange[], passwords: Map<string, { hash: string }>, actor: number | null): ConfigChange[] {
    const sql = this.d.sql;
    const run = (q: string, ...args: unknown[]) => sql.prepare(q).run(...args);
    const of = (entity: string, action?: string) => changes.filter((c) => c.entity === entity && (!action || c.action === action));
    /** Deletes what nothing refers to; what history refers to (tickets, events) is switched off. */
    const removeOr = (c: ConfigChange, del: () => void, deactivate: () => number): ConfigChange | null => {
      try { sql.transaction(del)(); return { ...c, action: 'delete' }; } catch (e: any) {
        if (e.code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw e;
        return deactivate() > 0 ? { ...c, action: 'deactivate' } : null;
      }
    };
    const done: ConfigChange[] = [];

    // Services first: counters refer to them by prefix.
    for (const c of of('service')) {
      if (c.action === 'create') {
        const v = c.after!;
        const keys = Object.keys(v).filter((k) => COLUMN[k]);
        run(`INSERT INTO services (${keys.map((k) => COLUMN[k]).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`, ...keys.map((k) => sqlValue(k, v[k])));
        done.push(c);
      } else if (c.action === 'update') {
        const keys = Object.keys(c.after!);
        run(`UPDATE services SET ${keys.map((k) => `${COLUMN[k]} = ?`).join(', ')} WHERE prefix = ?`, ...keys.map((k) => sqlValue(k, c.after![k])), c.key);
        done.push(c);
      }
    }
    // The services as they stand now (created ones included), by prefix.
    const serviceIds = new Map(this.all<{ id: number; prefix: string }>('SELECT id, prefix FROM services').map((s) => [s.prefix, s.id]));
    // Counters: the document's key → id, for devices and boards.
    const counterIds = new Map(this.counterKeys().byKey);
    const links = (id: number, list: DocCounter['services']) => {
      run('DELETE FROM counter_services WHERE counter_id = ?', id);
      for (const l of list) run('INSERT INTO counter_services (counter_id, service_id, priority) VALUES (?, ?, ?)', id, serviceIds.get(l.service), l.priority);
    };
    for (const c of of('counter')) {
      const v = c.after! as { name: string; active: boolean; services: DocCounter['services'] };
      if (c.action === 'create') {
        const id = Number(run('INSERT INTO counters (name, active) VALUES (?, ?)', v.name, v.active ? 1 : 0).lastInsertRowid);
        links(id, v.services);
        counterIds.set(c.key, id);
        done.push(c);
      } else if (c.action === 'update') {
        const id = counterIds.get(c.key)!;
        if ('name' in v) run('UPDATE counters SET name = ? WHERE id = ?', v.name, id);
        if ('active' in v) run('UPDATE counters SET active = ? WHERE id = ?', v.active ? 1 : 0, id);
        if ('services' in v) links(id, v.services);
        done.push(c);
      }
    }
    const counterRef = (k: string | null | undefined) => (k ? counterIds.get(k) ?? null : null);
    const deviceRows = this.deviceRows();
    const deviceIds = new Map(keysOf(deviceRows).map((k, i) => [k, deviceRows[i].id]));
    const deviceConfig = (cfg: DocDevice['config']) => {
      const out: Record<string, unknown> = { ...(cfg ?? {}) };
      for (const map of PAD_MAPS) {
        const pads = cfg?.[map];
        if (pads) out[map] = Object.fromEntries(Object.entries(pads).map(([pad, k]) => [pad, counterRef(k)]));
      }
      return JSON.stringify(out);
    };
    const wantedDevices = new Map((doc.devices ?? []).map((v) => [keyOf(v), v]));
    for (const c of of('device')) {
      const v = wantedDevices.get(c.key);
      if (!v) continue;
      const values = [v.kind, v.name, deviceConfig(v.config), counterRef(v.counter), v.enabled === false ? 0 : 1];
      if (c.action === 'create') run('INSERT INTO devices (kind, name, config, counter_id, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?)', ...values, this.d.clock());
      else run('UPDATE devices SET kind = ?, name = ?, config = ?, counter_id = ?, enabled = ? WHERE id = ?', ...values, deviceIds.get(c.key));
      done.push(c);
    }
    let lunchByLogin: HallSettings['lunch'] | undefined;
    if (of('settings').length) {
      const s = { ...doc.settings! } as Partial<HallSettings> & { boards?: Record<string, { counters?: (string | number)[] }> };
      if (s.boards) s.boards = Object.fromEntries(Object.entries(s.boards).map(([n, b]) => [n, b.counters ? { ...b, counters: b.counters.map((k) => counterRef(String(k))!) } : b])) as HallSettings['boards'];
      const { lunch, ...rest } = s;
      this.d.settings.update(rest);
      if (lunch) lunchByLogin = lunch as HallSettings['lunch'];
      done.push(...of('settings'));
    }
    // Removals, in the order references allow: devices, then counters, then services.
    for (const c of of('device', 'remove')) {
      const id = deviceIds.get(c.key)!;
      const r = removeOr(c, () => { run('DELETE FROM tokens WHERE device_id = ?', id); run('DELETE FROM devices WHERE id = ?', id); }, () => run('UPDATE devices SET enabled = 0 WHERE id = ? AND enabled = 1', id).changes);
      if (r) done.push(r);
    }
    for (const c of of('counter', 'remove')) {
      const id = counterIds.get(c.key)!;
      const r = removeOr(c, () => run('DELETE FROM counters WHERE id = ?', id), () => run('UPDATE counters SET active = 0 WHERE id = ? AND active = 1', id).changes);
      if (r) done.push(r);
    }
    for (const c of of('service', 'remove')) {
      const id = serviceIds.get(c.key)!;
      const r = removeOr(c, () => { run('DELETE FROM counter_services WHERE service_id = ?', id); run('DELETE FROM services WHERE id = ?', id); },
        () => run('UPDATE services SET active = 0 WHERE id = ? AND active = 1', id).changes);
      if (r) done.push(r);
    }
    // Users: created with a generated password to change at the first login; a user left out
    // is switched off (their tickets and the audit log name them), with their sessions ended.
    const now = this.d.clock();
    for (const c of of('user')) {
      if (c.action === 'create') {
        const v = c.after! as DocUser;
        run('INSERT INTO users (login, name, role, password_hash, active, must_change_password, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)', v.login, v.name, v.role, passwords.get(c.key)!.hash, v.active === false ? 0 : 1, now);
        done.push(c);
        continue;
      }
      const u = this.all<{ id: number; role: string; active: number }>('SELECT id, role, active FROM users WHERE login = ?', c.key)[0];
      const next = c.action === 'remove' ? { active: false } : c.after! as Partial<DocUser>;
      if (u.id === actor && (next.active === false || (next.role && next.role !== 'admin'))) {
        throw new AppError(409, 'last_admin', `The document would switch off or demote you (${c.key}): keep yourself an active administrator`, '/users');
      }
      if (next.name !== undefined) run('UPDATE users SET name = ? WHERE id = ?', next.name, u.id);
      if (next.role !== undefined) run('UPDATE users SET role = ? WHERE id = ?', next.role, u.id);
      if (next.active !== undefined) run('UPDATE users SET active = ? WHERE id = ?', next.active ? 1 : 0, u.id);
      if (next.active === false) run('UPDATE tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL', now, u.id);
      if (c.action === 'remove') { if (u.active) done.push({ ...c, action: 'deactivate' }); } else done.push(c);
    }
    if (lunchByLogin) { // after the users: their ids are known now
      const byUser = Object.fromEntries(Object.entries(lunchByLogin.byUser).map(([login, r]) => [String(this.userId(login)), r]));
      this.d.settings.update({ lunch: { ...lunchByLogin, byUser } });
    }
    if (of('user').length && !this.all('SELECT 1 FROM users WHERE role = \'admin\' AND active = 1').length) throw new AppError(409, 'last_admin', 'The document leaves the hall without an active administrator', '/users');
    const noticeIds = new Map(this.d.admin.listNotices().map((n) => [noticeKey({ text: n.text, textEn: n.textEn, startsAt: n.startsAt, endsAt: n.endsAt }), n.id]));
    for (const c of of('notice')) {
      const v = (c.after ?? c.before)! as { text: string; textEn: string | null; startsAt: string | null; endsAt: string | null };
      if (c.action === 'create') run('INSERT INTO notices (text, text_en, starts_at, ends_at, created_at) VALUES (?, ?, ?, ?, ?)', v.text, v.textEn, v.startsAt ? Date.parse(v.startsAt) : null, v.endsAt ? Date.parse(v.endsAt) : null, now);
      else if (c.action === 'remove') { run('DELETE FROM notices WHERE id = ?', noticeIds.get(c.key)); done.push({ ...c, action: 'delete' }); continue; }
      done.push(c);
    }
    if (of('calendar').length) {
      this.d.settings.update({ calendar: doc.calendar! });
      done.push(...of('calendar'));
    }
    return done;
  }
}

function summarise(changes: ConfigChange[]): Record<string, number> {
  const s: Record<string, number> = {};
  for (const c of changes) s[c.action] = (s[c.action] ?? 0) + 1;
  return s;
}

