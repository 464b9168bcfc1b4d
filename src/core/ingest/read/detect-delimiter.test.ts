import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './detect-delimiter.ts';

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n4,5,6\n', ','],
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('is not fooled by decimal commas in a semicolon file', () => {
    expect(detectDelimiter('Datum;Seller;GMV\n2026-11-01;S1;1.234,50\n2026-11-02;S2;99,00\n')).toBe(';');
  });

  it('ignores delimiters inside quotes and title lines without any', () => {
    expect(detectDelimiter('LIVE data 2026-11-01 ~ 2026-11-07\n"a;b";c;d\n"x;y";1;2\n')).toBe(';');
    expect(detectDelimiter('"Name, full",Views\n"Glow, Lab",12\n')).toBe(',');
  });

  it('counts a last line only when it is the whole text, and defaults to a comma', () => {
    expect(detectDelimiter('a;b;c')).toBe(';');
    expect(detectDelimiter('single column\nvalue\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});
