// Reports in real Chromium against the real server on a hall with a past (npm run
// demo:history): the period and grouping live in the address (the back button walks back), every
// cell is the API's figure, the XLSX and CSV downloaded from the screen read back as the JSON,
// a row drills down to a narrower report, to its tickets and to a ticket's history, the number
// search finds an older ticket, and the page prints on A4 with its period and grouping.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { count, dur, pct } from '../../operator-console/figures/format';
import { launchBrowser } from '../helpers/browser';
import { makeOperator, openConsole, type Hall } from '../console/hall';
import { TABLET, layoutProblems, startHistoryHall } from './hall';

let h: Hall;
let browser: Browser;
let sup: Awaited<ReturnType<typeof makeOperator>>;

beforeAll(async () => {
  h = await startHistoryHall(60, 80); // covers last month whatever today is
  browser = await launchBrowser();
  sup = await makeOperator(h, 'supervisor');
});
afterAll(async () => {
  await browser?.close();
  await h?.server.stop();
});

const api = async (path: string) => {
  const r = await h.server.call('GET', path, undefined, sup.token);
  if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.json)}`);
  return r.json;
};
const address = (page: Page) => { const u = new URL(page.url()); return u.pathname + u.search; };
/** The query the shown report was asked with (the view keeps it on its root). */
const shownQuery = async (page: Page) => (await page.getAttribute('[data-testid=report]', 'data-key'))!;
/** Waits for the table of a report asked with `by` (and, when given, a query containing `part`). */
async function tableOf(page: Page, by: string, part = '') {
  await page.waitForFunction(([b, p]) => {
    const view = document.querySelector('[data-testid=report]');
    return view?.getAttribute('data-key')?.includes(p) && document.querySelector(`[data-testid=report-table][data-by="${b}"]`)
      && view.getAttribute('data-key')!.includes(`by=${b}`);
  }, [by, part] as const);
}

const NUMERIC = ['issued', 'called', 'served', 'noShow', 'expired', 'transferred', 'avgWaitSec', 'medianWaitSec', 'p90WaitSec', 'maxWaitSec',
  'withinTargetPct', 'avgServiceSec', 'medianServiceSec', 'p90ServiceSec', 'openSec', 'breakSec', 'servingSec', 'utilisationPct'] as const;
const SHOWN: Record<string, (v: number | null) => string> = {
  issued: count, called: count, served: count, noShow: count, expired: count, transferred: count, withinTargetPct: pct, utilisationPct: pct,
};
const text = (k: string, v: number | null) => (SHOWN[k] ?? dur)(v);

/** RFC 4180, enough for our files: quoted fields with "" inside, CRLF lines. */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field.replace(/\r$/, '')); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

describe('reports', () => {
  it('keep the period and grouping in the address: choosing changes it, the back button returns', async () => {
    const page = await openConsole(browser, h, sup, TABLET, '/console/reports', '[data-testid=report-table]');
    expect(address(page)).toBe('/console/reports');
    await tableOf(page, 'service');
    expect(await page.textContent('[data-testid=report-title]')).toContain('Сегодня');
    await page.click('a[data-period=last_month]');
    await tableOf(page, 'service');
    expect(address(page)).toBe('/console/reports?period=last_month');
    expect(await page.textContent('[data-testid=report-title]')).toMatch(/^Отчёт по услугам · Прошлый месяц: /);
    await page.click('a[data-by=hour]');
    await tableOf(page, 'hour');
    expect(address(page)).toBe('/console/reports?period=last_month&by=hour');
    expect(await page.locator('[data-testid=report-table] tbody th').first().textContent()).toMatch(/^\d\d:00–\d\d:00$/);
    await page.goBack();
    await tableOf(page, 'service');
    expect(address(page)).toBe('/console/reports?period=last_month');
    await page.goBack();
    await tableOf(page, 'service');
    expect(address(page)).toBe('/console/reports');
    // a custom range, and a bookmark of it opened afresh
    await page.fill('input[name=from]', '2026-11-02');
    await page.fill('input[name=to]', '2026-11-08');
    await page.click('.custom button[type=submit]');
    await tableOf(page, 'service', 'from=2026-11-01T21');
    expect(address(page)).toBe('/console/reports?period=custom&from=2026-11-02&to=2026-11-08');
    await page.goto(h.server.base + '/console/reports?period=custom&from=2026-11-02&to=2026-11-08&by=weekday');
    await tableOf(page, 'weekday', 'to=2026-11-08T21');
    expect(await page.textContent('[data-testid=report-title]')).toContain('02.11.2026 – ');
    await page.context().close();
  });

  it('shows in every cell the API\'s figure for the same query, in every grouping', async () => {
    const page = await openConsole(browser, h, sup, TABLET, '/console/reports?period=last_month&by=operator', '[data-testid=report-table]');
    for (const by of ['operator', 'counter', 'service', 'day', 'weekday', 'none']) {
      if (by !== 'operator') await page.click(`a[data-by=${by}]`);
      await tableOf(page, by);
      const json = await api(`/api/stats/report?${await shownQuery(page)}`);
      if (by !== 'none') expect(json.rows.length).toBeGreaterThan(0);
      const shown = await page.locator('[data-testid=report-table] tbody tr, [data-testid=report-table] tfoot tr').evaluateAll((rows) =>
        rows.map((r) => [r.getAttribute('data-key'), Object.fromEntries([...r.querySelectorAll('td[data-col]')].map((td) => [td.getAttribute('data-col'), td.textContent]))]));
      const want = [...json.rows, json.total].map((r: Record<string, number | null>, i: number) => [
        i === json.rows.length ? 'total' : String(r.key),
        Object.fromEntries(NUMERIC.filter((k) => k in r).map((k) => [k, text(k, r[k])])),
      ]);
      expect(shown, by).toEqual(want);
    }
    await page.context().close();
  });

  it('downloads the view as XLSX and CSV that read back as the JSON', async () => {
    const page = await openConsole(browser, h, sup, TABLET, '/console/reports?period=last_month&by=operator', '[data-testid=report-table]');
    await tableOf(page, 'operator');
    const q = await shownQuery(page);
    const json = await api(`/api/stats/report?${q}`);
    const rows = [...json.rows, json.total];
    const columns = NUMERIC.filter((k) => k in json.total);
    expect(columns).toHaveLength(18);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=xlsx]')]);
    expect(xlsx.suggestedFilename()).toMatch(/^report-operator-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Отчёт')!;
    expect(sheet.rowCount).toBe(rows.length + 1);
    rows.forEach((r, i) => {
      const cells = sheet.getRow(i + 2);
      expect(cells.getCell(2).value).toBe(r.label);
      expect(columns.map((_, j) => cells.getCell(j + 3).value ?? null), r.label).toEqual(columns.map((k) => r[k] ?? null));
    });

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=csv]')]);
    expect(csv.suggestedFilename()).toMatch(/^report-operator-.*\.csv$/);
    const lines = parseCsv(readFileSync((await csv.path())!, 'utf8').replace(/^\uFEFF/, '')).filter((l) => l.length > 1);
    expect(lines[0].slice(0, 3)).toEqual(['Ключ', 'Группа', 'Выдано']);
    expect(lines.slice(1).map((l) => [l[1], ...columns.map((_, j) => (l[j + 2] === '' ? null : Number(l[j + 2])))]))
      .toEqual(rows.map((r) => [r.label, ...columns.map((k) => r[k] ?? null)]));

    // the English screen downloads English files
    await page.click('header button:has-text("EN")');
    await page.waitForSelector('a[data-by=operator]:has-text("by operator")');
    const [en] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=csv]')]);
    expect(readFileSync((await en.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n')[0].split(',').slice(0, 3)).toEqual(['Key', 'Group', 'Issued']);
    await page.click('header button:has-text("RU")');
    await page.context().close();
  });

  it('drills down from a row to a narrower report, to its tickets and to a ticket\'s history', async () => {
    const page = await openConsole(browser, h, sup, TABLET, '/console/reports?period=last_month', '[data-testid=report-table]');
    await tableOf(page, 'service');
    const json = await api(`/api/stats/report?${await shownQuery(page)}`);
    const row = json.rows[0];
    const tr = page.locator(`[data-testid=report-table] tbody tr[data-key="${row.key}"]`);
    await tr.locator('summary').click();
    await tr.locator('a[data-drill=drillHours]').click();
    await tableOf(page, 'hour', `serviceId=${row.key}`);
    expect(address(page)).toBe(`/console/reports?period=last_month&by=hour&serviceId=${row.key}`);
    expect(await page.textContent('[data-filter=serviceId]')).toContain(row.label);
    // the hours of one service add up to its row
    const hours = await api(`/api/stats/report?${await shownQuery(page)}`);
    expect(hours.total.issued).toBe(row.issued);
    await page.goBack();
    await tableOf(page, 'service');

    await tr.locator('summary').click();
    await tr.locator('a[data-drill=drillTickets]').click();
    await page.waitForSelector('[data-testid=ticket-list] tbody tr');
    expect(address(page)).toBe(`/console/reports/tickets?period=last_month&serviceId=${row.key}`);
    expect(await page.textContent('[data-testid=ticket-list] p.hint')).toContain(`из ${count(row.issued)}`);
    const first = page.locator('[data-testid=ticket-list] tbody tr').first();
    const id = await first.getAttribute('data-ticket');
    await first.locator('a').click();
    await page.waitForSelector(`[data-testid=history][data-ticket="${id}"]`);
    const events = await api(`/api/stats/tickets/${id}/events`);
    expect(await page.locator('[data-testid=history] tbody tr').count()).toBe(events.length);
    expect(await page.locator('[data-testid=history] tbody tr').first().getAttribute('data-action')).toBe('issue');
    await page.click('[data-testid=history] .back');
    await page.waitForSelector('[data-testid=ticket-list] tbody tr');
    expect(address(page)).toBe(`/console/reports/tickets?period=last_month&serviceId=${row.key}`);
    await page.context().close();
  });

  it('finds an older ticket by its number and day from the header', async () => {
    const page = await openConsole(browser, h, sup, TABLET, '/console/reports?period=last_month', '[data-testid=report-table]');
    const q = await shownQuery(page);
    const list = await api(`/api/stats/report/tickets?${q.replace(/&?by=[^&]*/, '')}&limit=5&offset=40`);
    const t = list.tickets[0];
    // the hall day in Moscow; the search box takes it as DD.MM.YYYY
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date(t.issuedAt));
    const [y, m, d] = day.split('-');
    await page.fill('#ticket-search', `${t.number} ${d}.${m}.${y}`);
    await page.press('#ticket-search', 'Enter');
    await page.waitForSelector(`[data-testid=history][data-ticket="${t.id}"]`);
    expect(address(page)).toBe(`/console/reports/ticket/${t.id}`);
    expect(await page.textContent('[data-testid=history] h1')).toBe(`История талона ${t.number}`);
    await page.context().close();
  });

  it('explains every figure a tap away, and prints on A4 with the period and grouping and without the controls', async () => {
    const page = await openConsole(browser, h, sup, TABLET, '/console/reports?period=last_month&by=day', '[data-testid=report-table]');
    await tableOf(page, 'day');
    await page.click('[data-testid=glossary-open]');
    await page.waitForSelector('[data-testid=glossary][open]');
    expect(await page.textContent('[data-testid=glossary]')).toContain('Ожидание — от выдачи талона до первого вызова');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=glossary]', { state: 'detached' });

    await page.waitForSelector('[data-chart=arrivals] canvas');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 1047, height: 740 }); // A4 landscape less 10 mm margins, in CSS pixels
    for (const hidden of ['header.top', '.controls', '#ticket-search']) expect(await page.isVisible(hidden), hidden).toBe(false);
    const title = await page.textContent('[data-testid=report-title]');
    expect(title).toMatch(/^Отчёт по дням · Прошлый месяц: \S+, \d\d\.\d\d\.\d{4} – \S+, \d\d\.\d\d\.\d{4}$/);
    expect(await page.isVisible('.report-head .print-only')).toBe(true);
    expect(await layoutProblems(page)).toEqual([]);
    const pdf = await PDFDocument.load(await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true }));
    const size = pdf.getPage(0).getSize();
    expect([Math.round(size.width), Math.round(size.height)]).toEqual([842, 595]);
    expect(pdf.getPageCount()).toBeLessThanOrEqual(3);
    await page.context().close();
  });
});
