/**
 * The read stage's entry point: picks the reader by the file's extension (.csv, .tsv, .txt →
 * CSV; .xlsx, .xlsm → workbook) and refuses other formats with a message that says what to do.
 * Each reader then checks that the content is what the name says.
 */
import path from 'node:path';
import { UserError } from '../../shared/errors.ts';
import type { KindDef } from '../kinds/types.ts';
import type { Delimiter } from './detect-delimiter.ts';
import { readCsv } from './read-csv.ts';
import type { ReadLimits } from './read-limits.ts';
import { readXlsx } from './read-xlsx.ts';
import type { StagedFile, StageTarget } from './stage-table.ts';

export type ImportFileFormat = 'csv' | 'xlsx';

export interface ReadImportFileOptions {
  kind: KindDef;
  sheet?: string;
  headerRow?: number;
  table?: string;
  /** CSV only: skip delimiter detection. */
  delimiter?: Delimiter;
  limits?: Partial<ReadLimits>;
}

export function importFileFormat(file: string): ImportFileFormat {
  const extension = path.extname(file).toLowerCase();
  if (['.csv', '.tsv', '.txt'].includes(extension)) return 'csv';
  if (['.xlsx', '.xlsm'].includes(extension)) return 'xlsx';
  if (extension === '.xls') {
    throw new UserError(`${path.basename(file)} is a legacy Excel (.xls) workbook`, {
      hint: 'open it in Excel and save it as .xlsx',
    });
  }
  throw new UserError(
    `${path.basename(file)}: cannot import ${extension ? `${extension} files` : 'a file without an extension'}`,
    {
      hint: 'import a .csv or .xlsx file',
    },
  );
}

export async function readImportFile(
  target: StageTarget,
  file: string,
  options: ReadImportFileOptions,
): Promise<StagedFile> {
  const format = importFileFormat(file);
  if (format === 'csv') {
    if (options.sheet !== undefined)
      throw new UserError('--sheet applies to .xlsx files only', {
        hint: 'leave out --sheet for a CSV file',
      });
    const { table, delimiter, headerRow, limits } = options;
    return readCsv(target, file, { table, delimiter, headerRow, limits });
  }
  return readXlsx(target, file, options);
}
