// The supervisor screens' pure parts: the named periods in the hall's zone (across a DST
// change and a year's end), the number search's reading of what was typed, the report's
// address, and the one formatting of figures.
import { describe, expect, it } from 'vitest';
import { lang } from '../../ui/i18n';
import { count, dur, pct } from '../../operator-console/figures/format';
import { parseTicketQuery } from '../../operator-console/figures/search';
import { periodDays, resolvePeriod } from '../../operator-console/reports/period';
import { readState, stateUrl } from '../../operator-console/reports/query';

const at = (iso: string) => Date.parse(iso);

describe('report periods in the hall zone', () => {
  const tz = 'Europe/Moscow';
  // Wednesday 2026-03-04 00:30 in Moscow is still Tuesday 3 March in UTC
  const now = at('2026-03-03T21:30:00Z');

  it('names the days of the hall, not of UTC', () => {
    const today = resolvePeriod({}, now, tz);
    expect(today).toMatchObject({ preset: 'today', fromDay: '2026-03-04', toDay: '2026-03-04', from: '2026-03-03T21:00:00.000Z', to: '2026-03-04T21:00:00.000Z' });
    expect(resolvePeriod({ period: 'yesterday' }, now, tz)).toMatchObject({ fromDay: '2026-03-03', toDay: '2026-03-03' });
  });

  it('weeks run Monday to Sunday, months from the 1st to their last day, across a year', () => {
    expect(resolvePeriod({ period: 'this_week' }, now, tz)).toMatchObject({ fromDay: '2026-03-02', toDay: '2026-03-08' });
    expect(resolvePeriod({ period: 'last_week' }, now, tz)).toMatchObject({ fromDay: '2026-02-23', toDay: '2026-03-01' });
    expect(resolvePeriod({ period: 'this_month' }, now, tz)).toMatchObject({ fromDay: '2026-03-01', toDay: '2026-03-31' });
    expect(resolvePeriod({ period: 'last_month' }, now, tz)).toMatchObject({ fromDay: '2026-02-01', toDay: '2026-02-28' });
    const jan = at('2027-01-10T09:00:00Z');
    expect(resolvePeriod({ period: 'last_month' }, jan, tz)).toMatchObject({ fromDay: '2026-12-01', toDay: '2026-12-31' });
    // a Sunday belongs to the week that began on the Monday before it
    expect(resolvePeriod({ period: 'this_week' }, at('2026-03-08T12:00:00Z'), tz)).toMatchObject({ fromDay: '2026-03-02', toDay: '2026-03-08' });
  });

  it('a custom range is inclusive, put in order, and an unreadable one falls back to today', () => {
    const p = resolvePeriod({ period: 'custom', from: '2026-02-10', to: '2026-02-01' }, now, tz);
    expect(p).toMatchObject({ preset: 'custom', fromDay: '2026-02-01', toDay: '2026-02-10', from: '2026-01-31T21:00:00.000Z', to: '2026-02-10T21:00:00.000Z' });
    expect(periodDays(p)).toBe(10);
    expect(resolvePeriod({ period: 'custom', from: '2026-02-30' }, now, tz).preset).toBe('today');
    expect(resolvePeriod({ period: 'custom', from: '2026-13-01' }, now, tz).preset).toBe('today'); // no month 13: no RangeError either
    expect(resolvePeriod({ period: 'custom', from: '2026-02-10', to: '2026-02-31' }, now, tz)).toMatchObject({ fromDay: '2026-02-10', toDay: '2026-02-10' });
    expect(resolvePeriod({ period: 'nonsense' }, now, tz).preset).toBe('today');
  });

  it('a day with a daylight-saving change is 23 hours long, midnight to midnight', () => {
    const berlin = resolvePeriod({ period: 'custom', from: '2026-03-29', to: '2026-03-29' }, now, 'Europe/Berlin');
    expect([berlin.from, berlin.to]).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });
});

describe('the number search', () => {
  const today = '2026-03-14';
  it('reads a number alone as today, a word or a date as that day', () => {
    expect(parseTicketQuery('А015', today)).toEqual({ number: 'А015', day: today });
    expect(parseTicketQuery('  а15  вчера ', today)).toEqual({ number: 'А015', day: '2026-03-13' });
    expect(parseTicketQuery('П7 12.03', today)).toEqual({ number: 'П007', day: '2026-03-12' });
    expect(parseTicketQuery('П7 12.03.25', today)).toEqual({ number: 'П007', day: '2025-03-12' });
    expect(parseTicketQuery('2026-01-31 Д120', today)).toEqual({ number: 'Д120', day: '2026-01-31' });
    expect(parseTicketQuery('А1000 today', today)).toEqual({ number: 'А1000', day: today });
  });
  it('a date without a year that is still to come is last year\'s', () => {
    expect(parseTicketQuery('А1 20.12', today)).toEqual({ number: 'А001', day: '2025-12-20' });
  });
  it('no number, two numbers or an impossible date are no query', () => {
    expect(parseTicketQuery('вчера', today)).toBeNull();
    expect(parseTicketQuery('А1 А2', today)).toBeNull();
    expect(parseTicketQuery('А1 31.02', today)).toBeNull();
    expect(parseTicketQuery('', today)).toBeNull();
  });
});

describe('a report\'s address', () => {
  it('keeps what is not at its default and reads it back', () => {
    const s = readState({ period: 'custom', from: '2026-03-01', to: '2026-03-31', by: 'hour', serviceId: '3', targetSec: '600' });
    expect(s).toMatchObject({ period: 'custom', by: 'hour', serviceId: 3, targetSec: 600 });
    const url = stateUrl(s);
    expect(url).toBe('/console/reports?period=custom&from=2026-03-01&to=2026-03-31&by=hour&serviceId=3&targetSec=600');
    expect(readState(Object.fromEntries(new URL(url, 'http://x').searchParams))).toEqual(s);
    expect(stateUrl(readState({}))).toBe('/console/reports');
  });
  it('drops what it cannot read: an unknown grouping, a bad id, an absurd target', () => {
    expect(readState({ by: 'moon', serviceId: '-1', counterId: '1e3', userId: 'x', targetSec: '99999999' }))
      .toMatchObject({ by: 'service', serviceId: undefined, counterId: undefined, userId: undefined, targetSec: undefined });
  });
});

describe('figures as text', () => {
  it('durations keep every second; percentages one decimal; dashes for no figure', () => {
    lang.value = 'ru';
    expect([dur(0), dur(59), dur(75), dur(3725), dur(null)]).toEqual(['0:00', '0:59', '1:15', '1:02:05', '—']);
    expect([pct(87.53), pct(100), pct(0), pct(null)]).toEqual(['87,5 %', '100 %', '0 %', '—']);
    expect(count(12345).replace(/\s/g, ' ')).toBe('12 345');
    lang.value = 'en';
    expect([pct(87.53), count(12345)]).toEqual(['87.5%', '12,345']);
    lang.value = 'ru';
  });
});
