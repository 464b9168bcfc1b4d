/**
 * The demo's follow-up work: communication records with the sellers that matter (top tiers get
 * several, a quarter of tier B one) and a task tracker in every state — some overdue at the end
 * date, `completed_at` set exactly for done tasks as the schema demands. Ids are explicit (see
 * workspace-ids.ts) so a rerun gives the same rows.
 */
import type { Executor } from '../db/database.ts';
import { sql, type Sql } from '../db/sql.ts';
import type { DemoPlan } from './demo-plan.ts';
import { lit, sqlList, type DemoRandom } from './demo-random.sql.ts';
import {
  COMMUNICATION_CHANNEL_WEIGHTS,
  COMMUNICATION_CHANNELS,
  COMMUNICATION_TOPICS,
  SELLER_TASKS,
  TASK_PRIORITIES,
  TASK_PRIORITY_WEIGHTS,
  TASK_STATUS_WEIGHTS,
  TASK_STATUSES,
  TEAM_TASKS,
  type TaskTemplate,
} from './follow-up-templates.ts';
import { advanceSequence, idBase } from './workspace-ids.ts';
import { ACCOUNT_MANAGERS } from './word-lists.ts';

const DEMO_AUTHOR = 'demo';

function topicField(field: 'subject' | 'summary' | 'outcome' | 'direction'): Sql {
  return sqlList(COMMUNICATION_TOPICS.map((t) => t[field]));
}

export async function insertCommunications(tx: Executor, plan: DemoPlan, rnd: DemoRandom): Promise<number> {
  const base = await idBase(tx, 'communications');
  const key = [sql`idx`, sql`n`];
  const count = await tx.run(sql`
    INSERT INTO communications (id, seller_id, "at", channel, direction, participants, subject, summary, outcome,
      next_action, due_at, owner, created_by, created_at, updated_at)
    WITH chosen AS (
      SELECT d.idx, d.tier, d.active_from_day, s.id AS seller_id, s.contact_name,
        coalesce(s.account_manager, ${rnd.pick(ACCOUNT_MANAGERS, 'comm_owner', sql`d.idx`)}) AS owner
      FROM demo_sellers d JOIN sellers s ON s.id = d.id
      WHERE d.tier IN ('S', 'A') OR (d.tier = 'B' AND ${rnd.uniform('comm_b', sql`d.idx`)} < 0.25)
    ), expanded AS (
      SELECT *, CAST(unnest(range(CASE tier WHEN 'S' THEN 2 + ${rnd.below(5, 'comm_count', sql`idx`)}
        WHEN 'A' THEN 1 + ${rnd.below(3, 'comm_count', sql`idx`)} ELSE 1 END)) AS INTEGER) AS n
      FROM chosen
    ), drawn AS (
      SELECT *, 1 + ${rnd.below(COMMUNICATION_TOPICS.length, 'comm_topic', ...key)} AS topic,
        CAST(greatest(0, active_from_day)
          + ${rnd.below(sql`greatest(1, ${lit(plan.days)} - greatest(0, active_from_day))`, 'comm_day', ...key)} AS INTEGER) AS day_idx
      FROM expanded
    ), topical AS (
      SELECT *, nullif(list_element(${sqlList(COMMUNICATION_TOPICS.map((t) => t.nextAction ?? ''))}, topic), '') AS next_action,
        timezone(${plan.timezone}, CAST(CAST(${plan.from} AS DATE) + day_idx AS TIMESTAMP)
          + to_seconds(9 * 3600 + ${rnd.below(9 * 3600, 'comm_time', ...key)})) AS at_time
      FROM drawn
    )
    SELECT ${lit(base)} + row_number() OVER (ORDER BY idx, n), seller_id, at_time,
      list_element(${sqlList([...COMMUNICATION_CHANNELS])}, 1 + ${rnd.weightedIndex(COMMUNICATION_CHANNEL_WEIGHTS, 'comm_channel', ...key)}),
      list_element(${topicField('direction')}, topic),
      owner || coalesce(', ' || contact_name, ''),
      list_element(${topicField('subject')}, topic), list_element(${topicField('summary')}, topic),
      list_element(${topicField('outcome')}, topic), next_action,
      CASE WHEN next_action IS NOT NULL AND ${rnd.uniform('comm_due', ...key)} < 0.7
        THEN CAST(${plan.from} AS DATE) + CAST(day_idx + 3 + ${rnd.below(12, 'comm_due_days', ...key)} AS INTEGER) END,
      owner, ${DEMO_AUTHOR}, at_time, at_time
    FROM topical`);
  await advanceSequence(tx, 'communications');
  return count;
}

function templateList(templates: readonly TaskTemplate[], field: 'title' | 'description' | 'source'): Sql {
  return sqlList(templates.map((t) => t[field]));
}

