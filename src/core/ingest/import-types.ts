/** The options and the result of one file's import (CONTRACTS.md §1 `aisle import --json`). */
export interface ImportOptions {
  kind: string;
  sheet?: string;
  headerRow?: number;
  /** Source header → field; an empty field ignores the column. Wins over detection. */
  map?: Record<string, string>;
  year?: number;
  timezone?: string;
  currency?: string;
  dateOrder?: 'dmy' | 'mdy' | 'ymd';
  /** The seller of every row, by id or name, for an export without a seller column (`--seller`). */
  seller?: string;
  /** `live_events`: the session a recording belongs to (`--livestream`); else matched by its roomId. */
  livestream?: string;
  skipInvalid?: boolean;
  dryRun?: boolean;
  /** Who imports: a user's e-mail or `cli`. */
  by: string;
  /** The name to record (an upload's original file name); defaults to the path's base name. */
  fileName?: string;
}

export interface ImportError {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export interface ImportResult {
  importId: string;
  file: string;
  kind: string;
  sheet: string | null;
  headerRow: number | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsSkipped: number;
  rowsRejected: number;
  mapping: Record<string, string>;
  ignoredColumns: string[];
  duplicateOf: string | null;
  status: 'loaded' | 'rejected' | 'failed' | 'dry_run';
  errors: ImportError[];
  /** `live_events` only: the session whose observed figures the recording holds (null when none matched). */
  livestreamId?: string | null;
}

export interface ImportProgress {
  step: string;
  done: number;
  total: number;
}

/** At most this many errors travel in a result; all of them are kept in `import_rejects`. */
export const MAX_ERRORS_IN_RESULT = 1000;
