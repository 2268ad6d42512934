// The wait distributions as an SVG chart: for each rule, the share of customers called within
// t minutes (a cumulative curve), with the target marked. Plain SVG text, no library.
import type { SimResult } from './run';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function waitChart(result: SimResult, waits: Map<string, number[]>): string {
  const W = 760, H = 420, L = 60, R = 200, T = 40, B = 50;
  const pw = W - L - R, ph = H - T - B;
  const sorted = [...waits].map(([name, xs]) => [name, Float64Array.from(xs).sort()] as const);
  // The x axis reaches the largest 99th percentile of the rules, and past the target.
  const p99 = Math.max(...sorted.map(([, a]) => (a.length ? a[Math.floor(a.length * 0.99)] : 0)));
  const xMaxMin = Math.max(5, Math.ceil(Math.max(p99, result.targetSec * 1.2) / 60 / 5) * 5);
  const x = (minutes: number) => L + (minutes / xMaxMin) * pw;
  const y = (share: number) => T + (1 - share) * ph;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  parts.push(`<text x="${L}" y="22" font-size="15" font-weight="bold">${esc(result.scenario ?? 'Simulation')}: waits to the first call (${result.days} days)</text>`);
  for (let m = 0; m <= xMaxMin; m += xMaxMin > 60 ? 15 : 5) {
    parts.push(`<line x1="${x(m)}" y1="${T}" x2="${x(m)}" y2="${T + ph}" stroke="#eee"/><text x="${x(m)}" y="${T + ph + 16}" text-anchor="middle">${m}</text>`);
  }
  for (let s = 0; s <= 1.0001; s += 0.2) {
    parts.push(`<line x1="${L}" y1="${y(s)}" x2="${L + pw}" y2="${y(s)}" stroke="#eee"/><text x="${L - 6}" y="${y(s) + 4}" text-anchor="end">${Math.round(s * 100)} %</text>`);
  }
  parts.push(`<rect x="${L}" y="${T}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
  parts.push(`<text x="${L + pw / 2}" y="${H - 12}" text-anchor="middle">wait, minutes</text>`);
  parts.push(`<text transform="translate(16 ${T + ph / 2}) rotate(-90)" text-anchor="middle">customers called within</text>`);
  const tx = x(result.targetSec / 60);
  parts.push(`<line x1="${tx}" y1="${T}" x2="${tx}" y2="${T + ph}" stroke="#000" stroke-dasharray="6 4" stroke-width="1.5"/>`);
  parts.push(`<text x="${tx + 4}" y="${T + 14}">target ${Math.round(result.targetSec / 60)} min</text>`);
  sorted.forEach(([name, a], i) => {
    const color = COLORS[i % COLORS.length];
    // One point per 0.25 minute: the share of waits at or below it.
    const pts: string[] = [];
    let j = 0;
    for (let m = 0; m <= xMaxMin; m += 0.25) {
      while (j < a.length && a[j] <= m * 60) j++;
      pts.push(`${x(m).toFixed(1)},${y(a.length ? j / a.length : 0).toFixed(1)}`);
    }
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2" points="${pts.join(' ')}"/>`);
    const p = result.policies.find((q) => q.policy === name);
    const ly = T + 10 + i * 36;
    parts.push(`<line x1="${L + pw + 14}" y1="${ly}" x2="${L + pw + 38}" y2="${ly}" stroke="${color}" stroke-width="3"/>`);
    parts.push(`<text x="${L + pw + 44}" y="${ly + 4}" font-weight="bold">${esc(name)}</text>`);
    if (p) parts.push(`<text x="${L + pw + 44}" y="${ly + 19}" fill="#444">mean ${((p.meanWaitSec ?? 0) / 60).toFixed(1)} min, over ${p.overTargetPct ?? 0} %</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}
