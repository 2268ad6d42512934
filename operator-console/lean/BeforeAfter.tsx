// The before/after report (отчёт о тиражировании): a baseline (a Talon period or figures measured by
// hand) against the current period, the key figures side by side with the change, the working
// time freed in posts and its money a year with the formula and its inputs. Exports to XLSX and
// prints on A4 as the report of the practice. The inputs live in the address, so a report can be
// sent and opened again.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { addDays } from '../../server/engine/calendar';
import { pick } from '../../ui/i18n';
import { download } from '../shell/download';
import { staff } from '../shell/session';
import { reportSearch } from '../figures/api';
import { fmt, minutes, period, PrintPage, signed, today, useHall } from './common';
import { t } from './strings';
import type { BeforeAfterReport, Side } from './types';

type Q = Record<string, string | undefined>;

const numOf = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : Number(v.replace(',', '.')));

/** The API body from the address's fields (b.* baseline, c.* current, the effect's inputs). */
function bodyOf(q: Q) {
  const side = (p: 'b' | 'c') => {
    if (q[`${p}.kind`] === 'period') {
      if (!q[`${p}.from`] || !q[`${p}.to`]) return null;
      return { ...period(q[`${p}.from`]!, q[`${p}.to`]!), ...(q[`${p}.label`] ? { label: q[`${p}.label`] } : {}) };
    }
    const service = numOf(q[`${p}.service`]);
    if (service === undefined) return null;
    const pairs: [string, number | undefined][] = [
      ['avgServiceSec', service * 60], ['avgWaitSec', numOf(q[`${p}.wait`]) === undefined ? undefined : numOf(q[`${p}.wait`])! * 60],
      ['servedPerDay', numOf(q[`${p}.perDay`])], ['withinTargetPct', numOf(q[`${p}.within`])], ['satisfiedPct', numOf(q[`${p}.satisfied`])],
    ];
    return { ...Object.fromEntries(pairs.filter(([, v]) => v !== undefined)), ...(q[`${p}.label`] ? { label: q[`${p}.label`] } : {}) };
  };
  const baseline = side('b'), current = side('c');
  const hours = numOf(q.hours), cost = numOf(q.cost);
  if (!baseline || !current || hours === undefined || cost === undefined) return null;
  return {
    baseline, current, hoursPerFteYear: hours, costPerFteYear: cost,
    ...(numOf(q.customers) !== undefined ? { customersPerYear: numOf(q.customers) } : {}),
    ...(numOf(q.workdays) !== undefined ? { workingDaysPerYear: numOf(q.workdays) } : {}),
  };
}

function SideFields({ p, q, set }: { p: 'b' | 'c'; q: Q; set: (k: string, v: string) => void }) {
  const kind = q[`${p}.kind`] ?? (p === 'b' ? 'manual' : 'period');
  const field = (k: string, label: string, attrs: Record<string, unknown> = {}) => (
    <label>{label}<input name={`${p}.${k}`} value={q[`${p}.${k}`] ?? ''} onInput={(e) => set(`${p}.${k}`, (e.target as HTMLInputElement).value)} {...attrs} /></label>
  );
  const num = { inputMode: 'decimal', pattern: '[0-9]+([.,][0-9]+)?', size: 6 };
  return (
    <fieldset class="side" data-side={p}>
      <legend>{t(p === 'b' ? 'baseline' : 'current')}</legend>
      <div class="kind">
        {(['manual', 'period'] as const).map((k) => (
          <label key={k} class="radio"><input type="radio" name={`${p}.kind`} value={k} checked={kind === k} onChange={() => set(`${p}.kind`, k)} />{t(k === 'manual' ? 'kindManual' : 'kindPeriod')}</label>
        ))}
      </div>
      {field('label', t('label'), { maxLength: 200 })}
      {kind === 'period' ? (
        <div class="row">{field('from', t('from'), { type: 'date', required: true })}{field('to', t('to'), { type: 'date', required: true })}</div>
      ) : (
        <>
          {field('service', `${t('avgService')}, ${t('min')}`, { ...num, required: true })}
          {field('wait', `${t('avgWait')}, ${t('min')}`, num)}
          {field('perDay', t('servedPerDay'), num)}
          {field('within', `${t('withinTarget')}, %`, num)}
          {field('satisfied', `${t('satisfied')}, %`, num)}
        </>
      )}
    </fieldset>
  );
}

