// Shown while the server cannot be reached; it goes away by itself when the connection returns.
import { t } from './texts.ts';

export function Offline() {
  return (
    <div class="offline" role="status" data-testid="offline">
      <div class="offline-dot" aria-hidden="true" />
      <h1>{t('offlineTitle')}</h1>
      <p>{t('offlineText')}</p>
    </div>
  );
}
