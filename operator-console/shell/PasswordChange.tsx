// One's own password. A generated or reset password must be changed here before anything else
// (`forced`); the server then ends the user's other sessions and keeps this one.
import { useState } from 'preact/hooks';
import { ApiError } from '../../ui/api';
import { Header } from './Header';
import { changePassword, session } from './session';
import { t } from './strings';

export function PasswordChange({ forced = false }: { forced?: boolean }) {
  const [error, setError] = useState<{ field: string; text: string } | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const current = String(f.get('current')), next = String(f.get('next')), again = String(f.get('again'));
    setError(null);
    if (next.length < 8) return setError({ field: 'next', text: t('pwTooShort') });
    if (next !== again) return setError({ field: 'again', text: t('pwMismatch') });
    if (next === current) return setError({ field: 'next', text: t('pwSame') });
    setPending(true);
    try {
      await changePassword(current, next);
      setDone(true);
      (e.target as HTMLFormElement).reset();
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      setError(code === 'wrong_password' ? { field: 'current', text: t('pwWrong') } : code === 'rate_limited' ? { field: 'current', text: t('tooManyAttempts') }
        : { field: 'next', text: err instanceof ApiError && err.status === 0 ? t('offline') : (err as Error).message });
    } finally { setPending(false); }
  };
  const field = (name: string, label: string, auto: string) => (
    <label>{label}
      <input name={name} type="password" autocomplete={auto} required aria-invalid={error?.field === name} aria-describedby={error?.field === name ? `${name}-error` : undefined} />
      {error?.field === name && <span class="field-error" id={`${name}-error`} role="alert">{error.text}</span>}
    </label>
  );
  return (
    <div class="screen">
      <Header />
      <main>
        <form class="login" onSubmit={submit} data-testid="password-form">
          <h1>{t('pwTitle')}</h1>
          {forced && <p class="message info">{t('pwForced', { name: session.value?.user.name ?? '' })}</p>}
          {field('current', t('pwCurrent'), 'current-password')}
          {field('next', t('pwNew'), 'new-password')}
          {field('again', t('pwAgain'), 'new-password')}
          <button type="submit" class="primary" disabled={pending}>{t('pwSave')}</button>
          {done && <p class="message info" role="status" data-testid="password-changed">{t('pwChanged')}</p>}
        </form>
      </main>
    </div>
  );
}