function sideName(s: Side, fallback: string) {
  if (s.label) return s.label;
  if (s.kind === 'period') return `${s.from!.slice(0, 10)} — ${s.to!.slice(0, 10)}`;
  return fallback;
}

function Report({ r }: { r: BeforeAfterReport }) {
  const rows: [string, string, string, string, string][] = [
    ['service', `${t('avgService')}, ${t('min')}`, minutes(r.baseline.avgServiceSec), minutes(r.current.avgServiceSec),
      `${signed(r.change.avgServiceSec === null ? null : r.change.avgServiceSec / 60)} (${signed(r.change.avgServicePct)} %)`],
    ['wait', `${t('avgWait')}, ${t('min')}`, minutes(r.baseline.avgWaitSec), minutes(r.current.avgWaitSec),
      r.change.avgWaitSec === null ? '—' : `${signed(r.change.avgWaitSec / 60)} (${signed(r.change.avgWaitPct)} %)`],
    ['perDay', t('servedPerDay'), fmt(r.baseline.servedPerDay), fmt(r.current.servedPerDay), signed(r.change.servedPerDay)],
    ['within', `${t('withinTarget')}, %`, fmt(r.baseline.withinTargetPct), fmt(r.current.withinTargetPct), r.change.withinTargetPct === null ? '—' : `${signed(r.change.withinTargetPct)} ${t('pp')}`],
    ['rating', t('avgRating'), fmt(r.baseline.avgRating, 2), fmt(r.current.avgRating, 2), signed(r.change.avgRating, 2)],
    ['satisfied', `${t('satisfied')}, %`, fmt(r.baseline.satisfiedPct), fmt(r.current.satisfiedPct), r.change.satisfiedPct === null ? '—' : `${signed(r.change.satisfiedPct)} ${t('pp')}`],
  ];
  const savedMin = r.savedSecPerCustomer === null ? null : r.savedSecPerCustomer / 60;
  return (
    <section class="report" data-testid="report">
      <table class="figures">
        <thead><tr><th scope="col">{t('figure')}</th><th scope="col">{sideName(r.baseline, t('baseline'))}</th><th scope="col">{sideName(r.current, t('current'))}</th><th scope="col">{t('change')}</th></tr></thead>
        <tbody>
          {rows.map(([k, label, b, c, d]) => <tr key={k} data-figure={k}><th scope="row">{label}</th><td class="num">{b}</td><td class="num">{c}</td><td class="num">{d}</td></tr>)}
        </tbody>
      </table>
      <h2>{t('effect')}</h2>
      <div class="effect">
        <div class="big"><span>{t('fteFreed')}</span><strong data-testid="fte">{t('posts', { n: fmt(r.fteFreed) })}</strong></div>
        <div class="big"><span>{t('moneyPerYear')}</span><strong data-testid="money">{t('thousandRub', { n: fmt(r.moneyPerYear === null ? null : r.moneyPerYear / 1000) })}</strong></div>
      </div>
      <h2>{t('inputs')}</h2>
      <dl class="inputs" data-testid="inputs">
        <dt>{t('customersPerYear')}</dt><dd>{fmt(r.customersPerYear, 0)}{r.customersPerYearFrom === 'current' ? ` (${t('derived')})` : ''}</dd>
        <dt>{t('savedPerCustomer')}</dt><dd>{fmt(savedMin, 1)} {t('min')}</dd>
        <dt>{t('hoursPerFte')}</dt><dd>{fmt(r.inputs.hoursPerFteYear, 0)} {t('hoursShort')}</dd>
        <dt>{t('costPerFte')}</dt><dd>{fmt(r.inputs.costPerFteYear, 0)}</dd>
      </dl>
      <h2>{t('formula')}</h2>
      <ol class="formula" data-testid="formula">
        {r.customersPerYearFrom === 'current' && (
          <li>{t('formulaCustomers', { perDay: fmt(r.current.servedPerDay), days: r.inputs.workingDaysPerYear, n: fmt(r.customersPerYear, 0) })}</li>
        )}
        <li>{t('formulaFte')}:<br />
          <span class="calc">{fmt(r.customersPerYear, 0)} × ({minutes(r.baseline.avgServiceSec)} − {minutes(r.current.avgServiceSec)}) {t('min')} ÷ 60 = {fmt(savedMin === null ? null : ((r.customersPerYear ?? 0) * savedMin) / 60, 0)} {t('hoursShort')}; {fmt(savedMin === null ? null : ((r.customersPerYear ?? 0) * savedMin) / 60, 0)} {t('hoursShort')} ÷ {fmt(r.inputs.hoursPerFteYear, 0)} {t('hoursShort')} = {fmt(r.fteFreed, 4)} ≈ {t('posts', { n: fmt(r.fteFreed) })}</span>
        </li>
        <li>{t('formulaMoney')}:<br />
          <span class="calc">{fmt(r.fteFreed, 4)} × {fmt(r.inputs.costPerFteYear, 0)} {t('rub')} = {fmt(r.moneyPerYear, 0)} {t('rub')} ≈ {t('thousandRub', { n: fmt(r.moneyPerYear === null ? null : r.moneyPerYear / 1000) })}</span>
        </li>
      </ol>
    </section>
  );
}

