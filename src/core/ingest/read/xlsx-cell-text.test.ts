import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellText, isDateFormat, isTimeOnlyFormat, wallClockText } from './xlsx-cell-text.ts';

const wall = (iso: string) => new Date(`${iso}Z`);

describe('cellText', () => {
  it('writes numbers as plain decimals and keeps text as it is', () => {
    expect(cellText(11674555.880000001)).toBe('11674555.88');
    expect(cellText(1e21)).toBe('1000000000000000000000');
    expect(cellText('00123')).toBe('00123');
    expect(cellText(' 7 ')).toBe(' 7 ');
    expect(cellText('')).toBeNull();
    expect(cellText(null)).toBeNull();
    expect(cellText(true)).toBe('TRUE');
  });

  it('writes dates as wall-clock ISO text without an offset', () => {
    expect(cellText(wall('2026-11-01T00:00:00'), 'yyyy-mm-dd')).toBe('2026-11-01');
    expect(cellText(wall('2026-11-01T20:30:05'), 'yyyy-mm-dd hh:mm:ss')).toBe('2026-11-01T20:30:05');
    expect(cellText(wall('2026-11-01T20:30:05.250'))).toBe('2026-11-01T20:30:05.250');
  });

  it('writes time-only cells as a duration from Excel day zero', () => {
    expect(cellText(wall('1899-12-30T01:02:03'), '[h]:mm:ss')).toBe('1:02:03');
    expect(cellText(wall('1899-12-31T12:00:00'), '[h]:mm:ss')).toBe('36:00:00');
    expect(cellText(wall('1899-12-30T00:45:10'), 'mm:ss')).toBe('0:45:10');
  });

  it('reads rich text, hyperlinks, formulas and errors', () => {
    expect(cellText({ richText: [{ text: 'Glow ' }, { text: 'Lab' }] })).toBe('Glow Lab');
    expect(cellText({ text: 'shop page', hyperlink: 'https://example.com' })).toBe('shop page');
    expect(cellText({ formula: 'A1*2', result: 4350000 })).toBe('4350000');
    expect(cellText({ formula: 'A1' })).toBeNull();
    expect(cellText({ sharedFormula: 'A1', result: 'x' })).toBe('x');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText({ formula: '1/0', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
  });

  it('turns a streamed formula result in a date cell (a serial number) into a date', () => {
    expect(cellText({ formula: 'A4+1', result: 46328.854224537 }, 'yyyy-mm-dd hh:mm:ss')).toBe(
      '2026-11-02T20:30:05',
    );
    expect(cellText({ formula: '1/0', result: Number.NaN })).toBe('#ERROR');
  });
});

describe('number formats', () => {
  it('tells dates, times and plain numbers apart', () => {
    expect(isDateFormat('yyyy-mm-dd')).toBe(true);
    expect(isDateFormat('[$-409]d-mmm-yy;@')).toBe(true);
    expect(isDateFormat('0.00%')).toBe(false);
    expect(isDateFormat('"Rp"#,##0')).toBe(false);
    expect(isDateFormat('[Red]#,##0')).toBe(false);
    expect(isTimeOnlyFormat('[h]:mm:ss')).toBe(true);
    expect(isTimeOnlyFormat('hh:mm AM/PM')).toBe(true);
    expect(isTimeOnlyFormat('yyyy-mm-dd hh:mm')).toBe(false);
    expect(isTimeOnlyFormat(undefined)).toBe(false);
  });

  it('pads years and milliseconds', () => {
    expect(wallClockText(wall('0999-01-02T03:04:05.006'))).toBe('0999-01-02T03:04:05.006');
  });
});

describe('wallClockText', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  // Built from the UTC fields one by one: what the fast path through toISOString must equal.
  const fieldByField = (date: Date): string => {
    const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    if (date.getTime() % 86_400_000 === 0) return day;
    const millis = date.getUTCMilliseconds();
    return `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}${millis ? `.${pad(millis, 3)}` : ''}`;
  };

  it('writes any date of years 1000 to 9999 as its UTC fields, down to the millisecond', () => {
    const dates = fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)), noInvalidDate: true });
    const rounded = dates.chain((d) => fc.constantFrom(d, new Date(Math.floor(d.getTime() / 1000) * 1000), new Date(Math.floor(d.getTime() / 86_400_000) * 86_400_000)));
    fc.assert(fc.property(rounded, (date) => wallClockText(date) === fieldByField(date)), { numRuns: 2000 });
  });
});
