import { describe, expect, it } from 'vitest';
import { KINDS } from '../kinds/index.ts';
import { detectHeaderRow } from './detect-header-row.ts';
import { combineHeaderRows, fillGroupRow } from './combine-header-rows.ts';

const table = (text: string): string[][] =>
  text
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((c) => c.trim()));

describe('detectHeaderRow', () => {
  it('finds a plain header on the first row', () => {
    const rows = table(`
      Start time | Creator | Views | GMV
      2026-11-01 20:00 | Glow Lab | 1200 | 350000`);
    expect(detectHeaderRow(rows, KINDS.livestreams)).toEqual({
      headerRow: 1,
      headerRowCount: 1,
      headers: ['Start time', 'Creator', 'Views', 'GMV'],
    });
  });

  it('skips title, note and blank rows above the header', () => {
    const rows = table(`
      LIVE data 2026-11-01 ~ 2026-11-07 | | |
      Data is for reference only | | |
      | | |
      Start time | Duration | Views | Attributed GMV
      2026-11-01 20:00 | 1h 2m 3s | 1200 | 350000
      2026-11-02 20:00 | 45m | 800 | 120000`);
    const found = detectHeaderRow(rows, KINDS.livestreams);
    expect(found.headerRow).toBe(4);
    expect(found.headers).toEqual(['Start time', 'Duration', 'Views', 'Attributed GMV']);
  });

  it('is not fooled by a title that a merged cell spread over the whole row', () => {
    const rows = table(`
      Seller report | Seller report | Seller report
      Seller ID | Shop name | City
      S-001 | Glow Lab | Jakarta`);
    expect(detectHeaderRow(rows, KINDS.sellers).headerRow).toBe(2);
  });

  it('chooses the specific row under a group row', () => {
    const rows = table(`
      Start time | Traffic | | Interaction |
      | Views | Viewers | Likes | Comments
      2026-11-01 20:00 | 1200 | 800 | 5000 | 120`);
    expect(detectHeaderRow(rows, KINDS.livestreams)).toEqual({
      headerRow: 2,
      headerRowCount: 2,
      headers: ['Start time', 'Views', 'Viewers', 'Likes', 'Comments'],
    });
  });

  it('joins group and name when only the join tells the columns apart', () => {
    const rows = table(`
      Date | Shop | LIVE | | Video |
      | | GMV | Orders | GMV | Orders
      2026-11-01 | Glow Lab | 100 | 2 | 50 | 1`);
    expect(detectHeaderRow(rows, KINDS.seller_daily).headers).toEqual([
      'Date',
      'Shop',
      'LIVE GMV',
      'LIVE Orders',
      'Video GMV',
      'Video Orders',
    ]);
  });

  it('falls back to the most header-like row when no name is known', () => {
    const rows = table(`
      Export 2026-11 | |
      Kolom A | Kolom B | Kolom C
      1 | 2 | 3`);
    expect(detectHeaderRow(rows, KINDS.livestreams).headerRow).toBe(2);
  });

  it('takes --header-row as given, still joining a group row above it', () => {
    const rows = table(`
      Notes | |
      Start time | Views | Likes
      2026-11-01 20:00 | 1 | 2`);
    expect(detectHeaderRow(rows, KINDS.livestreams, { headerRow: 2 }).headers).toEqual([
      'Start time',
      'Views',
      'Likes',
    ]);
    expect(detectHeaderRow(rows, KINDS.livestreams, { headerRow: 1 }).headers).toEqual(['Notes', '', '']);
    expect(() => detectHeaderRow(rows, KINDS.livestreams, { headerRow: 9 })).toThrow(/past the end/);
  });

  it('refuses rows with nothing that looks like a header', () => {
    expect(() => detectHeaderRow(table('1 | 2\n3 | 4'), KINDS.livestreams)).toThrow(/no header row found/);
    expect(() => detectHeaderRow([], KINDS.livestreams)).toThrow(/no header row found/);
  });
});

describe('combineHeaderRows', () => {
  it('carries a group label right only over columns named below', () => {
    expect(fillGroupRow(['Start', 'Traffic', '', '', 'X'], ['', 'Views', 'Viewers', '', 'Y'])).toEqual([
      'Start',
      'Traffic',
      'Traffic',
      '',
      'X',
    ]);
  });

  it('keeps a vertically merged name from the upper row', () => {
    expect(combineHeaderRows(['Start time', 'Traffic'], ['', 'Views'], KINDS.livestreams)).toEqual([
      'Start time',
      'Views',
    ]);
  });
});
