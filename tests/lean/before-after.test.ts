// The before/after report: its arithmetic (the practice's 1.2 posts and 718.6 thousand roubles
// from the inputs a user enters), a Talon period against a stopwatch baseline over the API,
// satisfaction side by side, and the XLSX read back by a real reader.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { testHall } from '../helpers/app';
import { beforeAfter, type Figures } from '../../server/stats/before-after';
import { at, DAY, hallWith, ok, open, serve } from './day';

const none: Figures = { avgServiceSec: null, avgWaitSec: null, servedPerDay: null, withinTargetPct: null, avgRating: null, satisfiedPct: null };

/** What the practice's report states: service 12 → 9 minutes. */
export const PRACTICE = {
  baseline: { avgServiceSec: 12 * 60, label: 'Хронометраж до внедрения' },
  current: { avgServiceSec: 9 * 60, label: 'После внедрения' },
  customersPerYear: 47_260, // the hall's customers a year
  hoursPerFteYear: 1973, // a 40-hour post, production calendar of 2024 (and 2023)
  costPerFteYear: 600_000, // yearly cost of a post: pay with contributions, roubles
};

describe('before/after arithmetic', () => {
  it('reproduces the practice: 12 → 9 minutes for 47,260 customers a year, 1,973 hours a post, 600,000 roubles a post → 1.2 posts, 718.6 thousand roubles', () => {
    const e = beforeAfter({
      baseline: { ...none, avgServiceSec: 720 }, current: { ...none, avgServiceSec: 540 },
      customersPerYear: PRACTICE.customersPerYear, workingDaysPerYear: 247, hoursPerFteYear: PRACTICE.hoursPerFteYear, costPerFteYear: PRACTICE.costPerFteYear,
    });
    // 47,260 × 3 min = 2,363 hours; / 1,973 = 1.1977 posts; × 600,000 = 718,601 roubles
    expect(e.savedSecPerCustomer).toBe(180);
    expect(e.fteFreed).toBeCloseTo(2363 / 1973, 12);
    expect(e.fteFreed!.toFixed(1)).toBe('1.2');
    expect((e.moneyPerYear! / 1000).toFixed(1)).toBe('718.6');
    expect(e.change.avgServiceSec).toBe(-180);
    expect(e.change.avgServicePct).toBe(-25);
    expect(e.customersPerYearFrom).toBe('input');
  });

  it('derives customers a year from the current served a day, and leaves what is missing as null', () => {
    const e = beforeAfter({
      baseline: { ...none, avgServiceSec: 600, avgWaitSec: 1200, withinTargetPct: 40, satisfiedPct: 60 },
      current: { ...none, avgServiceSec: 480, avgWaitSec: 300, servedPerDay: 200, withinTargetPct: 95, satisfiedPct: 85 },
      workingDaysPerYear: 250, hoursPerFteYear: 2000, costPerFteYear: 500_000,
    });
    expect(e.customersPerYear).toBe(50_000);
    expect(e.customersPerYearFrom).toBe('current');
    expect(e.fteFreed).toBeCloseTo((50_000 * 120) / 3600 / 2000, 12);
    expect(e.moneyPerYear).toBeCloseTo(e.fteFreed! * 500_000, 6);
    expect(e.change).toEqual({ avgServiceSec: -120, avgServicePct: -20, avgWaitSec: -900, avgWaitPct: -75, servedPerDay: null, withinTargetPct: 55, avgRating: null, satisfiedPct: 25 });
  });

  it('a slower current period frees negative time, said as it is', () => {
    const e = beforeAfter({ baseline: { ...none, avgServiceSec: 540 }, current: { ...none, avgServiceSec: 600 }, customersPerYear: 3600, workingDaysPerYear: 247, hoursPerFteYear: 100, costPerFteYear: 1000 });
    expect(e.fteFreed).toBeCloseTo(-0.6, 12);
    expect(e.moneyPerYear).toBeCloseTo(-600, 6);
  });
});

