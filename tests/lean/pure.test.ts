// The lean figures' pure parts at their edges: hour buckets across daylight saving, window time
// by hour from the counter log (breaks, a window left open overnight), the sheet's marks and
// hours, the rating rules.
import { describe, expect, it } from 'vitest';
import { zonedEpoch } from '../../server/engine';
import { dayHours } from '../../server/stats/hours';
import { openSecByBucket } from '../../server/stats/open-time';
import { markOf, sheetHours, counterNormSec } from '../../server/stats/plan-fact';
import { refusal, ratingFigures } from '../../server/stats/feedback';
import { etaFigures } from '../../server/stats/eta-accuracy';

const t = (hhmm: string, day = '2026-03-10', tz = 'Europe/Moscow') => zonedEpoch(day, hhmm, tz);
const midnightAfter = (at: number) => { const d = new Date(at + 3 * 3_600_000).toISOString().slice(0, 10); return zonedEpoch(d, '00:00', 'Europe/Moscow') + 86_400_000; };

describe('lean pure figures', () => {
  it('buckets a day in hours, a 23-hour daylight-saving day with its skipped hour empty', () => {
    const moscow = dayHours('2026-03-10', 'Europe/Moscow');
    expect(moscow).toHaveLength(24);
    expect(new Date(moscow[9].start).toISOString()).toBe('2026-03-10T06:00:00.000Z');
    expect(moscow[9].end).toBe(moscow[10].start);
    const berlin = dayHours('2026-03-29', 'Europe/Berlin'); // 02:00 → 03:00
    expect(berlin.map((h) => (h.end - h.start) / 3_600_000)).toEqual([1, 1, 0, ...Array(21).fill(1)]);
    expect(berlin[23].end - berlin[0].start).toBe(23 * 3_600_000);
    const autumn = dayHours('2026-10-25', 'Europe/Berlin'); // 03:00 → 02:00: hour 02 twice
    expect(autumn[23].end - autumn[0].start).toBe(25 * 3_600_000);
  });

  it('counts window time by hour: breaks are not open, a window left open overnight stops at midnight, nothing after now', () => {
    const hours = dayHours('2026-03-10', 'Europe/Moscow');
    const events = [
      { counterId: 7, userId: 1, action: 'open', at: t('08:00', '2026-03-09') }, // yesterday, never closed
      { counterId: 1, userId: 2, action: 'open', at: t('09:15') },
      { counterId: 1, userId: 2, action: 'break', at: t('10:30') },
      { counterId: 1, userId: 2, action: 'resume', at: t('10:50') },
      { counterId: 1, userId: 2, action: 'close', at: t('12:00') },
    ];
    const [open] = openSecByBucket([hours], events, t('11:30'), midnightAfter);
    const at = (h: number, c: number) => open[h].get(c) ?? 0;
    expect([at(9, 1), at(10, 1), at(11, 1), at(12, 1)]).toEqual([45 * 60, 40 * 60, 30 * 60, 0]);
    expect(hours.some((_, h) => at(h, 7) > 0)).toBe(false);
  });

  it('marks green at or above plan, yellow within 10 % under, red below; lists the hall\'s hours and the active ones', () => {
    expect([markOf(10, 10), markOf(9, 10), markOf(8.9, 10), markOf(0, 0), markOf(2, 0)]).toEqual(['green', 'yellow', 'red', 'none', 'green']);
    const hours = dayHours('2026-03-10', 'Europe/Moscow');
    expect(sheetHours(hours, { open: '08:30', close: '17:30' }, () => false).map((h) => h.hour)).toEqual(['08', '09', '10', '11', '12', '13', '14', '15', '16', '17']);
    // an hour of work after the hall's hours widens the sheet
    expect(sheetHours(hours, { open: '09:00', close: '12:00' }, (h) => h.hour === '13').map((h) => h.hour)).toEqual(['09', '10', '11', '12', '13']);
    expect(sheetHours(hours, undefined, () => false)).toEqual([]);
    expect(counterNormSec([{ priority: 1, normSec: 600 }, { priority: 1, normSec: 300 }, { priority: 2, normSec: 1200 }])).toBe(450);
  });

  it('rates a done visit once within 30 minutes; figures of ratings and of estimates', () => {
    const end = t('10:00');
    expect(refusal({ status: 'done', finishedAt: end }, false, end + 30 * 60_000)).toBeNull();
    expect(refusal({ status: 'done', finishedAt: end }, false, end + 30 * 60_000 + 1)).toMatch(/30 minutes/);
    expect(refusal({ status: 'done', finishedAt: end }, true, end)).toMatch(/already/);
    expect(refusal({ status: 'no_show', finishedAt: end }, false, end)).toMatch(/finished/);
    expect(ratingFigures([5, 4, 3, 1])).toEqual({ count: 4, avgRating: 3.25, satisfiedPct: 50 });
    expect(ratingFigures([])).toEqual({ count: 0, avgRating: null, satisfiedPct: null });
    expect(etaFigures([{ etaSec: 600, waitSec: 300 }, { etaSec: 0, waitSec: 302 }])).toEqual({ tickets: 2, meanWaitSec: 301, meanPromisedSec: 300, maeSec: 301, biasSec: -1, within5MinPct: 50 });
  });
});
