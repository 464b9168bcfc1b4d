import { describe, expect, it } from 'vitest';
import { describeMissing, loadBlock, needsReview, rowsToLoad } from './import-choices';
import type { ColumnMatch, ImportPreview } from './imports-api';
import { draftReducer, type ImportDraft } from './use-import-draft';

function preview(counts: Partial<ImportPreview>): ImportPreview {
  return {
    kind: 'orders',
    sheet: null,
    sheets: null,
    headerRow: 1,
    headers: [],
    columns: [],
    fields: [
      { name: 'seller_id', label: 'Seller ID', type: 'text', required: false },
      { name: 'seller_name', label: 'Seller name', type: 'text', required: false },
    ],
    missingRequired: [],
    rowsRead: 0,
    rowsSkipped: 0,
    rowsRejected: 0,
    rows: [],
    errors: [],
    ...counts,
  };
}

function match(how: ColumnMatch['how'], confidence: number): ColumnMatch {
  return { column: 0, header: 'x', field: 'amount', confidence, how, samples: [] };
}

describe('rowsToLoad and loadBlock', () => {
  it('counts non-blank rows, minus invalid ones only when they are skipped', () => {
    const counts = preview({ rowsRead: 10, rowsSkipped: 2, rowsRejected: 3 });
    expect(rowsToLoad(counts, false)).toBe(8);
    expect(rowsToLoad(counts, true)).toBe(5);
    expect(loadBlock(counts, false)).toBe('invalid-rows');
    expect(loadBlock(counts, true)).toBeNull();
  });

  it('blocks while a required field has no column, and when nothing would load', () => {
    expect(loadBlock(preview({ missingRequired: ['ordered_at'] }), true)).toBe('missing-fields');
    expect(loadBlock(preview({ rowsRead: 2, rowsRejected: 2 }), true)).toBe('no-rows');
  });
});

describe('needsReview', () => {
  it('marks fuzzy guesses below 0.9 only', () => {
    expect(needsReview(match('fuzzy', 0.72))).toBe(true);
    expect(needsReview(match('fuzzy', 0.9))).toBe(false);
    expect(needsReview(match('synonym', 0.5))).toBe(false);
  });
});

describe('describeMissing', () => {
  it('names a one-of group by its labels', () => {
    expect(describeMissing('seller_id or seller_name', preview({}).fields)).toBe('Seller ID or Seller name');
    expect(describeMissing('unknown_field', preview({}).fields)).toBe('unknown_field');
  });
});

describe('draftReducer', () => {
  const upload = { uploadId: 'u-1', file: 'a.xlsx', size: 10 };
  const start = draftReducer(null, { type: 'uploaded', upload, kind: 'orders' });

  it('keeps column choices across date options, and drops them when the header row changes', () => {
    const mapped = draftReducer(start, { type: 'column', header: 'Waktu', field: 'ordered_at' });
    const dated = draftReducer(mapped, { type: 'dateOrder', dateOrder: 'dmy' });
    expect(dated?.request).toEqual({
      uploadId: 'u-1',
      kind: 'orders',
      map: { Waktu: 'ordered_at' },
      dateOrder: 'dmy',
    });
    const moved = draftReducer(dated, { type: 'headerRow', headerRow: 3 });
    expect(moved?.request).toEqual({ uploadId: 'u-1', kind: 'orders', dateOrder: 'dmy', headerRow: 3 });
  });

  it('a new sheet forgets the header row and the mapping; discard ends the draft', () => {
    const draft: ImportDraft | null = draftReducer(draftReducer(start, { type: 'headerRow', headerRow: 2 }), {
      type: 'column',
      header: 'A',
      field: '',
    });
    expect(draftReducer(draft, { type: 'sheet', sheet: 'Two' })?.request).toEqual({
      uploadId: 'u-1',
      kind: 'orders',
      sheet: 'Two',
    });
    expect(draftReducer(draft, { type: 'discard' })).toBeNull();
  });
});
