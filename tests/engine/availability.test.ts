// Service availability by states: the hall calendar (hours by weekday, holidays, shortened days),
// the service's own weekday hours, in the hall's zone.
import { describe, expect, it } from 'vitest';
import { closedReason, openHoursOn, type HallCalendar } from '../../server/engine';

const tz = 'Europe/Moscow';
// 2026-03-10 is a Tuesday; Moscow is UTC+3 all year.
const at = (day: string, local: string) => Date.parse(`${day}T${local}:00+03:00`);
const open = { active: true, openFrom: null, openTo: null, dailyLimit: null };
const cal: HallCalendar = {
  week: { 1: { open: '08:00', close: '17:00' }, 2: { open: '08:00', close: '17:00' }, 3: { open: '08:00', close: '17:00' }, 4: { open: '08:00', close: '17:00' }, 5: { open: '08:00', close: '16:00' }, 6: null },
  holidays: ['2026-03-09', '2026-05-01'],
  days: { '2026-03-06': { open: '08:00', close: '15:00' } },
};

describe('the hall calendar at the kiosk', () => {
  it('is open within the weekday\'s hours and hall_closed outside them', () => {
    expect(closedReason(open, 0, at('2026-03-10', '08:00'), tz, cal)).toBeNull();
    expect(closedReason(open, 0, at('2026-03-10', '07:59'), tz, cal)).toBe('hall_closed');
    expect(closedReason(open, 0, at('2026-03-10', '17:00'), tz, cal)).toBe('hall_closed');
    expect(closedReason(open, 0, at('2026-03-13', '16:30'), tz, cal)).toBe('hall_closed'); // Friday closes at 16:00
  });
  it('a holiday closes the whole day; a closed or unlisted weekday too', () => {
    expect(closedReason(open, 0, at('2026-03-09', '10:00'), tz, cal)).toBe('holiday');
    expect(closedReason(open, 0, at('2026-05-01', '10:00'), tz, cal)).toBe('holiday');
    expect(closedReason(open, 0, at('2026-03-14', '10:00'), tz, cal)).toBe('hall_closed'); // Saturday: null
    expect(closedReason(open, 0, at('2026-03-15', '10:00'), tz, cal)).toBe('hall_closed'); // Sunday: not listed
  });
  it('a shortened day closes at its own time', () => {
    expect(closedReason(open, 0, at('2026-03-06', '14:59'), tz, cal)).toBeNull();
    expect(closedReason(open, 0, at('2026-03-06', '15:00'), tz, cal)).toBe('hall_closed');
    expect(openHoursOn(open, '2026-03-06', cal)).toEqual({ open: '08:00', close: '15:00' });
  });
  it('without a calendar the hall is open all day', () => {
    expect(closedReason(open, 0, at('2026-03-15', '03:00'), tz)).toBeNull();
    expect(openHoursOn(open, '2026-03-15')).toBeUndefined();
  });
});

describe('a service\'s own hours by weekday', () => {
  const s = { ...open, hours: { 2: ['10:00', '12:00'] as [string, string], 3: null } };
  it('opens within its weekday span, inside the hall\'s hours', () => {
    expect(closedReason(s, 0, at('2026-03-10', '09:59'), tz, cal)).toBe('hours');
    expect(closedReason(s, 0, at('2026-03-10', '10:00'), tz, cal)).toBeNull();
    expect(closedReason(s, 0, at('2026-03-10', '12:00'), tz, cal)).toBe('hours');
    expect(closedReason(s, 0, at('2026-03-11', '11:00'), tz, cal)).toBe('hours'); // Wednesday: null
    expect(closedReason(s, 0, at('2026-03-12', '11:00'), tz, cal)).toBe('hours'); // Thursday: not listed
    expect(openHoursOn(s, '2026-03-10', cal)).toEqual({ open: '10:00', close: '12:00' });
  });
  it('weekday hours replace the every-day span; the hall\'s hours still bound both', () => {
    const both = { ...s, openFrom: '07:00', openTo: '20:00' };
    expect(closedReason(both, 0, at('2026-03-10', '13:00'), tz, cal)).toBe('hours');
    const daily = { ...open, openFrom: '07:00', openTo: '20:00' };
    expect(openHoursOn(daily, '2026-03-10', cal)).toEqual({ open: '08:00', close: '17:00' });
    expect(closedReason(daily, 0, at('2026-03-10', '07:30'), tz, cal)).toBe('hall_closed');
    expect(openHoursOn({ ...open, openFrom: '17:30', openTo: '19:00' }, '2026-03-10', cal)).toBeNull();
  });
  it('a daily limit still closes it once reached', () => {
    expect(closedReason({ ...open, dailyLimit: 2 }, 2, at('2026-03-10', '10:00'), tz, cal)).toBe('limit');
  });
});
