// The before/after report as an XLSX workbook: the figures side by side, the effect, the
// formula and its inputs, as on the printed page. Text cells go through neutralise().
import ExcelJS from 'exceljs';
import type { BeforeAfterReport, ReportSide } from '../stats/before-after';
import { neutralise } from './cells';

const min = (sec: number | null) => (sec === null ? null : sec / 60);

function sideName(s: ReportSide, fallback: string): string {
  if (s.label) return s.label;
  if (s.kind === 'period') return `${s.from!.slice(0, 10)} — ${s.to!.slice(0, 10)}`;
  return fallback;
}

export async function beforeAfterXlsx(r: BeforeAfterReport, hallName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('До и после');
  const text = (s: string) => neutralise(s);
  ws.columns = [{ width: 46 }, { width: 20 }, { width: 20 }, { width: 18 }];
  ws.addRow([text('Отчёт о тиражировании практики · Before/after report')]).font = { bold: true, size: 14 };
  ws.addRow([text(hallName)]);
  ws.addRow([]);
  const head = ws.addRow([text('Показатель · Figure'), text(sideName(r.baseline, 'До (замер вручную)')), text(sideName(r.current, 'После')), text('Изменение · Change')]);
  head.font = { bold: true };
  const rows: [string, number | null, number | null, number | null, string][] = [
    ['Среднее время обслуживания, мин · Average service, min', min(r.baseline.avgServiceSec), min(r.current.avgServiceSec), min(r.change.avgServiceSec), '0.0'],
    ['Изменение времени обслуживания, % · Change, %', null, null, r.change.avgServicePct, '0.0'],
    ['Среднее ожидание, мин · Average wait, min', min(r.baseline.avgWaitSec), min(r.current.avgWaitSec), min(r.change.avgWaitSec), '0.0'],
    ['Обслужено в день · Customers served a day', r.baseline.servedPerDay, r.current.servedPerDay, r.change.servedPerDay, '0.0'],
    ['Доля в пределах 15 минут, % · Within the norm, %', r.baseline.withinTargetPct, r.current.withinTargetPct, r.change.withinTargetPct, '0.0'],
    ['Средняя оценка (1–5) · Average rating', r.baseline.avgRating, r.current.avgRating, r.change.avgRating, '0.00'],
    ['Довольных (4–5), % · Satisfied, %', r.baseline.satisfiedPct, r.current.satisfiedPct, r.change.satisfiedPct, '0.0'],
  ];
  for (const [label, b, c, d, fmt] of rows) {
    const row = ws.addRow([text(label), b, c, d]);
    for (const i of [2, 3, 4]) row.getCell(i).numFmt = fmt;
  }
  ws.addRow([]);
  ws.addRow([text('Эффект · Effect')]).font = { bold: true };
  const effect: [string, number | null, string][] = [
    ['Клиентов в год · Customers a year', r.customersPerYear, '#,##0'],
    ['Экономия времени на клиента, мин · Time saved per customer, min', min(r.savedSecPerCustomer), '0.00'],
    ['Рабочих часов одной ставки в год · Working hours of a post a year', r.inputs.hoursPerFteYear, '#,##0'],
    ['Годовая стоимость ставки, руб. · Yearly cost of a post, RUB', r.inputs.costPerFteYear, '#,##0'],
    ['Высвобождено ставок · Posts freed', r.fteFreed, '0.0'],
    ['Экономия в год, тыс. руб. · Saved a year, thousand RUB', r.moneyPerYear === null ? null : r.moneyPerYear / 1000, '#,##0.0'],
  ];
  for (const [label, v, fmt] of effect) ws.addRow([text(label), v]).getCell(2).numFmt = fmt;
  ws.addRow([]);
  ws.addRow([text('Ставки = клиентов в год × (время до − время после, ч) / рабочих часов ставки в год')]);
  ws.addRow([text('Экономия = ставки × годовая стоимость ставки')]);
  if (r.customersPerYearFrom === 'current') ws.addRow([text(`Клиентов в год = обслужено в день (после) × ${r.inputs.workingDaysPerYear} рабочих дней`)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
