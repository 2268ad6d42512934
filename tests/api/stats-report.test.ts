// The scripted hall day of tests/stats/scripted-day.ts played through the API (issue, call,
// recall, start, finish, no-show, transfer, break, the end of the hall day) on an injected
// clock: every report, CSV and XLSX gives exactly the figures of the pure functions on the
// hand-written states.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport, GROUPINGS, type Grouping } from '../../server/stats/report';
import type { Row } from '../../server/stats/tally';
import { testHall, type TestHall } from '../helpers/app';
import { DAY_FROM, DAY_TO, NOW, TZ, at, counterEvents, maxWaitSec, tickets, visits } from '../stats/scripted-day';

const range = `from=${encodeURIComponent(new Date(DAY_FROM).toISOString())}&to=${encodeURIComponent(new Date(DAY_TO).toISOString())}`;

async function playDay(h: TestHall) {
  const a = await h.service('А', { maxWaitSec: 600 }), b = await h.service('Б', { maxWaitSec: 900 });
  // C10 takes B first; C11 takes A first.
  const c10 = await h.counter([{ serviceId: b, priority: 1 }, { serviceId: a, priority: 2 }], 'Окно 10');
  const c11 = await h.counter([{ serviceId: a, priority: 1 }, { serviceId: b, priority: 2 }], 'Окно 11');
  const op1 = await h.operator('op1'), op2 = await h.operator('op2');
  const step = async (time: string, method: string, url: string, body: unknown, token?: string) => {
    h.clock.now = at(time);
    const r = await h.req(method, url, body, token);
    expect(r.status, `${time} ${url}: ${JSON.stringify(r.json)}`).toBeLessThan(300);
    return r.json;
  };
  const issue = (time: string, serviceId: number) => step(time, 'POST', '/api/tickets', { serviceId });
  const act = (time: string, token: string, counter: number, action: string, body: unknown = {}) => step(time, 'POST', `/api/counters/${counter}/${action}`, body, token);

  await act('08:55:00', op1, c10, 'open');
  const t1 = await issue('09:00:00', a);
  expect((await act('09:02:00', op1, c10, 'next')).ticket.id).toBe(t1.id);
  await act('09:02:30', op1, c10, 'start');
  const t2 = await issue('09:05:00', a);
  expect((await act('09:10:30', op1, c10, 'next', { finishCurrent: true })).ticket.id).toBe(t2.id);
  await act('09:16:30', op1, c10, 'finish'); // start skipped
  const t3 = await issue('09:59:59.999', a);
  const t4 = await issue('10:00:00.000', b);
  expect((await act('10:05:00', op1, c10, 'next')).ticket.id).toBe(t4.id);
  await act('10:06:00', op1, c10, 'recall');
  await act('10:08:00', op1, c10, 'no-show');
  const t5 = await issue('10:10:00', b);
  await act('10:15:00', op2, c11, 'open');
  expect((await act('10:20:00.000', op2, c11, 'next')).ticket.id).toBe(t3.id);
  await act('10:21:00', op2, c11, 'start');
  expect((await act('10:25:00', op1, c10, 'next')).ticket.id).toBe(t5.id);
  await act('10:25:30', op1, c10, 'start');
  await act('10:27:00', op1, c10, 'transfer', { serviceId: a });
  const t6 = await issue('10:30:00', a);
  await act('10:31:00', op2, c11, 'finish');
  expect((await act('10:40:00', op2, c11, 'next')).ticket.id).toBe(t5.id);
  await act('10:41:00', op2, c11, 'start');
  await act('10:50:00', op2, c11, 'finish');
  await act('11:00:00', op1, c10, 'break', { reason: 'lunch' });
  await act('11:45:00', op1, c10, 'resume');
  await act('12:00:00', op2, c11, 'close');
  await act('17:00:00', op1, c10, 'close');
  const t7 = await issue('17:55:00', b);
  const t8 = await issue('18:30:00', a);
  // The hall closes at 18:00 on Tuesdays: 6 and 7 expire at 18:00; 8, issued after it, waits on.
  h.app.ctx.settings.update({ calendar: { week: { 2: { open: '08:00', close: '18:00' } }, holidays: [], days: {} } });
  h.clock.now = NOW;
  expect(h.app.ctx.queue.expireDue()).toBe(2);
  return { a, b, c10, c11, ids: [t1, t2, t3, t4, t5, t6, t7, t8].map((t) => t.id) };
}

const strip = ({ key: _k, label: _l, labelEn: _e, ...figures }: Row) => figures;
const pure = (by: Grouping) => buildReport({ by, from: DAY_FROM, to: DAY_TO, now: NOW, tz: TZ, targetSec: null, maxWaitSec }, { tickets, counterEvents, visits }, (k, id) => ({ label: `${k} ${id}`, labelEn: '' }));

