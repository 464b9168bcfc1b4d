/**
 * Writes rows into the staging table through a DuckDB appender — never row by row INSERTs. Each
 * row is handed to the appender as it is read (DuckDB copies it) and the appender is flushed every
 * few thousand rows: holding batches of rows in JavaScript kept them alive past the young
 * generation, and garbage collection took more time than reading the workbook. A streamed sheet's
 * width is known only once every row has been seen, so the table starts at the width of the
 * sheet's first rows and grows (ALTER TABLE … ADD COLUMN) when a wider row arrives; the appender
 * is reopened around the change.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import { sql } from '../../db/sql.ts';
import { createStageTable, stageColumnName, type StageTarget } from './stage-table.ts';

const FLUSH_ROWS = 5_000;

export class StageAppender {
  private rows = 0;
  private unflushed = 0;

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
    return this.rows;
  }

  /**
   * Appends one row. Returns a promise only when the table had to grow first (rarely), so a caller
   * reading a large sheet awaits nothing per row: `const growing = stage.add(…); if (growing) await growing;`.
   */
  add(rowNo: number, cells: readonly (string | null)[]): Promise<void> | undefined {
    if (cells.length > this.width) return this.widen(cells.length).then(() => this.append(rowNo, cells));
    this.append(rowNo, cells);
    return undefined;
  }

  /** Flushes what is pending and closes the appender. */
  async close(): Promise<void> {
    this.appender.flushSync();
    this.appender.closeSync();
  }

  /** Closes the appender after an error, which the caller rethrows (and drops the table). */
  abandon(): void {
    try {
      this.appender.closeSync();
    } catch {
      // Already failed or closed: the error being rethrown is the one that matters.
    }
  }

  private append(rowNo: number, cells: readonly (string | null)[]): void {
    const appender = this.appender;
    appender.appendInteger(rowNo);
    for (let i = 0; i < this.width; i++) {
      const cell = cells[i];
      if (cell === undefined || cell === null) appender.appendNull();
      else appender.appendVarchar(cell);
    }
    appender.endRow();
    this.rows += 1;
    if (++this.unflushed >= FLUSH_ROWS) {
      appender.flushSync();
      this.unflushed = 0;
    }
  }

  private async widen(width: number): Promise<void> {
    this.appender.flushSync();
    this.appender.closeSync();
    this.unflushed = 0;
    for (let column = this.width; column < width; column++) {
      await this.target.executor.run(
        sql`ALTER TABLE ${sql.ident(this.table)} ADD COLUMN ${sql.ident(stageColumnName(column))} VARCHAR`,
      );
    }
    this.width = width;
    this.appender = await this.target.connection.createAppender(this.table, null, 'temp');
  }
}
