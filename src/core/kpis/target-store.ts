/**
 * Reading and writing targets. A batch is checked as a whole (`checkTargets`) and written with
 * one upsert plus one audit entry in the same transaction: all of it or none of it.
 */
import { Database, type Executor } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import type { Actor } from '../auth/actor.ts';
import { writeAudit, type AuditAction } from '../auth/audit-log.ts';
import { UserError } from '../shared/errors.ts';
import { getMetric, METRICS } from '../metrics/catalog/index.ts';
import type { MetricFormat } from '../metrics/types.ts';
import { parsePeriod } from './target-periods.ts';
import { parseScope, formatScope } from './target-scopes.ts';
import { checkTargets, MAX_TARGETS_PER_BATCH, targetErrors, type TargetCandidate, type TargetRow, type TargetRowError } from './target-validation.ts';
import { existingTargetsQuery, listTargetsQuery, upsertTargetsQuery, type StoredTargetRow } from './targets.sql.ts';

export interface KpiTarget {
  metric: string;
  metricLabel: string;
  format: MetricFormat;
  scope: string;
  scopeLabel: string;
  period: string;
  from: string;
  to: string;
  value: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface TargetFilter {
  period?: string;
  metric?: string;
  scope?: string;
}

export interface TargetInput {
  metric: string;
  /** Default `category`. */
  scope?: string;
  period: string;
  value: number;
}

export type TargetKeyInput = Omit<TargetRow, 'value'>;

/** Runs `work` in a transaction when given the database; a single executor's caller owns its transaction. */
function atomically<T>(executor: Executor, work: (tx: Executor) => Promise<T>): Promise<T> {
  return executor instanceof Database ? executor.transaction(work) : work(executor);
}

function toTarget(row: StoredTargetRow): KpiTarget {
  const metric = getMetric(row.metric);
  const range = parsePeriod(row.period);
  return {
    metric: row.metric,
    metricLabel: metric.label,
    format: metric.format,
    scope: row.scope,
    scopeLabel: row.scope_label,
    period: row.period,
    from: range?.from ?? '',
    to: range?.to ?? '',
    value: row.value,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}

export async function listTargets(executor: Executor, filter: TargetFilter = {}): Promise<KpiTarget[]> {
  const period = filter.period?.trim().toUpperCase();
  if (period && !parsePeriod(period)) {
    throw new UserError(`period "${filter.period}" is not a month YYYY-MM or an ISO week YYYY-Www`, { hint: 'e.g. 2026-11 or 2026-W47' });
  }
  const scope = filter.scope ? parseScope(filter.scope) : null;
  if (filter.scope && !scope) throw new UserError(`scope "${filter.scope}" is not a scope`, { hint: 'write category, subcategory:<id>, seller_tier:<tier> or seller:<id>' });
  if (filter.metric) getMetric(filter.metric);
  const rows = await executor.query<StoredTargetRow>(
    listTargetsQuery({
      ...(period ? { period } : {}),
      ...(filter.metric ? { metric: filter.metric } : {}),
      ...(scope ? { scope: formatScope(scope) } : {}),
    }),
  );
  // A metric removed from the catalog leaves its old targets unreadable; they are skipped, not fatal.
  return rows.flatMap((row) => (METRICS.has(row.metric) ? [toTarget(row)] : []));
}


/** Inserts or updates a batch of targets; nothing is written unless every row is valid. */
export async function setTargets(
  executor: Executor,
  actor: Actor,
  inputs: TargetInput[],
  options: { action?: AuditAction; source?: string } = {},
): Promise<{ created: number; updated: number; rows: TargetRow[] }> {
  if (inputs.length === 0) throw new UserError('no targets given', { hint: 'give at least one row: metric, scope, period and value' });
  if (inputs.length > MAX_TARGETS_PER_BATCH) {
    throw new UserError(`${inputs.length} targets in one batch is more than ${MAX_TARGETS_PER_BATCH}`, { hint: 'split them into smaller batches' });
  }
  const candidates: TargetCandidate[] = inputs.map((input, i) => ({
    row: i + 1,
    metric: input.metric,
    scope: input.scope ?? 'category',
    period: input.period,
    value: input.value,
  }));
  return writeCandidates(executor, actor, candidates, { action: options.action ?? 'update', what: options.source ?? 'targets' });
}

/** Checks and writes candidates that already carry their row numbers (API rows or sheet rows). */
export async function writeCandidates(
  executor: Executor,
  actor: Actor,
  candidates: TargetCandidate[],
  options: { action: AuditAction; what: string; extraErrors?: TargetRowError[] },
): Promise<{ created: number; updated: number; rows: TargetRow[] }> {
  return atomically(executor, async (tx) => {
    const checked = await checkTargets(tx, candidates);
    const errors = [...checked.errors, ...(options.extraErrors ?? [])].sort((a, b) => a.row - b.row);
    if (errors.length > 0) throw targetErrors(errors, options.what);
    const { rows } = checked;
    const before = await tx.query<TargetRow>(existingTargetsQuery(rows));
    await tx.run(upsertTargetsQuery(rows, actor.label));
    const single = rows.length === 1 ? rows[0] : undefined;
    await writeAudit(tx, actor, {
      action: options.action,
      entity: 'kpi_target',
      entityId: single ? `${single.metric}|${single.scope}|${single.period}` : null,
      before: single ? (before[0] ?? null) : before,
      after: single ?? { source: options.what, rows },
    });
    return { created: rows.length - before.length, updated: before.length, rows };
  });
}

export async function deleteTarget(executor: Executor, actor: Actor, key: TargetKeyInput): Promise<TargetRow> {
  const scope = parseScope(key.scope);
  const period = key.period.trim().toUpperCase();
  const canonical = { metric: key.metric.trim(), scope: scope ? formatScope(scope) : key.scope, period };
  return atomically(executor, async (tx) => {
    const [before] = await tx.query<TargetRow>(existingTargetsQuery([canonical]));
    if (!before) {
      throw new UserError(`no target for ${canonical.metric}, ${canonical.scope}, ${canonical.period}`, {
        code: 'not_found',
        hint: 'list the targets of the period to see which exist',
      });
    }
    await tx.run(sql`DELETE FROM kpi_targets WHERE metric = ${before.metric} AND scope = ${before.scope} AND period = ${before.period}`);
    await writeAudit(tx, actor, { action: 'delete', entity: 'kpi_target', entityId: `${before.metric}|${before.scope}|${before.period}`, before });
    return before;
  });
}