function tagList(templates: readonly TaskTemplate[]): Sql {
  return sql`[${sql.join(templates.map((t) => sql`CAST(${sqlList(t.tags)} AS VARCHAR[])`))}]`;
}

export async function insertTasks(tx: Executor, plan: DemoPlan, rnd: DemoRandom): Promise<number> {
  const base = await idBase(tx, 'tasks');
  const key = [sql`ord`];
  const end = sql`CAST(${plan.to} AS DATE)`;
  const count = await tx.run(sql`
    INSERT INTO tasks (id, title, seller_id, status, owner, due_at, priority, tags, source, recurrence, description,
      completed_at, created_by, created_at, updated_at)
    WITH seller_rows AS (
      SELECT d.idx, s.id AS seller_id, s.shop_name,
        coalesce(s.account_manager, ${rnd.pick(ACCOUNT_MANAGERS, 'task_owner', sql`d.idx`)}) AS owner,
        CAST(unnest(range(CASE WHEN d.tier = 'S' THEN 1 + ${rnd.below(2, 'task_count', sql`d.idx`)}
          WHEN d.tier = 'A' AND ${rnd.uniform('task_a', sql`d.idx`)} < 0.4 THEN 1 ELSE 0 END)) AS INTEGER) AS n
      FROM demo_sellers d JOIN sellers s ON s.id = d.id
    ), seller_tasks AS (
      SELECT CAST(idx AS BIGINT) * 10 + n AS ord, seller_id, owner,
        1 + ${rnd.below(SELLER_TASKS.length, 'task_template', sql`idx`, sql`n`)} AS t, shop_name
      FROM seller_rows
    ), team_tasks AS (
      SELECT -1 - i AS ord, CAST(NULL AS VARCHAR) AS seller_id,
        ${rnd.pick(ACCOUNT_MANAGERS, 'team_owner', sql`i`)} AS owner, CAST(i + 1 AS BIGINT) AS t, '' AS shop_name
      FROM range(${lit(TEAM_TASKS.length)}) r(i)
    ), drawn AS (
      SELECT seller_id, owner, ord,
        CASE WHEN seller_id IS NULL THEN list_element(${templateList(TEAM_TASKS, 'title')}, t)
          ELSE replace(list_element(${templateList(SELLER_TASKS, 'title')}, t), '{shop}', shop_name) END AS title,
        CASE WHEN seller_id IS NULL THEN list_element(${templateList(TEAM_TASKS, 'description')}, t)
          ELSE list_element(${templateList(SELLER_TASKS, 'description')}, t) END AS description,
        CASE WHEN seller_id IS NULL THEN list_element(${templateList(TEAM_TASKS, 'source')}, t)
          ELSE list_element(${templateList(SELLER_TASKS, 'source')}, t) END AS source,
        CASE WHEN seller_id IS NULL THEN list_element(${tagList(TEAM_TASKS)}, t)
          ELSE list_element(${tagList(SELLER_TASKS)}, t) END AS tags,
        -- The first team task is the weekly report, always in progress and a few days late.
        CASE WHEN ord = -1 THEN 'doing'
          ELSE list_element(${sqlList([...TASK_STATUSES])}, 1 + ${rnd.weightedIndex(TASK_STATUS_WEIGHTS, 'task_status', ...key)}) END AS status,
        list_element(${sqlList([...TASK_PRIORITIES])}, 1 + ${rnd.weightedIndex(TASK_PRIORITY_WEIGHTS, 'task_priority', ...key)}) AS priority,
        CASE WHEN ord = -1 THEN ${end} - 3 ELSE ${end} + CAST(${rnd.below(36, 'task_due', ...key)} - 10 AS INTEGER) END AS due_at,
        CASE WHEN ord = -1 THEN 'weekly' END AS recurrence
      FROM (SELECT * FROM seller_tasks UNION ALL SELECT * FROM team_tasks)
    ), dated AS (
      SELECT *, least(${end}, due_at - CAST(5 + ${rnd.below(21, 'task_created', ...key)} AS INTEGER)) AS created_day FROM drawn
    ), closed AS (
      SELECT *, CASE WHEN status = 'done' THEN timezone(${plan.timezone}, CAST(least(${end}, greatest(created_day,
          due_at - CAST(${rnd.below(4, 'task_done', ...key)} AS INTEGER))) AS TIMESTAMP) + INTERVAL 16 HOUR) END AS completed_at,
        timezone(${plan.timezone}, CAST(created_day AS TIMESTAMP) + INTERVAL 10 HOUR) AS created_at
      FROM dated
    )
    SELECT ${lit(base)} + row_number() OVER (ORDER BY ord), title, seller_id, status, owner, due_at, priority, tags,
      source, recurrence, description, completed_at, ${DEMO_AUTHOR}, created_at, coalesce(completed_at, created_at)
    FROM closed`);
  await advanceSequence(tx, 'tasks');
  return count;
}
