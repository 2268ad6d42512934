// The report's table: one line per group and the totals, every column a figure of the
// contract's Row, each line with its drill-downs (a service by hour, a day by service, its tickets).
import { count, dur, pct } from '../figures/format';
import { t as ft, type Key as FKey } from '../figures/strings';
import type { Grouping, Report, Row } from '../figures/types';
import { rowLabel } from './labels';
import type { ReportState } from './query';
import { stateUrl } from './query';
import { t, type Key } from './strings';

type Group = 'gTickets' | 'gWait' | 'gService' | 'gWork';
type Col = { id: keyof Row; group: Group; head: FKey; fmt: (r: Row) => string };

const num = (k: keyof Row) => (r: Row) => count(r[k] as number | null);
const time = (k: keyof Row) => (r: Row) => dur(r[k] as number | null);

export const COLUMNS: Col[] = [
  { id: 'issued', group: 'gTickets', head: 'issued', fmt: num('issued') },
  { id: 'called', group: 'gTickets', head: 'called', fmt: num('called') },
  { id: 'served', group: 'gTickets', head: 'served', fmt: num('served') },
  { id: 'noShow', group: 'gTickets', head: 'noShow', fmt: num('noShow') },
  { id: 'expired', group: 'gTickets', head: 'expired', fmt: num('expired') },
  { id: 'transferred', group: 'gTickets', head: 'transferred', fmt: num('transferred') },
  { id: 'avgWaitSec', group: 'gWait', head: 'avg', fmt: time('avgWaitSec') },
  { id: 'medianWaitSec', group: 'gWait', head: 'median', fmt: time('medianWaitSec') },
  { id: 'p90WaitSec', group: 'gWait', head: 'p90', fmt: time('p90WaitSec') },
  { id: 'maxWaitSec', group: 'gWait', head: 'max', fmt: time('maxWaitSec') },
  { id: 'withinTargetPct', group: 'gWait', head: 'withinTarget', fmt: (r) => pct(r.withinTargetPct) },
  { id: 'avgServiceSec', group: 'gService', head: 'avg', fmt: time('avgServiceSec') },
  { id: 'medianServiceSec', group: 'gService', head: 'median', fmt: time('medianServiceSec') },
  { id: 'p90ServiceSec', group: 'gService', head: 'p90', fmt: time('p90ServiceSec') },
];

/** Operators and counters also have their working time (contract: openSec, breakSec, servingSec, utilisationPct). */
export const WORK_COLUMNS: Col[] = [
  { id: 'openSec', group: 'gWork', head: 'openTime', fmt: time('openSec') },
  { id: 'breakSec', group: 'gWork', head: 'breakTime', fmt: time('breakSec') },
  { id: 'servingSec', group: 'gWork', head: 'servingTime', fmt: time('servingSec') },
  { id: 'utilisationPct', group: 'gWork', head: 'utilisation', fmt: (r) => pct(r.utilisationPct) },
];

export const columnsFor = (by: Grouping) => (by === 'operator' || by === 'counter' ? [...COLUMNS, ...WORK_COLUMNS] : COLUMNS);

const FILTER_OF: Partial<Record<Grouping, 'serviceId' | 'userId' | 'counterId'>> = { service: 'serviceId', operator: 'userId', counter: 'counterId' };

/** Where a row leads: narrower reports of the same period, and the row's tickets. */
export function drills(by: Grouping, r: Row, s: ReportState): { label: Key; href: string }[] {
  const filter = FILTER_OF[by];
  const tickets = (extra: Partial<ReportState>) => stateUrl({ ...s, ...extra }, '/console/reports/tickets');
  if (filter && r.key !== null) {
    const narrowed = { ...s, [filter]: Number(r.key) };
    return [
      { label: 'drillHours', href: stateUrl({ ...narrowed, by: 'hour' }) },
      { label: by === 'service' ? 'drillDays' : 'drillServices', href: stateUrl({ ...narrowed, by: by === 'service' ? 'day' : 'service' }) },
      { label: 'drillTickets', href: tickets({ [filter]: Number(r.key) }) },
    ];
  }
  if (by === 'day' && r.key !== null) {
    const day = { ...s, period: 'custom', from: String(r.key), to: String(r.key) };
    return [
      { label: 'drillServices', href: stateUrl({ ...day, by: 'service' }) },
      { label: 'drillHours', href: stateUrl({ ...day, by: 'hour' }) },
      { label: 'drillTickets', href: tickets({ period: 'custom', from: String(r.key), to: String(r.key) }) },
    ];
  }
  return [];
}

/** The group heads over the columns: [group, how many columns]. */
function groups(cols: Col[]): [Group, number][] {
  const out: [Group, number][] = [];
  for (const c of cols) { const last = out[out.length - 1]; if (last?.[0] === c.group) last[1]++; else out.push([c.group, 1]); }
  return out;
}

export function ReportTable({ report, state }: { report: Report; state: ReportState }) {
  const by = report.by;
  const cols = columnsFor(by);
  const line = (r: Row, total: boolean) => {
    const links = total ? [{ label: 'drillTickets' as Key, href: stateUrl(state, '/console/reports/tickets') }] : drills(by, r, state);
    const label = total ? ft('total') : rowLabel(by, r);
    return (
      <tr key={total ? 'total' : String(r.key)} class={total ? 'total' : ''} data-key={total ? 'total' : String(r.key)}>
        <th scope="row" class="text label">
          {/* The row's drill-downs open from its label: a tap on a tablet, a click on a PC. */}
          {links.length ? (
            <details class="drill">
              <summary data-testid="drill">{label || t('drillTitle', { label: '' })}</summary>
              <div class="menu" role="menu">{links.map((l) => <a key={l.label} role="menuitem" href={l.href} data-drill={l.label}>{t(l.label)}</a>)}</div>
            </details>
          ) : label}
        </th>
        {cols.map((c, i) => <td key={c.id} class={i && c.group !== cols[i - 1].group ? 'num first' : 'num'} data-col={c.id}>{c.fmt(r)}</td>)}
      </tr>
    );
  };
  return (
    <div class="table-wrap">
      <table class="grid report" data-testid="report-table" data-by={by}>
        <thead>
          <tr class="groups">
            <th scope="col" rowSpan={2} class="text">{t(`head_${by}` as Key)}</th>
            {groups(cols).map(([g, n]) => <th key={g} scope="colgroup" colSpan={n} class="group">{ft(g)}</th>)}
          </tr>
          <tr>{cols.map((c) => <th scope="col" key={c.id} data-col={c.id} class={c.id === cols[0].id || c.group !== cols[cols.indexOf(c) - 1]?.group ? 'first' : ''}>{ft(c.head)}</th>)}</tr>
        </thead>
        <tbody>{report.rows.map((r) => line(r, false))}</tbody>
        <tfoot>{line(report.total, true)}</tfoot>
      </table>
    </div>
  );
}
