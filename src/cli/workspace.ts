/** Opens the data dir for one CLI command and always closes the database afterwards. */
import { openDataDir, resolveDataDir, type OpenedWorkspace } from '../core/db/open-data-dir.ts';

export async function withWorkspace<T>(dataDirOption: string | undefined, work: (ws: OpenedWorkspace) => Promise<T>): Promise<T> {
  const workspace = await openDataDir(resolveDataDir(dataDirOption));
  try {
    return await work(workspace);
  } finally {
    await workspace.db.close();
  }
}
