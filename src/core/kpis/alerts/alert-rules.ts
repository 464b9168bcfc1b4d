/**
 * Alert rules, edited by managers. Two kinds:
 * - `anomaly`: one per watched metric (five are there from the start); the detector judges the
 *   metric for the whole category, every subcategory and the material sellers. Managers switch
 *   them on and off, and may add one for another sum, count or rate of them.
 * - `threshold`: "live GMV share of Home Decor below 20% in a week" — any catalog metric, one scope,
 *   judged per day, complete ISO week or complete month.
 * Every change is audited; deleting a threshold rule resolves the alerts it raised.
 */
import type { Database, Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../../auth/audit-log.ts';
import { getMetric } from '../../metrics/catalog/index.ts';
import { UserError } from '../../shared/errors.ts';
import { checkScopeExists, formatScope, parseScope, scopeLabelSql } from './alert-scope.ts';
import { SEVERITIES, type AlertGrain, type Severity } from './alert-types.ts';
import { formatMetricValue } from './explain-alert.ts';
import { monitoredMetric } from './monitored-metrics.ts';

export type RuleKind = 'anomaly' | 'threshold';
export type Comparator = '<' | '<=' | '>' | '>=';
export const COMPARATORS: readonly Comparator[] = ['<', '<=', '>', '>='];
export const RULE_GRAINS: readonly AlertGrain[] = ['day', 'week', 'month'];

export interface AlertRule {
  id: number;
  name: string;
  kind: RuleKind;
  metric: string;
  scope: string;
  scopeLabel: string;
  comparator: Comparator | null;
  threshold: number | null;
  grain: AlertGrain;
  severity: Severity;
  enabled: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface AlertRuleInput {
  name?: string;
  kind?: RuleKind;
  metric?: string;
  scope?: string;
  comparator?: Comparator;
  threshold?: number;
  grain?: AlertGrain;
  severity?: Severity;
  enabled?: boolean;
}

interface RuleRow {
  id: number;
  name: string;
  kind: RuleKind;
  metric: string;
  scope: string;
  scope_label: string;
  comparator: Comparator | null;
  threshold: number | null;
  grain: AlertGrain;
  severity: Severity;
  enabled: boolean;
  created_by: string;
  created_at: string;
  updated_at: string;
}

const toRule = (r: RuleRow): AlertRule => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  metric: r.metric,
  scope: r.scope,
  scopeLabel: r.scope_label,
  comparator: r.comparator,
  threshold: r.threshold,
  grain: r.grain,
  severity: r.severity,
  enabled: r.enabled,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const SELECT = sql`SELECT id, name, kind, metric, scope, ${scopeLabelSql('scope')} AS scope_label, comparator, threshold, grain, severity, enabled,
  created_by, created_at, updated_at FROM alert_rules`;

export async function listAlertRules(executor: Executor, filter: { kind?: RuleKind; enabledOnly?: boolean } = {}): Promise<AlertRule[]> {
  const conditions = [sql`true`];
  if (filter.kind) conditions.push(sql`kind = ${filter.kind}`);
  if (filter.enabledOnly) conditions.push(sql`enabled`);
  const rows = await executor.query<RuleRow>(sql`${SELECT} WHERE ${sql.join(conditions, ' AND ')} ORDER BY kind, id`);
  return rows.map(toRule);
}

export async function getAlertRule(executor: Executor, id: number): Promise<AlertRule> {
  const [row] = await executor.query<RuleRow>(sql`${SELECT} WHERE id = ${id}`);
  if (!row) throw new UserError(`no alert rule with id ${id}`, { code: 'not_found', hint: 'list the rules with GET /api/alert-rules' });
  return toRule(row);
}

const WORDS: Record<Comparator, string> = { '<': 'below', '<=': 'at or below', '>': 'above', '>=': 'at or above' };

export function describeThreshold(rule: Pick<AlertRule, 'metric' | 'comparator' | 'threshold'>, currency: string): string {
  const metric = getMetric(rule.metric);
  if (rule.comparator === null || rule.threshold === null) return metric.label;
  return `${WORDS[rule.comparator]} ${formatMetricValue(rule.threshold, metric.format, currency)}`;
}

function checkMetric(name: string): void {
  const metric = getMetric(name);
  if (metric.internal) {
    throw new UserError(`"${name}" is an internal building block, not a KPI`, { hint: 'pick a metric listed in the metric catalog', details: { field: 'metric' } });
  }
}

function cleanName(name: string | undefined, fallback: string): string {
  const value = (name ?? '').trim() || fallback;
  if (value.length > 120) throw new UserError('the rule name is longer than 120 characters', { details: { field: 'name' } });
  return value;
}

function checkThreshold(input: AlertRuleInput): { comparator: Comparator; threshold: number } {
  if (!input.comparator || !COMPARATORS.includes(input.comparator)) {
    throw new UserError('a threshold rule needs a comparator', { hint: `use one of ${COMPARATORS.join(' ')}`, details: { field: 'comparator' } });
  }
  if (typeof input.threshold !== 'number' || !Number.isFinite(input.threshold)) {
    throw new UserError('a threshold rule needs a number to compare with', { hint: 'rates are fractions: 20% is 0.2', details: { field: 'threshold' } });
  }
  return { comparator: input.comparator, threshold: input.threshold };
}

function checkChoice<T extends string>(value: T | undefined, allowed: readonly T[], field: string): void {
  if (value !== undefined && !allowed.includes(value)) {
    throw new UserError(`${field} must be one of ${allowed.join(', ')}`, { details: { field } });
  }
}

async function defaultName(executor: Executor, rule: { metric: string; scope: string; comparator: Comparator; threshold: number; grain: AlertGrain }): Promise<string> {
  const [row] = await executor.query<{ label: string; currency: string | null }>(
    sql`SELECT ${scopeLabelSql('scope_text')} AS label, (SELECT value FROM settings WHERE key = 'currency') AS currency FROM (SELECT ${rule.scope} AS scope_text) t`,
  );
  const per = rule.grain === 'day' ? 'a day' : `a ${rule.grain}`;
  return `${getMetric(rule.metric).label} of ${row?.label ?? rule.scope} ${describeThreshold(rule, row?.currency ?? 'USD')} in ${per}`;
}

export async function createAlertRule(db: Database, actor: Actor, input: AlertRuleInput): Promise<AlertRule> {
  const kind = input.kind ?? 'threshold';
  checkChoice(kind, ['anomaly', 'threshold'], 'kind');
  checkChoice(input.grain, RULE_GRAINS, 'grain');
  checkChoice(input.severity, SEVERITIES, 'severity');
  if (!input.metric) throw new UserError('a rule needs a metric', { hint: 'e.g. gmv or live_gmv_share', details: { field: 'metric' } });
  checkMetric(input.metric);
  const scope = formatScope(parseScope(input.scope ?? 'category'));
  return db.transaction(async (tx) => {
    let values: { comparator: Comparator | null; threshold: number | null; name: string };
    if (kind === 'anomaly') {
      monitoredMetric(input.metric ?? '');
      if (scope !== 'category') throw new UserError('anomaly rules watch the whole category and everything in it', { hint: "leave the scope as 'category'", details: { field: 'scope' } });
      const [existing] = await tx.query(sql`SELECT id FROM alert_rules WHERE kind = 'anomaly' AND metric = ${input.metric ?? ''}`);
      if (existing) throw new UserError(`${input.metric} is already watched for anomalies`, { code: 'conflict', hint: 'switch the existing rule on or off instead' });
      values = { comparator: null, threshold: null, name: cleanName(input.name, `${getMetric(input.metric ?? '').label} anomalies`) };
    } else {
      await checkScopeExists(tx, parseScope(scope));
      const { comparator, threshold } = checkThreshold(input);
      const name = cleanName(input.name, await defaultName(tx, { metric: input.metric ?? '', scope, comparator, threshold, grain: input.grain ?? 'day' }));
      values = { comparator, threshold, name };
    }
    const [row] = await tx.query<{ id: number }>(sql`
      INSERT INTO alert_rules (name, kind, metric, scope, comparator, threshold, grain, severity, enabled, created_by)
      VALUES (${values.name}, ${kind}, ${input.metric ?? ''}, ${scope}, ${values.comparator}, ${values.threshold},
              ${input.grain ?? 'day'}, ${input.severity ?? 'warning'}, ${input.enabled ?? true}, ${actor.label})
      RETURNING id`);
    if (!row) throw new Error('insert into alert_rules returned no id');
    const rule = await getAlertRule(tx, row.id);
    await writeAudit(tx, actor, { action: 'create', entity: 'alert_rule', entityId: rule.id, after: auditView(rule) });
    return rule;
  });
}

const auditView = (rule: AlertRule) => ({
  name: rule.name,
  kind: rule.kind,
  metric: rule.metric,
  scope: rule.scope,
  comparator: rule.comparator,
  threshold: rule.threshold,
  grain: rule.grain,
  severity: rule.severity,
  enabled: rule.enabled,
});

export async function updateAlertRule(db: Database, actor: Actor, id: number, input: AlertRuleInput): Promise<AlertRule> {
  checkChoice(input.grain, RULE_GRAINS, 'grain');
  checkChoice(input.severity, SEVERITIES, 'severity');
  return db.transaction(async (tx) => {
    const before = await getAlertRule(tx, id);
    if (input.kind !== undefined && input.kind !== before.kind) throw new UserError('the kind of a rule cannot change', { hint: 'create a new rule instead', details: { field: 'kind' } });
    const fixed = [input.metric, input.scope, input.comparator, input.threshold, input.grain, input.severity];
    if (before.kind === 'anomaly' && fixed.some((value) => value !== undefined)) {
      throw new UserError('an anomaly rule can only be renamed or switched on or off', { hint: 'its severity comes from how unusual the value is; create a threshold rule for a fixed limit' });
    }
    const metric = input.metric ?? before.metric;
    checkMetric(metric);
    const scope = formatScope(parseScope(input.scope ?? before.scope));
    if (before.kind === 'threshold') await checkScopeExists(tx, parseScope(scope));
    const threshold = before.kind === 'threshold' ? checkThreshold({ comparator: input.comparator ?? before.comparator ?? undefined, threshold: input.threshold ?? before.threshold ?? undefined }) : null;
    const name = cleanName(input.name, before.name);
    await tx.run(sql`
      UPDATE alert_rules SET name = ${name}, metric = ${metric}, scope = ${scope},
        comparator = ${threshold?.comparator ?? null}, threshold = ${threshold?.threshold ?? null},
        grain = ${input.grain ?? before.grain}, severity = ${input.severity ?? before.severity},
        enabled = ${input.enabled ?? before.enabled}, updated_at = now()
      WHERE id = ${id}`);
    const after = await getAlertRule(tx, id);
    await writeAudit(tx, actor, { action: 'update', entity: 'alert_rule', entityId: id, before: auditView(before), after: auditView(after) });
    return after;
  });
}

export async function deleteAlertRule(db: Database, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getAlertRule(tx, id);
    if (before.kind === 'anomaly') throw new UserError('anomaly rules are switched off, not deleted', { code: 'refused', hint: 'set enabled to false' });
    await tx.run(sql`
      UPDATE alerts SET status = 'resolved', resolved_by = ${actor.label}, resolved_at = now(), updated_at = now()
      WHERE rule = ${`threshold:${id}`} AND status <> 'resolved'`);
    await tx.run(sql`DELETE FROM alert_rules WHERE id = ${id}`);
    await writeAudit(tx, actor, { action: 'delete', entity: 'alert_rule', entityId: id, before: auditView(before) });
  });
}