describe('reports over the API', () => {
  it('give every grouping exactly the figures of the pure functions on the same day', async () => {
    const h = await testHall();
    const day = await playDay(h);
    for (const by of GROUPINGS) {
      const r = await h.req('GET', `/api/stats/report?${range}&by=${by}`, undefined, h.admin);
      expect(r.status).toBe(200);
      const want = pure(by);
      expect(r.json.rows.map(strip), by).toEqual(want.rows.map(strip));
      expect(strip(r.json.total), by).toEqual(strip(want.total));
    }
    const bySvc = (await h.req('GET', `/api/stats/report?${range}&by=service`, undefined, h.admin)).json;
    expect(bySvc).toMatchObject({ from: '2026-03-09T21:00:00.000Z', to: '2026-03-10T21:00:00.000Z', by: 'service', tz: TZ });
    expect(bySvc.rows.map((r: Row) => [r.key, r.label])).toEqual([[day.a, 'Service А'], [day.b, 'Service Б']]);
    const byCounter = (await h.req('GET', `/api/stats/report?${range}&by=counter`, undefined, h.admin)).json;
    expect(byCounter.rows.map((r: Row) => [r.key, r.label])).toEqual([[day.c10, 'Окно 10'], [day.c11, 'Окно 11']]);
    const byHour = (await h.req('GET', `/api/stats/report?${range}&by=hour`, undefined, h.admin)).json;
    expect(byHour.rows.map((r: Row) => [r.key, r.issued])).toEqual([['09', 3], ['10', 3], ['17', 1], ['18', 1]]);
    // Filters and an overall target
    const onlyB = (await h.req('GET', `/api/stats/report?${range}&serviceId=${day.b}`, undefined, h.admin)).json.total;
    expect(strip(onlyB)).toEqual(strip(pure('service').rows[1]));
    const c11 = (await h.req('GET', `/api/stats/report?${range}&by=operator&counterId=${day.c11}`, undefined, h.admin)).json;
    expect(c11.rows.map((r: Row) => [r.label, r.issued, r.openSec, r.servingSec])).toEqual([['op2', 2, 6300, 1260]]);
    expect((await h.req('GET', `/api/stats/report?${range}&targetSec=300`, undefined, h.admin)).json.total.withinTargetPct).toBe(42.9);
  });

  it('exports the same rows as CSV and as an XLSX that a real reader gives back as numbers', async () => {
    const h = await testHall();
    await playDay(h);
    const json = (await h.req('GET', `/api/stats/report?${range}&by=operator`, undefined, h.admin)).json;
    const rows: Row[] = [...json.rows, json.total];
    const numeric = ['issued', 'called', 'served', 'noShow', 'expired', 'transferred', 'avgWaitSec', 'medianWaitSec', 'p90WaitSec', 'maxWaitSec',
      'withinTargetPct', 'avgServiceSec', 'medianServiceSec', 'p90ServiceSec', 'openSec', 'breakSec', 'servingSec', 'utilisationPct'] as const;

    const xlsx = await h.app.inject({ method: 'GET', url: `/api/stats/report.xlsx?${range}&by=operator`, headers: { authorization: `Bearer ${h.admin}` } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="report-operator-2026-03-09-2026-03-10.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Отчёт')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Группа');
    expect(sheet.getRow(1).getCell(9).value).toBe('Ожидание, сред., с');
    expect(sheet.rowCount).toBe(rows.length + 1);
    rows.forEach((r, i) => {
      const cells = sheet.getRow(i + 2);
      expect(cells.getCell(2).value).toBe(r.label);
      numeric.forEach((k, j) => {
        const v = cells.getCell(j + 3).value;
        expect(v, `${r.label} ${k}`).toBe(r[k] ?? null);
        if (r[k] !== null) expect(cells.getCell(j + 3).type).toBe(ExcelJS.ValueType.Number);
      });
    });
    expect(sheet.getRow(rows.length + 1).getCell(2).value).toBe('Итого');
    expect(wb.getWorksheet('Параметры')!.getRow(1).getCell(1).value).toBe('Отчёт Talon');

    const csv = await h.app.inject({ method: 'GET', url: `/api/stats/report.csv?${range}&by=operator&lang=en`, headers: { authorization: `Bearer ${h.admin}` } });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0].slice(0, 3)).toEqual(['Key', 'Group', 'Issued']);
    expect(lines.slice(1).map((l) => [l[1], ...numeric.map((_, j) => (l[j + 2] === '' ? null : Number(l[j + 2])))]))
      .toEqual(rows.map((r) => [r.labelEn, ...numeric.map((k) => r[k] ?? null)]));
  });

  it('lets the hall work while a long report runs, and keeps two reports running at once apart', async () => {
    const h = await testHall();
    await playDay(h);
    const q = { from: Date.parse('2024-01-01T00:00:00Z'), to: Date.parse('2026-12-31T00:00:00Z') };
    let turns = 0;
    const tick = () => { turns++; if (turns < 1000) setImmediate(tick); };
    setImmediate(tick);
    const [byService, byOperator] = await Promise.all([
      h.app.ctx.reports.reportInSlices({ ...q, by: 'service' }),
      h.app.ctx.reports.reportInSlices({ ...q, by: 'operator' }),
    ]);
    expect(turns).toBeGreaterThan(100); // three years are 157 slices of a week: the loop turned between them
    expect(byService.rows.map(strip)).toEqual(pure('service').rows.map(strip));
    expect(byOperator.rows.map(strip)).toEqual(pure('operator').rows.map(strip));
  });

  it('keeps labels that look like formulas as text in both files', async () => {
    const h = await testHall();
    const s = await h.service('Ф');
    await h.req('PATCH', `/api/admin/services/${s}`, { name: '=HYPERLINK("http://x","Оплата")' }, h.admin);
    await h.req('POST', '/api/tickets', { serviceId: s });
    const q = 'from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z&by=service';
    const csv = await h.app.inject({ method: 'GET', url: `/api/stats/report.csv?${q}`, headers: { authorization: `Bearer ${h.admin}` } });
    expect(csv.body).toContain(`,"'=HYPERLINK(""http://x"",""Оплата"")",1,`);
    const xlsx = await h.app.inject({ method: 'GET', url: `/api/stats/report.xlsx?${q}`, headers: { authorization: `Bearer ${h.admin}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet(1)!.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("http://x","Оплата")`);
  });
});
