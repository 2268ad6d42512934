// The information page: the hall's active notices (water and heating outages, until when).
import { pick } from '../ui/i18n.ts';
import { notices, settings } from './hall.ts';
import { goHome } from './flow.ts';
import { hallTime } from './time.ts';
import { t } from './texts.ts';

export function InfoScreen() {
  const list = notices.value;
  return (
    <main class="info">
      <h1>{t('notices')}</h1>
      {list.length === 0 ? <p class="no-notices">{t('noNotices')}</p> : (
        <ul class="notices">
          {list.map((n) => (
            <li key={n.id}>
              <p>{pick(n.text, n.textEn)}</p>
              {n.endsAt && <p class="notice-until">{t('until', { t: hallTime(n.endsAt, settings.value?.timezone) })}</p>}
            </li>
          ))}
        </ul>
      )}
      <button class="big-button" onClick={goHome}>{t('back')}</button>
    </main>
  );
}
