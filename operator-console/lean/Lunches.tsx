// Floating lunches: who is on duty, each operator's lunch length and allowed window (settings on
// the server), the proposed plan with the windows open against the windows needed through the
// day, the hours that fall short when no plan avoids it, and the supervisor's adoption. An adopted
// plan shows on each operator's window screen, with a reminder when the lunch comes.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { lang } from '../../ui/i18n';
import { staff } from '../shell/session';
import { reportSearch } from '../figures/api';
import { useGet } from './common';
import { t } from './strings';
import type { LunchProposal, LunchRules } from './types';

type Rule = { minutes: number; from: string; to: string };

function RulesTable({ p, rules, onSaved }: { p: LunchProposal; rules: LunchRules; onSaved: () => void }) {
  const [draft, setDraft] = useState<Record<string, Rule>>({});
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft({}), [rules]);
  const base: Rule = { minutes: rules.minutes, from: rules.from, to: rules.to };
  const ruleOf = (key: string) => draft[key] ?? (key === 'default' ? base : rules.byUser[key] ?? base);
  const edit = (key: string, k: keyof Rule, v: string) => setDraft((d) => ({ ...d, [key]: { ...ruleOf(key), [k]: k === 'minutes' ? Number(v) : v } }));
  const save = async () => {
    const def = ruleOf('default');
    const byUser = { ...rules.byUser };
    for (const o of p.operators) {
      const r = ruleOf(String(o.userId));
      if (r.minutes === def.minutes && r.from === def.from && r.to === def.to) delete byUser[o.userId];
      else byUser[o.userId] = r;
    }
    try {
      await staff('PUT', '/api/stats/lunch-rules', { ...def, byUser });
      setError(null);
      onSaved();
    } catch (e) { setError((e as Error).message); }
  };
  const row = (key: string, name: string, lunch?: { start: string; end: string; inWindow: boolean }) => {
    const r = ruleOf(key);
    return (
      <tr key={key} data-user={key}>
        <th scope="row">{name}</th>
        <td><input type="number" min={5} max={180} step={5} name={`minutes-${key}`} value={r.minutes} onInput={(e) => edit(key, 'minutes', (e.target as HTMLInputElement).value)} /></td>
        <td><input class="hhmm" inputMode="numeric" pattern="([01][0-9]|2[0-3]):[0-5][0-9]" maxLength={5} size={5} name={`from-${key}`} value={r.from} onInput={(e) => edit(key, 'from', (e.target as HTMLInputElement).value)} /></td>
        <td><input class="hhmm" inputMode="numeric" pattern="([01][0-9]|2[0-3]):[0-5][0-9]" maxLength={5} size={5} name={`to-${key}`} value={r.to} onInput={(e) => edit(key, 'to', (e.target as HTMLInputElement).value)} /></td>
        <td class="slot" data-testid={lunch ? 'lunch-slot' : undefined}>{lunch ? `${lunch.start}–${lunch.end}` : ''}{lunch && !lunch.inWindow && <em> ({t('outsideWindow')})</em>}</td>
      </tr>
    );
  };
  return (
    <>
      <table class="lunch-table" data-testid="lunch-table">
        <thead><tr><th scope="col">{t('operator')}</th><th scope="col">{t('lunchLength')}</th><th scope="col">{t('allowedFrom')}</th><th scope="col">{t('allowedTo')}</th><th scope="col">{t('lunchSlot')}</th></tr></thead>
        <tbody>
          {row('default', t('defaultRule'))}
          {p.operators.map((o) => row(String(o.userId), o.name, p.lunches.find((l) => l.userId === o.userId)))}
        </tbody>
      </table>
      <button type="button" class="plain" data-testid="save-rules" onClick={() => void save()}>{t('saveRules')}</button>
      {error && <p class="message error" role="alert">{error}</p>}
    </>
  );
}

