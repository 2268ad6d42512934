import { describe, expect, it } from 'vitest';
import { closedReason, formatNumber, hallDay, hallDayStart, hallTime, nextSeq } from '../../server/engine';

describe('ticket numbering', () => {
  it('formats the prefix and a three-digit sequence that grows past 999', () => {
    expect(formatNumber('А', 1)).toBe('А001');
    expect(formatNumber('Ю', 42)).toBe('Ю042');
    expect(formatNumber('П', 1000)).toBe('П1000');
    expect(nextSeq(null)).toBe(1);
    expect(nextSeq(14)).toBe(15);
  });

  it('restarts at the hall\'s local midnight, not at UTC midnight', () => {
    // 20:59 UTC = 23:59 Moscow; 21:00 UTC = 00:00 Moscow the next day.
    const before = Date.parse('2026-03-10T20:59:00Z'), after = Date.parse('2026-03-10T21:00:00Z');
    expect(hallDay(before, 'Europe/Moscow')).toBe('2026-03-10');
    expect(hallDay(after, 'Europe/Moscow')).toBe('2026-03-11');
    expect(hallDay(after, 'UTC')).toBe('2026-03-10');
    expect(hallDay(Date.parse('2026-03-10T15:00:00Z'), 'Asia/Vladivostok')).toBe('2026-03-11');
  });

  it('finds the start of the hall day, across a daylight-saving change too', () => {
    expect(new Date(hallDayStart(Date.parse('2026-03-11T09:30:00Z'), 'Europe/Moscow')).toISOString()).toBe('2026-03-10T21:00:00.000Z');
    // Berlin switches to summer time on 2026-03-29: the day still starts at local midnight (UTC+1).
    expect(new Date(hallDayStart(Date.parse('2026-03-29T15:00:00Z'), 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });

  it('reads the local time for service hours', () => {
    expect(hallTime(Date.parse('2026-03-10T05:05:00Z'), 'Europe/Moscow')).toBe('08:05');
  });
});

describe('service availability', () => {
  const base = { active: true, openFrom: '08:00', openTo: '17:00', dailyLimit: null };
  const at = (utc: string) => Date.parse(`2026-03-10T${utc}:00Z`);
  it('is open within its hours in the hall zone and closed outside', () => {
    expect(closedReason(base, 0, at('05:00'), 'Europe/Moscow')).toBeNull(); // 08:00 local
    expect(closedReason(base, 0, at('04:59'), 'Europe/Moscow')).toBe('hours');
    expect(closedReason(base, 0, at('14:00'), 'Europe/Moscow')).toBe('hours'); // 17:00 local
  });
  it('closes when its daily limit is reached, and when inactive', () => {
    expect(closedReason({ ...base, dailyLimit: 3 }, 2, at('06:00'), 'Europe/Moscow')).toBeNull();
    expect(closedReason({ ...base, dailyLimit: 3 }, 3, at('06:00'), 'Europe/Moscow')).toBe('limit');
    expect(closedReason({ ...base, active: false }, 0, at('06:00'), 'Europe/Moscow')).toBe('inactive');
    expect(closedReason({ ...base, openFrom: null, openTo: null }, 0, at('23:00'), 'Europe/Moscow')).toBeNull();
  });
});