describe('POST /api/stats/before-after', () => {
  it('puts a Talon period beside a stopwatch baseline, with satisfaction, and exports the same figures to XLSX', async () => {
    const h = await testHall();
    const { serviceId, windows: [w] } = await hallWith(h, 1, 600);
    at(h, '09:00'); await open(h, w);
    // three customers: served 8, 9 and 10 minutes (mean 9), each called after 2 minutes
    const ids = [];
    for (const sec of [480, 540, 600]) ids.push(await serve(h, w, serviceId, sec, 120));
    for (const [id, rating] of [[ids[0], 5], [ids[1], 4], [ids[2], 2]]) expect((await h.req('POST', '/api/feedback', { ticketId: id, rating })).status).toBe(201);
    const body = {
      baseline: { avgServiceSec: 720, avgWaitSec: 1500, servedPerDay: 150, withinTargetPct: 45, satisfiedPct: 50, label: 'Хронометраж, февраль' },
      current: { from: `${DAY}T00:00:00+03:00`, to: `${DAY}T23:59:59+03:00` },
      customersPerYear: 47_260, hoursPerFteYear: 1973, costPerFteYear: 600_000,
    };
    const r = await ok(h, 'POST', '/api/stats/before-after', body);
    expect(r.baseline).toMatchObject({ kind: 'manual', label: 'Хронометраж, февраль', avgServiceSec: 720, avgWaitSec: 1500, satisfiedPct: 50, avgRating: null });
    expect(r.current).toMatchObject({ kind: 'period', served: 3, days: 1, avgServiceSec: 540, avgWaitSec: 120, servedPerDay: 3, withinTargetPct: 100, ratings: 3 });
    expect(r.current.avgRating).toBeCloseTo(11 / 3, 12);
    expect(r.current.satisfiedPct).toBeCloseTo(200 / 3, 12);
    expect(r.change).toMatchObject({ avgServiceSec: -180, avgServicePct: -25, avgWaitSec: -1380, servedPerDay: -147, withinTargetPct: 55 });
    expect(r.change.satisfiedPct).toBeCloseTo(200 / 3 - 50, 12);
    expect(r.fteFreed.toFixed(1)).toBe('1.2');
    expect((r.moneyPerYear / 1000).toFixed(1)).toBe('718.6');
    expect(r.inputs).toEqual({ hoursPerFteYear: 1973, costPerFteYear: 600_000, workingDaysPerYear: 247, targetSec: null });

    const res = await h.app.inject({ method: 'POST', url: '/api/stats/before-after.xlsx', payload: body, headers: { authorization: `Bearer ${h.admin}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    const ws = wb.worksheets[0];
    const cells = new Map<string, unknown[]>();
    ws.eachRow((row) => { const v = row.values as unknown[]; if (typeof v[1] === 'string') cells.set(v[1], v.slice(2)); });
    expect(cells.get('Среднее время обслуживания, мин · Average service, min')).toEqual([12, 9, -3]);
    expect(cells.get('Высвобождено ставок · Posts freed')![0]).toBeCloseTo(r.fteFreed, 9);
    expect(cells.get('Экономия в год, тыс. руб. · Saved a year, thousand RUB')![0]).toBeCloseTo(r.moneyPerYear / 1000, 9);
    expect(cells.get('Довольных (4–5), % · Satisfied, %')![1]).toBeCloseTo(200 / 3, 9);
    expect(ws.getRow(4).values).toContain('Хронометраж, февраль');
  });

  it('neutralises a label that a spreadsheet would run as a formula', async () => {
    const h = await testHall();
    const body = { baseline: { avgServiceSec: 720, label: '=HYPERLINK("http://x","y")' }, current: { avgServiceSec: 540, servedPerDay: 10 }, hoursPerFteYear: 1973, costPerFteYear: 1 };
    const res = await h.app.inject({ method: 'POST', url: '/api/stats/before-after.xlsx', payload: body, headers: { authorization: `Bearer ${h.admin}` } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as any);
    expect(wb.worksheets[0].getRow(4).values).toContain('\'=HYPERLINK("http://x","y")');
  });

  it('refuses what cannot be computed with a clear 4xx', async () => {
    const h = await testHall();
    const post = (body: unknown) => h.req('POST', '/api/stats/before-after', body, h.admin);
    const base = { baseline: { avgServiceSec: 720 }, current: { avgServiceSec: 540 }, hoursPerFteYear: 1973, costPerFteYear: 600_000 };
    const cases: [unknown, number][] = [
      [base, 400], // no customers a year and nothing to derive them from
      [{ ...base, customersPerYear: -1 }, 400],
      [{ ...base, customersPerYear: 1000, hoursPerFteYear: 0 }, 400],
      [{ ...base, customersPerYear: 1000, baseline: { avgServiceSec: 0 } }, 400],
      [{ ...base, customersPerYear: 1000, baseline: { from: '2026-03-10T00:00:00Z', to: '2026-03-01T00:00:00Z' } }, 400],
      [{ ...base, customersPerYear: 1000, baseline: { from: '2020-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' } }, 400],
      [{ ...base, customersPerYear: 1000, baseline: { avgServiceSec: 720, from: '2026-03-01T00:00:00Z' } }, 400],
      [{ ...base, customersPerYear: 1000, extra: true }, 400],
      ['{"baseline":', 400],
    ];
    for (const [body, status] of cases) {
      const r = await post(body);
      expect([r.status, typeof r.json?.error, typeof r.json?.message], JSON.stringify(body)).toEqual([status, 'string', 'string']);
    }
    expect((await post({ ...base, customersPerYear: 1000 })).status).toBe(200);
    expect((await h.req('POST', '/api/stats/before-after', { ...base, customersPerYear: 1000 }, await h.operator())).status).toBe(403);
  });
});
