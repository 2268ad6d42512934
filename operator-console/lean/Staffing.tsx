// Staffing: the Erlang C calculator (arrivals, service time, target → windows and staff, with the
// service level and wait they give, and a "what if" for a number of windows), and the hall's own
// picture over a period: per weekday and hour the windows needed for the target against the
// windows that were open, the gap coloured. The model's assumptions are on the screen.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { daysBefore, fmt, period, qs, today, useGet, weekdayName } from './common';
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
    ? `/api/stats/erlang?${qs({
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

function Grid({ q, set }: { q: Q; set: (patch: Q) => void }) {
  const from = q.from ?? daysBefore(today(), 56), to = q.to ?? daysBefore(today(), 1);
  const p = period(from, to);
  const tw = n(q.gtw) ?? 15, tp = n(q.gtp) ?? 90;
  const g = useGet<StaffingGrid>(`/api/stats/staffing?${qs({ from: p.from, to: p.to, targetSec: tw * 60, targetPct: tp })}`);
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

export function Staffing() {
  const { query, route, path } = useLocation();
  const set = (patch: Q) => route(`${path}?${qs({ ...query, ...patch })}`);
  return (
    <main class="tool staffing">
      <h1>{t('tabStaffing')}</h1>
      <Calculator q={query} set={set} />
      <aside class="assumptions" data-testid="assumptions">
        <h2>{t('assumptionsTitle')}</h2>
        <p>{t('assumptions')}</p>
      </aside>
      <Grid q={query} set={set} />
    </main>
  );
}
