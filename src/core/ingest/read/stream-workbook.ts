/**
 * A large workbook read in one streaming pass: every sheet's first rows are kept as its head (for
 * picking the sheet and finding the header) while its rows go into a staging table of its own. A
 * zip is read front to back, so reading the heads first and the chosen sheet afterwards would parse
 * the file twice; this reads it once. With `--sheet`, only that sheet is staged. The caller keeps
 * the chosen sheet's table and drops the others (`keepSheetStage`).
 */
import { sql } from '../../db/sql.ts';
import { UserError } from '../../shared/errors.ts';
import type { ReadLimits } from './read-limits.ts';
import { StageAppender } from './stage-appender.ts';
import { dropStageTable, trimTrailingBlanks, type StageTarget } from './stage-table.ts';
import { openStreamingWorkbook, readingAsUserErrors, sheetInfo, sheetRowBatches } from './xlsx-rows.ts';
import type { SheetHead } from './xlsx-head.ts';

export interface StagedSheet {
  head: SheetHead;
  /** The sheet's staging table, or null when the sheet had no values (or was not requested). */
  table: string | null;
  rowCount: number;
  columnCount: number;
}

function tooWide(label: string, sheet: string, row: number, maxColumns: number): UserError {
  return new UserError(
    `${label}: row ${row} of sheet "${sheet}" has more than ${maxColumns.toLocaleString('en')} columns`,
    { hint: 'remove the extra columns from the sheet' },
  );
}

export async function streamWorkbookIntoStages(input: {
  target: StageTarget;
  file: string;
  label: string;
  /** Tables are named `<prefix>_sheet<N>`. */
  tablePrefix: string;
  limits: ReadLimits;
  /** Stage only this sheet (exact or case-insensitive name), as `--sheet` asks. */
  onlySheet?: string;
}): Promise<StagedSheet[]> {
  const { target, label, limits } = input;
  const wanted = input.onlySheet?.trim().toLowerCase();
  const workbook = openStreamingWorkbook(input.file);
  const staged: StagedSheet[] = [];
  let open: StageAppender | null = null;
  try {
    for await (const sheet of readingAsUserErrors(workbook.sheets, label)) {
      const info = sheetInfo(sheet);
      const stageIt = wanted === undefined || info.name === input.onlySheet || info.name.trim().toLowerCase() === wanted;
      const table = `${input.tablePrefix}_sheet${staged.length}`;
      const head: (string | null)[][] = [];
      const early: { rowNo: number; cells: (string | null)[] }[] = [];
      let appender: StageAppender | null = null;
      const startAppender = async (): Promise<StageAppender> => {
        const width = Math.max(1, ...early.map((row) => row.cells.length));
        const created = await StageAppender.create(target, table, width);
        open = created;
        for (const row of early) await created.add(row.rowNo, row.cells);
        early.length = 0;
        return created;
      };
      for await (const rows of sheetRowBatches(sheet, label, limits.maxColumns)) for (const row of rows) {
        const cells = row.cells;
        if (cells.length > limits.maxColumns) throw tooWide(label, info.name, row.number, limits.maxColumns);
        if (row.number <= limits.headRows) head[row.number - 1] = cells;
        if (!stageIt || !cells.some((cell) => cell !== null)) continue;
        if (appender) {
          const growing = appender.add(row.number, cells);
          if (growing) await growing;
        } else if (row.number <= limits.headRows) early.push({ rowNo: row.number, cells });
        else {
          early.push({ rowNo: row.number, cells });
          appender = await startAppender();
        }
      }
      if (!appender && early.length > 0) appender = await startAppender();
      if (appender) {
        await appender.close();
        open = null;
      }
      const rows = Array.from({ length: head.length }, (_, i) => trimTrailingBlanks(Array.from(head[i] ?? [], (c) => c ?? '')));
      staged.push({
        head: { ...info, rows },
        table: appender ? table : null,
        rowCount: appender?.rowCount ?? 0,
        columnCount: appender?.columnCount ?? 0,
      });
    }
  } catch (error) {
    (open as StageAppender | null)?.abandon();
    await dropSheetStages(target, staged);
    await dropStageTable(target.executor, `${input.tablePrefix}_sheet${staged.length}`);
    throw error;
  } finally {
    workbook.close();
  }
  return staged;
}

export async function dropSheetStages(target: StageTarget, sheets: readonly StagedSheet[]): Promise<void> {
  for (const sheet of sheets) if (sheet.table) await dropStageTable(target.executor, sheet.table);
}

/** Renames the chosen sheet's table to `table` and drops every other sheet's table. */
export async function keepSheetStage(target: StageTarget, sheets: readonly StagedSheet[], chosen: string, table: string): Promise<StagedSheet | undefined> {
  const kept = sheets.find((sheet) => sheet.head.name === chosen);
  await dropSheetStages(target, sheets.filter((sheet) => sheet !== kept));
  if (kept?.table) {
    await dropStageTable(target.executor, table);
    await target.executor.run(sql`ALTER TABLE ${sql.ident(kept.table)} RENAME TO ${sql.ident(table)}`);
  }
  return kept;
}
