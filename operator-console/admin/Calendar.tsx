// The hall calendar: opening hours by weekday, holidays pasted from the production calendar,
// shortened and special days. The kiosk offers services only within them, and the hall day ends
// at the closing time.
import { useEffect, useState } from 'preact/hooks';
import { isCalendarDay } from '../../server/engine/calendar';
import { staff } from '../shell/session';
import { Field, FormStatus, useSubmit } from './form';
import { t } from './strings';
import type { Calendar as Cal, DayHours, SetupState } from './types';
import { badDay, WEEKDAYS, WeekHoursEditor } from './WeekHours';

/** Dates pasted from a production calendar: "01.01.2027, 02.01.2027" or ISO, any separators. */
export function parseDates(text: string): { dates: string[]; bad: string[] } {
  const dates: string[] = [];
  const bad: string[] = [];
  for (const token of text.split(/[\s,;]+/).filter(Boolean)) {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(token);
    const iso = m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : token;
    if (isCalendarDay(iso)) dates.push(iso); else bad.push(token);
  }
  return { dates: [...new Set(dates)].sort(), bad };
}

export function Calendar() {
  const [cal, setCal] = useState<Cal | null>(null);
  const [holidays, setHolidays] = useState('');
  const [tz, setTz] = useState('');
  const form = useSubmit();
  const load = () => staff<Cal>('GET', '/api/admin/calendar').then((c) => { setCal(c); setHolidays(c.holidays.join('\n')); });
  useEffect(() => { void load(); void staff<SetupState>('GET', '/api/admin/setup').then((s) => setTz(s.timezone)); }, []);
  if (!cal) return <p class="muted">{t('loading')}</p>;
  const parsed = parseDates(holidays);
  const hasWeek = Object.keys(cal.week).length > 0;
  const days = Object.entries(cal.days);
  const setDays = (list: [string, DayHours][]) => setCal({ ...cal, days: Object.fromEntries(list) });

  const submit = async (e: Event) => {
    e.preventDefault();
    const bad = badDay(cal.week);
    if (bad) return form.setError({ field: 'week', text: t('errHours') });
    if (parsed.bad.length) return form.setError({ field: 'holidays', text: t('calBadDates', { list: parsed.bad.join(', ') }) });
    if (days.some(([d, h]) => !d || h.open >= h.close)) return form.refuse('days', 'errHours');
    if (await form.run(() => staff('PUT', '/api/admin/calendar', { week: cal.week, holidays: parsed.dates, days: cal.days }))) await load();
  };
  return (
    <form class="form stack" onSubmit={submit} noValidate data-testid="calendar-form">
      <p class="hint">{t('calTz', { tz })}</p>
      <fieldset class={form.error?.field === 'week' ? 'bad' : ''}>
        <legend>{t('calWeek')}</legend>
        {hasWeek ? <WeekHoursEditor name="hall" value={cal.week} onChange={(week) => setCal({ ...cal, week })} bad={badDay(cal.week)} />
          : <p class="muted">{t('calNoHours')} <button type="button" class="plain-dark" onClick={() => setCal({ ...cal, week: Object.fromEntries(WEEKDAYS.map((d) => [d, Number(d) <= 5 ? { open: '08:00', close: '17:00' } : null])) })}>{t('calSetHours')}</button></p>}
        {form.error?.field === 'week' && <span class="field-error" role="alert">{form.error.text}</span>}
      </fieldset>
      <div class="grid2">
        <Field label={t('calHolidays')} name="holidays" error={form.error} hint={t('calHolidaysHint')} wide>
          <textarea name="holidays" rows={8} value={holidays} onInput={(e) => setHolidays((e.target as HTMLTextAreaElement).value)} />
        </Field>
        <div>
          <p class="label">{t('calParsed', { n: parsed.dates.length })}</p>
          <ul class="chips" data-testid="holiday-chips">{parsed.dates.map((d) => <li key={d}>{d.split('-').reverse().join('.')}</li>)}</ul>
          {parsed.bad.length > 0 && <p class="field-error">{t('calBadDates', { list: parsed.bad.join(', ') })}</p>}
        </div>
      </div>
      <fieldset class={form.error?.field === 'days' ? 'bad' : ''}>
        <legend>{t('calDays')}</legend>
        {days.map(([d, h], i) => (
          <div class="row" key={i} data-day={d}>
            <input type="date" aria-label={t('calDay')} value={d} onInput={(e) => setDays(days.map((x, j) => (j === i ? [(e.target as HTMLInputElement).value, x[1]] : x)))} />
            <span class="muted">{t('from')}</span><input type="time" aria-label={t('from')} value={h.open} onInput={(e) => setDays(days.map((x, j) => (j === i ? [x[0], { ...x[1], open: (e.target as HTMLInputElement).value }] : x)))} />
            <span class="muted">{t('to')}</span><input type="time" aria-label={t('to')} value={h.close} onInput={(e) => setDays(days.map((x, j) => (j === i ? [x[0], { ...x[1], close: (e.target as HTMLInputElement).value }] : x)))} />
            <button type="button" class="icon" aria-label={t('remove')} onClick={() => setDays(days.filter((_, j) => j !== i))}>×</button>
          </div>
        ))}
        <button type="button" class="plain-dark" onClick={() => setDays([...days, [new Date().toISOString().slice(0, 10), { open: '08:00', close: '16:00' }]])}>{t('add')}</button>
        {form.error?.field === 'days' && <span class="field-error" role="alert">{form.error.text}</span>}
      </fieldset>
      <div class="row">
        <button type="submit" class="primary" disabled={form.pending} data-testid="save-calendar">{t('save')}</button>
        <FormStatus error={form.error} saved={form.saved} fields={['week', 'holidays', 'days']} />
      </div>
    </form>
  );
}
