// The charts of a report view: each asks the API for what it draws, with the view's period and
// filters, grouped its own way. They do not depend on the table's grouping, so choosing another
// grouping leaves them as they are (no new request).
import { useEffect, useState } from 'preact/hooks';
import { getDistribution, getReport, reportSearch, type Distribution, type ReportQuery } from '../figures/api';
import type { Row } from '../figures/types';
import { ArrivalsChart, Heatmap, TrendChart, WaitsChart } from './Charts';
import { periodDays, type Period } from './period';
import { t } from './strings';

/** What `load` gives for these filters, or null while it loads (or when it failed). */
function useLoaded<T>(filters: Omit<ReportQuery, 'by'>, load: (f: Omit<ReportQuery, 'by'>) => Promise<T>): T | null {
  const [v, setV] = useState<{ key: string; v: T } | null>(null);
  const key = reportSearch(filters);
  useEffect(() => {
    let on = true;
    load(filters).then((x) => { if (on) setV({ key, v: x }); }, () => undefined);
    return () => { on = false; };
  }, [key]);
  return v?.key === key ? v.v : null;
}

const rowsBy = (by: 'hour' | 'day') => (f: Omit<ReportQuery, 'by'>): Promise<Row[]> => getReport({ ...f, by }).then((r) => r.rows);
const byHour = rowsBy('hour'), byDay = rowsBy('day');

export function ChartsPanel({ q, period }: { q: ReportQuery; period: Period }) {
  const { by: _, ...filters } = q;
  const hourly = useLoaded(filters, byHour);
  const daily = useLoaded(filters, byDay);
  const dist = useLoaded<Distribution>(filters, getDistribution);
  return (
    <section class="charts" aria-label={t('charts')} data-testid="charts">
      <ArrivalsChart rows={hourly ?? []} />
      <WaitsChart dist={dist} />
      {periodDays(period) > 1 && <TrendChart rows={daily ?? []} />}
      <Heatmap cells={dist?.arrivals ?? null} />
    </section>
  );
}
