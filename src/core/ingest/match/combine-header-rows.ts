/**
 * Two-row headers: a group row ("Traffic | | | Interaction | |", or "LIVE | | Video |") above the
 * specific names ("Views | Viewers | … | GMV | Orders | GMV"). Merged cells leave the group label in
 * the first cell only; when the reader could not fill the merge (CSV, streamed sheets) the label is
 * carried right over the columns that have a name below. Per column the more specific text wins,
 * unless the joined text is a known header ("LIVE GMV") or the name below repeats in the row
 * ("GMV" under LIVE and under Video), where only the join tells the columns apart.
 */
import type { KindDef } from '../kinds/types.ts';
import { autoCandidate } from './match-columns.ts';

const cell = (row: readonly string[], column: number): string => (row[column] ?? '').trim();

/** Carries group labels right over the empty cells that have a name in the row below. */
export function fillGroupRow(upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  const filled: string[] = [];
  for (let column = 0; column < width; column++) {
    const own = cell(upper, column);
    const left = filled[column - 1] ?? '';
    const carries = !own && left && cell(lower, column) && cell(lower, column - 1);
    filled.push(carries ? left : own);
  }
  return filled;
}

export function combineHeaderRows(
  upper: readonly string[],
  lower: readonly string[],
  kind: KindDef,
): string[] {
  const group = fillGroupRow(upper, lower);
  const names = group.map((_, column) => cell(lower, column));
  const repeated = new Set(names.filter((name, i) => name && names.indexOf(name) !== i));
  return group.map((label, column) => {
    const name = names[column] ?? '';
    if (!name) return label;
    if (!label || label === name) return name;
    const joined = `${label} ${name}`;
    const known = autoCandidate(column, joined, kind);
    if ((known && known.how !== 'fuzzy') || repeated.has(name)) return joined;
    return name;
  });
}
