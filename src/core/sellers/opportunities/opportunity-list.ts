/**
 * The ranked list of opportunities: largest money upside first, then severity, then the rule's
 * own score; filtered by rule, subcategory, tier, owner, least upside and status (open, snoozed,
 * dismissed — a snooze that has run out is open again). Paged in SQL; each item carries its
 * seller, owner, segments, the user's decision and any open task made from it.
 */
import type { Executor } from '../../db/database.ts';
import { sql, type Sql } from '../../db/sql.ts';
import { todayIn } from '../../shared/dates.ts';
import { UserError } from '../../shared/errors.ts';
import { getSettings } from '../../shared/settings.ts';
import { getRule } from './rule-catalog.ts';
import type { RuleId, Severity, SubjectKind } from './rule-types.ts';

export const OPPORTUNITY_STATUSES = ['open', 'snoozed', 'dismissed'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export interface OpportunityFilter {
  rule?: string;
  subcategory?: string;
  tier?: string;
  /** An owner's user id, or 'none' for sellers without one. */
  owner?: number | 'none';
  minUpside?: number;
  sellerId?: string;
  status?: OpportunityStatus;
  limit?: number;
  offset?: number;
  /** Today, for snoozes (default: today in the workspace time zone). */
  today?: string;
}

export interface OpportunityDecision {
  status: 'snoozed' | 'dismissed';
  until: string | null;
  reason: string;
  by: string;
  at: string;
}

export interface Opportunity {
  key: string;
  rule: RuleId;
  title: string;
  subject: string;
  subjectKind: SubjectKind;
  sellerId: string | null;
  sellerName: string | null;
  subcategoryId: string | null;
  subcategoryName: string | null;
  tier: string | null;
  lifecycle: string | null;
  liveStatus: string | null;
  ownerUserId: number | null;
  ownerName: string | null;
  reason: string;
  evidence: Record<string, string | number | null>;
  upside: number | null;
  severity: Severity;
  score: number;
  status: OpportunityStatus;
  decision: OpportunityDecision | null;
  openTaskId: number | null;
  computedAt: string;
}

export interface OpportunityPage {
  items: Opportunity[];
  total: number;
  /** Upside of every matching opportunity, not only this page. */
  totalUpside: number;
  counts: Record<OpportunityStatus, number>;
  today: string;
}

interface Row {
  rule: RuleId;
  subject: string;
  seller_id: string | null;
  seller_name: string | null;
  subcategory_id: string | null;
  subcategory_name: string | null;
  tier: string | null;
  lifecycle: string | null;
  live_status: string | null;
  owner_user_id: number | null;
  owner_name: string | null;
  reason: string;
  evidence: Record<string, string | number | null>;
  upside: number | null;
  severity: Severity;
  score: number;
  status: OpportunityStatus;
  state: 'snoozed' | 'dismissed' | null;
  snoozed_until: string | null;
  state_reason: string | null;
  state_by: string | null;
  state_at: string | null;
  open_task_id: number | null;
  computed_at: string;
}

/** Every opportunity with its context and status as of `today`; filters apply on top. */
function baseQuery(today: string): Sql {
  return sql`
    SELECT o.rule, o.subject, o.seller_id, s.name AS seller_name, o.subcategory_id, sub.name AS subcategory_name,
      seg.tier, seg.lifecycle, seg.live_status, s.owner_user_id, u.display_name AS owner_name,
      o.reason, o.evidence, o.upside, o.severity, o.score, o.computed_at,
      st.state, st.snoozed_until, st.reason AS state_reason, st."by" AS state_by, st."at" AS state_at,
      CASE WHEN st.state = 'dismissed' THEN 'dismissed'
        WHEN st.state = 'snoozed' AND st.snoozed_until > CAST(${today} AS DATE) THEN 'snoozed'
        ELSE 'open' END AS status,
      (SELECT min(t.id) FROM tasks t WHERE t.source = 'opportunity' AND t.source_ref = o.rule || ':' || o.subject AND t.status <> 'done') AS open_task_id
    FROM opportunities o
    LEFT JOIN sellers s ON s.id = o.seller_id
    LEFT JOIN seller_segments seg ON seg.seller_id = o.seller_id
    LEFT JOIN users u ON u.id = s.owner_user_id
    LEFT JOIN categories sub ON sub.id = o.subcategory_id
    LEFT JOIN opportunity_states st ON st.rule = o.rule AND st.subject = o.subject`;
}

function conditions(filter: OpportunityFilter): Sql {
  const where: Sql[] = [sql`true`];
  if (filter.rule) where.push(sql`rule = ${getRule(filter.rule).id}`);
  if (filter.subcategory) where.push(sql`subcategory_id = ${filter.subcategory}`);
  if (filter.tier) where.push(sql`tier = ${filter.tier}`);
  if (filter.owner === 'none') where.push(sql`seller_id IS NOT NULL AND owner_user_id IS NULL`);
  else if (filter.owner !== undefined) where.push(sql`owner_user_id = ${filter.owner}`);
  if (filter.minUpside !== undefined) where.push(sql`upside >= ${filter.minUpside}`);
  if (filter.sellerId) where.push(sql`seller_id = ${filter.sellerId}`);
  return sql.join(where, ' AND ');
}

const SEVERITY_RANK = sql`CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`;

export async function listOpportunities(executor: Executor, filter: OpportunityFilter = {}): Promise<OpportunityPage> {
  if (filter.minUpside !== undefined && !(Number.isFinite(filter.minUpside) && filter.minUpside >= 0)) {
    throw new UserError(`minUpside must be a number of 0 or more, got ${filter.minUpside}`);
  }
  const today = filter.today ?? todayIn((await getSettings(executor)).timezone);
  const status = filter.status ?? 'open';
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 500);
  const offset = Math.max(Math.trunc(filter.offset ?? 0), 0);
  const matching = sql`SELECT * FROM (${baseQuery(today)}) x WHERE ${conditions(filter)}`;
  const rows = await executor.query<Row>(sql`
    SELECT * FROM (${matching}) m WHERE status = ${status}
    ORDER BY upside DESC NULLS LAST, ${SEVERITY_RANK}, score DESC, rule, subject
    ${executor.dialect.limit(limit, offset)}`);
  const stats = await executor.query<{ status: OpportunityStatus; n: number; upside: number | null }>(sql`
    SELECT status, count(*) AS n, sum(upside) AS upside FROM (${matching}) m GROUP BY status`);
  const counts = { open: 0, snoozed: 0, dismissed: 0 };
  for (const row of stats) counts[row.status] = row.n;
  return {
    items: rows.map(toOpportunity),
    total: counts[status],
    totalUpside: Math.round((stats.find((row) => row.status === status)?.upside ?? 0) * 100) / 100,
    counts,
    today,
  };
}

