// The report's controls: the period (named ones and a custom range, in the hall's zone), the
// grouping, the filters, the exports and print. Every choice is a new address (a link or a
// route), so the back button undoes it and the view can be bookmarked.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { lang, pick } from '../../ui/i18n';
import type { CounterView, ServiceView } from '../../server/protocol';
import { reportSearch, type ReportQuery } from '../figures/api';
import { download } from '../shell/download';
import { Glossary } from '../figures/Glossary';
import type { Period } from './period';
import { PRESETS } from './period';
import { GROUPINGS, stateUrl, type ReportState } from './query';
import { t, type Key } from './strings';

export function PeriodPicker({ state, period }: { state: ReportState; period: Period }) {
  const { route } = useLocation();
  const [from, setFrom] = useState(period.fromDay);
  const [to, setTo] = useState(period.toDay);
  const custom = (e: Event) => {
    e.preventDefault();
    if (from && to) route(stateUrl({ ...state, period: 'custom', from, to }));
  };
  return (
    <div class="control period" role="group" aria-label={t('period')}>
      <span class="control-label">{t('period')}</span>
      {PRESETS.filter((p) => p !== 'custom').map((p) => (
        <a key={p} class={period.preset === p ? 'seg on' : 'seg'} aria-current={period.preset === p ? 'true' : undefined} data-period={p}
          href={stateUrl({ ...state, period: p, from: undefined, to: undefined })}>{t(`p_${p}` as Key)}</a>
      ))}
      <form class={period.preset === 'custom' ? 'custom on' : 'custom'} onSubmit={custom}>
        <label>{t('fromDay')} <input type="date" name="from" value={from} max={to} required onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} /></label>
        <label>{t('toDay')} <input type="date" name="to" value={to} min={from} required onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} /></label>
        <button type="submit" class="plain">{t('apply')}</button>
      </form>
    </div>
  );
}

export function GroupingPicker({ state }: { state: ReportState }) {
  return (
    <div class="control grouping" role="group" aria-label={t('groupBy')}>
      <span class="control-label">{t('groupBy')}</span>
      {GROUPINGS.map((g) => (
        <a key={g} class={state.by === g ? 'seg on' : 'seg'} aria-current={state.by === g ? 'true' : undefined} data-by={g}
          href={stateUrl({ ...state, by: g })}>{t(`by_${g}` as Key)}</a>
      ))}
    </div>
  );
}

export interface FilterOptions { services: ServiceView[]; counters: CounterView[]; operators: { id: number; name: string }[] }

const TARGETS = [5, 10, 15, 20, 30, 60];

export function Filters({ state, options }: { state: ReportState; options: FilterOptions }) {
  const { route } = useLocation();
  const set = (k: 'serviceId' | 'counterId' | 'userId' | 'targetSec', v: string) => route(stateUrl({ ...state, [k]: v ? Number(v) : undefined }));
  const select = (k: 'serviceId' | 'counterId' | 'userId', label: Key, all: Key, list: { id: number; name: string }[]) => (
    <label class="filter">
      <span>{t(label)}</span>
      <select name={k} value={state[k] === undefined ? '' : String(state[k])} onChange={(e) => set(k, (e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t(all)}</option>
        {state[k] !== undefined && !list.some((x) => x.id === state[k]) && <option value={String(state[k])}>#{state[k]}</option>}
        {list.map((x) => <option key={x.id} value={String(x.id)}>{x.name}</option>)}
      </select>
    </label>
  );
  return (
    <div class="control filters" role="group" aria-label={t('filters')}>
      {select('serviceId', 'service', 'allServices', options.services.map((s) => ({ id: s.id, name: `${s.prefix} ${pick(s.name, s.nameEn)}` })))}
      {select('counterId', 'counter', 'allCounters', options.counters.map((c) => ({ id: c.id, name: c.name })))}
      {select('userId', 'operator', 'allOperators', options.operators)}
      <label class="filter">
        <span>{t('target')}</span>
        <select name="targetSec" value={state.targetSec === undefined ? '' : String(state.targetSec)} onChange={(e) => set('targetSec', (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('targetDefault')}</option>
          {state.targetSec !== undefined && !TARGETS.includes(state.targetSec / 60) && <option value={String(state.targetSec)}>{state.targetSec} s</option>}
          {TARGETS.map((m) => <option key={m} value={String(m * 60)}>{t('targetMin', { n: m })}</option>)}
        </select>
      </label>
    </div>
  );
}

/** CSV and XLSX of the view (the API's files with the same parameters, in the screen's language), and print. */
export function Exports({ query, tz, onError }: { query: ReportQuery; tz: string; onError: (m: string | null) => void }) {
  const get = (ext: 'csv' | 'xlsx') => {
    onError(null);
    download(`/api/stats/report.${ext}?${reportSearch({ ...query, lang: lang.value })}`, `report.${ext}`).catch((e) => onError(t('exportFailed', { reason: (e as Error).message })));
  };
  return (
    <div class="control exports">
      <button type="button" class="plain" data-export="csv" onClick={() => get('csv')}>⤓ {t('exportCsv')}</button>
      <button type="button" class="plain" data-export="xlsx" onClick={() => get('xlsx')}>⤓ {t('exportXlsx')}</button>
      <button type="button" class="plain" data-print onClick={() => print()}>{t('print')}</button>
      <Glossary tz={tz} />
    </div>
  );
}
