// A report as a spreadsheet: CSV (UTF-8 with a BOM) and XLSX (exceljs's streaming writer), both
// with one header row in the chosen language, then the rows and the total, in the order of the
// JSON. Numbers stay numbers (typed cells in the XLSX), text goes through cells.ts.
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import type { Report } from '../stats/report';
import type { Row } from '../stats/tally';
import { CSV_BOM, csvLine, neutralise } from './cells';

export type Lang = 'ru' | 'en';

const TICKET_COLUMNS: [keyof Row, string, string][] = [
  ['key', 'Ключ', 'Key'], ['label', 'Группа', 'Group'],
  ['issued', 'Выдано', 'Issued'], ['called', 'Вызвано', 'Called'], ['served', 'Обслужено', 'Served'],
  ['noShow', 'Не пришли', 'No-shows'], ['expired', 'Истекли', 'Expired'], ['transferred', 'Переведены', 'Transferred'],
  ['avgWaitSec', 'Ожидание, сред., с', 'Wait, mean, s'], ['medianWaitSec', 'Ожидание, медиана, с', 'Wait, median, s'],
  ['p90WaitSec', 'Ожидание, 90-й процентиль, с', 'Wait, 90th percentile, s'], ['maxWaitSec', 'Ожидание, макс., с', 'Wait, max, s'],
  ['withinTargetPct', 'В пределах норматива, %', 'Within target, %'],
  ['avgServiceSec', 'Обслуживание, сред., с', 'Service, mean, s'], ['medianServiceSec', 'Обслуживание, медиана, с', 'Service, median, s'],
  ['p90ServiceSec', 'Обслуживание, 90-й процентиль, с', 'Service, 90th percentile, s'],
];
const COUNTER_COLUMNS: [keyof Row, string, string][] = [
  ['openSec', 'Открыто, с', 'Open, s'], ['breakSec', 'Перерывы, с', 'Breaks, s'], ['servingSec', 'Работа с клиентами, с', 'Serving, s'],
  ['utilisationPct', 'Загрузка, %', 'Utilisation, %'],
];

/** The columns of a report: the contract's Row, and counter time for operators and counters. */
function reportColumns(report: Report) {
  return 'openSec' in report.total ? [...TICKET_COLUMNS, ...COUNTER_COLUMNS] : TICKET_COLUMNS;
}

const cellsOf = (row: Row, lang: Lang, columns: ReturnType<typeof reportColumns>) =>
  columns.map(([k]) => (k === 'label' ? (lang === 'en' ? row.labelEn : row.label) : row[k] ?? null));

export function reportCsv(report: Report, lang: Lang): Readable {
  const columns = reportColumns(report);
  // A report is a few hundred rows at most (a day per row over three years): one chunk per row.
  return Readable.from((function* () {
    yield CSV_BOM + csvLine(columns.map(([, ru, en]) => (lang === 'en' ? en : ru)));
    for (const r of [...report.rows, report.total]) yield csvLine(cellsOf(r, lang, columns));
  })());
}

/** What a report's XLSX needs besides its rows: the range, zone, grouping (all in the report). */
export interface ReportMeta { from: string; to: string; tz: string; by: string }

/** Streams the workbook: a sheet with the header and the rows, and one with the parameters
 * (the period, zone, grouping, filters, and what wait and service mean). */
export function reportXlsx(report: Report & ReportMeta, lang: Lang, filters: [string, number][]): Readable {
  const en = lang === 'en';
  const parameters: [string, string | number][] = [
    [en ? 'From' : 'С', report.from], [en ? 'To (not included)' : 'По (не включая)', report.to], [en ? 'Time zone' : 'Часовой пояс', report.tz],
    [en ? 'Grouping' : 'Группировка', report.by], ...filters,
    [en ? 'Wait' : 'Ожидание', en ? 'issue → first call' : 'от выдачи талона до первого вызова'],
    [en ? 'Service' : 'Обслуживание', en ? 'start → finish, finished visits only' : 'от начала до завершения, только завершённые визиты'],
  ];
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Talon';
  const columns = reportColumns(report);
  const sheet = wb.addWorksheet(en ? 'Report' : 'Отчёт', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map(([k]) => ({ key: String(k), width: k === 'label' ? 36 : 14 }));
  const header = sheet.addRow(columns.map(([, ru, enLabel]) => (en ? enLabel : ru)));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'top' };
  header.commit();
  const text = (v: unknown) => (typeof v === 'string' ? neutralise(v) : v);
  for (const r of report.rows) sheet.addRow(cellsOf(r, lang, columns).map(text)).commit();
  const total = sheet.addRow(cellsOf(report.total, lang, columns).map(text));
  total.font = { bold: true };
  total.commit();
  sheet.commit();
  const params = wb.addWorksheet(en ? 'Parameters' : 'Параметры');
  params.columns = [{ width: 28 }, { width: 40 }];
  params.addRow([en ? 'Talon report' : 'Отчёт Talon']).commit();
  for (const [k, v] of parameters) params.addRow([neutralise(k), typeof v === 'string' ? neutralise(v) : v]).commit();
  params.commit();
  wb.commit().catch((err) => out.destroy(err));
  return out;
}
