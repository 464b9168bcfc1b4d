/**
 * A transaction on one executor (one connection). The import pipeline needs it because its staging
 * tables are temporary, visible only on the connection that made them.
 */
import type { Executor } from '../db/database.ts';

export async function inTransaction<T>(executor: Executor, work: () => Promise<T>): Promise<T> {
  await executor.exec('BEGIN TRANSACTION');
  try {
    const result = await work();
    await executor.exec('COMMIT');
    return result;
  } catch (error) {
    await executor.exec('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
