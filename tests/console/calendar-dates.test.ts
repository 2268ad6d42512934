// The holidays an administrator pastes from a production calendar: dates in either notation,
// sorted without repeats, and what is not a date listed back as typed (never a crash).
import { describe, expect, it } from 'vitest';
import { parseDates } from '../../operator-console/admin/Calendar';

describe('pasted holidays', () => {
  it('reads 01.01.2027 and 2027-01-07, in any separators, sorted once each', () => {
    expect(parseDates('07.01.2027, 1.1.2027;2027-01-01\n2027-01-02')).toEqual({ dates: ['2027-01-01', '2027-01-02', '2027-01-07'], bad: [] });
  });
  it('lists what is not a calendar day as bad: a 32nd, a month 13, a 29 February of a common year', () => {
    expect(parseDates('32.01.2027 01.13.2027 2027-13-01 29.02.2027 29.02.2028 завтра')).toEqual({
      dates: ['2028-02-29'], bad: ['32.01.2027', '01.13.2027', '2027-13-01', '29.02.2027', 'завтра'],
    });
  });
});
