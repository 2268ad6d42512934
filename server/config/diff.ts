// What an import would change: a pure comparison of the hall's current document with the one
// imported, entity by entity under their natural keys (plain data in, a list of changes out).
import { changedFields } from '../hall/audit';

export type ConfigEntity = 'service' | 'counter' | 'user' | 'device' | 'notice' | 'settings' | 'calendar';

export interface ConfigChange {
  entity: ConfigEntity;
  key: string;
  /** `remove` becomes `delete` when applied, or `deactivate` for what history refers to. */
  action: 'create' | 'update' | 'remove' | 'delete' | 'deactivate';
  /** The whole entity (create, remove) or the changed fields only (update). */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** Creates, changed fields and removals between two lists keyed by `key`. */
export function diffSection<T extends object>(entity: ConfigEntity, current: T[], next: T[], key: (t: T) => string): ConfigChange[] {
  const out: ConfigChange[] = [];
  const cur = new Map(current.map((t) => [key(t), t]));
  const wanted = new Set<string>();
  for (const t of next) {
    const k = key(t);
    wanted.add(k);
    const c = cur.get(k);
    if (!c) { out.push({ entity, key: k, action: 'create', after: t as Record<string, unknown> }); continue; }
    const d = changedFields(c as Record<string, unknown>, t as Record<string, unknown>);
    if (d) out.push({ entity, key: k, action: 'update', ...d });
  }
  for (const [k, c] of cur) if (!wanted.has(k)) out.push({ entity, key: k, action: 'remove', before: c as Record<string, unknown> });
  return out;
}

/** One object compared field by field (settings, the calendar): only the fields `next` names. */
export function diffObject(entity: ConfigEntity, current: Record<string, unknown>, next: Record<string, unknown>): ConfigChange[] {
  const d = changedFields(Object.fromEntries(Object.keys(next).map((k) => [k, current[k]])), next);
  return d ? [{ entity, key: entity, action: 'update', ...d }] : [];
}
