import { describe, expect, it } from 'vitest';
import { CsvScanner } from './scan-csv.ts';

const limits = { maxColumns: 10, maxRecordChars: 1000 };
function shapeOf(text: string, chunk = text.length) {
  const scanner = new CsvScanner(',', limits, 'x.csv');
  for (let i = 0; i < text.length; i += chunk) scanner.feed(text.slice(i, i + chunk));
  return scanner.finish();
}

describe('CsvScanner', () => {
  it('counts records and the widest one', () => {
    expect(shapeOf('a,b\n1,2,3\n4\n')).toEqual({ records: 3, maxFields: 3, blankRuns: [] });
    expect(shapeOf('a,b')).toEqual({ records: 1, maxFields: 2, blankRuns: [] });
  });

  it('treats quoted delimiters, newlines and doubled quotes as content', () => {
    expect(shapeOf('a,b\n"x,\ny ""z""",2\n5" screen,3\n')).toEqual({
      records: 3,
      maxFields: 2,
      blankRuns: [],
    });
  });

  it('records where blank lines are, with CRLF, CR and leading blanks, in any chunking', () => {
    const text = '\r\nh1,h2\r\n\r\n1,2\r\n\r\n\r\n3,4\r5,6\n';
    const expected = {
      records: 4,
      maxFields: 2,
      blankRuns: [
        { afterRecords: 0, blankLinesSoFar: 1 },
        { afterRecords: 1, blankLinesSoFar: 2 },
        { afterRecords: 2, blankLinesSoFar: 4 },
      ],
    };
    expect(shapeOf(text)).toEqual(expected);
    expect(shapeOf(text, 1)).toEqual(expected);
  });

  it('keeps lines of spaces or bare delimiters as rows, as DuckDB does', () => {
    expect(shapeOf('a,b\n   \n,\n').records).toBe(3);
  });

  it('refuses an unclosed quote, NUL bytes, too many columns and too long rows, naming the row', () => {
    expect(() => shapeOf('a,b\n\n1,"abc\n2,3\n')).toThrow(/row 3 opens a quote/);
    expect(() => shapeOf('a,b\n1\u0000,2\n')).toThrow(/row 2 contains a NUL byte/);
    expect(() => shapeOf(`a\n${'x,'.repeat(12)}\n`)).toThrow(/row 2 has more than 10 columns/);
    expect(() => shapeOf(`a\n"${'x'.repeat(2000)}"\n`)).toThrow(/row 2 is longer than 1,000 characters/);
  });
});
