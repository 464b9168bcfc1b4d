/**
 * Streams one sheet of a workbook into the staging table (the streaming reader → the stage
 * appender), so a large workbook is never held in memory. Rows keep Excel's row numbers; rows
 * without any value are not written (the stage holds what the sheet holds).
 */
import { UserError } from '../../shared/errors.ts';
import type { ReadLimits } from './read-limits.ts';
import { StageAppender } from './stage-appender.ts';
import type { StageTarget } from './stage-table.ts';
import { openStreamingWorkbook, readingAsUserErrors, sheetInfo, sheetRowBatches } from './xlsx-rows.ts';

export interface StreamSheetInput {
  target: StageTarget;
  file: string;
  label: string;
  sheet: string;
  table: string;
  /** Columns to create up front (the width of the sheet's first rows). */
  width: number;
  limits: ReadLimits;
}

export async function streamSheetIntoStage(
  input: StreamSheetInput,
): Promise<{ rowCount: number; columnCount: number }> {
  const { label, limits } = input;
  const workbook = openStreamingWorkbook(input.file);
  const stage = await StageAppender.create(input.target, input.table, input.width);
  let found = false;
  try {
    for await (const sheet of readingAsUserErrors(workbook.sheets, label)) {
      if (sheetInfo(sheet).name !== input.sheet) continue;
      found = true;
      for await (const rows of sheetRowBatches(sheet, label, limits.maxColumns)) for (const row of rows) {
        const cells = row.cells;
        if (cells.length > limits.maxColumns) {
          throw new UserError(
            `${label}: row ${row.number} of sheet "${input.sheet}" has more than ${limits.maxColumns.toLocaleString('en')} columns`,
            {
              hint: 'remove the extra columns from the sheet',
            },
          );
        }
        if (!cells.some((cell) => cell !== null)) continue;
        const growing = stage.add(row.number, cells);
        if (growing) await growing;
      }
      break;
    }
    if (!found)
      throw new UserError(`${label}: sheet "${input.sheet}" could not be streamed`, {
        hint: 'save the workbook again in Excel',
      });
    await stage.close();
  } catch (error) {
    stage.abandon();
    throw error;
  } finally {
    workbook.close();
  }
  return { rowCount: stage.rowCount, columnCount: stage.columnCount };
}
