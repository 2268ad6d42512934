// One report view: its address gives the period, grouping and filters; the table comes first,
// the charts after it (their own requests, so the table is not held up by them).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { pick } from '../../ui/i18n';
import type { CounterView, ServiceView } from '../../server/protocol';
import { getReport, getServices, reportSearch, type ReportQuery } from '../figures/api';
import { serverNow } from '../shell/clock';
import { calendarDay, dateTime, dur } from '../figures/format';
import { t as ft } from '../figures/strings';
import type { Report } from '../figures/types';
import { staff } from '../shell/session';
import { ChartsPanel } from './ChartsPanel';
import { Exports, Filters, GroupingPicker, PeriodPicker, type FilterOptions } from './Controls';
import { resolvePeriod, type Period } from './period';
import { readState, stateUrl, type ReportState } from './query';
import { ReportTable } from './ReportTable';
import { t, type Key } from './strings';

export function periodText(p: Period): string {
  const days = p.fromDay === p.toDay ? calendarDay(p.fromDay) : `${calendarDay(p.fromDay)} – ${calendarDay(p.toDay)}`;
  return p.preset === 'custom' ? days : `${t(`p_${p.preset}` as Key)}: ${days}`;
}

/** The filters in words, for the heading (and so for the printed page). */
function filterText(s: ReportState, o: FilterOptions): { key: keyof ReportState; text: string }[] {
  const out: { key: keyof ReportState; text: string }[] = [];
  if (s.serviceId !== undefined) { const x = o.services.find((v) => v.id === s.serviceId); out.push({ key: 'serviceId', text: `${t('service')}: ${x ? pick(x.name, x.nameEn) : `#${s.serviceId}`}` }); }
  if (s.counterId !== undefined) out.push({ key: 'counterId', text: `${t('counter')}: ${o.counters.find((v) => v.id === s.counterId)?.name ?? `#${s.counterId}`}` });
  if (s.userId !== undefined) out.push({ key: 'userId', text: `${t('operator')}: ${o.operators.find((v) => v.id === s.userId)?.name ?? `#${s.userId}`}` });
  if (s.targetSec !== undefined) out.push({ key: 'targetSec', text: `${t('target')}: ${dur(s.targetSec)}` });
  return out;
}

export function reportQuery(s: ReportState, p: Period): ReportQuery {
  return { from: p.from, to: p.to, by: s.by, serviceId: s.serviceId, counterId: s.counterId, userId: s.userId, targetSec: s.targetSec };
}

function useOptions(p: Period): FilterOptions {
  const [services, setServices] = useState<ServiceView[]>([]);
  const [counters, setCounters] = useState<CounterView[]>([]);
  const [operators, setOperators] = useState<{ id: number; name: string }[]>([]);
  useEffect(() => {
    getServices().then(setServices, () => undefined);
    staff<CounterView[]>('GET', '/api/counters').then(setCounters, () => undefined);
  }, []);
  // The operators who worked in the period (an administrator's user list is not the supervisor's to read).
  useEffect(() => {
    getReport({ from: p.from, to: p.to, by: 'operator' })
      .then((r) => setOperators(r.rows.filter((x) => x.key !== null).map((x) => ({ id: Number(x.key), name: x.label }))), () => undefined);
  }, [p.from, p.to]);
  return { services, counters, operators };
}

export function ReportView({ tz }: { tz: string }) {
  const { query } = useLocation();
  const state = readState(query);
  const period = resolvePeriod(state, serverNow(), tz);
  const q = reportQuery(state, period);
  const key = reportSearch(q);
  const [report, setReport] = useState<{ key: string; report: Report } | { key: string; error: string } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const options = useOptions(period);
  useEffect(() => {
    let on = true;
    getReport(q).then((r) => { if (on) setReport({ key, report: r }); }, (e) => { if (on) setReport({ key, error: (e as Error).message }); });
    return () => { on = false; };
  }, [key]);
  const filters = filterText(state, options);
  const made = useMemo(() => dateTime(serverNow(), tz), [key, tz]);
  const current = report && report.key === key ? report : null;
  return (
    <div class="report-view" data-testid="report" data-key={key}>
      <div class="controls no-print">
        <PeriodPicker key={`${period.fromDay}:${period.toDay}`} state={state} period={period} />
        <GroupingPicker state={state} />
        <Filters state={state} options={options} />
        <Exports query={q} tz={tz} onError={setExportError} />
      </div>
      {exportError && <p class="message error no-print" role="alert">{exportError}</p>}
      <header class="report-head">
        <h1 data-testid="report-title">{t('heading', { by: `${t('title')} ${t(`by_${state.by}` as Key)}`, period: periodText(period) })}</h1>
        <p class="sub">
          {filters.length > 0 && (
            <span class="chips">
              {filters.map((f) => (
                <a key={f.key} class="chip" href={stateUrl({ ...state, [f.key]: undefined })} title={t('clearFilter', { f: f.text })} data-filter={f.key}>{f.text} <span class="no-print" aria-hidden="true">✕</span></a>
              ))}
            </span>
          )}
          <span>{t('zone', { tz })}</span> · <span>{ft('unitsNote')}</span> · <span class="print-only">{t('printedAt', { t: made })}</span>
        </p>
      </header>
      {!current ? <p class="hint">{t('loading')}</p>
        : 'error' in current ? <p class="message error" role="alert">{t('failed', { reason: current.error })}</p>
          : (
            <>
              {current.report.total.issued === 0 && <p class="message info" data-testid="report-empty">{t('empty')}</p>}
              <ReportTable report={current.report} state={state} />
            </>
          )}
      {!(current && 'error' in current) && <ChartsPanel q={q} period={period} />}
    </div>
  );
}
