/**
 * Validate stage: every reason a row cannot be loaded, as rows of `rejects` (row, column, value,
 * message) — unreadable values, missing required values, negative amounts, broken internal
 * consistency (a session ending before it starts…), duplicate keys within the file and seller
 * names that match several sellers. All set-based; nothing is dropped silently.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { sellerNameKeySql } from '../../sellers/seller-name-key.ts';
import type { ImportPlan } from './import-plan.ts';
import { kindRules } from './kind-rules.ts';

const f = (name: string) => sql.ident(name);

/** Required fields that another field can stand in for (an order line's amount = unit price × quantity). */
const STANDS_IN: Record<string, Record<string, string>> = { orders: { amount: 'unit_price' } };
const NUMERIC = new Set(['integer', 'number', 'money', 'rate', 'duration']);

function headerOf(plan: ImportPlan, field: string): string {
  return plan.columns.find((c) => c.field === field)?.header ?? field;
}

/** Fields whose value `--seller` writes into `parsed` when the file has no column for them. */
const SELLER_FIELDS = new Set(['seller_id', 'seller_name']);

export async function collectRejects(executor: Executor, plan: ImportPlan): Promise<number> {
  const parts: Sql[] = [];
  const sourceColumn = new Map(plan.columns.map((c) => [c.field, c.column]));
  const kindFields = new Set(plan.kind.fields.map((field) => field.name));
  // The value shown is the text the row had: the stage's cell for a field read from a column
  // (joined in once, below), the seller given for every row, else none.
  const ownValue = (field: string): Sql =>
    !sourceColumn.has(field) && SELLER_FIELDS.has(field) && kindFields.has(field) ? sql`CAST(${f(field)} AS VARCHAR)` : sql`NULL::VARCHAR`;
  const reject = (field: string, when: Sql, message: Sql | string) =>
    parts.push(sql`SELECT row_no, ${headerOf(plan, field)} AS column_name, ${field} AS field, ${ownValue(field)} AS own_value,
      ${typeof message === 'string' ? sql`${message}` : message} AS message FROM parsed WHERE ${when}`);

  const mapped = new Set(plan.columns.map((c) => c.field));
  for (const field of plan.kind.fields) {
    if (mapped.has(field.name)) reject(field.name, sql`${f(`${field.name}__err`)} IS NOT NULL`, sql`${f(`${field.name}__err`)}`);
    const standIn = STANDS_IN[plan.kind.kind]?.[field.name];
    if (field.required && standIn && !mapped.has(field.name) && mapped.has(standIn)) {
      reject(standIn, sql`${f(standIn)} IS NULL AND ${f(`${standIn}__err`)} IS NULL`, `required value is missing (no ${field.name} column)`);
    } else if (field.required) {
      reject(field.name, sql`${f(field.name)} IS NULL AND ${f(`${field.name}__err`)} IS NULL`, 'required value is missing');
    }
    if (NUMERIC.has(field.type)) {
      const min = field.min ?? 0;
      reject(field.name, sql`${f(field.name)} < ${min}`, min === 0 ? 'must not be negative' : `must be at least ${min}`);
      if (field.max !== undefined) reject(field.name, sql`${f(field.name)} > ${field.max}`, `must be at most ${field.max}`);
    }
  }
  for (const group of plan.kind.oneOf ?? []) {
    const allMissing = sql.join(group.map((name) => sql`${f(name)} IS NULL AND ${f(`${name}__err`)} IS NULL`), ' AND ');
    // Name the column the file has for the group (e.g. "Shop Name" for seller_name), if any.
    const present = group.filter((name) => mapped.has(name));
    const message = present.length === 1 ? 'required value is missing' : `one of ${group.join(' or ')} is required`;
    reject(present[0] ?? group[0] ?? '', allMissing, message);
  }
  for (const rule of kindRules(plan.kind.kind, mapped)) reject(rule.field, rule.when, rule.message);

  if (plan.kind.kind === 'livestream_minutes') {
    reject('livestream_id', sql`livestream_id IS NOT NULL AND livestream_id NOT IN (SELECT id FROM livestreams)`, 'unknown livestream: import the session list first');
  }
  // Seller names that match several registered sellers cannot be resolved safely.
  if (plan.kind.fields.some((field) => field.name === 'seller_name') && plan.kind.kind !== 'sellers') {
    reject(
      'seller_name',
      sql`seller_id IS NULL AND seller_name IS NOT NULL AND (SELECT count(*) FROM sellers s WHERE s.name_key = ${sellerNameKeySql(sql`parsed.seller_name`)}) > 1`,
      'several sellers have this name: add a seller_id column',
    );
  }

  const cells = [...sourceColumn].map(([field, column]) => sql`WHEN ${field} THEN s.${sql.ident(`c${column}`)}`);
  const value = cells.length > 0 ? sql`CASE r.field ${sql.join(cells, ' ')} ELSE r.own_value END` : sql`r.own_value`;
  await executor.exec('DROP TABLE IF EXISTS rejects; DROP TABLE IF EXISTS rejects_found');
  // Found first, then joined to the stage for the text: a join planned before the rows are known
  // would build its hash table on the whole stage, even when nothing was rejected.
  await executor.run(sql`CREATE TEMP TABLE rejects_found AS ${sql.join(parts, ' UNION ALL ')}`);
  await executor.run(sql`CREATE TEMP TABLE rejects AS
    SELECT DISTINCT r.row_no::INTEGER AS row_no, r.column_name, (${value})::VARCHAR AS value, r.message
    FROM rejects_found AS r LEFT JOIN ${sql.ident(plan.stage)} AS s ON s.row_no = r.row_no`);
  await executor.exec('DROP TABLE rejects_found');
  await rejectDuplicateKeys(executor, plan);
  const [row] = await executor.query<{ n: number }>(sql`SELECT count(DISTINCT row_no) AS n FROM rejects`);
  return row?.n ?? 0;
}

