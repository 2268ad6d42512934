// The strip above every screen: who is signed in, the connection, the language switch.
import { lang } from '../ui/i18n';
import { logout, session } from './session';
import { t } from './strings';

export function Header({ counterName, online }: { counterName?: string; online?: boolean }) {
  const user = session.value?.user;
  return (
    <header class="top">
      <span class="brand">{t('brand')}</span>
      {counterName && <span class="counter-name" data-testid="counter-name">{counterName}</span>}
      {user && <span class="user">{user.name}</span>}
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
