// Sorting the subcategory breakdown by any of its columns. Rows without a value sort last in both
// directions: "no data" is not the smallest number.
import type { BreakdownMetric, BreakdownRow } from './overview-api';

/** A metric column, the GMV change column, or the subcategory name. */
export type BreakdownSortKey = BreakdownMetric | 'gmv_change' | 'name';
export type SortDirection = 'asc' | 'desc';

export interface BreakdownSort {
  key: BreakdownSortKey;
  direction: SortDirection;
}

export const DEFAULT_BREAKDOWN_SORT: BreakdownSort = { key: 'gmv', direction: 'desc' };

function sortValue(row: BreakdownRow, key: Exclude<BreakdownSortKey, 'name'>): number | null {
  if (key === 'gmv_change') return row.changeRatio.gmv ?? null;
  return row.values[key] ?? null;
}

export function sortBreakdown(rows: readonly BreakdownRow[], sort: BreakdownSort): BreakdownRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  const { key } = sort;
  if (key === 'name') return [...rows].sort((a, b) => sign * a.name.localeCompare(b.name, 'en'));
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? a.name.localeCompare(b.name, 'en') : x === null ? 1 : -1;
    return x === y ? a.name.localeCompare(b.name, 'en') : sign * (x - y);
  });
}

/** Clicking a column: the same column flips; a new one starts high-to-low (names A–Z). */
export function nextSort(current: BreakdownSort, key: BreakdownSortKey): BreakdownSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: key === 'name' ? 'asc' : 'desc' };
}
