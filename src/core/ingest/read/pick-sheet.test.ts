import { describe, expect, it } from 'vitest';
import { KINDS } from '../kinds/index.ts';
import { pickSheet } from './pick-sheet.ts';
import type { SheetHead } from './xlsx-head.ts';

const sheet = (name: string, rows: string[][], visible = true): SheetHead => ({ name, visible, rows });
const summary = sheet('Summary', [
  ['Period', '2026-11'],
  ['Attributed GMV', '61250000'],
]);
const data = sheet('LIVE list', [
  ['Title'],
  ['Start time', 'Creator', 'Views', 'GMV'],
  ['2026-11-01 20:00', 'Glow Lab', '1', '2'],
]);

describe('pickSheet', () => {
  it('picks the sheet whose header fits the kind best', () => {
    expect(pickSheet([summary, data], KINDS.livestreams, 'x.xlsx').name).toBe('LIVE list');
  });

  it('takes the only sheet with data, and prefers visible sheets', () => {
    expect(pickSheet([sheet('Empty', []), summary], KINDS.livestreams, 'x.xlsx').name).toBe('Summary');
    expect(pickSheet([{ ...data, visible: false }, summary], KINDS.livestreams, 'x.xlsx').name).toBe(
      'Summary',
    );
  });

  it('takes --sheet by exact or case-insensitive name, and lists the sheets when it is wrong', () => {
    expect(pickSheet([summary, data], KINDS.livestreams, 'x.xlsx', 'Summary').name).toBe('Summary');
    expect(pickSheet([summary, data], KINDS.livestreams, 'x.xlsx', ' live LIST ').name).toBe('LIVE list');
    expect(() => pickSheet([summary, data], KINDS.livestreams, 'x.xlsx', 'Data')).toThrow(
      /x\.xlsx has no sheet "Data"/,
    );
  });

  it('refuses a workbook without data', () => {
    expect(() => pickSheet([sheet('Sheet1', [])], KINDS.livestreams, 'x.xlsx')).toThrow(
      /no data in any sheet/,
    );
  });
});
