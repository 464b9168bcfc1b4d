import { describe, expect, it } from 'vitest';
import { DEFAULT_BREAKDOWN_SORT, nextSort, sortBreakdown } from './breakdown-sort';
import type { BreakdownRow } from './overview-api';

function row(
  name: string,
  gmv: number | null,
  gmvChange: number | null,
  orders: number | null,
): BreakdownRow {
  return {
    subcategory: name.toLowerCase(),
    name,
    values: { gmv, orders },
    comparison: {},
    changeRatio: { gmv: gmvChange },
  };
}

const rows = [
  row('Kitchen', 500, 0.1, 20),
  row('Bath', 900, -0.2, null),
  row('Decor', null, null, 5),
  row('Storage', 100, 0.4, 30),
];
const names = (sorted: BreakdownRow[]) => sorted.map((r) => r.name);

describe('sortBreakdown', () => {
  it('sorts by a metric both ways with missing values last', () => {
    expect(names(sortBreakdown(rows, DEFAULT_BREAKDOWN_SORT))).toEqual([
      'Bath',
      'Kitchen',
      'Storage',
      'Decor',
    ]);
    expect(names(sortBreakdown(rows, { key: 'gmv', direction: 'asc' }))).toEqual([
      'Storage',
      'Kitchen',
      'Bath',
      'Decor',
    ]);
    expect(names(sortBreakdown(rows, { key: 'orders', direction: 'asc' }))).toEqual([
      'Decor',
      'Kitchen',
      'Storage',
      'Bath',
    ]);
  });

  it('sorts by the GMV change and by name, without touching the input', () => {
    expect(names(sortBreakdown(rows, { key: 'gmv_change', direction: 'desc' }))).toEqual([
      'Storage',
      'Kitchen',
      'Bath',
      'Decor',
    ]);
    expect(names(sortBreakdown(rows, { key: 'name', direction: 'asc' }))).toEqual([
      'Bath',
      'Decor',
      'Kitchen',
      'Storage',
    ]);
    expect(names(rows)).toEqual(['Kitchen', 'Bath', 'Decor', 'Storage']);
  });
});

describe('nextSort', () => {
  it('flips the same column and starts a new one high to low (names A–Z)', () => {
    expect(nextSort(DEFAULT_BREAKDOWN_SORT, 'gmv')).toEqual({ key: 'gmv', direction: 'asc' });
    expect(nextSort(DEFAULT_BREAKDOWN_SORT, 'orders')).toEqual({ key: 'orders', direction: 'desc' });
    expect(nextSort(DEFAULT_BREAKDOWN_SORT, 'name')).toEqual({ key: 'name', direction: 'asc' });
  });
});