function toOpportunity(row: Row): Opportunity {
  const rule = getRule(row.rule);
  return {
    key: `${row.rule}:${row.subject}`,
    rule: rule.id,
    title: rule.title,
    subject: row.subject,
    subjectKind: rule.subject,
    sellerId: row.seller_id,
    sellerName: row.seller_name,
    subcategoryId: row.subcategory_id,
    subcategoryName: row.subcategory_name,
    tier: row.tier,
    lifecycle: row.lifecycle,
    liveStatus: row.live_status,
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    reason: row.reason,
    evidence: row.evidence,
    upside: row.upside,
    severity: row.severity,
    score: row.score,
    status: row.status,
    decision: row.state
      ? { status: row.state, until: row.snoozed_until, reason: row.state_reason ?? '', by: row.state_by ?? '', at: row.state_at ?? '' }
      : null,
    openTaskId: row.open_task_id,
    computedAt: row.computed_at,
  };
}

/** One opportunity by rule and subject ("never_live_big_seller", "seller:123"), whatever its status. */
export async function getOpportunity(executor: Executor, rule: string, subject: string, today?: string): Promise<Opportunity> {
  const id = getRule(rule).id;
  const day = today ?? todayIn((await getSettings(executor)).timezone);
  const [row] = await executor.query<Row>(sql`SELECT * FROM (${baseQuery(day)}) x WHERE rule = ${id} AND subject = ${subject}`);
  if (!row) {
    throw new UserError(`no current opportunity "${id}" for ${subject}`, {
      code: 'not_found',
      hint: 'the list may have been recomputed since; reload it',
    });
  }
  return toOpportunity(row);
}
