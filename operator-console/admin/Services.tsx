// Services: the kiosk's list in its order (drag a row, or the arrows), and one service's every
// field with the operator's script as the operator sees it and the ticket as the printer prints it.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { WeekHours } from '../../server/protocol';
import { staff } from '../shell/session';
import { Field, FormStatus, toMin, toSec, useSubmit } from './form';
import { TicketPreviewOf } from './TicketPreview';
import { t } from './strings';
import type { Device, Service } from './types';
import { badDay, WEEKDAYS, WeekHoursEditor } from './WeekHours';

const BASE = '/console/admin/services';

export function Services() {
  const { path, route } = useLocation();
  const [list, setList] = useState<Service[] | null>(null);
  const [printers, setPrinters] = useState<Device[]>([]);
  const order = useSubmit();
  const load = () => staff<Service[]>('GET', '/api/admin/services').then(setList);
  useEffect(() => { void load(); void staff<Device[]>('GET', '/api/admin/devices').then((d) => setPrinters(d.filter((x) => x.kind === 'printer'))); }, []);
  const sel = path.slice(BASE.length + 1);
  const current = sel === 'new' ? null : list?.find((s) => String(s.id) === sel);

  const move = (from: number, to: number) => {
    if (!list || to < 0 || to >= list.length || from === to) return;
    const next = [...list];
    next.splice(to, 0, ...next.splice(from, 1));
    setList(next);
    void order.run(() => staff<Service[]>('PUT', '/api/admin/services/order', { ids: next.map((s) => s.id) })).then((r) => { if (r) setList(r); else void load(); });
  };
  const [dragged, setDragged] = useState<number | null>(null);

  return (
    <div class="split">
      <section class="list-pane">
        <div class="row between"><h2>{t('svcList')}</h2><a class="button" href={`${BASE}/new`} data-testid="new-service">{t('newService')}</a></div>
        <p class="hint">{t('svcOrder')}</p>
        <FormStatus error={order.error} saved={false} fields={[]} />
        {list && list.length === 0 && <p class="muted">{t('svcNone')}</p>}
        <ol class="service-list" data-testid="service-list">
          {list?.map((s, i) => (
            <li key={s.id} draggable data-service={s.id} class={`${String(s.id) === sel ? 'on' : ''}${s.active ? '' : ' off'}${dragged === i ? ' dragging' : ''}`}
              onDragStart={(e) => { setDragged(i); e.dataTransfer?.setData('text/plain', String(i)); }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => { e.preventDefault(); if (dragged !== null) move(dragged, i); setDragged(null); }}
              onDragEnd={() => setDragged(null)}>
              <span class="grip" aria-hidden="true">⋮⋮</span>
              <a href={`${BASE}/${s.id}`}><b class="prefix">{s.prefix}</b> {s.name}</a>
              {!s.active && <span class="tag">{t('inactive')}</span>}
              <span class="arrows">
                <button type="button" class="icon" aria-label={`${t('up')}: ${s.name}`} disabled={i === 0 || order.pending} onClick={() => move(i, i - 1)}>↑</button>
                <button type="button" class="icon" aria-label={`${t('down')}: ${s.name}`} disabled={i === list.length - 1 || order.pending} onClick={() => move(i, i + 1)}>↓</button>
              </span>
            </li>
          ))}
        </ol>
      </section>
      <section class="edit-pane">
        {sel === 'new' || current
          ? <ServiceForm key={sel} service={current ?? null} printers={printers} onSaved={(s) => { void load(); route(`${BASE}/${s.id}`); }} />
          : <p class="muted">{list ? t('choose') : t('loading')}</p>}
      </section>
    </div>
  );
}

type Week = Partial<Record<string, { open: string; close: string } | null>>;

/** A service's hours as the form edits them: by weekday; the older single span becomes every day. */
function weekOf(s: Service | null): Week | null {
  if (s?.hours) return Object.fromEntries(WEEKDAYS.map((d) => { const h = s.hours![d]; return [d, h ? { open: h[0], close: h[1] } : null]; }));
  if (s?.openFrom && s.openTo) return Object.fromEntries(WEEKDAYS.map((d) => [d, { open: s.openFrom!, close: s.openTo! }]));
  return null;
}

