import { describe, expect, it } from 'vitest';
import { addDays, hallDayEnd, hallHours, isCalendarDay, isoWeekday, nextDay, zonedEpoch, type HallCalendar } from '../../server/engine';

const iso = (ms: number) => new Date(ms).toISOString();

describe('hall calendar', () => {
  const cal: HallCalendar = {
    week: { '1': { open: '08:00', close: '17:00' }, '5': { open: '08:00', close: '16:00' }, '6': null },
    holidays: ['2026-03-09'],
    days: { '2026-03-07': { open: '09:00', close: '14:00' } },
  };

  it('names ISO weekdays and the next day across a month end', () => {
    expect(isoWeekday('2026-03-09')).toBe('1');
    expect(isoWeekday('2026-03-08')).toBe('7');
    expect(nextDay('2026-02-28')).toBe('2026-03-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  it('tells a real calendar day from text that only looks like one', () => {
    for (const d of ['2026-03-10', '2024-02-29', '2026-12-31']) expect(isCalendarDay(d), d).toBe(true);
    for (const d of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-3-10', ' 2026-03-10', '', null, 20260310]) expect(isCalendarDay(d), String(d)).toBe(false);
  });

  it('takes a listed day first, then holidays, then the weekday; no hours at all is undefined', () => {
    expect(hallHours('2026-03-07', cal)).toEqual({ open: '09:00', close: '14:00' }); // a working Saturday
    expect(hallHours('2026-03-14', cal)).toBeNull(); // an ordinary Saturday: closed
    expect(hallHours('2026-03-09', cal)).toBeNull(); // a Monday, but a holiday
    expect(hallHours('2026-03-16', cal)).toEqual({ open: '08:00', close: '17:00' });
    expect(hallHours('2026-03-17', cal)).toBeNull(); // Tuesday is not listed: closed
    expect(hallHours('2026-03-17', { week: {}, holidays: [], days: {} })).toBeUndefined();
  });

  it('turns wall-clock times into instants in the hall zone, across daylight-saving changes', () => {
    expect(iso(zonedEpoch('2026-03-10', '17:00', 'Europe/Moscow'))).toBe('2026-03-10T14:00:00.000Z');
    expect(iso(zonedEpoch('2026-03-29', '12:00', 'Europe/Berlin'))).toBe('2026-03-29T10:00:00.000Z'); // summer time
    expect(iso(zonedEpoch('2026-03-28', '12:00', 'Europe/Berlin'))).toBe('2026-03-28T11:00:00.000Z');
    // 02:30 does not exist in Berlin on 2026-03-29: taken after the change (03:30 summer time)
    expect(iso(zonedEpoch('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 2026-10-25: the first one (summer time)
    expect(iso(zonedEpoch('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('ends the hall day at its closing time, or at the next local midnight without hours', () => {
    expect(iso(hallDayEnd('2026-03-16', cal, 'Europe/Moscow'))).toBe('2026-03-16T14:00:00.000Z');
    expect(iso(hallDayEnd('2026-03-20', cal, 'Europe/Moscow'))).toBe('2026-03-20T13:00:00.000Z'); // Friday, 16:00
    expect(iso(hallDayEnd('2026-03-14', cal, 'Europe/Moscow'))).toBe('2026-03-14T21:00:00.000Z'); // closed: midnight
    const none = { week: {}, holidays: [], days: {} };
    // the day before Berlin's change to summer time ends at its midnight, an hour of 23 later
    expect(iso(hallDayEnd('2026-03-28', none, 'Europe/Berlin'))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(hallDayEnd('2026-03-29', none, 'Europe/Berlin'))).toBe('2026-03-29T22:00:00.000Z');
  });
});
