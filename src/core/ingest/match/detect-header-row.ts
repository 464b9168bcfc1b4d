/**
 * Finds the header row among the first rows of a sheet: exports put titles ("LIVE data
 * 2026-11-01 ~ 2026-11-07"), notes ("Data is for reference only") and blank rows above it, and
 * sometimes a group row above the names. Each row is scored by how many of the kind's fields its
 * cells name (weighted by match confidence, without fuzzy guesses) plus how much it looks like a
 * header (distinct, non-numeric text); a group row is joined in when that scores better. Ties go
 * to the earlier row, so a header beats the data rows below it. `--header-row N` fixes the row; a
 * group row above it is still joined in when that helps.
 */
import { UserError } from '../../shared/errors.ts';
import type { KindDef } from '../kinds/types.ts';
import { combineHeaderRows } from './combine-header-rows.ts';
import { autoCandidate } from './match-columns.ts';

export interface HeaderDetection {
  /** 1-based number of the (last) header row; data starts on the next row. */
  headerRow: number;
  /** 2 when a group row above was joined in. */
  headerRowCount: 1 | 2;
  /** One header per column, padded to the widest row given. */
  headers: string[];
}

export interface DetectHeaderOptions {
  /** `--header-row N` (1-based). */
  headerRow?: number;
}

// Plain numbers, amounts, percentages, magnitudes and dates are values, not header names.
const VALUE_LIKE =
  /^(?:[-+(]?\s*(?:rp|rm|\$|€|¥|฿|₫|£)?\s*[\d.,\s]+\s*(?:%|k|m|万|亿)?\)?|\d{1,4}[-/.年]\d{1,2}[-/.月]\d{1,4}.*)$/i;

function headerLikeness(cells: readonly string[]): number {
  const texts = new Set(cells.map((c) => c.trim()).filter((c) => c && !VALUE_LIKE.test(c)));
  const filled = cells.filter((c) => c.trim()).length;
  return filled === 0 ? 0 : texts.size * (texts.size / filled);
}

/** Σ confidence of the fields the cells name (each field once); no fuzzy guesses, which keeps it cheap. */
function fieldScore(headers: readonly string[], kind: KindDef): number {
  const best = new Map<string, number>();
  headers.forEach((header, column) => {
    const candidate = autoCandidate(column, header, kind, false);
    if (candidate) best.set(candidate.field, Math.max(best.get(candidate.field) ?? 0, candidate.confidence));
  });
  return [...best.values()].reduce((sum, confidence) => sum + confidence, 0);
}

interface Candidate extends HeaderDetection {
  score: number;
}

function score(headers: string[], kind: KindDef): number {
  return 10 * fieldScore(headers, kind) + headerLikeness(headers);
}

function candidatesAt(
  rows: readonly (readonly string[])[],
  index: number,
  kind: KindDef,
  width: number,
): Candidate[] {
  const pad = (cells: readonly string[]): string[] =>
    Array.from({ length: width }, (_, i) => (cells[i] ?? '').trim());
  const own = pad(rows[index] ?? []);
  const single: Candidate = {
    headerRow: index + 1,
    headerRowCount: 1,
    headers: own,
    score: score(own, kind),
  };
  const above = index > 0 ? pad(rows[index - 1] ?? []) : [];
  if (!above.some(Boolean) || !own.some(Boolean)) return [single];
  const joined = combineHeaderRows(above, own, kind);
  return [single, { headerRow: index + 1, headerRowCount: 2, headers: joined, score: score(joined, kind) }];
}

function best(candidates: readonly Candidate[]): Candidate | undefined {
  // Strictly greater: on a tie the earlier row (and the single row before the pair) wins.
  return candidates.reduce<Candidate | undefined>(
    (top, c) => (!top || c.score > top.score ? c : top),
    undefined,
  );
}

export function detectHeaderRow(
  rows: readonly (readonly string[])[],
  kind: KindDef,
  options: DetectHeaderOptions = {},
): HeaderDetection {
  const width = Math.max(0, ...rows.map((r) => r.length));
  let found: Candidate | undefined;
  if (options.headerRow !== undefined) {
    const index = options.headerRow - 1;
    if (
      !Number.isInteger(options.headerRow) ||
      index < 0 ||
      index >= rows.length ||
      !(rows[index] ?? []).some((c) => c.trim())
    ) {
      throw new UserError(
        `--header-row ${options.headerRow}: that row is ${index >= rows.length ? 'past the end of the rows read' : 'empty'}`,
        {
          hint: `give the number of a non-empty row (1 to ${rows.length}) as Excel shows it`,
        },
      );
    }
    found = best(candidatesAt(rows, index, kind, width));
  } else {
    found = best(rows.flatMap((_, index) => candidatesAt(rows, index, kind, width)));
  }
  if (!found || found.score <= 0) {
    throw new UserError(`no header row found in the first ${rows.length} rows`, {
      hint: 'check that the file has a row of column names, or give it with --header-row N',
    });
  }
  return { headerRow: found.headerRow, headerRowCount: found.headerRowCount, headers: found.headers };
}
