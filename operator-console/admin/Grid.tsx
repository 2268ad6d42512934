// Who serves what: counters × services as one grid, each cell the service's priority at that
// counter (empty, 1, 2, 3 …), saved in one transaction; counters added, renamed, switched off.
import { useEffect, useState } from 'preact/hooks';
import { staff } from '../shell/session';
import { Field, FormStatus, useSubmit } from './form';
import { t } from './strings';
import type { Counter, Link, Service } from './types';

type Cells = Record<number, Record<number, number>>; // counter → service → priority

const cellsOf = (counters: Counter[]): Cells => Object.fromEntries(counters.map((c) => [c.id, Object.fromEntries(c.services.map((l) => [l.serviceId, l.priority]))]));
const linksOf = (row: Record<number, number>): Link[] => Object.entries(row).map(([s, p]) => ({ serviceId: Number(s), priority: p })).sort((a, b) => a.priority - b.priority || a.serviceId - b.serviceId);

export function Grid() {
  const [counters, setCounters] = useState<Counter[] | null>(null);
  const [services, setServices] = useState<Service[]>([]);
  const [cells, setCells] = useState<Cells>({});
  const [names, setNames] = useState<Record<number, { name: string; active: boolean }>>({});
  const form = useSubmit();
  const add = useSubmit();
  const load = async () => {
    const [c, s] = await Promise.all([staff<Counter[]>('GET', '/api/admin/counters'), staff<Service[]>('GET', '/api/admin/services')]);
    setCounters(c); setServices(s); setCells(cellsOf(c));
    setNames(Object.fromEntries(c.map((x) => [x.id, { name: x.name, active: x.active }])));
  };
  useEffect(() => { void load(); }, []);
  if (!counters) return <p class="muted">{t('loading')}</p>;

  const original = cellsOf(counters);
  const changedGrid = counters.filter((c) => JSON.stringify(linksOf(cells[c.id] ?? {})) !== JSON.stringify(linksOf(original[c.id] ?? {})));
  const changedNames = counters.filter((c) => names[c.id] && (names[c.id].name !== c.name || names[c.id].active !== c.active));
  const setCell = (cid: number, sid: number, v: string) => {
    const row = { ...(cells[cid] ?? {}) };
    if (v === '') delete row[sid]; else row[sid] = Number(v);
    setCells({ ...cells, [cid]: row });
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const bad = changedNames.find((c) => !names[c.id].name.trim());
    if (bad) return form.setError({ field: `name-${bad.id}`, text: t('errRequired') });
    const ok = await form.run(async () => {
      for (const c of changedNames) {
        try { await staff('PATCH', `/api/admin/counters/${c.id}`, { name: names[c.id].name.trim(), active: names[c.id].active }); } catch (err) { throw Object.assign(err as Error, { path: `/name-${c.id}` }); }
      }
      if (changedGrid.length) await staff('PUT', '/api/admin/counter-services', { grid: changedGrid.map((c) => ({ counterId: c.id, services: linksOf(cells[c.id] ?? {}) })) });
      return true;
    });
    if (ok) await load();
  };
  const create = async (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).elements.namedItem('counterName') as HTMLInputElement;
    if (!input.value.trim()) return add.refuse('name', 'errRequired');
    if (await add.run(() => staff('POST', '/api/admin/counters', { name: input.value.trim(), services: [] }))) { input.value = ''; await load(); }
  };
  const levels = Math.max(3, ...counters.flatMap((c) => c.services.map((l) => l.priority)));
  return (
    <div class="stack">
      <p class="hint">{t('gridHint')}</p>
      <form onSubmit={save} noValidate>
        <div class="grid-scroll">
          <table class="grid" data-testid="grid">
            <thead>
              <tr>
                <th scope="col">{t('gridCounter')}</th>
                <th scope="col">{t('counterActive')}</th>
                {services.map((s) => <th key={s.id} scope="col" title={s.name} class={s.active ? '' : 'off'}><b>{s.prefix}</b><small>{s.name}</small></th>)}
              </tr>
            </thead>
            <tbody>
              {counters.map((c) => (
                <tr key={c.id} data-counter={c.id} class={names[c.id]?.active === false ? 'off' : ''}>
                  <th scope="row">
                    <input class={`name${form.error?.field === `name-${c.id}` ? ' bad' : ''}`} aria-label={t('counterName')} value={names[c.id]?.name ?? c.name}
                      onInput={(e) => setNames({ ...names, [c.id]: { ...names[c.id], name: (e.target as HTMLInputElement).value } })} />
                    {form.error?.field === `name-${c.id}` && <span class="field-error" role="alert">{form.error.text}</span>}
                  </th>
                  <td><input type="checkbox" aria-label={`${t('counterActive')}: ${c.name}`} checked={names[c.id]?.active ?? c.active}
                    onChange={(e) => setNames({ ...names, [c.id]: { ...names[c.id], active: (e.target as HTMLInputElement).checked } })} /></td>
                  {services.map((s) => {
                    const v = cells[c.id]?.[s.id];
                    return (
                      <td key={s.id} class={`cell p${v ?? 0}${v !== original[c.id]?.[s.id] ? ' changed' : ''}`}>
                        <select aria-label={`${c.name} · ${s.prefix}`} data-cell={`${c.id}-${s.id}`} value={v ?? ''} onChange={(e) => setCell(c.id, s.id, (e.target as HTMLSelectElement).value)}>
                          <option value="">·</option>
                          {Array.from({ length: levels + 1 }, (_, i) => i + 1).filter((p) => p <= 9).map((p) => <option key={p} value={p}>{p}</option>)}
                        </select>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="row">
          <button type="submit" class="primary" disabled={form.pending || (!changedGrid.length && !changedNames.length)} data-testid="save-grid">{t('gridSave')}</button>
          {(changedGrid.length > 0 || changedNames.length > 0) && <span class="muted">{t('gridChanged', { n: new Set([...changedGrid, ...changedNames]).size })}</span>}
          <FormStatus error={form.error} saved={form.saved} fields={counters.map((c) => `name-${c.id}`)} />
        </div>
      </form>
      <form class="row add" onSubmit={create} noValidate data-testid="new-counter">
        <Field label={t('newCounter')} name="name" error={add.error}><input name="counterName" placeholder={t('counterName')} /></Field>
        <button type="submit" class="primary" disabled={add.pending}>{t('add')}</button>
        <FormStatus error={add.error} saved={false} fields={['name']} />
      </form>
    </div>
  );
}
