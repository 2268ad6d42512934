// Notices for the boards' ticker (a water outage and its expected end): text in both languages,
// start and end, the ticker as it will read, and the hall board itself below.
import { useEffect, useRef, useState } from 'preact/hooks';
import { staff } from '../shell/session';
import { Field, FormStatus, useSubmit } from './form';
import { t } from './strings';
import type { Notice } from './types';

/** ISO ↔ the value of a datetime-local input (the browser's local time). */
const toLocal = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocal = (v: string) => (v ? new Date(v).toISOString() : null);

function state(n: Notice, now: number) {
  if (n.startsAt && Date.parse(n.startsAt) > now) return t('ntNotYet');
  if (n.endsAt && Date.parse(n.endsAt) <= now) return t('ntOver');
  return t('ntShownNow');
}

export function Notices() {
  const [list, setList] = useState<Notice[] | null>(null);
  const [editing, setEditing] = useState<Notice | null>(null);
  const [boardKey, setBoardKey] = useState(0);
  const del = useSubmit();
  const load = () => staff<Notice[]>('GET', '/api/admin/notices').then(setList);
  useEffect(() => { void load(); }, []);
  const remove = async (n: Notice) => { if (await del.run(() => staff('DELETE', `/api/admin/notices/${n.id}`))) { await load(); setBoardKey((k) => k + 1); } };
  return (
    <div class="split">
      <section class="list-pane">
        <FormStatus error={del.error} saved={false} fields={[]} />
        {list?.length === 0 && <p class="muted">{t('ntNone')}</p>}
        <ul class="notice-list" data-testid="notices">
          {list?.map((n) => (
            <li key={n.id} data-notice={n.id}>
              <p>{n.text}</p>
              {n.textEn && <p class="muted">{n.textEn}</p>}
              <small class="muted">{state(n, Date.now())} · {n.startsAt ? new Date(n.startsAt).toLocaleString() : '…'} — {n.endsAt ? new Date(n.endsAt).toLocaleString() : '…'}</small>
              <div class="row">
                <button type="button" class="plain-dark" onClick={() => setEditing(n)}>{t('edit')}</button>
                <button type="button" class="plain-dark" onClick={() => void remove(n)}>{t('remove')}</button>
              </div>
            </li>
          ))}
        </ul>
      </section>
      <section class="edit-pane">
        <NoticeForm key={editing?.id ?? 'new'} notice={editing} onSaved={() => { setEditing(null); void load(); setBoardKey((k) => k + 1); }} />
        <h2>{t('ntBoard')}</h2>
        <BoardFrame reloadKey={boardKey} />
      </section>
    </div>
  );
}

/** The real hall board, a full-HD page scaled down to the frame's width. */
function BoardFrame({ reloadKey }: { reloadKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current!;
    const fit = () => el.style.setProperty('--board-scale', String(el.clientWidth / 1920));
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    fit();
    return () => ro.disconnect();
  }, []);
  return <div class="board-frame" ref={ref}><iframe key={reloadKey} title={t('ntBoard')} src="/display/?sound=off" /></div>;
}

function NoticeForm({ notice, onSaved }: { notice: Notice | null; onSaved: () => void }) {
  const [f, setF] = useState({ text: notice?.text ?? '', textEn: notice?.textEn ?? '', startsAt: toLocal(notice?.startsAt ?? null), endsAt: toLocal(notice?.endsAt ?? null) });
  const form = useSubmit();
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!f.text.trim()) return form.refuse('text', 'errRequired');
    if (f.startsAt && f.endsAt && f.endsAt <= f.startsAt) return form.refuse('endsAt', 'errEndsBeforeStarts');
    const body = { text: f.text.trim(), textEn: f.textEn.trim() || null, startsAt: fromLocal(f.startsAt), endsAt: fromLocal(f.endsAt) };
    if (await form.run(() => staff(notice ? 'PATCH' : 'POST', notice ? `/api/admin/notices/${notice.id}` : '/api/admin/notices', body))) {
      if (!notice) setF({ text: '', textEn: '', startsAt: '', endsAt: '' });
      onSaved();
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="notice-form">
      <h2>{notice ? t('edit') : t('ntNew')}</h2>
      <Field label={t('ntText')} name="text" error={form.error} wide><textarea name="text" rows={2} value={f.text} onInput={set('text')} /></Field>
      <Field label={t('ntTextEn')} name="textEn" error={form.error} wide><textarea name="textEn" rows={2} value={f.textEn} onInput={set('textEn')} /></Field>
      <div class="grid2">
        <Field label={t('ntStarts')} name="startsAt" error={form.error} hint={t('ntAlways')}><input type="datetime-local" name="startsAt" value={f.startsAt} onInput={set('startsAt')} /></Field>
        <Field label={t('ntEnds')} name="endsAt" error={form.error}><input type="datetime-local" name="endsAt" value={f.endsAt} onInput={set('endsAt')} /></Field>
      </div>
      <p class="label">{t('ntPreview')}</p>
      <div class="ticker-preview" data-testid="ticker-preview"><span>{f.text || '…'}{f.textEn && <span class="en"> · {f.textEn}</span>}</span></div>
      <div class="row">
        <button type="submit" class="primary" disabled={form.pending} data-testid="save-notice">{t('save')}</button>
        {notice && <button type="button" class="plain-dark" onClick={onSaved}>{t('cancel')}</button>}
        <FormStatus error={form.error} saved={form.saved} fields={['text', 'textEn', 'startsAt', 'endsAt']} />
      </div>
    </form>
  );
}
