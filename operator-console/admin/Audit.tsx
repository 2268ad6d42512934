// The audit log: every administrative change with who, when, what, before and after; filtered by
// period, kind of thing and user (the filters are in the address), and downloaded as CSV.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { download } from '../shell/download';
import { staff } from '../shell/session';
import { refusal } from './form';
import { t, type Key } from './strings';
import type { AuditEntry, User } from './types';

const ENTITIES = ['service', 'counter', 'counter_services', 'user', 'notice', 'settings', 'calendar', 'device', 'config'];
const entLabel = (e: string) => t(`ent${e[0].toUpperCase()}${e.slice(1)}` as Key);
const actLabel = (a: string) => t(`act${a}` as Key);

/** A local calendar day's start as ISO; `next` gives the following day's (an inclusive "to"). */
const dayStart = (d: string, next = false) => { const x = new Date(`${d}T00:00:00`); if (next) x.setDate(x.getDate() + 1); return x.toISOString(); };
const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Before → after, field by field. */
function Change({ e }: { e: AuditEntry }) {
  // An import or template: its list of changes, one line each.
  if (e.entity === 'config' && Array.isArray(e.after?.changes)) {
    const list = e.after.changes as { entity: string; key: string; action: string }[];
    return (
      <ul class="config-changes">
        {list.slice(0, 12).map((c, i) => <li key={i}>{entLabel(c.entity)} <b>{c.key}</b>: {actLabel(c.action)}</li>)}
        {list.length > 12 && <li class="muted">+{list.length - 12}</li>}
      </ul>
    );
  }
  const b = (e.before ?? {}) as Record<string, unknown>, a = (e.after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (!keys.length) return <span class="muted">{t('none')}</span>;
  return (
    <dl class="change">
      {keys.map((k) => (
        <div key={k}><dt>{k}</dt><dd>{k in b && <del>{text(b[k])}</del>}{k in b && k in a && ' → '}{k in a && <ins>{text(a[k])}</ins>}</dd></div>
      ))}
    </dl>
  );
}

export function Audit() {
  const { query, route, path } = useLocation();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  const params = () => {
    const p = new URLSearchParams();
    if (query.from) p.set('from', dayStart(query.from));
    if (query.to) p.set('to', dayStart(query.to, true));
    if (query.entity) p.set('entity', query.entity);
    if (query.user) p.set('userId', query.user);
    return p.toString();
  };
  useEffect(() => { void staff<User[]>('GET', '/api/admin/users').then(setUsers); }, []);
  useEffect(() => {
    setError(null);
    staff<AuditEntry[]>('GET', `/api/admin/audit?${params()}`).then(setEntries, (e) => setError(refusal(e).text));
  }, [query.from, query.to, query.entity, query.user]);
  const setQ = (k: string, v: string) => {
    const q = new URLSearchParams(query as Record<string, string>);
    if (v) q.set(k, v); else q.delete(k);
    route(`${path}${q.toString() ? `?${q}` : ''}`, true);
  };
  const csv = () => download(`/api/admin/audit.csv?${params()}`, 'audit.csv').catch((e) => setError(t('errRefused', { message: (e as Error).message })));
  return (
    <div class="stack">
      <div class="row filters" data-testid="audit-filters">
        <label class="inline">{t('audFrom')}<input type="date" name="from" value={query.from ?? ''} onInput={(e) => setQ('from', (e.target as HTMLInputElement).value)} /></label>
        <label class="inline">{t('audTo')}<input type="date" name="to" value={query.to ?? ''} onInput={(e) => setQ('to', (e.target as HTMLInputElement).value)} /></label>
        <label class="inline">{t('audEntity')}<select name="entity" value={query.entity ?? ''} onChange={(e) => setQ('entity', (e.target as HTMLSelectElement).value)}>
          <option value="">{t('audAll')}</option>{ENTITIES.map((x) => <option key={x} value={x}>{entLabel(x)}</option>)}</select></label>
        <label class="inline">{t('audUser')}<select name="user" value={query.user ?? ''} onChange={(e) => setQ('user', (e.target as HTMLSelectElement).value)}>
          <option value="">{t('audAll')}</option>{users.map((u) => <option key={u.id} value={u.id}>{u.login}</option>)}</select></label>
        <button type="button" class="plain-dark" onClick={() => void csv()} data-testid="audit-csv">{t('audCsv')}</button>
      </div>
      {error && <p class="form-error" role="alert">{error}</p>}
      {entries?.length === 0 && <p class="muted">{t('audNone')}</p>}
      <table class="table audit" data-testid="audit">
        <thead><tr><th>{t('audAt')}</th><th>{t('audUser')}</th><th>{t('audAction')}</th><th>{t('audEntity')}</th><th>{t('audChange')}</th></tr></thead>
        <tbody>
          {entries?.map((e) => (
            <tr key={e.id} data-entity={e.entity} data-action={e.action}>
              <td class="nowrap">{new Date(e.at).toLocaleString()}</td>
              <td>{e.user ? e.user.login : <span class="muted">{t('audServer')}</span>}</td>
              <td>{actLabel(e.action)}</td>
              <td>{entLabel(e.entity)}{e.entityId && <small class="muted"> #{e.entityId}</small>}</td>
              <td><Change e={e} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
