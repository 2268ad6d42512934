// The first-run checklist: while the hall has never issued a ticket, what is done and what is
// left — the hall's name and time zone, a starting template, services, counters, users, the
// printer and its test print — each with the way to it.
import { useEffect, useState } from 'preact/hooks';
import { pick } from '../../ui/i18n';
import { staff } from '../shell/session';
import { ChangeList } from './Config';
import { Field, FormStatus, useSubmit } from './form';
import { t, type Key } from './strings';
import type { ImportResult, SetupState } from './types';

const STEPS: Record<string, [Key, string]> = {
  hall: ['stepHall', ''], template: ['stepTemplate', ''], services: ['stepServices', 'services'], counters: ['stepCounters', 'grid'],
  users: ['stepUsers', 'users'], printer: ['stepPrinter', 'devices'], test_print: ['stepTestPrint', 'devices'],
};

export function Setup() {
  const [s, setS] = useState<SetupState | null>(null);
  const [template, setTemplate] = useState('vodokanal');
  const [dry, setDry] = useState<ImportResult | null>(null);
  const hall = useSubmit();
  const tpl = useSubmit();
  const load = () => staff<SetupState>('GET', '/api/admin/setup').then(setS);
  useEffect(() => { void load(); }, []);
  if (!s) return <p class="muted">{t('loading')}</p>;

  const saveHall = async (e: Event) => {
    e.preventDefault();
    const f = Object.fromEntries(new FormData(e.currentTarget as HTMLFormElement)) as Record<string, string>;
    if (!f.hallName.trim()) return hall.refuse('hallName', 'errRequired');
    if (await hall.run(() => staff('PUT', '/api/admin/settings', { hallName: f.hallName.trim(), hallNameEn: f.hallNameEn.trim() || f.hallName.trim() }))) await load();
  };
  const preview = async (id: string) => {
    setTemplate(id);
    setDry(await tpl.run(() => staff<ImportResult>('POST', '/api/admin/setup/template', { template: id, dryRun: true })) ?? null);
  };
  const apply = async () => {
    if (await tpl.run(() => staff<ImportResult>('POST', '/api/admin/setup/template', { template }))) { setDry(null); await load(); }
  };
  const step = (id: string) => s.steps.find((x) => x.id === id)!;
  return (
    <div class="stack setup">
      <p class="hint">{s.firstRun ? t('setupIntro') : t('setupOver')}</p>
      <ol class="checklist" data-testid="checklist">
        {s.steps.map((x) => (
          <li key={x.id} class={x.done ? 'done' : 'todo'} data-step={x.id} data-done={String(x.done)}>
            <span class="mark" aria-hidden="true">{x.done ? '✓' : '○'}</span>
            <span class="what">{t(STEPS[x.id][0])}{x.count !== undefined && <small class="muted"> · {t('setupCount', { n: x.count })}</small>}</span>
            <span class={`tag ${x.done ? 'ok' : ''}`}>{x.done ? t('setupDone') : t('setupTodo')}</span>
            {STEPS[x.id][1] && <a class="button" href={`/console/admin/${STEPS[x.id][1]}`}>{t('setupGo')}</a>}
          </li>
        ))}
      </ol>
      <section class="card">
        <h2>{t('stepHall')}</h2>
        <form class="row add" onSubmit={saveHall} noValidate data-testid="setup-hall">
          <Field label={t('hallName')} name="hallName" error={hall.error}><input name="hallName" defaultValue={s.hallName} /></Field>
          <Field label={t('hallNameEn')} name="hallNameEn" error={hall.error}><input name="hallNameEn" defaultValue={s.hallNameEn} /></Field>
          <button type="submit" class="primary" disabled={hall.pending}>{t('save')}</button>
          <FormStatus error={hall.error} saved={hall.saved} fields={['hallName', 'hallNameEn']} />
        </form>
        <p class="hint" data-testid="timezone">{t('setupTz', { tz: s.timezone })}</p>
      </section>
      {s.firstRun && (
        <section class="card">
          <h2>{t('stepTemplate')}</h2>
          <p class="hint">{t('setupTemplateHint', { n: step('services').count ?? 0 })}</p>
          <div class="templates" role="radiogroup" aria-label={t('stepTemplate')}>
            {s.templates.map((x) => (
              <label key={x.id} class={`template${template === x.id ? ' on' : ''}`}>
                <input type="radio" name="template" value={x.id} checked={template === x.id} onChange={() => void preview(x.id)} />
                <b>{pick(x.ru, x.en)}</b><small class="muted">{t('tplServices', { s: x.services, c: x.counters })}</small>
              </label>
            ))}
          </div>
          {dry && <ChangeList changes={dry.changes} />}
          <div class="row">
            <button type="button" class="primary" disabled={tpl.pending} onClick={() => void apply()} data-testid="apply-template">{t('setupApply')}</button>
            <FormStatus error={tpl.error} saved={tpl.saved && !dry} fields={[]} />
          </div>
        </section>
      )}
    </div>
  );
}
