import { describe, expect, it } from 'vitest';
import { describeMissing, kindHasSeller, loadBlock, needsReview, rowsToLoad, SELLER_MISSING, sellerColumn } from './import-choices';
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

describe('the seller for every row', () => {
  const upload = { uploadId: 'u-1', file: 'live.csv', size: 10 };
  const start = draftReducer(null, { type: 'uploaded', upload, kind: 'livestreams' });

  it('is sent trimmed, and dropped when cleared or when the kind has no seller', () => {
    const typed = draftReducer(start, { type: 'seller', seller: '  Toko Satu ' });
    expect(typed?.request).toEqual({ uploadId: 'u-1', kind: 'livestreams', seller: 'Toko Satu' });
    expect(draftReducer(typed, { type: 'seller', seller: '  ' })?.request).toEqual({ uploadId: 'u-1', kind: 'livestreams' });
    expect(draftReducer(typed, { type: 'kind', kind: 'orders' })?.request.seller).toBe('Toko Satu');
    expect(draftReducer(typed, { type: 'kind', kind: 'livestream_minutes' })?.request).toEqual({ uploadId: 'u-1', kind: 'livestream_minutes' });
  });

  it('knows which kinds have a seller and which column already names it', () => {
    expect(kindHasSeller('orders')).toBe(true);
    expect(kindHasSeller('livestream_minutes')).toBe(false);
    const column = (header: string, field: string | null): ColumnMatch => ({ column: 0, header, field, confidence: 1, how: 'exact', samples: [] });
    expect(sellerColumn(preview({ columns: [column('Views', 'views')] }))).toBeNull();
    expect(sellerColumn(preview({ columns: [column('Views', 'views'), column('Shop Name', 'seller_name')] }))).toBe('Shop Name');
    expect(preview({ missingRequired: [SELLER_MISSING] }).missingRequired).toEqual(['seller_id or seller_name']);
  });
});
