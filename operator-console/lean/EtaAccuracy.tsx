// Wait-estimate accuracy: the wait promised at issue against the real wait over a period, in
// figures, by service and by hour, and as a chart (uPlot) of the mean promised and real wait by
// the hour of issue; the share within ±5 minutes.
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { addDays } from '../../server/engine/calendar';
import { reportSearch } from '../figures/api';
import { fmt, minutes, period, signed, today, useGet } from './common';
import { t } from './strings';
import type { EtaReport } from './types';

function Chart({ r }: { r: EtaReport }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current || !r.byHour.length) return;
    const xs = r.byHour.map((h) => Number(h.hour));
    const plot = new uPlot({
      width: Math.min(900, el.current.clientWidth || 900), height: 260,
      scales: { x: { time: false } },
      // whole hours only on the time axis
      axes: [{ incrs: [1], values: (_u, v) => v.map((x) => `${String(x).padStart(2, '0')}:00`) }, { label: t('min') }],
      series: [{ label: t('hour'), value: (_u, v) => (v == null ? '—' : `${String(v).padStart(2, '0')}:00`) }, { label: t('promised'), stroke: '#1f5fbf', width: 2, points: { show: true } }, { label: t('real'), stroke: '#b3261e', width: 2, points: { show: true } }],
    }, [xs, r.byHour.map((h) => (h.meanPromisedSec ?? 0) / 60), r.byHour.map((h) => (h.meanWaitSec ?? 0) / 60)], el.current);
    return () => plot.destroy();
  }, [r]);
  return <figure class="chart"><figcaption>{t('chartTitle')}</figcaption><div ref={el} data-testid="eta-chart" /></figure>;
}

function Table({ rows, first }: { rows: EtaReport['byService']; first: string }) {
  return (
    <table class="figures">
      <thead><tr><th scope="col">{first}</th><th scope="col">{t('tickets')}</th><th scope="col">{t('meanPromised')}, {t('min')}</th><th scope="col">{t('meanWait')}, {t('min')}</th><th scope="col">{t('mae')}, {t('min')}</th><th scope="col">{t('bias')}, {t('min')}</th><th scope="col">{t('within5')}, %</th></tr></thead>
      <tbody>
        {rows.map((g) => (
          <tr key={g.key} data-key={g.key}><th scope="row">{g.label}</th><td class="num">{g.tickets}</td><td class="num">{minutes(g.meanPromisedSec)}</td><td class="num">{minutes(g.meanWaitSec)}</td><td class="num">{minutes(g.maeSec)}</td><td class="num">{signed(g.biasSec === null ? null : g.biasSec / 60)}</td><td class="num">{fmt(g.within5MinPct)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

export function EtaAccuracy() {
  const { query, route, path } = useLocation();
  const from = query.from ?? addDays(today(), -29), to = query.to ?? today();
  const p = period(from, to);
  const r = useGet<EtaReport>(`/api/stats/eta-accuracy?${reportSearch(p)}`);
  const d = r.data;
  return (
    <main class="tool eta">
      <h1>{t('etaTitle')}</h1>
      <p class="hint">{t('etaHint')}</p>
      <form class="controls" onSubmit={(e) => { e.preventDefault(); const f = new FormData(e.currentTarget as HTMLFormElement); route(`${path}?${reportSearch({ from: String(f.get('from')), to: String(f.get('to')) })}`); }}>
        <label>{t('from')}<input type="date" name="from" value={from} /></label>
        <label>{t('to')}<input type="date" name="to" value={to} /></label>
        <button type="submit" class="primary">{t('show')}</button>
      </form>
      {r.error && <p class="message error" role="alert">{t('failed', { reason: r.error })}</p>}
      {d && (
        <>
          <dl class="answer" data-testid="eta-totals">
            <div><dt>{t('tickets')}</dt><dd>{d.tickets}</dd></div>
            <div><dt>{t('within5')}</dt><dd data-testid="within5">{fmt(d.within5MinPct)} %</dd></div>
            <div><dt>{t('mae')}</dt><dd>{minutes(d.maeSec)} {t('min')}</dd></div>
            <div><dt>{t('bias')}</dt><dd>{signed(d.biasSec === null ? null : d.biasSec / 60)} {t('min')}</dd></div>
            <div><dt>{t('meanWait')}</dt><dd>{minutes(d.meanWaitSec)} {t('min')}</dd></div>
          </dl>
          {d.byHour.length > 0 && <Chart r={d} />}
          <h2>{t('byService')}</h2>
          <Table rows={d.byService} first={t('service')} />
          <h2>{t('byHour')}</h2>
          <Table rows={d.byHour as unknown as EtaReport['byService']} first={t('hour')} />
        </>
      )}
    </main>
  );
}
