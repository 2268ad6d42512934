// The start screen: the services as large tiles, grouped ("Физическим лицам" / "Юридическим
// лицам"), each with its live queue; closed services say why and cannot be taken.
import type { ServiceView } from '../server/protocol.ts';
import { pick } from '../ui/i18n.ts';
import { services, settings } from './hall.ts';
import { issue, privileged } from './flow.ts';
import { etaText, t } from './texts.ts';

function closedText(s: ServiceView): string {
  if (s.closedReason === 'limit') return t('closedLimit');
  if (s.closedReason === 'holiday') return t('closedHoliday');
  if (s.closedReason === 'hall_closed') return s.openFrom && s.openTo ? t('closedHallSpan', { from: s.openFrom, to: s.openTo }) : t('closedHall');
  if (s.closedReason === 'hours') return s.openFrom && s.openTo ? t('closedHoursSpan', { from: s.openFrom, to: s.openTo }) : t('closedHours');
  return t('closedInactive');
}

function Tile({ s }: { s: ServiceView }) {
  return (
    <button class="tile" data-service-id={s.id} disabled={!s.available} onClick={() => issue(s)}>
      <span class="tile-prefix" aria-hidden="true">{s.prefix}</span>
      <span class="tile-name">{pick(s.name, s.nameEn)}</span>
      {s.available ? (
        <span class="tile-meta">
          <span>{t('waiting')}: <b class="tile-waiting">{s.waiting}</b></span>
          <span class="tile-eta">{etaText(s.etaMinutes)}</span>
        </span>
      ) : (
        <span class="tile-meta tile-closed">{closedText(s)}</span>
      )}
    </button>
  );
}

/** Services in their groups, groups in the order their first service comes. */
function grouped(list: ServiceView[]) {
  const groups = new Map<string, { title: string; items: ServiceView[] }>();
  for (const s of list) {
    const key = s.group ?? '';
    if (!groups.has(key)) groups.set(key, { title: s.group ? pick(s.group, s.groupEn) : '', items: [] });
    groups.get(key)!.items.push(s);
  }
  return [...groups.values()];
}

export function Home() {
  const groups = grouped(services.value);
  return (
    <main class="home">
      <h1 class="prompt">{privileged.value ? t('privilegedOn') : t('chooseService')}</h1>
      <div class="groups">
        {groups.map((g) => (
          <section class="group" key={g.title}>
            {g.title && <h2 class="group-title">{g.title}</h2>}
            <div class="tiles">{g.items.map((s) => <Tile key={s.id} s={s} />)}</div>
          </section>
        ))}
      </div>
      {settings.value?.privilegedEnabled && (
        <button class={`privileged${privileged.value ? ' on' : ''}`} aria-pressed={privileged.value} onClick={() => { privileged.value = !privileged.value; }}>
          <span class="check" aria-hidden="true">{privileged.value ? '✓' : ''}</span>
          <span><b>{t('privileged')}</b><small>{t('privilegedHint')}</small></span>
        </button>
      )}
    </main>
  );
}
