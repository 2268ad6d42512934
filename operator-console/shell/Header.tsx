// The strip above every screen: who is signed in, the areas their role may open, the
// connection, the language switch. `title` is the screen's heading (the counter's name on the
// window work screen).
import { useLocation } from 'preact-iso';
import { lang } from '../../ui/i18n';
import { areaOf, visibleAreas } from './areas';
import { logout, session } from './session';
import { t } from './strings';

export function Header({ title, online }: { title?: string; online?: boolean }) {
  const user = session.value?.user;
  const { path } = useLocation();
  const areas = user ? visibleAreas() : [];
  const current = areaOf(path);
  return (
    <header class="top">
      <span class="brand">{t('brand')}</span>
      {areas.length > 1 && (
        <nav class="areas" aria-label={t('navLabel')}>
          {areas.map((a) => (
            <a key={a.id} href={a.path} data-area={a.id} class={a === current ? 'on' : ''} aria-current={a === current ? 'page' : undefined}>{t(a.label)}</a>
          ))}
        </nav>
      )}
      {title && <h1 class="counter-name" data-testid="counter-name">{title}</h1>}
      {user && <a class="user" href="/console/password" title={t('pwTitle')}>{user.name}</a>}
      <span class="spacer" />
      {online !== undefined && (
        <span class={online ? 'link up' : 'link down'} data-testid="link" data-online={String(online)}>
          {online ? t('online') : t('offline')}
        </span>
      )}
      <button type="button" class="plain" onClick={() => { lang.value = lang.value === 'ru' ? 'en' : 'ru'; }}>{t('lang')}</button>
      {user && <button type="button" class="plain" onClick={() => void logout()}>{t('signOut')}</button>}
    </header>
  );
}