function ServiceForm({ service, printers, onSaved }: { service: Service | null; printers: Device[]; onSaved: (s: Service) => void }) {
  const s = service;
  const [f, setF] = useState({
    name: s?.name ?? '', nameEn: s?.nameEn ?? '', prefix: s?.prefix ?? '', groupName: s?.groupName ?? '', groupNameEn: s?.groupNameEn ?? '',
    maxWait: toMin(s?.maxWaitSec ?? 900), defaultTime: toMin(s?.defaultServiceSec ?? 600), norm: toMin(s?.normServiceSec), limit: s?.dailyLimit == null ? '' : String(s.dailyLimit),
    script: s?.script ?? '', footer: s?.ticketFooter ?? '', active: s?.active ?? true,
  });
  const [week, setWeek] = useState<Week | null>(weekOf(s));
  const [printer, setPrinter] = useState<number | null>(printers[0]?.id ?? null);
  const form = useSubmit();
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.target as HTMLInputElement).type === 'checkbox' ? (e.target as HTMLInputElement).checked : (e.target as HTMLInputElement).value });
  const e = form.error;

  const submit = async (ev: Event) => {
    ev.preventDefault();
    if (!f.name.trim()) return form.refuse('name', 'errRequired');
    if (!/^[A-Za-zА-ЯЁа-яё]{1,3}$/.test(f.prefix)) return form.refuse('prefix', 'errPrefix');
    if (week && badDay(week)) return form.refuse('hours', 'errHours');
    for (const [k, v] of [['maxWaitSec', f.maxWait], ['defaultServiceSec', f.defaultTime], ['normServiceSec', f.norm], ['dailyLimit', f.limit]] as const) {
      if (v.trim() !== '' && !Number.isFinite(Number(v.replace(',', '.')))) return form.refuse(k, 'errNumber');
    }
    if (f.limit.trim() !== '' && !Number.isInteger(Number(f.limit))) return form.refuse('dailyLimit', 'errNumber');
    const hours: WeekHours | null = week ? Object.fromEntries(WEEKDAYS.map((d) => [d, week[d] ? [week[d]!.open, week[d]!.close] : null])) : null;
    const body = {
      name: f.name.trim(), nameEn: f.nameEn.trim() || null, prefix: f.prefix, groupName: f.groupName.trim() || null, groupNameEn: f.groupNameEn.trim() || null,
      maxWaitSec: toSec(f.maxWait) ?? undefined, defaultServiceSec: toSec(f.defaultTime) ?? undefined, normServiceSec: toSec(f.norm), dailyLimit: f.limit.trim() === '' ? null : Number(f.limit),
      hours, openFrom: null, openTo: null, script: f.script, ticketFooter: f.footer, active: f.active,
    };
    const saved = await form.run(() => staff<Service>(s ? 'PATCH' : 'POST', s ? `/api/admin/services/${s.id}` : '/api/admin/services', body));
    if (saved) onSaved(saved);
  };
  const fields = ['name', 'nameEn', 'prefix', 'groupName', 'groupNameEn', 'maxWaitSec', 'defaultServiceSec', 'normServiceSec', 'dailyLimit', 'hours', 'openTo', 'script', 'ticketFooter'];
  return (
    <form class="form" onSubmit={submit} noValidate data-testid="service-form">
      <h2>{s ? `${s.prefix} · ${s.name}` : t('newService')}</h2>
      <div class="grid2">
        <Field label={t('svcName')} name="name" error={e}><input name="name" value={f.name} onInput={set('name')} /></Field>
        <Field label={t('svcNameEn')} name="nameEn" error={e}><input name="nameEn" value={f.nameEn} onInput={set('nameEn')} /></Field>
        <Field label={t('svcPrefix')} name="prefix" error={e}><input name="prefix" value={f.prefix} maxLength={3} class="short" onInput={set('prefix')} /></Field>
        <Field label={t('svcActive')} name="active" error={e} check><input type="checkbox" name="active" checked={f.active} onChange={set('active')} /></Field>
        <Field label={t('svcGroup')} name="groupName" error={e}><input name="groupName" value={f.groupName} onInput={set('groupName')} /></Field>
        <Field label={t('svcGroupEn')} name="groupNameEn" error={e}><input name="groupNameEn" value={f.groupNameEn} onInput={set('groupNameEn')} /></Field>
        <Field label={t('svcMaxWait')} name="maxWaitSec" error={e}><input name="maxWait" inputMode="decimal" class="short" value={f.maxWait} onInput={set('maxWait')} /></Field>
        <Field label={t('svcLimit')} name="dailyLimit" error={e}><input name="limit" inputMode="numeric" class="short" value={f.limit} onInput={set('limit')} /></Field>
        <Field label={t('svcDefault')} name="defaultServiceSec" error={e}><input name="defaultTime" inputMode="decimal" class="short" value={f.defaultTime} onInput={set('defaultTime')} /></Field>
        <Field label={t('svcNorm')} name="normServiceSec" error={e} hint={t('svcNormHint')}><input name="norm" inputMode="decimal" class="short" value={f.norm} onInput={set('norm')} /></Field>
      </div>
      <fieldset class={`hours${e?.field === 'hours' || e?.field === 'openTo' ? ' bad' : ''}`}>
        <legend>{t('svcHours')}</legend>
        <label class="inline"><input type="checkbox" name="ownHours" checked={!!week}
          onChange={(ev) => setWeek((ev.target as HTMLInputElement).checked ? Object.fromEntries(WEEKDAYS.map((d) => [d, Number(d) <= 5 ? { open: '08:00', close: '17:00' } : null])) : null)} />{t('svcOwnHours')}</label>
        {week && <WeekHoursEditor name="service" value={week} onChange={setWeek} bad={badDay(week)} />}
        {(e?.field === 'hours' || e?.field === 'openTo') && <span class="field-error" role="alert" data-testid="error-hours">{e.text}</span>}
      </fieldset>
      <div class="grid2 previews">
        <div>
          <Field label={t('svcScript')} name="script" error={e} wide><textarea name="script" rows={7} value={f.script} onInput={set('script')} /></Field>
          <p class="label">{t('svcScriptPreview')}</p>
          <div class="script-preview" data-testid="script-preview">{f.script}</div>
        </div>
        <div>
          <Field label={t('svcFooter')} name="ticketFooter" error={e} wide><textarea name="footer" rows={3} value={f.footer} onInput={set('footer')} /></Field>
          <div class="row"><span class="label">{t('svcTicketPreview')}</span>
            <select aria-label={t('svcPreviewPrinter')} value={printer ?? ''} onChange={(ev) => setPrinter(Number((ev.target as HTMLSelectElement).value) || null)}>
              <option value="">{t('svcPreviewDefault')}</option>
              {printers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </div>
          <TicketPreviewOf body={{ deviceId: printer, service: { name: f.name || t('newService'), nameEn: f.nameEn || null, prefix: f.prefix || 'А', ticketFooter: f.footer } }} />
        </div>
      </div>
      <div class="row">
        <button type="submit" class="primary" disabled={form.pending} data-testid="save-service">{t('save')}</button>
        <FormStatus error={e} saved={form.saved} fields={fields} />
      </div>
    </form>
  );
}