/** Two rows of one file with the same natural key: the later one is refused, naming the earlier. */
async function rejectDuplicateKeys(executor: Executor, plan: ImportPlan): Promise<void> {
  const key = naturalKeySql(plan);
  if (!key) return;
  await executor.run(sql`INSERT INTO rejects
    SELECT row_no, ${plan.kind.naturalKey.map((k) => headerOf(plan, k)).join(' + ')}, NULL,
      'same ' || ${plan.kind.naturalKey.join(' + ')} || ' as row ' || first_row
    FROM (SELECT row_no, first_value(row_no) OVER (PARTITION BY ${key} ORDER BY row_no) AS first_row FROM parsed
          WHERE ${key} IS NOT NULL)
    WHERE row_no <> first_row`);
}

/** The file's natural key as one text expression, or null when rows are keyed by position. */
export function naturalKeySql(plan: ImportPlan): Sql | null {
  const seller = sql`coalesce(seller_id, 'name:' || ${sellerNameKeySql(sql`seller_name`)})`;
  switch (plan.kind.kind) {
    case 'orders':
      return plan.columns.some((c) => c.field === 'line_no') ? sql`order_id || '#' || line_no` : null;
    case 'seller_daily':
      return sql`${seller} || '|' || CAST(date AS VARCHAR)`;
    case 'livestreams':
      return sql`coalesce(livestream_id, ${seller} || '|' || CAST(started_at AS VARCHAR))`;
    case 'livestream_minutes':
      // A minute that could not be read has its own error; it duplicates nothing.
      return sql`livestream_id || '|' || CAST(minute AS VARCHAR)`;
    case 'sellers':
      return sql`coalesce(seller_id, 'name:' || ${sellerNameKeySql(sql`seller_name`)})`;
    case 'products':
      return sql`product_id`;
    default: {
      const unknown: never = plan.kind.kind;
      throw new Error(`no natural key for ${String(unknown)}`);
    }
  }
}
