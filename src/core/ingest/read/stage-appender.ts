/**
 * Writes rows into the staging table through a DuckDB appender, in batches — never row by row
 * INSERTs. A streamed sheet's width is known only once every row has been seen, so the table
 * starts at the width of the sheet's first rows and grows (ALTER TABLE … ADD COLUMN) when a batch
 * holds a wider row; the appender is reopened around the change.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import { sql } from '../../db/sql.ts';
import { createStageTable, stageColumnName, type StageTarget } from './stage-table.ts';

const BATCH_ROWS = 5_000;

interface PendingRow {
  rowNo: number;
  cells: (string | null)[];
}

export class StageAppender {
  private pending: PendingRow[] = [];
  private rows = 0;

  private constructor(
    private readonly target: StageTarget,
    private readonly table: string,
    private width: number,
    private appender: DuckDBAppender,
  ) {}

  static async create(target: StageTarget, table: string, width: number): Promise<StageAppender> {
    const columns = Math.max(1, width);
    await createStageTable(target.executor, table, columns);
    return new StageAppender(
      target,
      table,
      columns,
      await target.connection.createAppender(table, null, 'temp'),
    );
  }

  get columnCount(): number {
    return this.width;
  }

  get rowCount(): number {
    return this.rows + this.pending.length;
  }

  async add(rowNo: number, cells: (string | null)[]): Promise<void> {
    this.pending.push({ rowNo, cells });
    if (this.pending.length >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    const width = Math.max(this.width, ...batch.map((row) => row.cells.length));
    if (width > this.width) await this.widen(width);
    for (const row of batch) {
      this.appender.appendInteger(row.rowNo);
      for (let i = 0; i < this.width; i++) {
        const cell = row.cells[i];
        if (cell === undefined || cell === null) this.appender.appendNull();
        else this.appender.appendVarchar(cell);
      }
      this.appender.endRow();
    }
    this.appender.flushSync();
    this.rows += batch.length;
  }

  /** Flushes what is pending and closes the appender. */
  async close(): Promise<void> {
    await this.flush();
    this.appender.closeSync();
  }

  /** Closes the appender without writing what is pending (after an error, which the caller rethrows). */
  abandon(): void {
    this.pending = [];
    try {
      this.appender.closeSync();
    } catch {
      // Already failed or closed: the error being rethrown is the one that matters.
    }
  }

  private async widen(width: number): Promise<void> {
    this.appender.flushSync();
    this.appender.closeSync();
    for (let column = this.width; column < width; column++) {
      await this.target.executor.run(
        sql`ALTER TABLE ${sql.ident(this.table)} ADD COLUMN ${sql.ident(stageColumnName(column))} VARCHAR`,
      );
    }
    this.width = width;
    this.appender = await this.target.connection.createAppender(this.table, null, 'temp');
  }
}
