/**
 * Which sheet of a workbook to import: the one named by `--sheet`, else the only sheet with data,
 * else the visible sheet whose header best matches the kind (exports often add a "Summary" or
 * "Notes" sheet in front of the data). Ties go to the earlier sheet.
 */
import { isUserError, UserError } from '../../shared/errors.ts';
import type { KindDef } from '../kinds/types.ts';
import { detectHeaderRow } from '../match/detect-header-row.ts';
import { matchColumns } from '../match/match-columns.ts';
import type { SheetHead } from './xlsx-head.ts';

function hasData(sheet: SheetHead): boolean {
  return sheet.rows.some((row) => row.some(Boolean));
}

/** How well a sheet's header fits the kind: Σ match confidence, plus 5 when nothing required is missing. */
export function sheetScore(sheet: SheetHead, kind: KindDef, headerRow?: number): number {
  try {
    const { headers } = detectHeaderRow(sheet.rows, kind, headerRow === undefined ? {} : { headerRow });
    const matching = matchColumns(headers, kind);
    const confidence = matching.columns.reduce((sum, c) => sum + (c.field ? c.confidence : 0), 0);
    return confidence + (matching.missingRequired.length === 0 ? 5 : 0);
  } catch (error) {
    if (isUserError(error)) return 0;
    throw error;
  }
}

export function pickSheet(
  sheets: readonly SheetHead[],
  kind: KindDef,
  label: string,
  requested?: string,
  headerRow?: number,
): SheetHead {
  const names = sheets.map((s) => s.name).join(', ');
  if (requested !== undefined) {
    const wanted = requested.trim().toLowerCase();
    const found =
      sheets.find((s) => s.name === requested) ?? sheets.find((s) => s.name.trim().toLowerCase() === wanted);
    if (!found)
      throw new UserError(`${label} has no sheet "${requested}"`, { hint: `its sheets are: ${names}` });
    return found;
  }
  const withData = sheets.filter(hasData);
  const visible = withData.filter((s) => s.visible);
  const candidates = visible.length > 0 ? visible : withData;
  const [first] = candidates;
  if (!first)
    throw new UserError(`${label} has no data in any sheet`, {
      hint: 'check that you exported the right file',
    });
  if (candidates.length === 1) return first;
  let best = { sheet: first, score: sheetScore(first, kind, headerRow) };
  for (const sheet of candidates.slice(1)) {
    const score = sheetScore(sheet, kind, headerRow);
    if (score > best.score) best = { sheet, score };
  }
  return best.sheet;
}
