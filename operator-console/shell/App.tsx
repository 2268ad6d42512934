// The console's frame: sign-in, then the areas the role may see under one router. Every view is
// a URL (/console/reports?from=…&by=hour can be bookmarked or sent), the back button works,
// and an address the role may not open goes to the role's home.
import type { ComponentChildren } from 'preact';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { useEffect, useErrorBoundary } from 'preact/hooks';
import { lang } from '../../ui/i18n';
import { homePath, visibleAreas } from './areas';
import { Login } from './Login';
import { PasswordChange } from './PasswordChange';
import { session } from './session';
import { t } from './strings';

function ToHome() {
  const { route } = useLocation();
  const role = session.value!.user.role;
  useEffect(() => route(homePath(role), true), [role]);
  return null;
}

function Areas() {
  const areas = visibleAreas();
  return (
    <Router>
      {areas.flatMap((a) => [
        <Route key={a.id} path={a.path} component={a.component} />,
        <Route key={`${a.id}/*`} path={`${a.path}/*`} component={a.component} />,
      ])}
      <Route path="/console/password" component={PasswordChange} />
      <Route default component={ToHome} />
    </Router>
  );
}

/** An area that fails to load or render says so, with a reload, instead of a blank page. */
function Guard({ children }: { children: ComponentChildren }) {
  const [error] = useErrorBoundary((e) => console.error(e));
  if (!error) return <>{children}</>;
  return (
    <main class="failed">
      <p class="message error" role="alert">{t('loadFailed', { reason: String((error as Error).message ?? error) })}</p>
      <button type="button" class="primary" onClick={() => location.reload()}>{t('reload')}</button>
    </main>
  );
}

export function App() {
  document.documentElement.lang = lang.value;
  document.title = t('title');
  const user = session.value?.user;
  return (
    <LocationProvider scope="/console">
      {/* Keyed by the user: signing in as someone else starts from a clean frame. */}
      {user ? <Guard key={user.id}>{user.mustChangePassword ? <PasswordChange forced /> : <Areas />}</Guard> : <Login />}
    </LocationProvider>
  );
}