export function BeforeAfter() {
  const { query, route, path } = useLocation();
  const hallInfo = useHall();
  const [q, setQ] = useState<Q>(() => ({ 'b.kind': 'manual', 'c.kind': 'period', 'c.from': addDays(today(), -30), 'c.to': today(), hours: '1973', workdays: '247', ...query }));
  const [report, setReport] = useState<BeforeAfterReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const body = bodyOf(query);
  const key = JSON.stringify(body);
  useEffect(() => {
    if (!body) { setReport(null); return; }
    let live = true;
    staff<BeforeAfterReport>('POST', '/api/stats/before-after', body).then((r) => { if (live) { setReport(r); setError(null); } }, (e) => { if (live) setError((e as Error).message); });
    return () => { live = false; };
  }, [key]);
  const set = (k: string, v: string) => setQ((x) => ({ ...x, [k]: v }));
  const submit = (e: Event) => { e.preventDefault(); route(`${path}?${reportSearch(q)}`); };
  const xlsx = () => download('/api/stats/before-after.xlsx', 'before-after.xlsx', body).catch((e) => setError((e as Error).message));
  return (
    <main class="tool before-after">
      <PrintPage landscape={false} />
      <div class="print-head">
        <div>{pick(hallInfo?.hallName ?? '', hallInfo?.hallNameEn)}</div>
        <h1>{t('baTitle')}</h1>
      </div>
      <p class="hint no-print">{t('baHint')}</p>
      <form class="ba-form no-print" onSubmit={submit} data-testid="ba-form">
        <SideFields p="b" q={q} set={set} />
        <SideFields p="c" q={q} set={set} />
        <fieldset class="side">
          <legend>{t('effectInputs')}</legend>
          <label>{t('customersPerYear')}<input name="customers" inputMode="numeric" value={q.customers ?? ''} placeholder={t('customersPerYearHint')} onInput={(e) => set('customers', (e.target as HTMLInputElement).value)} /></label>
          <label>{t('hoursPerFte')}<input name="hours" inputMode="numeric" required value={q.hours ?? ''} onInput={(e) => set('hours', (e.target as HTMLInputElement).value)} /><small>{t('hoursPerFteHint')}</small></label>
          <label>{t('costPerFte')}<input name="cost" inputMode="numeric" required value={q.cost ?? ''} onInput={(e) => set('cost', (e.target as HTMLInputElement).value)} /></label>
          <label>{t('workingDays')}<input name="workdays" inputMode="numeric" value={q.workdays ?? ''} onInput={(e) => set('workdays', (e.target as HTMLInputElement).value)} /></label>
        </fieldset>
        <div class="buttons">
          <button type="submit" class="primary" data-testid="compute">{t('compute')}</button>
          {report && <button type="button" class="plain" data-testid="xlsx" onClick={() => void xlsx()}>{t('xlsx')}</button>}
          {report && <button type="button" class="plain" onClick={() => print()}>{t('print')}</button>}
        </div>
      </form>
      {error && <p class="message error" role="alert" data-testid="ba-error">{t('failed', { reason: error })}</p>}
      {report && <Report r={report} />}
      {report && <div class="print-only signatures"><span>{t('head')} ____________________</span></div>}
    </main>
  );
}
