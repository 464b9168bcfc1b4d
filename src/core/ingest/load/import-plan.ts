/**
 * What the load stage needs to know about one file once it has been read and matched: the kind,
 * where the header is, which source column feeds which field, and how to read ambiguous values.
 */
import type { KindDef } from '../kinds/index.ts';
import type { ParseContext } from '../parse/types.ts';

export interface MappedColumn {
  /** 0-based index of the source column (staging column `c<index>`). */
  column: number;
  header: string;
  field: string;
  /**
   * Set when the column feeds this field only because the file has no column of its own for it (a
   * sellers list's shop name standing in for the seller's name): it identifies rows but never
   * overwrites the field's stored value.
   */
  standsIn?: true;
}

export interface ImportPlan {
  kind: KindDef;
  /** Staging table holding `row_no` and `c0…cN` as text. */
  stage: string;
  columnCount: number;
  /** 1-based row of the header; data starts below it. */
  headerRow: number;
  columns: MappedColumn[];
  context: ParseContext;
  /** Workspace time zone: local dates of timestamps. */
  timezone: string;
  /** The seller of every row (`--seller ID_OR_NAME`) for an export without a seller column, else null. */
  seller: string | null;
}
