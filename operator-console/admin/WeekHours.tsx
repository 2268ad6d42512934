// Hours by weekday, Monday first: each day closed or open from–to. Used by a service's own hours
// and by the hall's.
import { t, type Key } from './strings';
import type { DayHours } from './types';

export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

export function WeekHoursEditor({ value, onChange, name, bad }: {
  value: Partial<Record<string, DayHours | null>>; onChange: (v: Partial<Record<string, DayHours | null>>) => void; name: string; bad?: string | null;
}) {
  const set = (d: string, h: DayHours | null) => onChange({ ...value, [d]: h });
  return (
    <table class="week" data-testid={`week-${name}`}>
      <tbody>
        {WEEKDAYS.map((d) => {
          const h = value[d] ?? null;
          return (
            <tr key={d} class={bad === d ? 'bad' : ''} data-day={d}>
              <th scope="row">{t(`weekday${d}` as Key)}</th>
              <td>
                <label class="inline"><input type="checkbox" checked={!!h} data-testid={`open-${name}-${d}`}
                  onChange={(e) => set(d, (e.target as HTMLInputElement).checked ? { open: '09:00', close: '18:00' } : null)} />{h ? t('open') : t('closed')}</label>
              </td>
              <td>{h && <><span class="muted">{t('from')}</span> <input type="time" value={h.open} aria-label={`${t(`weekday${d}` as Key)} ${t('from')}`} data-testid={`from-${name}-${d}`}
                onInput={(e) => set(d, { ...h, open: (e.target as HTMLInputElement).value })} /></>}</td>
              <td>{h && <><span class="muted">{t('to')}</span> <input type="time" value={h.close} aria-label={`${t(`weekday${d}` as Key)} ${t('to')}`} data-testid={`to-${name}-${d}`}
                onInput={(e) => set(d, { ...h, close: (e.target as HTMLInputElement).value })} /></>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The first weekday whose hours close before they open, or null. */
export function badDay(week: Partial<Record<string, DayHours | null>>): string | null {
  return WEEKDAYS.find((d) => { const h = week[d]; return !!h && (!h.open || !h.close || h.open >= h.close); }) ?? null;
}
