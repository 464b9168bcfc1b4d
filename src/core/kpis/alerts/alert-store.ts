/**
 * Reading alerts and the two things people do with them: acknowledge ("I am on it") and resolve
 * ("done"). Both are audited. Alerts come back with the names people need — the metric's label and
 * format, the scope's name, the rule's name — so no page has to look them up.
 */
import type { Database, Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit } from '../../auth/audit-log.ts';
import { METRICS } from '../../metrics/catalog/index.ts';
import type { MetricFormat } from '../../metrics/types.ts';
import { UserError } from '../../shared/errors.ts';
import { scopeLabelSql } from './alert-scope.ts';
import type { AlertExplanation, AlertGrain, AlertStatus, Direction, Severity } from './alert-types.ts';

export interface Alert {
  id: number;
  rule: string;
  kind: 'anomaly' | 'threshold';
  ruleName: string | null;
  metric: string;
  metricLabel: string;
  format: MetricFormat;
  scope: string;
  scopeLabel: string;
  grain: AlertGrain;
  period: string;
  periodFrom: string;
  periodTo: string;
  observed: number | null;
  expected: number | null;
  z: number | null;
  direction: Direction | null;
  severity: Severity;
  status: AlertStatus;
  explanation: AlertExplanation | null;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
  lastSeenAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface AlertFilter {
  /** A status, or `open` for new and acknowledged. */
  status?: AlertStatus | 'open';
  severity?: Severity;
  metric?: string;
  scope?: string;
  limit?: number;
  offset?: number;
}

interface AlertRow {
  id: number;
  rule: string;
  rule_name: string | null;
  metric: string;
  scope: string;
  scope_label: string;
  grain: AlertGrain;
  period: string;
  period_from: string;
  period_to: string;
  observed: number | null;
  expected: number | null;
  z: number | null;
  direction: Direction | null;
  severity: Severity;
  status: AlertStatus;
  explanation: AlertExplanation | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  last_seen_at: string;
  created_at: string;
  updated_at: string;
}

function toAlert(r: AlertRow): Alert {
  const metric = METRICS.get(r.metric);
  return {
    id: r.id,
    rule: r.rule,
    kind: r.rule === 'anomaly' ? 'anomaly' : 'threshold',
    ruleName: r.rule_name,
    metric: r.metric,
    metricLabel: metric?.label ?? r.metric,
    format: metric?.format ?? 'number',
    scope: r.scope,
    scopeLabel: r.scope_label,
    grain: r.grain,
    period: r.period,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    observed: r.observed,
    expected: r.expected,
    z: r.z,
    direction: r.direction,
    severity: r.severity,
    status: r.status,
    explanation: r.explanation,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
    lastSeenAt: r.last_seen_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const SELECT = sql`
  SELECT a.id, a.rule, r.name AS rule_name, a.metric, a.scope, ${scopeLabelSql('a.scope')} AS scope_label, a.grain, a.period,
    a.period_from, a.period_to, a.observed, a.expected, a.z, a.direction, a.severity, a.status, a.explanation,
    a.acknowledged_by, a.acknowledged_at, a.resolved_by, a.resolved_at, a.last_seen_at, a.created_at, a.updated_at
  FROM alerts a LEFT JOIN alert_rules r ON a.rule = 'threshold:' || CAST(r.id AS VARCHAR)`;

// Critical first, then the newest period; within that the biggest |z| (thresholds last).
const ORDER = sql`ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, a.period_to DESC, abs(coalesce(a.z, 0)) DESC, a.id DESC`;

function where(filter: AlertFilter): Sql {
  const conditions: Sql[] = [sql`true`];
  if (filter.status === 'open') conditions.push(sql`a.status <> 'resolved'`);
  else if (filter.status) conditions.push(sql`a.status = ${filter.status}`);
  if (filter.severity) conditions.push(sql`a.severity = ${filter.severity}`);
  if (filter.metric) conditions.push(sql`a.metric = ${filter.metric}`);
  if (filter.scope) conditions.push(sql`a.scope = ${filter.scope}`);
  return sql.join(conditions, ' AND ');
}

export interface AlertCounts {
  total: number;
  open: number;
  bySeverity: Record<Severity, number>;
}

export async function listAlerts(executor: Executor, filter: AlertFilter = {}): Promise<{ alerts: Alert[]; total: number; counts: AlertCounts }> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
  const offset = Math.max(filter.offset ?? 0, 0);
  const condition = where(filter);
  const rows = await executor.query<AlertRow>(sql`${SELECT} WHERE ${condition} ${ORDER} ${executor.dialect.limit(limit, offset)}`);
  const [count] = await executor.query<{ total: number; open: number; info: number; warning: number; critical: number }>(sql`
    SELECT count(*) AS total,
      count(*) FILTER (WHERE status <> 'resolved') AS open,
      count(*) FILTER (WHERE status <> 'resolved' AND severity = 'info') AS info,
      count(*) FILTER (WHERE status <> 'resolved' AND severity = 'warning') AS warning,
      count(*) FILTER (WHERE status <> 'resolved' AND severity = 'critical') AS critical
    FROM alerts a WHERE ${condition}`);
  return {
    alerts: rows.map(toAlert),
    total: count?.total ?? 0,
    counts: {
      total: count?.total ?? 0,
      open: count?.open ?? 0,
      bySeverity: { info: count?.info ?? 0, warning: count?.warning ?? 0, critical: count?.critical ?? 0 },
    },
  };
}

export async function getAlert(executor: Executor, id: number): Promise<Alert> {
  const [row] = await executor.query<AlertRow>(sql`${SELECT} WHERE a.id = ${id}`);
  if (!row) throw new UserError(`no alert with id ${id}`, { code: 'not_found', hint: 'list the alerts with `aisle alerts` or GET /api/alerts' });
  return toAlert(row);
}

async function changeStatus(db: Database, actor: Actor, id: number, to: 'acknowledged' | 'resolved'): Promise<Alert> {
  return db.transaction(async (tx) => {
    const before = await getAlert(tx, id);
    if (before.status === to) return before;
    if (to === 'acknowledged' && before.status === 'resolved') {
      throw new UserError(`alert ${id} is already resolved`, { code: 'conflict', hint: 'a resolved alert comes back by itself if a scan finds it again, worse' });
    }
    if (to === 'acknowledged') {
      await tx.run(sql`UPDATE alerts SET status = 'acknowledged', acknowledged_by = ${actor.label}, acknowledged_at = now(), updated_at = now() WHERE id = ${id}`);
    } else {
      await tx.run(sql`UPDATE alerts SET status = 'resolved', resolved_by = ${actor.label}, resolved_at = now(), updated_at = now() WHERE id = ${id}`);
    }
    const after = await getAlert(tx, id);
    await writeAudit(tx, actor, { action: 'update', entity: 'alert', entityId: id, before: { status: before.status }, after: { status: after.status } });
    return after;
  });
}

export function acknowledgeAlert(db: Database, actor: Actor, id: number): Promise<Alert> {
  return changeStatus(db, actor, id, 'acknowledged');
}

export function resolveAlert(db: Database, actor: Actor, id: number): Promise<Alert> {
  return changeStatus(db, actor, id, 'resolved');
}
