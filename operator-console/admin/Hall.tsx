// The hall's settings: its name, privileged customers, the recall limit, the address phones reach
// it at, the lists operators and supervisors choose from (outcomes, break reasons, causes of
// deviations), and the named boards, each with a link that opens it.
import { useEffect, useState } from 'preact/hooks';
import type { BoardProfile } from '../../server/protocol';
import { staff } from '../shell/session';
import { Field, FormStatus, useSubmit } from './form';
import { t, type Key } from './strings';
import type { Choice, Counter, HallSettings } from './types';

type Lists = 'outcomes' | 'breakReasons' | 'deviationReasons';
const LISTS: [Lists, Key][] = [['outcomes', 'hallOutcomes'], ['breakReasons', 'hallBreaks'], ['deviationReasons', 'hallDeviations']];

export function Hall() {
  const [s, setS] = useState<HallSettings | null>(null);
  const [counters, setCounters] = useState<Counter[]>([]);
  const [boards, setBoards] = useState<[string, BoardProfile][]>([]);
  const form = useSubmit();
  const load = async () => {
    const v = await staff<HallSettings>('GET', '/api/admin/settings');
    setS(v);
    setBoards(Object.entries(v.boards));
  };
  useEffect(() => { void load(); void staff<Counter[]>('GET', '/api/admin/counters').then(setCounters); }, []);
  if (!s) return <p class="muted">{t('loading')}</p>;
  const set = <K extends keyof HallSettings>(k: K, v: HallSettings[K]) => setS({ ...s, [k]: v });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!s.hallName.trim()) return form.refuse('hallName', 'errRequired');
    if (boards.some(([n]) => !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(n))) return form.refuse('boards', 'errBoardName');
    for (const [k] of LISTS) if (s[k].some((c) => !c.id.trim() || !c.ru.trim() || !c.en.trim())) return form.refuse(k, 'errRequired');
    const body = {
      hallName: s.hallName.trim(), hallNameEn: s.hallNameEn.trim() || s.hallName.trim(), privilegedEnabled: s.privilegedEnabled, recallLimit: s.recallLimit, overdueAtPct: s.overdueAtPct,
      publicUrl: s.publicUrl?.trim() ? s.publicUrl.trim() : null, outcomes: s.outcomes, breakReasons: s.breakReasons, deviationReasons: s.deviationReasons,
      boards: Object.fromEntries(boards),
    };
    if (await form.run(() => staff('PUT', '/api/admin/settings', body))) await load();
  };
  const e = form.error;
  const setBoard = (i: number, b: BoardProfile) => setBoards(boards.map((x, j) => (j === i ? [x[0], b] : x)));
  return (
    <form class="form stack" onSubmit={submit} noValidate data-testid="hall-form">
      <div class="grid2">
        <Field label={t('hallName')} name="hallName" error={e}><input name="hallName" value={s.hallName} onInput={(ev) => set('hallName', (ev.target as HTMLInputElement).value)} /></Field>
        <Field label={t('hallNameEn')} name="hallNameEn" error={e}><input name="hallNameEn" value={s.hallNameEn} onInput={(ev) => set('hallNameEn', (ev.target as HTMLInputElement).value)} /></Field>
        <Field label={t('hallPublicUrl')} name="publicUrl" error={e} hint={t('hallPublicUrlHint')}><input name="publicUrl" value={s.publicUrl ?? ''} placeholder="http://10.0.0.5:8080" onInput={(ev) => set('publicUrl', (ev.target as HTMLInputElement).value)} /></Field>
        <Field label={t('hallRecall')} name="recallLimit" error={e}>
          <input name="recallLimit" type="number" min={0} max={20} class="short" value={s.recallLimit} onInput={(ev) => set('recallLimit', Number((ev.target as HTMLInputElement).value))} />
        </Field>
        <Field label={t('hallOverdue')} name="overdueAtPct" error={e} hint={t('hallOverdueHint')}>
          <input name="overdueAtPct" type="number" min={1} max={100} class="short" value={s.overdueAtPct} onInput={(ev) => set('overdueAtPct', Number((ev.target as HTMLInputElement).value))} />
        </Field>
        <Field label={t('hallPrivileged')} name="privilegedEnabled" error={e} check><input type="checkbox" name="privilegedEnabled" checked={s.privilegedEnabled} onChange={(ev) => set('privilegedEnabled', (ev.target as HTMLInputElement).checked)} /></Field>
      </div>
      <div class="lists">
        {LISTS.map(([k, label]) => <ChoiceList key={k} name={k} label={t(label)} list={s[k]} onChange={(v) => set(k, v)} error={e} />)}
      </div>
      <fieldset class={e?.field === 'boards' ? 'bad' : ''}>
        <legend>{t('hallBoards')}</legend>
        <table class="table boards" data-testid="boards">
          <thead><tr><th>{t('boardName')}</th><th>{t('boardOrientation')}</th><th>{t('boardRows')}</th><th>{t('boardCounters')}</th><th>{t('boardSound')}</th><th>{t('boardVoice')}</th><th>{t('boardLang')}</th><th /></tr></thead>
          <tbody>
            {boards.map(([name, b], i) => (
              <tr key={i} data-board={name}>
                <td><input class="short-wide" aria-label={t('boardName')} value={name} onInput={(ev) => setBoards(boards.map((x, j) => (j === i ? [(ev.target as HTMLInputElement).value, x[1]] : x)))} /></td>
                <td><select aria-label={t('boardOrientation')} value={b.orientation ?? 'landscape'} onChange={(ev) => setBoard(i, { ...b, orientation: (ev.target as HTMLSelectElement).value as 'landscape' | 'portrait' })}>
                  <option value="landscape">{t('landscape')}</option><option value="portrait">{t('portrait')}</option></select></td>
                <td><input type="number" min={1} max={12} class="short" aria-label={t('boardRows')} value={b.rows ?? ''} onInput={(ev) => { const v = (ev.target as HTMLInputElement).value; setBoard(i, { ...b, rows: v ? Number(v) : undefined }); }} /></td>
                <td><select multiple size={3} aria-label={t('boardCounters')} onChange={(ev) => setBoard(i, { ...b, counters: [...(ev.target as HTMLSelectElement).selectedOptions].map((o) => Number(o.value)) })}>
                  {counters.map((c) => <option key={c.id} value={c.id} selected={b.counters?.includes(c.id)}>{c.name}</option>)}</select></td>
                <td><input type="checkbox" aria-label={t('boardSound')} checked={b.sound ?? true} onChange={(ev) => setBoard(i, { ...b, sound: (ev.target as HTMLInputElement).checked })} /></td>
                <td><input type="checkbox" aria-label={t('boardVoice')} checked={b.voice ?? true} onChange={(ev) => setBoard(i, { ...b, voice: (ev.target as HTMLInputElement).checked })} /></td>
                <td><select aria-label={t('boardLang')} value={b.lang ?? 'ru'} onChange={(ev) => setBoard(i, { ...b, lang: (ev.target as HTMLSelectElement).value as 'ru' | 'en' })}>
                  <option value="ru">RU</option><option value="en">EN</option></select></td>
                <td class="actions-cell">
                  <a class="button" href={`/display/?board=${encodeURIComponent(name)}`} target="_blank" rel="noopener" data-testid={`open-board-${name}`}>{t('boardOpen')}</a>
                  <button type="button" class="icon" aria-label={t('remove')} onClick={() => setBoards(boards.filter((_, j) => j !== i))}>×</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" class="plain-dark" onClick={() => setBoards([...boards, [`board${boards.length + 1}`, {}]])}>{t('boardAdd')}</button>
        {e?.field === 'boards' && <span class="field-error" role="alert">{e.text}</span>}
      </fieldset>
      <div class="row">
        <button type="submit" class="primary" disabled={form.pending} data-testid="save-hall">{t('save')}</button>
        <FormStatus error={e} saved={form.saved} fields={['hallName', 'hallNameEn', 'publicUrl', 'recallLimit', 'overdueAtPct', 'boards', 'outcomes', 'breakReasons', 'deviationReasons']} />
      </div>
    </form>
  );
}

function ChoiceList({ name, label, list, onChange, error }: { name: string; label: string; list: Choice[]; onChange: (v: Choice[]) => void; error: { field: string | null; text: string } | null }) {
  const set = (i: number, k: keyof Choice, v: string) => onChange(list.map((c, j) => (j === i ? { ...c, [k]: v } : c)));
  return (
    <fieldset class={error?.field === name ? 'bad' : ''} data-list={name}>
      <legend>{label}</legend>
      {list.map((c, i) => (
        <div class="row choice" key={i}>
          <input class="short-wide" aria-label={t('choiceId')} value={c.id} onInput={(e) => set(i, 'id', (e.target as HTMLInputElement).value)} />
          <input aria-label={t('choiceRu')} value={c.ru} onInput={(e) => set(i, 'ru', (e.target as HTMLInputElement).value)} />
          <input aria-label={t('choiceEn')} value={c.en} onInput={(e) => set(i, 'en', (e.target as HTMLInputElement).value)} />
          <button type="button" class="icon" aria-label={t('remove')} disabled={list.length <= 1} onClick={() => onChange(list.filter((_, j) => j !== i))}>×</button>
        </div>
      ))}
      <button type="button" class="plain-dark" onClick={() => onChange([...list, { id: `item${list.length + 1}`, ru: '', en: '' }])}>{t('add')}</button>
      {error?.field === name && <span class="field-error" role="alert">{error.text}</span>}
    </fieldset>
  );
}
