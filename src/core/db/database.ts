/**
 * One DuckDB instance per process (DuckDB allows one writing process per file) with a small pool
 * of connections taken from it. Every query goes through `sql` (bound parameters) and comes back as
 * plain rows through `convertValue`. A transaction owns one connection from BEGIN to COMMIT, so
 * concurrent requests never interleave statements inside someone else's transaction.
 */
import { DuckDBInstance, StatementType, timestampTZValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { convertValue, type PlainRow } from './convert-row.ts';
import type { Sql, SqlValue } from './sql.ts';
import { duckdbDialect } from './dialect/duckdb.ts';
import type { Dialect } from './dialect/dialect.ts';

export interface Executor {
  readonly dialect: Dialect;
  /** Runs a query and returns its rows as plain values. */
  query<T extends object = PlainRow>(query: Sql): Promise<T[]>;
  /** Runs a statement and returns the number of rows it changed (when DuckDB reports one). */
  run(query: Sql): Promise<number>;
  /** Runs trusted multi-statement SQL text without parameters (migrations, generated DDL). */
  exec(text: string): Promise<void>;
}

function bindValue(value: SqlValue): DuckDBValue {
  if (value instanceof Date) return timestampTZValue(BigInt(value.getTime()) * 1000n);
  return value;
}

type Timed = <T>(text: string, work: () => Promise<T>) => Promise<T>;
const untimed: Timed = (_text, work) => work();

class ConnectionExecutor implements Executor {
  readonly dialect = duckdbDialect;
  constructor(
    private readonly connection: DuckDBConnection,
    /** Called after every statement that may have changed data (anything but a SELECT). */
    private readonly wrote: () => void,
    /** Runs one statement, timing it when the slow-statement log is on. */
    private readonly timed: Timed = untimed,
  ) {}

  async query<T extends object = PlainRow>(query: Sql): Promise<T[]> {
    const { text, values } = query.toQuery();
    const reader = await this.timed(text, () => this.connection.runAndReadAll(text, values.map(bindValue)));
    if (reader.statementType !== StatementType.SELECT) this.wrote(); // e.g. INSERT … RETURNING
    const names = reader.columnNames();
    const jsonColumns = reader.columnTypes().map((type) => type.alias === 'JSON');
    // Column by column: the node API materialises whole vectors several times faster than rows
    // (91k rows × 4 columns: ~50 ms instead of ~350 ms).
    const columns = reader.getColumns();
    const count = columns[0]?.length ?? 0;
    const rows: PlainRow[] = Array.from({ length: count }, () => ({}));
    columns.forEach((values, i) => {
      const name = names[i] ?? `column${i}`;
      const json = jsonColumns[i];
      for (let r = 0; r < count; r += 1) (rows[r] as PlainRow)[name] = convertValue(values[r] ?? null, name, json);
    });
    return rows as T[];
  }

  async run(query: Sql): Promise<number> {
    const { text, values } = query.toQuery();
    const result = await this.timed(text, () => this.connection.run(text, values.map(bindValue)));
    if (result.statementType !== StatementType.SELECT) this.wrote();
    return result.rowsChanged;
  }

  async exec(text: string): Promise<void> {
    try {
      await this.timed(text, () => this.connection.run(text));
    } finally {
      // Several statements (migrations, COMMIT, ROLLBACK): assume a change, even when one failed.
      this.wrote();
    }
  }
}

/** One statement that took at least `OpenOptions.slowStatementMs`, for the slow-statement log. */
export interface SlowStatement {
  /** Milliseconds spent waiting for a pooled connection. */
  waitedMs: number;
  /** Milliseconds DuckDB took to run it (and, for a query, to hand back its rows). */
  ranMs: number;
  /** The statement's text, shortened: values are bound apart from it, so it holds none. */
  text: string;
}

export interface OpenOptions {
  /** Pool size for concurrent readers; DuckDB itself parallelises each query. */
  connections?: number;
  /**
   * Statements whose wait for a connection plus run time reach this many milliseconds are passed
   * to `onSlowStatement` (`aisle serve`: AISLE_SLOW_STATEMENT_MS). Unset: nothing is timed.
   */
  slowStatementMs?: number;
  onSlowStatement?: (statement: SlowStatement) => void;
  /** DuckDB settings, e.g. `{ threads: '2', memory_limit: '4GB' }`. */
  config?: Record<string, string>;
}

export class Database implements Executor {
  readonly dialect = duckdbDialect;
  private readonly idle: DuckDBConnection[] = [];
  private readonly waiting: ((connection: DuckDBConnection) => void)[] = [];
  private created = 0;
  private closed = false;
  private generation = 0;

  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly maxConnections: number,
    private readonly slow: Pick<OpenOptions, 'slowStatementMs' | 'onSlowStatement'> = {},
  ) {}

  /** Opens (or creates) the database file; `:memory:` gives a private in-memory database. */
  static async open(path: string, options: OpenOptions = {}): Promise<Database> {
    const instance = await DuckDBInstance.create(path, options.config);
    return new Database(path, instance, options.connections ?? 4, options);
  }

  private async acquire(): Promise<DuckDBConnection> {
    if (this.closed) throw new Error('database is closed');
    const idle = this.idle.pop();
    if (idle) return idle;
    if (this.created < this.maxConnections) {
      this.created += 1;
      return this.instance.connect();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(connection: DuckDBConnection): void {
    const next = this.waiting.shift();
    if (next) next(connection);
    else this.idle.push(connection);
  }

  /**
   * A number that changes after every statement of this process that may have changed data
   * (anything but a SELECT; a COMMIT counts again, when its rows become visible to others). DuckDB
   * lets one process at a time open the file, so while this value stays the same nothing in the
   * database has changed: callers can reuse what they computed from it (see kpis/data-version.ts).
   */
  get writeGeneration(): number {
    return this.generation;
  }

  private readonly wrote = () => {
    this.generation += 1;
  };

  private readonly wroteNothing = () => undefined;

  private async use<T>(work: (executor: Executor, connection: DuckDBConnection) => Promise<T>, changesData = true): Promise<T> {
    const wrote = changesData ? this.wrote : this.wroteNothing;
    const { slowStatementMs, onSlowStatement } = this.slow;
    if (slowStatementMs === undefined || !onSlowStatement) {
      const connection = await this.acquire();
      try {
        return await work(new ConnectionExecutor(connection, wrote), connection);
      } finally {
        this.release(connection);
      }
    }
    const asked = performance.now();
    const connection = await this.acquire();
    // The wait for the connection is charged to the first statement run on it.
    let waitedMs = performance.now() - asked;
    const timed: Timed = async (text, run) => {
      const started = performance.now();
      try {
        return await run();
      } finally {
        const ranMs = performance.now() - started;
        if (waitedMs + ranMs >= slowStatementMs) onSlowStatement({ waitedMs: Math.round(waitedMs), ranMs: Math.round(ranMs), text: shorten(text) });
        waitedMs = 0;
      }
    };
    try {
      return await work(new ConnectionExecutor(connection, wrote, timed), connection);
    } finally {
      this.release(connection);
    }
  }

  /**
   * Runs `work` on one pooled connection. The raw connection can write past the executor (an
   * appender), so the write generation moves on afterwards whatever `work` did.
   */
  async withConnection<T>(work: (executor: Executor, connection: DuckDBConnection) => Promise<T>): Promise<T> {
    try {
      return await this.use(work);
    } finally {
      this.wrote();
    }
  }

  /**
   * Runs `work` on one pooled connection for statements that write only what this process holds
   * in memory — attached `:memory:` caches and pre-aggregations, temp tables — never the
   * workspace's data: they leave the write generation as it is, so every version computed from
   * the data (kpis/data-version.ts) stays valid instead of being counted again after each cache
   * fill. Anything else written here would go unnoticed by those versions.
   */
  inMemoryOnly<T>(work: (executor: Executor) => Promise<T>): Promise<T> {
    return this.use((executor) => work(executor), false);
  }

  query<T extends object = PlainRow>(query: Sql): Promise<T[]> {
    return this.use((executor) => executor.query<T>(query));
  }

  run(query: Sql): Promise<number> {
    return this.use((executor) => executor.run(query));
  }

  exec(text: string): Promise<void> {
    return this.use((executor) => executor.exec(text));
  }

  /** Runs `work` inside BEGIN … COMMIT; any error rolls everything back and is rethrown. */
  transaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    return this.use(async (executor) => {
      await executor.exec('BEGIN TRANSACTION');
      try {
        const result = await work(executor);
        await executor.exec('COMMIT');
        return result;
      } catch (error) {
        await executor.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /** Writes the WAL into the database file (used before backups and on shutdown). */
  async checkpoint(): Promise<void> {
    await this.exec('CHECKPOINT');
  }

  /** Closes every connection and the instance; safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.checkpoint().catch(() => undefined);
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.closeSync();
    this.instance.closeSync();
  }
}

/** A statement's text on one line, at most 240 characters. */
function shorten(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 240 ? `${line.slice(0, 237)}...` : line;
}

/** The first row, or a clear error when the query returned none. */
export async function queryOne<T extends object>(executor: Executor, query: Sql): Promise<T> {
  const rows = await executor.query<T>(query);
  const first = rows[0];
  if (!first) throw new Error(`expected one row from: ${query.toString().slice(0, 200)}`);
  return first;
}
