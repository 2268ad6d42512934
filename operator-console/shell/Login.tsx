// Sign-in form: the same accounts for operators, supervisors and administrators.
import { useState } from 'preact/hooks';
import { ApiError } from '../../ui/api';
import { Header } from './Header';
import { login } from './session';
import { t } from './strings';

export function Login() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (pending) return;
    const f = new FormData(e.currentTarget as HTMLFormElement);
    setPending(true);
    setError(null);
    try {
      await login(String(f.get('login')), String(f.get('password')));
    } catch (err) {
      const status = err instanceof ApiError ? err.status : 0;
      setError(status === 401 ? t('badCredentials') : status === 429 ? t('tooManyAttempts') : status === 0 ? t('offline') : (err as Error).message);
      setPending(false);
    }
  };
  return (
    <div class="screen">
      <Header />
      <main>
        <form class="login" onSubmit={submit}>
          <h1>{t('title')}</h1>
          <label>{t('login')}<input name="login" autocomplete="username" required autofocus /></label>
          <label>{t('password')}<input name="password" type="password" autocomplete="current-password" required /></label>
          <button type="submit" class="primary" disabled={pending}>{t('signIn')}</button>
          {error && <p class="message error" role="alert" data-testid="login-error">{error}</p>}
        </form>
      </main>
    </div>
  );
}
