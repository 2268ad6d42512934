// Users: create one (the password typed, or generated and shown once), change the role, switch
// off (their sessions end at once), a new password (generated, shown once, to change at the next
// login), end all sessions.
import { useEffect, useState } from 'preact/hooks';
import type { Role } from '../../server/protocol';
import { session, staff } from '../shell/session';
import { Field, FormStatus, ShownOnce, useSubmit } from './form';
import { t, type Key } from './strings';
import type { User } from './types';

const ROLES: [Role, Key][] = [['operator', 'roleOperator'], ['supervisor', 'roleSupervisor'], ['admin', 'roleAdmin']];

export function Users() {
  const [users, setUsers] = useState<User[] | null>(null);
  const [once, setOnce] = useState<{ login: string; password: string } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const row = useSubmit();
  const create = useSubmit();
  const load = () => staff<User[]>('GET', '/api/admin/users').then(setUsers);
  useEffect(() => { void load(); }, []);

  const patch = async (u: User, body: Partial<User>) => {
    setNote(null);
    if (await row.run(() => staff('PATCH', `/api/admin/users/${u.id}`, body))) await load();
    else await load(); // the select or box shows the stored value again
  };
  const reset = async (u: User) => {
    setNote(null);
    const r = await row.run(() => staff<{ password: string }>('POST', `/api/admin/users/${u.id}/reset-password`));
    if (r) { setOnce({ login: u.login, password: r.password }); await load(); }
  };
  const endSessions = async (u: User) => {
    const r = await row.run(() => staff<{ ended: number }>('POST', `/api/admin/users/${u.id}/end-sessions`));
    if (r) setNote(t('usrSessionsEnded', { n: r.ended }));
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const f = Object.fromEntries(new FormData(form)) as Record<string, string>;
    if (!/^[A-Za-z0-9._@-]{1,64}$/.test(f.login)) return create.refuse('login', 'errLogin');
    if (!f.name.trim()) return create.refuse('name', 'errRequired');
    if (f.password && f.password.length < 8) return create.refuse('password', 'errPassword');
    const r = await create.run(() => staff<User & { password?: string }>('POST', '/api/admin/users', { login: f.login, name: f.name.trim(), role: f.role, ...(f.password ? { password: f.password } : {}) }));
    if (r) {
      form.reset();
      if (r.password) setOnce({ login: r.login, password: r.password });
      await load();
    }
  };
  const me = session.value?.user.id;
  return (
    <div class="stack">
      <form class="card row add" onSubmit={submit} noValidate data-testid="user-form">
        <Field label={t('usrLogin')} name="login" error={create.error}><input name="login" autocomplete="off" /></Field>
        <Field label={t('usrName')} name="name" error={create.error}><input name="name" autocomplete="off" /></Field>
        <Field label={t('usrRole')} name="role" error={create.error}>
          <select name="role">{ROLES.map(([r, k]) => <option key={r} value={r}>{t(k)}</option>)}</select>
        </Field>
        <Field label={t('usrPassword')} name="password" error={create.error}><input name="password" type="password" autocomplete="new-password" /></Field>
        <button type="submit" class="primary" disabled={create.pending}>{t('usrCreate')}</button>
        <FormStatus error={create.error} saved={false} fields={['login', 'name', 'role', 'password']} />
      </form>
      <FormStatus error={row.error} saved={false} fields={[]} />
      {note && <p class="form-saved" role="status">{note}</p>}
      <p class="hint">{t('usrDeactivateHint')} · <a href="/console/password">{t('usrOwn')}</a></p>
      <table class="table" data-testid="users">
        <thead><tr><th>{t('usrLogin')}</th><th>{t('usrName')}</th><th>{t('usrRole')}</th><th>{t('active')}</th><th /></tr></thead>
        <tbody>
          {users?.map((u) => (
            <tr key={u.id} data-user={u.login} class={u.active ? '' : 'off'}>
              <td><b>{u.login}</b>{u.id === me && ' ★'}</td>
              <td>{u.name}{u.mustChangePassword && <small class="muted"> · {t('usrMustChange')}</small>}</td>
              <td><select aria-label={`${t('usrRole')}: ${u.login}`} value={u.role} onChange={(e) => void patch(u, { role: (e.target as HTMLSelectElement).value as Role })}>
                {ROLES.map(([r, k]) => <option key={r} value={r}>{t(k)}</option>)}</select></td>
              <td><input type="checkbox" aria-label={`${t('active')}: ${u.login}`} checked={u.active} onChange={(e) => void patch(u, { active: (e.target as HTMLInputElement).checked })} /></td>
              <td class="actions-cell">
                <button type="button" class="plain-dark" onClick={() => void reset(u)}>{t('usrReset')}</button>
                <button type="button" class="plain-dark" onClick={() => void endSessions(u)}>{t('usrEndSessions')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {once && <ShownOnce title={t('usrPasswordFor', { login: once.login })} value={once.password} onClose={() => setOnce(null)} />}
    </div>
  );
}
