/**
 * Limits that keep one hostile or mistaken file from exhausting memory or time. Every reader
 * takes them as options, so the CLI and the server can set their own; the defaults suit a laptop.
 */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Widest row accepted. */
  maxColumns: number;
  /** Longest CSV record accepted, in characters (an unclosed quote runs into this). */
  maxRecordChars: number;
  /** Rows given to header detection (and sheet picking). */
  headRows: number;
  /**
   * Workbooks up to this size are opened whole for their first rows, which reveals merged cells.
   * The normal reader holds every cell: a 5 MB workbook (1M cells) took 420 MB and 3 s here.
   */
  wholeWorkbookMaxBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxColumns: 1000,
  maxRecordChars: 2 * 1024 * 1024,
  headRows: 30,
  wholeWorkbookMaxBytes: 4 * 1024 * 1024,
};

export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...overrides };
}

/** Rows to read for the head: the limit, or further when `--header-row` points below it. */
export function headRowCount(limits: ReadLimits, headerRow?: number): number {
  return Math.max(limits.headRows, (headerRow ?? 0) + 1);
}
