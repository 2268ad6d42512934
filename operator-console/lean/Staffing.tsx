// Staffing: the Erlang C calculator (arrivals, service time, target → windows and staff, with the
// service level and wait they give, and a "what if" for a number of windows), and the hall's own
// picture over a period: per weekday and hour the windows needed for the target against the
// windows that were open, the gap coloured. The model's assumptions are on the screen.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { addDays } from '../../server/engine/calendar';
import { staff } from '../shell/session';
import { reportSearch } from '../figures/api';
import { fmt, period, today, useGet, weekdayName, type Loaded } from './common';
import { t } from './strings';
import type { ErlangAnswer, StaffingCell, StaffingGrid } from './types';

type Q = Record<string, string | undefined>;
const n = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v.replace(',', '.')));

/** The calculator's starting point: a hall with 10-minute visits against the 15-minute norm. */
const DEFAULTS: Q = { a: '60', s: '10', tw: '15', tp: '90', occ: '85', shr: '30' };

function Calculator({ q, set }: { q: Q; set: (patch: Q) => void }) {
  const v = { ...DEFAULTS, ...Object.fromEntries(Object.entries(q).filter(([k]) => k in DEFAULTS || k === 'n')) };
  const [f, setF] = useState<Q>(v);
  const url = n(v.a) !== undefined && n(v.s) !== undefined && n(v.tw) !== undefined && n(v.tp) !== undefined
    ? `/api/stats/erlang?${reportSearch({
      arrivalsPerHour: n(v.a), serviceSec: Math.round(n(v.s)! * 60 * 1000) / 1000, targetSec: Math.round(n(v.tw)! * 60 * 1000) / 1000, targetPct: n(v.tp),
      maxOccupancyPct: n(v.occ), shrinkagePct: n(v.shr), servers: n(v.n),
    })}` : null;
  const r = useGet<ErlangAnswer>(url);
  const input = (k: string, label: string) => (
    <label>{label}<input name={k} inputMode="decimal" size={6} value={f[k] ?? ''} onInput={(e) => setF((x) => ({ ...x, [k]: (e.target as HTMLInputElement).value }))} /></label>
  );
  const e = r.data;
  const given = e?.given;
  return (
    <section class="calc-box">
      <h2>{t('calcTitle')}</h2>
      <form class="controls" data-testid="erlang-form" onSubmit={(ev) => { ev.preventDefault(); set(f); }}>
        {input('a', t('arrivalsPerHour'))}{input('s', t('serviceMin'))}{input('tw', t('targetMin'))}{input('tp', t('targetPct'))}
        {input('occ', t('maxOccupancy'))}{input('shr', t('shrinkage'))}{input('n', t('givenWindows'))}
        <button type="submit" class="primary">{t('compute')}</button>
      </form>
      {r.error && <p class="message error" role="alert">{t('failed', { reason: r.error })}</p>}
      {e && (
        <dl class="answer" data-testid="erlang">
          <div><dt>{t('windowsNeeded')}</dt><dd data-testid="servers">{e.servers}</dd></div>
          <div><dt>{t('staffNeeded')}</dt><dd data-testid="staff">{e.staff}</dd></div>
          <div><dt>{t('serviceLevel')}</dt><dd>{fmt(e.serviceLevelPct)} %</dd></div>
          <div><dt>{t('waitProbability')}</dt><dd>{fmt(e.waitProbabilityPct)} %</dd></div>
          <div><dt>{t('avgWait')}</dt><dd data-testid="avg-wait">{waitText(e.avgWaitSec)}</dd></div>
          <div><dt>{t('occupancy')}</dt><dd>{fmt(e.occupancyPct)} %</dd></div>
        </dl>
      )}
      {given && (
        <p class="given" data-testid="given">
          {t('givenWindows')} {given.servers}: {given.stable
            ? `${t('serviceLevel')} ${fmt(given.serviceLevelPct)} %, ${t('avgWait')} ${waitText(given.avgWaitSec)}, ${t('occupancy')} ${fmt(given.occupancyPct)} %`
            : t('unstable')}
        </p>
      )}
    </section>
  );
}

/** Under a minute in seconds (a call-centre target), else in minutes. */
const waitText = (sec: number | null) => (sec === null ? t('unstable') : sec < 60 ? `${fmt(sec)} ${t('sec')}` : `${fmt(sec / 60, 2)} ${t('min')}`);

