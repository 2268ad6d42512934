// Configuration export and import: the whole hall as one JSON file without secrets; an import is
// checked first (a dry run that changes nothing and lists what would change), then applied in
// one transaction. New users' generated passwords are shown once.
import { useState } from 'preact/hooks';
import { staff } from '../shell/session';
import { FormStatus, useSubmit } from './form';
import { t, type Key } from './strings';
import type { ConfigChange, ImportResult } from './types';

const entLabel = (e: string) => t(`ent${e[0].toUpperCase()}${e.slice(1)}` as Key);
const json = (v: unknown) => JSON.stringify(v);

export function ChangeList({ changes }: { changes: ConfigChange[] }) {
  return (
    <table class="table diff" data-testid="config-diff">
      <thead><tr><th>{t('audEntity')}</th><th>{t('cfgKey')}</th><th>{t('audAction')}</th><th>{t('audChange')}</th></tr></thead>
      <tbody>
        {changes.map((c, i) => (
          <tr key={i} class={`act-${c.action}`} data-entity={c.entity} data-key={c.key} data-action={c.action}>
            <td>{entLabel(c.entity)}</td><td><b>{c.key}</b></td><td>{t(`act${c.action}` as Key)}</td>
            <td>{c.action === 'update'
              ? <dl class="change">{Object.keys(c.after ?? {}).map((k) => <div key={k}><dt>{k}</dt><dd><del>{json(c.before?.[k])}</del> → <ins>{json(c.after?.[k])}</ins></dd></div>)}</dl>
              // A whole entity: its name at a glance, every field a click away.
              : <details><summary>{String((c.after ?? c.before)?.name ?? (c.after ?? c.before)?.text ?? c.key)}</summary><pre class="entity">{JSON.stringify(c.after ?? c.before, null, 2)}</pre></details>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Config() {
  const [text, setText] = useState('');
  const [dry, setDry] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const form = useSubmit();
  const exp = useSubmit();

  const download = async () => {
    const doc = await exp.run(() => staff<object>('GET', '/api/admin/config'));
    if (!doc) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `talon-config-${new Date().toISOString().slice(0, 10)}.json` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const parse = (): unknown | undefined => {
    try { return JSON.parse(text); } catch (e) { form.setError({ field: null, text: t('errConfigJson', { message: (e as Error).message }) }); return undefined; }
  };
  const check = async () => {
    setDry(null); setApplied(null);
    const doc = parse();
    if (doc === undefined) return;
    const r = await form.run(() => staff<ImportResult>('POST', '/api/admin/config?dryRun=true', doc));
    if (r) setDry(r);
  };
  const apply = async () => {
    const doc = parse();
    if (doc === undefined) return;
    const r = await form.run(() => staff<ImportResult>('POST', '/api/admin/config', doc));
    if (r) { setApplied(r); setDry(null); }
  };
  const file = async (e: Event) => {
    const f = (e.target as HTMLInputElement).files?.[0];
    if (f) { setText(await f.text()); setDry(null); setApplied(null); form.clear(); }
  };
  return (
    <div class="stack">
      <section class="card">
        <h2>{t('cfgExport')}</h2>
        <p class="hint">{t('cfgExportHint')}</p>
        <button type="button" class="primary" onClick={() => void download()} disabled={exp.pending} data-testid="config-export">{t('cfgExport')}</button>
        <FormStatus error={exp.error} saved={false} fields={[]} />
      </section>
      <section class="card">
        <h2>{t('cfgImport')}</h2>
        <label class="inline">{t('cfgFile')} <input type="file" accept="application/json,.json" onChange={(e) => void file(e)} data-testid="config-file" /></label>
        <label class="field wide"><span class="label">{t('cfgPaste')}</span>
          <textarea rows={8} class="mono" value={text} onInput={(e) => { setText((e.target as HTMLTextAreaElement).value); setDry(null); }} data-testid="config-text" /></label>
        <div class="row">
          <button type="button" class="primary" onClick={() => void check()} disabled={form.pending || !text.trim()} data-testid="config-dry-run">{t('cfgDryRun')}</button>
          {dry && dry.changes.length > 0 && <button type="button" class="primary danger" onClick={() => void apply()} disabled={form.pending} data-testid="config-apply">{t('cfgApply')}</button>}
        </div>
        <FormStatus error={form.error} saved={false} fields={[]} />
        {dry && (dry.changes.length ? <><p class="label" data-testid="config-count">{t('cfgChanges', { n: dry.changes.length })}</p><ChangeList changes={dry.changes} /></> : <p class="form-saved">{t('cfgNoChanges')}</p>)}
        {applied && <>
          <p class="form-saved" role="status" data-testid="config-applied">{t('cfgApplied', { n: applied.changes.length })}</p>
          {applied.passwords.length > 0 && <>
            <p class="label">{t('cfgPasswords')}</p>
            <p class="hint">{t('shownOnce')}</p>
            <table class="table"><tbody>{applied.passwords.map((p) => <tr key={p.login}><td>{p.login}</td><td><code class="secret">{p.password}</code></td></tr>)}</tbody></table>
          </>}
        </>}
      </section>
    </div>
  );
}
