// The report's charts (uPlot): arrivals against customers served by hour, the distribution of
// waits with the target marked, the daily trend of the average wait and the share within
// target, and the weekday × hour heatmap of arrivals (an HTML table: it prints and reads aloud).
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { lang } from '../../ui/i18n';
import { count, dur, pct, shortDay } from '../figures/format';
import type { Distribution } from '../figures/api';
import type { Row } from '../figures/types';
import { hourLabel, weekdayShort } from './labels';
import { bars, Plot, uPlot } from './Plot';
import { t } from './strings';

const BLUE = '#1f5fbf', GREEN = '#2e7d4f', RED = '#b3261e', GREY = '#5b6677';
const axis = (o: Partial<uPlot.Axis> = {}): uPlot.Axis => ({ stroke: GREY, grid: { stroke: '#e4e7ec', width: 1 }, ticks: { show: false }, font: '12px system-ui, sans-serif', ...o });

function Card({ title, note, children, id }: { title: string; note?: string; children: ComponentChildren; id: string }) {
  return (
    <figure class="chart" data-chart={id}>
      <figcaption><strong>{title}</strong>{note && <span class="note">{note}</span>}</figcaption>
      {children}
    </figure>
  );
}

/** The hours a chart spans: the working day 08–17 and any hour outside it that had tickets. */
const hourSpan = (hours: number[]): [number, number] => [Math.min(8, ...hours), Math.max(17, ...hours)];

/** Issued and served tickets per hour of issue, as side-by-side bars. */
export function ArrivalsChart({ rows }: { rows: Row[] }) {
  const data = useMemo((): uPlot.AlignedData | null => {
    if (!rows.length) return null;
    const [lo, hi] = hourSpan(rows.map((r) => Number(r.key)));
    const xs = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
    const at = new Map(rows.map((r) => [Number(r.key), r]));
    return [xs, xs.map((h) => at.get(h)?.issued ?? 0), xs.map((h) => at.get(h)?.served ?? 0)];
  }, [rows]);
  const opts = useMemo((): Omit<uPlot.Options, 'width' | 'height'> => ({
    scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
    axes: [axis({ values: (_u, vals) => vals.map((v) => (Number.isInteger(v) ? String(v).padStart(2, '0') : '')) }), axis({ size: 44 })],
    series: [
      { label: lang.value === 'ru' ? 'Час' : 'Hour', value: (_u, v) => (v === null ? '' : hourLabel(v)) },
      { label: t('seriesIssued'), fill: BLUE + 'cc', stroke: BLUE, width: 0, paths: bars(-1, 0.42), points: { show: false }, value: (_u, v) => count(v) },
      { label: t('seriesServed'), fill: GREEN + 'cc', stroke: GREEN, width: 0, paths: bars(1, 0.42), points: { show: false }, value: (_u, v) => count(v) },
    ],
    legend: { live: false },
    cursor: { points: { show: false } },
  }), [lang.value]);
  return (
    <Card id="arrivals" title={t('chartArrivals')} note={t('chartArrivalsNote')}>
      {data ? <Plot opts={opts} data={data} label={t('chartArrivals')} /> : <p class="hint">{t('noData')}</p>}
    </Card>
  );
}

type Bucket = Distribution['waits'][number];

/** 0–5, 5–15, …, 60+ (minutes: the axis says so). */
const bucketLabel = (b: Bucket) => {
  const a = Math.round(b.fromSec / 60), z = b.toSec === null ? null : Math.round(b.toSec / 60);
  return z === null ? `${a}+` : `${a}–${z}`;
};

/** Shares of tickets by their time in the queue, in TheQ's buckets (0–5, 5–15, 15–20, 20–60, 60+ minutes, the target
 * one of the edges), the target a red dashed line between the bars; the bars left of it are the report's "within target". */
