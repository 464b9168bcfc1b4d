/** What every route module receives: the open database and a few facts about the running build. */
import type { Database } from '../core/db/database.ts';

export interface AppContext {
  db: Database;
  dataDir: string;
  version: string;
}