function Timeline({ p }: { p: LunchProposal }) {
  return (
    <div class="scroll-x">
      <table class="timeline" data-testid="timeline">
        <thead><tr><th />{p.slots.map((s) => <th key={s.at} scope="col" class={s.at.endsWith(':00') ? 'hour' : ''}>{s.at.endsWith(':00') ? s.at.slice(0, 2) : ''}</th>)}</tr></thead>
        <tbody>
          <tr><th scope="row">{t('openNow')}</th>{p.slots.map((s) => <td key={s.at} data-at={s.at} class={s.open < s.needed ? 'short' : s.open > s.needed ? 'spare' : 'even'} title={`${s.at}: ${t('openNow')} ${s.open}, ${t('needed')} ${s.needed}`}>{s.open}</td>)}</tr>
          <tr><th scope="row">{t('needed')}</th>{p.slots.map((s) => <td key={s.at}>{s.needed}</td>)}</tr>
        </tbody>
      </table>
    </div>
  );
}

export function Lunches() {
  const { query, route, path } = useLocation();
  const p = useGet<LunchProposal>(`/api/stats/lunch-plan?${reportSearch({ day: query.day, userIds: query.users })}`);
  const rules = useGet<LunchRules>('/api/stats/lunch-rules');
  const [error, setError] = useState<string | null>(null);
  const plan = p.data;
  const onDuty = new Set(plan?.operators.map((o) => o.userId) ?? []);
  const toggle = (id: number) => {
    const next = new Set(onDuty);
    if (next.has(id)) next.delete(id); else next.add(id);
    route(`${path}?${reportSearch({ ...query, day: plan?.day, users: [...next].sort((a, b) => a - b).join(',') || undefined })}`);
  };
  const adopt = async () => {
    try {
      await staff('POST', '/api/stats/lunch-plan', { day: plan!.day, lunches: plan!.lunches.map((l) => ({ userId: l.userId, start: l.start, end: l.end })) });
      setError(null);
      p.reload();
    } catch (e) { setError((e as Error).message); }
  };
  const adoptedAt = plan?.adopted ? new Date(plan.adopted.adoptedAt).toLocaleTimeString(lang.value === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit' }) : null;
  return (
    <main class="tool lunches">
      <h1>{t('lunchTitle')}</h1>
      <p class="hint">{t('lunchHint')}</p>
      <form class="controls" onSubmit={(e) => e.preventDefault()}>
        <label>{t('day')}<input type="date" name="day" value={plan?.day ?? query.day ?? ''} onChange={(e) => route(`${path}?${reportSearch({ ...query, day: (e.target as HTMLInputElement).value })}`)} /></label>
        {plan && <span class="hint">{plan.open}–{plan.close} · {t('history', { n: plan.history.days })}</span>}
      </form>
      {(p.error || error) && <p class="message error" role="alert">{t('failed', { reason: p.error ?? error! })}</p>}
      {plan && (
        <>
          <fieldset class="on-duty">
            <legend>{t('onDuty')}</legend>
            {plan.candidates.map((c) => (
              <label key={c.userId} class="check"><input type="checkbox" checked={onDuty.has(c.userId)} data-user={c.userId} onChange={() => toggle(c.userId)} />{c.name}</label>
            ))}
          </fieldset>
          {rules.data && <RulesTable p={plan} rules={rules.data} onSaved={() => { rules.reload(); p.reload(); }} />}
          <div class={`verdict ${plan.feasible ? 'ok' : 'short'}`} data-testid="verdict" data-feasible={String(plan.feasible)} role="status">
            {plan.feasible ? t('feasible') : t('shortHours', { hours: plan.short.map((s) => t('shortHour', { hour: s.hour, n: s.missing })).join(', ') })}
          </div>
          <Timeline p={plan} />
          <div class="buttons">
            <button type="button" class="primary" data-testid="adopt" onClick={() => void adopt()}>{t('adopt')}</button>
            {adoptedAt && <span class="adopted" data-testid="adopted">{t('adopted', { at: adoptedAt })}</span>}
          </div>
        </>
      )}
    </main>
  );
}
