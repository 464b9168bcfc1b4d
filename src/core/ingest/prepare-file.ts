/**
 * Read → find the header → match columns → decide where each row's seller comes from: everything
 * before parsing. `requireAllFields` refuses a file whose required fields have no column, naming
 * them and how to map one (`--map "Header=field"`, or `--seller` for an export of one shop).
 */
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Executor } from '../db/database.ts';
import { UserError } from '../shared/errors.ts';
import type { KindDef } from './kinds/index.ts';
import { SELLER_ONE_OF } from './kinds/shared-fields.ts';
import type { MappedColumn } from './load/import-plan.ts';
import { detectHeaderRow } from './match/detect-header-row.ts';
import { headerSignature } from './match/header-signature.ts';
import { matchColumns, type ColumnMatch } from './match/match-columns.ts';
import { sellerIdentity } from './match/seller-identity.ts';
import { loadMappingProfile } from './mapping-profiles.sql.ts';
import { readCsv } from './read/read-csv.ts';
import { readXlsx } from './read/read-xlsx.ts';
import { dropStageTable, type StagedFile } from './read/stage-table.ts';
import type { ImportOptions } from './import-types.ts';

export interface PreparedFile {
  stage: string;
  sheets: string[] | null;
  /** Every source column with its match, confidence and reason (for the mapping table). */
  matches: ColumnMatch[];
  missingRequired: string[];
  columnCount: number;
  sheet: string | null;
  headerRow: number;
  headers: string[];
  signature: string;
  columns: MappedColumn[];
  /** Columns that also feed a field they are not mapped to (see MappedColumn.standsIn). */
  standIns: MappedColumn[];
  /** The seller of every row (`--seller`), or null. */
  seller: string | null;
  ignoredColumns: string[];
}

async function read(executor: Executor, connection: DuckDBConnection, file: string, kind: KindDef, options: ImportOptions): Promise<StagedFile> {
  const extension = path.extname(file).toLowerCase();
  const target = { executor, connection };
  if (extension === '.xlsx' || extension === '.xlsm') return readXlsx(target, file, { kind, ...(options.sheet ? { sheet: options.sheet } : {}) });
  if (extension === '.csv' || extension === '.txt' || extension === '.tsv') return readCsv(target, file);
  throw new UserError(`${path.basename(file)}: cannot import ${extension || 'a file without an extension'}`, {
    hint: 'export the data as .xlsx or .csv (an old .xls can be re-saved as .xlsx in Excel)',
  });
}

/** Refuses a file whose required fields have no column, naming them and how to map one. */
export function requireAllFields(prepared: PreparedFile, file: string, options: ImportOptions): void {
  if (prepared.missingRequired.length === 0) return;
  const sellerMissing = prepared.missingRequired.includes(SELLER_ONE_OF.join(' or '));
  throw new UserError(
    `${path.basename(file)}: no column for ${prepared.missingRequired.join(', ')} (header on row ${prepared.headerRow}: ${prepared.headers.filter(Boolean).slice(0, 12).join(' | ')})${sellerMissing ? '; for an export of one shop, give the seller for every row (--seller ID_OR_NAME)' : ''}`,
    {
      hint: `map a column with --map "Source header=${prepared.missingRequired[0]?.split(' or ')[0] ?? 'field'}"${sellerMissing ? ', or give every row\'s seller with --seller ID_OR_NAME' : ''}${options.headerRow ? '' : ', or give the header row with --header-row N'}`,
      details: { missing: prepared.missingRequired, headers: prepared.headers, headerRow: prepared.headerRow },
    },
  );
}

export async function prepareFile(
  executor: Executor,
  connection: DuckDBConnection,
  file: string,
  kind: KindDef,
  options: ImportOptions,
): Promise<PreparedFile> {
  const staged = await read(executor, connection, file, kind, options);
  try {
    return await matchStaged(executor, staged, kind, options);
  } catch (error) {
    // A refused mapping or --seller: the caller never sees the stage, so drop it here.
    await dropStageTable(executor, staged.table);
    throw error;
  }
}

async function matchStaged(executor: Executor, staged: StagedFile, kind: KindDef, options: ImportOptions): Promise<PreparedFile> {
  const detected = detectHeaderRow(staged.head, kind, options.headerRow ? { headerRow: options.headerRow } : {});
  const signature = headerSignature(detected.headers);
  const profile = (await loadMappingProfile(executor, kind.kind, signature)) ?? {};
  const matching = matchColumns(detected.headers, kind, options.map ?? {}, profile);
  const identity = sellerIdentity(kind, matching.columns, matching.missingRequired, options.seller);
  return {
    stage: staged.table,
    sheets: staged.sheets ?? null,
    matches: matching.columns,
    missingRequired: identity.missingRequired,
    columnCount: staged.columnCount,
    sheet: staged.sheet,
    headerRow: detected.headerRow,
    headers: detected.headers,
    signature,
    columns: matching.columns.flatMap((c) => (c.field ? [{ column: c.column, header: c.header, field: c.field }] : [])),
    standIns: identity.standIns,
    seller: identity.seller,
    ignoredColumns: matching.ignored,
  };
}
