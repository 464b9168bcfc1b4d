/**
 * The workbook read stage: an .xlsx file → the staging table (see stage-table.ts). The file is
 * checked first (zip, complete, not legacy or encrypted), the first rows of every sheet are read to
 * pick the sheet (`--sheet`, else the best match for the kind), and that sheet is then streamed
 * into the table through a DuckDB appender. The head returned for header detection comes from the
 * first read, where merged cells are filled in. A large workbook is read once instead: its sheets
 * are streamed into tables of their own while their heads are kept (stream-workbook.ts).
 */
import { UserError } from '../../shared/errors.ts';
import type { KindDef } from '../kinds/types.ts';
import { checkInputFile, fileLabel } from './check-input-file.ts';
import { checkWorkbookFile } from './check-workbook-file.ts';
import { pickSheet } from './pick-sheet.ts';
import { headRowCount, readLimits, type ReadLimits } from './read-limits.ts';
import { DEFAULT_STAGE_TABLE, dropStageTable, type StagedFile, type StageTarget } from './stage-table.ts';
import { streamSheetIntoStage } from './stream-sheet.ts';
import { dropSheetStages, keepSheetStage, streamWorkbookIntoStages } from './stream-workbook.ts';
import { readWorkbookHeads } from './xlsx-head.ts';

export interface ReadXlsxOptions {
  /** The kind being imported: decides which sheet fits best. */
  kind: KindDef;
  /** `--sheet NAME` (exact, else case-insensitive). */
  sheet?: string;
  /** `--header-row N`: used when comparing sheets, and the head reaches one row past it. */
  headerRow?: number;
  /** Name of the TEMP table to (re)create; default `stage`. */
  table?: string;
  limits?: Partial<ReadLimits>;
}

export async function readXlsx(
  target: StageTarget,
  file: string,
  options: ReadXlsxOptions,
): Promise<StagedFile> {
  const configured = readLimits(options.limits);
  const limits = { ...configured, headRows: headRowCount(configured, options.headerRow) };
  const table = options.table ?? DEFAULT_STAGE_TABLE;
  const label = fileLabel(file);
  const { size } = await checkInputFile(file, limits.maxBytes);
  await checkWorkbookFile(file, size, label);
  if (size > limits.wholeWorkbookMaxBytes) return readLargeXlsx(target, file, label, table, limits, options);
  const heads = await readWorkbookHeads(file, label, size, limits);
  const chosen = pickSheet(heads, options.kind, label, options.sheet, options.headerRow);
  const headWidth = Math.max(1, ...chosen.rows.map((row) => row.length));
  if (headWidth > limits.maxColumns) {
    throw new UserError(
      `${label}: sheet "${chosen.name}" has more than ${limits.maxColumns.toLocaleString('en')} columns`,
      {
        hint: 'remove the extra columns from the sheet',
      },
    );
  }
  const { rowCount, columnCount } = await streamSheetIntoStage({
    target,
    file,
    label,
    sheet: chosen.name,
    table,
    width: headWidth,
    limits,
  }).catch(async (error: unknown) => {
    // Never leave a half-filled stage behind.
    await dropStageTable(target.executor, table);
    throw error;
  });
  if (rowCount === 0) {
    await dropStageTable(target.executor, table);
    throw new UserError(`${label}: sheet "${chosen.name}" is empty`, {
      hint: 'choose the sheet with the data with --sheet NAME',
    });
  }
  return {
    table,
    columnCount,
    rowCount,
    sheet: chosen.name,
    sheets: heads.map((h) => h.name),
    head: chosen.rows,
  };
}

function checkHeadWidth(label: string, chosen: { name: string; rows: string[][] }, limits: ReadLimits): void {
  const headWidth = Math.max(1, ...chosen.rows.map((row) => row.length));
  if (headWidth > limits.maxColumns) {
    throw new UserError(`${label}: sheet "${chosen.name}" has more than ${limits.maxColumns.toLocaleString('en')} columns`, {
      hint: 'remove the extra columns from the sheet',
    });
  }
}

async function readLargeXlsx(
  target: StageTarget,
  file: string,
  label: string,
  table: string,
  limits: ReadLimits,
  options: ReadXlsxOptions,
): Promise<StagedFile> {
  const sheets = await streamWorkbookIntoStages({
    target,
    file,
    label,
    tablePrefix: table,
    limits,
    ...(options.sheet !== undefined ? { onlySheet: options.sheet } : {}),
  });
  let kept;
  try {
    const chosen = pickSheet(
      sheets.map((sheet) => sheet.head),
      options.kind,
      label,
      options.sheet,
      options.headerRow,
    );
    checkHeadWidth(label, chosen, limits);
    kept = await keepSheetStage(target, sheets, chosen.name, table);
  } catch (error) {
    await dropSheetStages(target, sheets);
    throw error;
  }
  if (!kept?.table || kept.rowCount === 0) {
    await dropStageTable(target.executor, table);
    throw new UserError(`${label}: sheet "${kept?.head.name ?? ''}" is empty`, {
      hint: 'choose the sheet with the data with --sheet NAME',
    });
  }
  return {
    table,
    columnCount: kept.columnCount,
    rowCount: kept.rowCount,
    sheet: kept.head.name,
    sheets: sheets.map((sheet) => sheet.head.name),
    head: kept.head.rows,
  };
}
