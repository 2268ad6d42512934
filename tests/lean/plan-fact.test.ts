// The production analysis sheet by states on the injected clock: a scripted day with windows
// opening, a break, a window closing and customers served, read as the day goes on.
import { describe, expect, it } from 'vitest';
import { testHall } from '../helpers/app';
import { at, close, DAY, hallWith, ok, open, pause, resume, serveMany, supervisor } from './day';

const row = (sheet: any, hour: string) => sheet.hours.find((x: any) => x.hour === hour);

describe('production analysis sheet', () => {
  it('plans from open window time at the standard time, counts customers served, and fills as the day goes on', async () => {
    const h = await testHall();
    h.app.ctx.settings.update({ calendar: { week: { '2': { open: '09:00', close: '13:00' } }, holidays: [], days: {} } });
    // 6-minute standard: a window open for a whole hour plans 10 customers
    const { serviceId, windows: [w1, w2] } = await hallWith(h, 2, 360);

    at(h, '09:00'); await open(h, w1);
    await serveMany(h, w1, serviceId, 2, 300); // finished 09:05, 09:10
    at(h, '09:15');
    let sheet = await ok(h, 'GET', `/api/stats/plan-fact?day=${DAY}`);
    expect(sheet.hours.map((x: any) => [x.hour, x.state])).toEqual([['09', 'current'], ['10', 'future'], ['11', 'future'], ['12', 'future']]);
    // a quarter of an hour open: 2.5 planned so far, 2 served → red (below 90 %)
    expect(row(sheet, '09')).toMatchObject({ windows: 0.3, plan: 2.5, fact: 2, cumPlan: 2.5, cumFact: 2, deviation: -0.5, mark: 'red', cumMark: 'red' });
    expect(row(sheet, '10')).toMatchObject({ plan: 0, fact: 0, mark: 'none' });

    at(h, '09:30'); await open(h, w2);
    for (let i = 0; i < 4; i++) { await serveMany(h, w1, serviceId, 1, 240); await serveMany(h, w2, serviceId, 1, 240); }
    // finished 09:34 w1, 09:38 w2, … 09:58 w1, 10:02 w2
    sheet = await ok(h, 'GET', `/api/stats/plan-fact?day=${DAY}`);
    // hour 09: w1 60 min + w2 30 min = 15 planned; 2 + 7 served
    expect(row(sheet, '09')).toMatchObject({ state: 'past', windows: 1.5, plan: 15, fact: 9, cumPlan: 15, cumFact: 9, deviation: -6, mark: 'red' });
    expect(row(sheet, '10')).toMatchObject({ state: 'current', fact: 1 });

    // w1 is on a break 10:30–10:45 (not open time); at 11:00 hour 10 is complete
    at(h, '10:30'); await pause(h, w1);
    at(h, '10:45'); await resume(h, w1);
    await serveMany(h, w1, serviceId, 3, 300); // 10:50, 10:55, 11:00 (11:00:00.000 belongs to hour 11)
    sheet = await ok(h, 'GET', `/api/stats/plan-fact?day=${DAY}`);
    // hour 10: w1 45 min (7.5) + w2 60 min (10) = 17.5; served 1 + 2
    expect(row(sheet, '10')).toMatchObject({ state: 'past', windows: 1.8, plan: 17.5, fact: 3, cumPlan: 32.5, cumFact: 12, deviation: -20.5, mark: 'red' });
    expect(row(sheet, '11')).toMatchObject({ state: 'current', plan: 0, fact: 1 });

    // w2 closes at 11:30: the rest of its hour plans nothing
    at(h, '11:30'); await close(h, w2);
    at(h, '12:00');
    sheet = await ok(h, 'GET', `/api/stats/plan-fact?day=${DAY}`);
    expect(row(sheet, '11')).toMatchObject({ state: 'past', plan: 15, fact: 1, cumPlan: 47.5, cumFact: 13, deviation: -34.5 });
    // one counter's sheet holds its own windows and customers only
    const own = await ok(h, 'GET', `/api/stats/plan-fact?day=${DAY}&counterId=${w2.id}`);
    expect(own.counterId).toBe(w2.id);
    expect(own.hours.map((x: any) => [x.hour, x.plan, x.fact])).toEqual([['09', 5, 3], ['10', 10, 1], ['11', 5, 0], ['12', 0, 0]]);
  });

  it('colours an hour green at or above plan, yellow within 10 % under, red below', async () => {
    const h = await testHall();
    const { serviceId, windows: [w] } = await hallWith(h, 1, 360);
    at(h, '09:00'); await open(h, w);
    await serveMany(h, w, serviceId, 10, 355); // 10 in hour 09 (last at 09:59:10): plan 10 → green
    at(h, '10:00');
    await serveMany(h, w, serviceId, 9, 390); // 9 in hour 10 (last at 10:58:30) → yellow (9 ≥ 0.9 × 10)
    at(h, '11:00');
    await serveMany(h, w, serviceId, 8, 420); // 8 in hour 11 → red
    at(h, '12:00');
    const sheet = await ok(h, 'GET', `/api/stats/plan-fact?day=${DAY}`);
    expect(sheet.hours.filter((x: any) => x.hour < '12').map((x: any) => [x.hour, x.plan, x.fact, x.mark, x.cumMark])).toEqual([
      ['09', 10, 10, 'green', 'green'], ['10', 10, 9, 'yellow', 'yellow'], ['11', 10, 8, 'red', 'yellow'],
    ]);
    expect(row(sheet, '11').deviation).toBe(-3);
  });

  it('takes a note on an hour with a cause from the administration\'s list, and refuses bad ones', async () => {
    const h = await testHall();
    const { windows: [w] } = await hallWith(h, 1, 600);
    at(h, '09:00'); await open(h, w);
    at(h, '10:05');
    const sup = await supervisor(h);
    const note = await h.req('POST', '/api/stats/plan-fact/notes', { day: DAY, hour: '09', reasonId: 'complex_case', text: 'Перерасчёт за три года', measure: 'Вызван инженер' }, sup);
    expect(note.status).toBe(201);
    expect(note.json).toMatchObject({ day: DAY, hour: '09', counterId: null, reasonId: 'complex_case', author: 'sup1' });
    const sheet = await ok(h, 'GET', `/api/stats/plan-fact?day=${DAY}`, undefined, sup);
    expect(row(sheet, '09').notes).toEqual([{ id: note.json.id, reasonId: 'complex_case', text: 'Перерасчёт за три года', measure: 'Вызван инженер', author: 'sup1', at: '2026-03-10T07:05:00.000Z' }]);
    expect(sheet.reasons.map((r: any) => r.id)).toContain('complex_case');
    // a counter's note stays on that counter's sheet
    await ok(h, 'POST', '/api/stats/plan-fact/notes', { day: DAY, hour: '09', counterId: w.id, reasonId: 'window_closed' });
    expect(row(await ok(h, 'GET', `/api/stats/plan-fact?day=${DAY}`), '09').notes).toHaveLength(1);
    expect(row(await ok(h, 'GET', `/api/stats/plan-fact?day=${DAY}&counterId=${w.id}`), '09').notes.map((n: any) => n.reasonId)).toEqual(['window_closed']);

    const bad = async (body: object, status = 400) => {
      const r = await h.req('POST', '/api/stats/plan-fact/notes', body, h.admin);
      expect([r.status, typeof r.json.error, typeof r.json.message], JSON.stringify(body)).toEqual([status, 'string', 'string']);
    };
    await bad({ day: DAY, hour: '09', reasonId: 'no_such_cause' });
    await bad({ day: DAY, hour: '24', reasonId: 'other' });
    await bad({ day: '2026-02-30', hour: '09', reasonId: 'other' });
    await bad({ day: DAY, hour: '09', reasonId: 'other', text: 'x'.repeat(1001) });
    await bad({ day: DAY, hour: '09', reasonId: 'other', extra: 1 });
    await bad({ day: DAY, hour: '09', counterId: 999, reasonId: 'other' }, 404);
    // an operator may not write the sheet, nor read it
    const op = await h.operator();
    expect((await h.req('POST', '/api/stats/plan-fact/notes', { day: DAY, hour: '09', reasonId: 'other' }, op)).status).toBe(403);
    expect((await h.req('GET', `/api/stats/plan-fact?day=${DAY}`, undefined, op)).status).toBe(403);
    expect((await h.req('GET', `/api/stats/plan-fact?day=${DAY}&counterId=abc`)).status).toBe(401);
    expect((await h.req('GET', `/api/stats/plan-fact?day=${DAY}&counterId=abc`, undefined, h.admin)).status).toBe(400);
  });
});
