/**
 * What the workspace's forms and filters offer: the people work can be assigned to (the team's
 * users, then names already used as owners — demo account managers, imported trackers), the tags
 * in use, and the value lists. "My work" matches a user's display name or e-mail as owner.
 */
import type { Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { CHANNELS, DIRECTIONS, PRIORITIES, RECURRENCES, STATUS_LABELS, TASK_SOURCES, TASK_STATUSES } from './workspace-fields.ts';

export async function workspaceOptions(executor: Executor) {
  const owners = await executor.query<{ name: string }>(sql`
    SELECT name FROM (
      SELECT display_name AS name, 0 AS rank FROM users WHERE disabled_at IS NULL
      UNION ALL SELECT DISTINCT owner, 1 FROM tasks WHERE owner IS NOT NULL
      UNION ALL SELECT DISTINCT owner, 1 FROM communications WHERE owner IS NOT NULL
    ) GROUP BY name ORDER BY min(rank), name LIMIT 500`);
  const tags = await executor.query<{ tag: string }>(sql`
    SELECT tag FROM (SELECT unnest(tags) AS tag FROM tasks UNION ALL SELECT unnest(tags) FROM notes) GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 200`);
  return {
    owners: owners.map((o) => o.name),
    tags: tags.map((t) => t.tag),
    statuses: TASK_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
    priorities: [...PRIORITIES],
    sources: [...TASK_SOURCES],
    recurrences: [...RECURRENCES],
    channels: [...CHANNELS],
    directions: [...DIRECTIONS],
  };
}

/** The names a user's own work is recorded under. */
export function ownerNamesOf(user: { email: string; displayName: string }): string[] {
  return [user.displayName, user.email];
}
