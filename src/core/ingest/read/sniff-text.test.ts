import { describe, expect, it } from 'vitest';
import { createStreamDecoder } from './decode-text.ts';
import { detectEncoding, sniffText } from './sniff-text.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('detectEncoding', () => {
  it('reads byte-order marks', () => {
    expect(detectEncoding(bytes(0xef, 0xbb, 0xbf, 0x61))).toBe('utf-8');
    expect(detectEncoding(bytes(0xff, 0xfe, 0x61, 0))).toBe('utf-16le');
    expect(detectEncoding(bytes(0xfe, 0xff, 0, 0x61))).toBe('utf-16be');
  });

  it('recognises UTF-16 without a mark, UTF-8 and Windows-1252', () => {
    expect(detectEncoding(Buffer.from('a,b\n1,2\n', 'utf16le'))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('a,b\n1,2\n', 'utf16le').swap16())).toBe('utf-16be');
    expect(detectEncoding(Buffer.from('店铺,销售额\n', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(bytes(0x43, 0x61, 0x66, 0xe9, 0x0a))).toBe('windows-1252');
  });

  it('tells GB18030 Chinese from Windows-1252 Western text by its pairs of high bytes', () => {
    // 店铺,销售额 in GB18030.
    expect(detectEncoding(bytes(0xb5, 0xea, 0xc6, 0xcc, 0x2c, 0xcf, 0xfa, 0xca, 0xdb, 0xb6, 0xee, 0x0a))).toBe('gb18030');
    // Café, Müller, Señora: single high bytes between letters.
    expect(detectEncoding(Buffer.from('Caf\xe9,M\xfcller,Se\xf1ora,na\xefve\n', 'latin1'))).toBe('windows-1252');
    expect(createStreamDecoder('gb18030').decode(bytes(0xb5, 0xea, 0xc6, 0xcc), true)).toBe('店铺');
  });

  it('accepts a UTF-8 character cut at the end of the head', () => {
    expect(detectEncoding(Buffer.from('a,店', 'utf8').subarray(0, 4))).toBe('utf-8');
  });
});

describe('sniffText', () => {
  it('refuses workbooks, legacy .xls, archives and binary data, naming the file', () => {
    expect(() => sniffText(bytes(0x50, 0x4b, 3, 4, 0), 'x.csv')).toThrow(/x\.csv is an Excel workbook/);
    expect(() => sniffText(bytes(0xd0, 0xcf, 0x11, 0xe0), 'x.csv')).toThrow(/legacy Excel/);
    expect(() => sniffText(bytes(0x1f, 0x8b, 8), 'x.csv')).toThrow(/compressed/);
    expect(() => sniffText(bytes(0x61, 0x2c, 0, 0x62, 0x0a, 0x63, 0x64, 0x65), 'x.csv')).toThrow(
      /binary data/,
    );
    expect(() =>
      sniffText(
        Uint8Array.from({ length: 200 }, (_, i) => (i * 7) % 32),
        'x.csv',
      ),
    ).toThrow(/binary data/);
  });

  it('decodes the head of a text file', () => {
    expect(sniffText(Buffer.from('\ufeffa;b\n'), 'x.csv')).toEqual({ encoding: 'utf-8', text: 'a;b\n' });
    expect(sniffText(Buffer.concat([bytes(0xff, 0xfe), Buffer.from('a,b\n', 'utf16le')]), 'x.csv').text).toBe(
      'a,b\n',
    );
  });
});

describe('createStreamDecoder', () => {
  it('maps the Windows-1252 bytes 0x80–0x9F to their characters', () => {
    expect(createStreamDecoder('windows-1252').decode(bytes(0x80, 0x93, 0x41, 0x94, 0xe9))).toBe('€“A”é');
  });

  it('decodes UTF-8 strictly across chunk boundaries', () => {
    const decoder = createStreamDecoder('utf-8');
    const text = Buffer.from('店', 'utf8');
    expect(decoder.decode(text.subarray(0, 2)) + decoder.decode(text.subarray(2), true)).toBe('店');
    expect(() => createStreamDecoder('utf-8').decode(bytes(0x61, 0xe9, 0x61), true)).toThrow(TypeError);
  });
});