export function WaitsChart({ dist }: { dist: Distribution | null }) {
  const buckets = dist?.waits ?? [];
  const n = buckets.reduce((sum, b) => sum + b.tickets, 0);
  const data = useMemo((): uPlot.AlignedData | null => (n ? [buckets.map((_, i) => i), buckets.map((b) => (100 * b.tickets) / n)] : null), [dist]);
  const target = dist?.targetSec ?? null;
  const targetAt = target === null ? -1 : buckets.findIndex((b) => b.fromSec === target) - 0.5;
  const opts = useMemo((): Omit<uPlot.Options, 'width' | 'height'> => ({
    scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(10, max * 1.15)] } },
    axes: [
      axis({ values: (_u, vals) => vals.map((v) => (Number.isInteger(v) && buckets[v] ? bucketLabel(buckets[v]) : '')), grid: { show: false },
        label: t('waitMinutes'), labelSize: 18, labelFont: '12px system-ui, sans-serif' }),
      axis({ size: 48, values: (_u, vals) => vals.map((v) => `${v}%`) }),
    ],
    series: [{}, { label: t('seriesTickets'), fill: BLUE + 'cc', stroke: BLUE, width: 0, paths: bars(0, 0.7), points: { show: false } }],
    hooks: {
      draw: [(u: uPlot) => {
        if (targetAt < -0.5) return;
        const x = u.valToPos(targetAt, 'x', true);
        const { ctx, bbox } = u;
        ctx.save();
        ctx.strokeStyle = RED;
        ctx.lineWidth = 2 * devicePixelRatio;
        ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
        ctx.beginPath(); ctx.moveTo(x, bbox.top); ctx.lineTo(x, bbox.top + bbox.height); ctx.stroke();
        ctx.restore();
      }],
    },
    legend: { live: false },
    cursor: { points: { show: false } },
  }), [dist, lang.value]);
  const note = target === null ? t('chartWaitsNoLine', { n: count(n) }) : t('chartWaitsNote', { t: dur(target), n: count(n) });
  return (
    <Card id="waits" title={t('chartWaits')} note={note}>
      {data ? <Plot opts={opts} data={data} label={t('chartWaits')} /> : <p class="hint">{t('noData')}</p>}
      {data && (
        <table class="sr-only">
          <tbody>{buckets.map((b) => <tr key={b.fromSec}><th>{bucketLabel(b)}</th><td>{count(b.tickets)}</td></tr>)}</tbody>
        </table>
      )}
    </Card>
  );
}

/** The average wait (minutes, left) and the share within target (%, right) day by day. */
export function TrendChart({ rows }: { rows: Row[] }) {
  const data = useMemo((): uPlot.AlignedData | null => {
    if (rows.length < 2) return null;
    const xs = rows.map((r) => Date.parse(`${r.key}T12:00:00Z`) / 1000);
    return [xs, rows.map((r) => (r.avgWaitSec === null ? null : r.avgWaitSec / 60)), rows.map((r) => r.withinTargetPct)];
  }, [rows]);
  const opts = useMemo((): Omit<uPlot.Options, 'width' | 'height'> => ({
    // Days are calendar days at noon UTC: ticks fall on UTC midnights and read as those days.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, min: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.15] }, pct: { range: [0, 100] } },
    axes: [
      axis({ values: (_u, vals) => vals.map((v) => shortDay(new Date(v * 1000).toISOString().slice(0, 10))) }),
      axis({ scale: 'min', size: 44, stroke: BLUE }),
      axis({ scale: 'pct', side: 1, size: 44, stroke: GREEN, grid: { show: false }, values: (_u, vals) => vals.map((v) => `${v}%`) }),
    ],
    series: [
      { label: lang.value === 'ru' ? 'День' : 'Day', value: (_u, v) => (v === null ? '' : shortDay(new Date(v * 1000).toISOString().slice(0, 10))) },
      { label: t('seriesAvgWait'), scale: 'min', stroke: BLUE, width: 2, points: { show: true, size: 5 }, value: (_u, v) => (v === null ? '—' : dur(Math.round(v * 60))) },
      { label: t('seriesWithin'), scale: 'pct', stroke: GREEN, width: 2, dash: [6, 3], points: { show: true, size: 5 }, value: (_u, v) => pct(v) },
    ],
    legend: { live: false },
  }), [lang.value]);
  return (
    <Card id="trend" title={t('chartTrend')}>
      {data ? <Plot opts={opts} data={data} label={t('chartTrend')} /> : <p class="hint">{t('oneDay')}</p>}
    </Card>
  );
}

type HeatCell = Distribution['arrivals'][number];

/** Weekdays down, hours across; each cell's count written in it, its shade proportional to it. */
export function Heatmap({ cells }: { cells: HeatCell[] | null }) {
  if (!cells?.length) return <Card id="heatmap" title={t('chartHeatmap')}><p class="hint">{t('noData')}</p></Card>;
  const [lo, hi] = hourSpan(cells.map((c) => c.hour));
  const cols = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
  const max = Math.max(...cells.map((c) => c.issued));
  const at = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c.issued]));
  return (
    <Card id="heatmap" title={t('chartHeatmap')} note={t('chartHeatmapNote')}>
      <table class="heatmap" data-testid="heatmap">
        <thead><tr><th />{cols.map((h) => <th key={h} scope="col">{String(h).padStart(2, '0')}</th>)}</tr></thead>
        <tbody>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <tr key={d}>
              <th scope="row">{weekdayShort(d)}</th>
              {cols.map((h) => {
                const n = at.get(`${d}:${h}`) ?? 0;
                const share = max ? n / max : 0;
                return <td key={h} data-cell={`${d}:${h}`} style={{ background: n ? `rgba(31, 95, 191, ${(0.08 + 0.92 * share).toFixed(3)})` : undefined, color: share > 0.55 ? '#fff' : undefined }}>{n ? count(n) : ''}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
