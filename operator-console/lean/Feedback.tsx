// Customers' ratings over a period by service, operator, counter or day: the count, the average
// and the share satisfied (4–5) against the 80 % goal.
import { useLocation } from 'preact-iso';
import { addDays } from '../../server/engine/calendar';
import { reportSearch } from '../figures/api';
import { fmt, period, today, useGet } from './common';
import { t, type Key } from './strings';
import type { FeedbackReport } from './types';

const BY: [string, Key][] = [['service', 'byService'], ['operator', 'byOperator'], ['counter', 'byCounter'], ['day', 'byDay']];

export function Feedback() {
  const { query, route, path } = useLocation();
  const from = query.from ?? addDays(today(), -29), to = query.to ?? today(), by = query.by ?? 'service';
  const r = useGet<FeedbackReport>(`/api/stats/feedback?${reportSearch({ ...period(from, to), by })}`);
  const d = r.data;
  const row = (key: string, label: string, g: FeedbackReport['total'], total = false) => (
    <tr key={key} data-key={key} class={total ? 'total' : ''}>
      <th scope="row">{label}</th><td class="num">{g.count}</td><td class="num">{fmt(g.avgRating, 2)}</td>
      <td class={`num ${g.satisfiedPct === null ? '' : g.satisfiedPct >= 80 ? 'mark-green' : 'mark-red'}`}>{fmt(g.satisfiedPct)}</td>
    </tr>
  );
  return (
    <main class="tool feedback">
      <h1>{t('fbTitle')}</h1>
      <p class="hint">{t('fbHint')}</p>
      <form class="controls" onSubmit={(e) => { e.preventDefault(); const f = new FormData(e.currentTarget as HTMLFormElement); route(`${path}?${reportSearch({ from: String(f.get('from')), to: String(f.get('to')), by: String(f.get('by')) })}`); }}>
        <label>{t('from')}<input type="date" name="from" value={from} /></label>
        <label>{t('to')}<input type="date" name="to" value={to} /></label>
        <label>{t('group')}<select name="by" value={by}>{BY.map(([v, k]) => <option key={v} value={v}>{t(k)}</option>)}</select></label>
        <button type="submit" class="primary">{t('show')}</button>
      </form>
      {r.error && <p class="message error" role="alert">{t('failed', { reason: r.error })}</p>}
      {d && (
        <table class="figures" data-testid="feedback-table">
          <thead><tr><th scope="col">{t(BY.find(([v]) => v === by)![1])}</th><th scope="col">{t('count')}</th><th scope="col">{t('avgRating')}</th><th scope="col">{t('satisfied')}, %</th></tr></thead>
          <tbody>{d.rows.map((g) => row(g.key, g.label, g))}</tbody>
          <tfoot>{row('total', t('total'), d.total, true)}</tfoot>
        </table>
      )}
    </main>
  );
}
