// The simulator's result as plain-text tables: one row per rule, one block per service, and
// the wait estimates' errors.
import type { SimResult, WaitFigures } from './run';

const min = (sec: number | null) => (sec === null ? '—' : (sec / 60).toFixed(1));
const pct = (x: number | null) => (x === null ? '—' : x.toFixed(1) + ' %');

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => (i === 0 ? x.padEnd(w[i]) : x.padStart(w[i]))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

const waitCols = (f: WaitFigures) => [String(f.tickets), min(f.meanWaitSec), min(f.p50WaitSec), min(f.p90WaitSec), min(f.maxWaitSec), pct(f.overTargetPct)];
const waitHead = ['tickets', 'mean min', 'p50 min', 'p90 min', 'max min', 'over target'];

export function textReport(r: SimResult): string {
  const out: string[] = [];
  out.push(`${r.scenario ?? 'scenario'}: ${r.days} days, seed ${r.seed}, target ${min(r.targetSec)} min (waits to the first call)`);
  out.push('', table(['rule', ...waitHead, 'utilisation', 'no-shows', 'never called'],
    r.policies.map((p) => [p.policy, ...waitCols(p), pct(p.utilisationPct), String(p.noShows), String(p.expired)])));
  for (const svc of r.policies[0]?.byService ?? []) {
    out.push('', `service ${svc.service}`, table(['rule', ...waitHead],
      r.policies.map((p) => [p.policy, ...waitCols(p.byService.find((s) => s.service === svc.service)!)])));
  }
  if (r.eta.length) {
    out.push('', 'wait estimate at issue against the real wait (rule talon)', table(['estimator', 'tickets', 'MAE min', 'bias min', 'within ±5 min'],
      r.eta.map((e) => [e.estimator, String(e.tickets), min(e.maeSec), min(e.biasSec), pct(e.within5MinPct)])));
  }
  return out.join('\n');
}