function gapClass(c: StaffingCell) {
  if (c.gap < 0) return 'short';
  return c.lunchOk ? 'spare' : 'even';
}

interface GridQuery { from: string; to: string; tw: number; tp: number }

function gridQuery(q: Q): GridQuery {
  return { from: q.from ?? addDays(today(), -56), to: q.to ?? addDays(today(), -1), tw: n(q.gtw) ?? 15, tp: n(q.gtp) ?? 90 };
}

function Grid({ gq, g, set }: { gq: GridQuery; g: Loaded<StaffingGrid>; set: (patch: Q) => void }) {
  const { from, to, tw, tp } = gq;
  const cells = g.data?.cells ?? [];
  const hours = [...new Set(cells.map((c) => c.hour))].sort();
  const weekdays = [...new Set(cells.map((c) => c.weekday))].sort();
  const at = new Map(cells.map((c) => [`${c.weekday}|${c.hour}`, c]));
  return (
    <section class="grid-box">
      <h2>{t('gridTitle')}</h2>
      <form class="controls" onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget as HTMLFormElement);
        set({ from: String(f.get('from')), to: String(f.get('to')), gtw: String(f.get('gtw')), gtp: String(f.get('gtp')) });
      }}>
        <label>{t('from')}<input type="date" name="from" value={from} /></label>
        <label>{t('to')}<input type="date" name="to" value={to} /></label>
        <label>{t('targetMin')}<input name="gtw" inputMode="decimal" size={4} value={String(tw)} /></label>
        <label>{t('targetPct')}<input name="gtp" inputMode="decimal" size={4} value={String(tp)} /></label>
        <button type="submit" class="primary">{t('show')}</button>
      </form>
      <p class="hint">{t('gridHint')}</p>
      {g.error && <p class="message error" role="alert">{t('failed', { reason: g.error })}</p>}
      {g.data && !cells.length && <p class="hint">{t('noData')}</p>}
      {cells.length > 0 && (
        <div class="scroll-x">
          <table class="staffing-grid" data-testid="staffing-grid">
            <thead><tr><th scope="col">{t('weekday')}</th>{hours.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
            <tbody>
              {weekdays.map((w) => (
                <tr key={w} data-weekday={w}>
                  <th scope="row">{weekdayName(w)}</th>
                  {hours.map((h) => {
                    const c = at.get(`${w}|${h}`);
                    if (!c) return <td key={h} class="empty" />;
                    return (
                      <td key={h} class={`cell ${gapClass(c)}`} data-hour={h} data-needed={c.needed} data-open={c.open} data-gap={c.gap}
                        title={t('cellTitle', { arr: fmt(c.arrivalsPerHour), svc: fmt(c.meanServiceSec / 60), need: c.needed, open: fmt(c.open) })}>
                        <b>{c.needed}</b>/<span>{fmt(c.open)}</span>{c.lunchOk && <i class="lunch" aria-label={t('lunchOk')}>●</i>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface SimPolicy { tickets: number; meanWaitSec: number; p90WaitSec: number; overTargetPct: number; utilisationPct: number }
interface SimAnswer { weekday: number; days: number; today: { policies: SimPolicy[] }; change: { policies: SimPolicy[] } }

/** "What if" on the hall's history (POST /api/stats/simulate): the weekday as it was, and with
 * the windows Erlang C asks for, a faster or slower service, more or fewer customers. */
function WhatIf({ gq, grid }: { gq: GridQuery; grid: StaffingGrid }) {
  const weekdays = [...new Set(grid.cells.map((c) => c.weekday))].sort();
  const [f, setF] = useState({ weekday: String(weekdays[0] ?? 1), needed: true, servicePct: '', arrivalsPct: '', days: '50' });
  const [answer, setAnswer] = useState<SimAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const services = useGet<{ id: number }[]>('/api/services');
  const run = async (e: Event) => {
    e.preventDefault();
    const change: Record<string, unknown> = {};
    if (f.needed) change.openCounters = Object.fromEntries(grid.cells.filter((c) => c.weekday === Number(f.weekday)).map((c) => [c.hour, c.needed]));
    if (n(f.servicePct) !== undefined) change.serviceTimePct = Object.fromEntries((services.data ?? []).map((s) => [String(s.id), n(f.servicePct)]));
    if (n(f.arrivalsPct) !== undefined) change.arrivalsPct = n(f.arrivalsPct);
    setBusy(true);
    try {
      setAnswer(await staff<SimAnswer>('POST', '/api/stats/simulate', { ...period(gq.from, gq.to), weekday: Number(f.weekday), days: n(f.days) ?? 50, targetSec: Math.round(gq.tw * 60), change }));
      setError(null);
    } catch (err) { setError((err as Error).message); }
    setBusy(false);
  };
  const a = answer?.today.policies[0], b = answer?.change.policies[0];
  const row = (k: string, label: string, x: number | undefined, y: number | undefined, unit: (v: number) => string) => (
    <tr data-figure={k}><th scope="row">{label}</th><td class="num">{x === undefined ? '—' : unit(x)}</td><td class="num">{y === undefined ? '—' : unit(y)}</td></tr>
  );
  return (
    <section class="whatif-box" data-testid="what-if">
      <h2>{t('whatIf')}</h2>
      <p class="hint">{t('whatIfHint')}</p>
      <form class="controls" onSubmit={run}>
        <label>{t('weekday')}<select name="weekday" value={f.weekday} onChange={(e) => setF({ ...f, weekday: (e.target as HTMLSelectElement).value })}>
          {weekdays.map((w) => <option key={w} value={String(w)}>{weekdayName(w)}</option>)}
        </select></label>
        <label class="check"><input type="checkbox" name="needed" checked={f.needed} onChange={(e) => setF({ ...f, needed: (e.target as HTMLInputElement).checked })} />{t('openNeeded')}</label>
        <label>{t('servicePct')}<input name="servicePct" inputMode="decimal" size={5} value={f.servicePct} onInput={(e) => setF({ ...f, servicePct: (e.target as HTMLInputElement).value })} /></label>
        <label>{t('arrivalsPct')}<input name="arrivalsPct" inputMode="decimal" size={5} value={f.arrivalsPct} onInput={(e) => setF({ ...f, arrivalsPct: (e.target as HTMLInputElement).value })} /></label>
        <label>{t('simDays')}<input name="days" inputMode="numeric" size={4} value={f.days} onInput={(e) => setF({ ...f, days: (e.target as HTMLInputElement).value })} /></label>
        <button type="submit" class="primary" disabled={busy}>{t('simulate')}</button>
      </form>
      {error && <p class="message error" role="alert">{t('failed', { reason: error })}</p>}
      {a && b && (
        <table class="figures" data-testid="what-if-result">
          <thead><tr><th scope="col">{t('figure')}</th><th scope="col">{t('asItWas')}</th><th scope="col">{t('withChange')}</th></tr></thead>
          <tbody>
            {row('mean', t('avgWait'), a.meanWaitSec, b.meanWaitSec, (v) => `${fmt(v / 60)} ${t('min')}`)}
            {row('p90', t('p90Wait'), a.p90WaitSec, b.p90WaitSec, (v) => `${fmt(v / 60)} ${t('min')}`)}
            {row('over', t('overTarget'), a.overTargetPct, b.overTargetPct, (v) => `${fmt(v)} %`)}
            {row('util', t('occupancy'), a.utilisationPct, b.utilisationPct, (v) => `${fmt(v)} %`)}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Staffing() {
  const { query, route, path } = useLocation();
  const set = (patch: Q) => route(`${path}?${reportSearch({ ...query, ...patch })}`);
  const gq = gridQuery(query);
  const p = period(gq.from, gq.to);
  const g = useGet<StaffingGrid>(`/api/stats/staffing?${reportSearch({ from: p.from, to: p.to, targetSec: gq.tw * 60, targetPct: gq.tp })}`);
  return (
    <main class="tool staffing">
      <h1>{t('tabStaffing')}</h1>
      <Calculator q={query} set={set} />
      <aside class="assumptions" data-testid="assumptions">
        <h2>{t('assumptionsTitle')}</h2>
        <p>{t('assumptions')}</p>
      </aside>
      <Grid gq={gq} g={g} set={set} />
      {g.data && g.data.cells.length > 0 && <WhatIf gq={gq} grid={g.data} />}
    </main>
  );
}
