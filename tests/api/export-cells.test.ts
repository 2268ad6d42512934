import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutralise } from '../../server/export/cells';

describe('export cells', () => {
  it('neutralises text a spreadsheet would run as a formula, and nothing else', () => {
    for (const s of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    for (const s of ['Иванов', 'А015', '', "'quoted", 'a=b']) expect(neutralise(s)).toBe(s);
  });

  it('quotes fields with commas, quotes and line breaks; leaves numbers as numbers', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1,2')).toBe(`"'=1+1,2"`);
    expect(csvLine(['x', 1, null])).toBe('x,1,\r\n');
  });
});
