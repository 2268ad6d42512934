// The charts of a report view: each asks the API for what it draws (the same period and
// filters, grouped its own way), reusing the table's report when it is already that grouping.
import { useEffect, useState } from 'preact/hooks';
import { getDistribution, getReport, reportSearch, type Distribution, type ReportQuery } from '../figures/api';
import type { Report, Row } from '../figures/types';
import { ArrivalsChart, Heatmap, TrendChart, WaitsChart } from './Charts';
import type { Period } from './period';
import { periodDays } from './period';
import { t } from './strings';

function useRows(q: ReportQuery, by: 'hour' | 'day', main: Report): Row[] | null {
  const [rows, setRows] = useState<{ key: string; rows: Row[] } | null>(null);
  const mine = { ...q, by };
  const key = reportSearch(mine);
  useEffect(() => {
    if (main.by === by) return;
    let on = true;
    getReport(mine).then((r) => { if (on) setRows({ key, rows: r.rows }); }, () => undefined);
    return () => { on = false; };
  }, [key, main]);
  if (main.by === by) return main.rows;
  return rows?.key === key ? rows.rows : null;
}

function useLoaded<T>(load: (q: ReportQuery) => Promise<T>, q: ReportQuery): T | null {
  const [v, setV] = useState<{ key: string; v: T } | null>(null);
  const key = reportSearch({ ...q, by: 'none' });
  useEffect(() => {
    let on = true;
    load(q).then((x) => { if (on) setV({ key, v: x }); }, () => undefined);
    return () => { on = false; };
  }, [key]);
  return v?.key === key ? v.v : null;
}

export function ChartsPanel({ q, main, period }: { q: ReportQuery; main: Report; period: Period }) {
  const hourly = useRows(q, 'hour', main);
  const daily = useRows(q, 'day', main);
  const dist = useLoaded<Distribution>(({ by: _, ...f }) => getDistribution(f), q);
  return (
    <section class="charts" aria-label={t('charts')} data-testid="charts">
      <ArrivalsChart rows={hourly ?? []} />
      <WaitsChart dist={dist} />
      {periodDays(period) > 1 && <TrendChart rows={daily ?? []} />}
      <Heatmap cells={dist?.arrivals ?? null} />
    </section>
  );
}
