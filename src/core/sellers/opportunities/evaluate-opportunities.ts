/**
 * Runs the rule catalog: each rule is one INSERT … SELECT over all sellers (or subcategories)
 * that replaces that rule's rows in `opportunities`, with its reason filled from the evidence, the
 * evidence as JSON, the upside in money (or NULL) and the rule's severity. Users' dismiss/snooze
 * decisions live in `opportunity_states` and are untouched, so a dismissed opportunity that still
 * fires stays dismissed. Call it after the segments are recomputed: rules read `seller_segments`.
 */
import type { Executor } from '../../db/database.ts';
import { sql } from '../../db/sql.ts';
import { todayIn } from '../../shared/dates.ts';
import { getSettings } from '../../shared/settings.ts';
import { dataRange } from '../segments/rolling-windows.sql.ts';
import { getTierThresholds } from '../segments/tier-thresholds.ts';
import { evidenceJson, fillReason } from './fill-reason.sql.ts';
import { RULES, thresholdValues } from './rule-catalog.ts';
import type { OpportunityRule, RuleContext, RuleId } from './rule-types.ts';

export interface EvaluateInput {
  asOf: string;
  today: string;
  currency: string;
  tierWindowDays: number;
  /** Only these rules (default: all). */
  rules?: readonly RuleId[];
}

export function ruleContext(executor: Executor, rule: OpportunityRule, input: EvaluateInput): RuleContext {
  return {
    dialect: executor.dialect,
    asOf: input.asOf,
    today: input.today,
    currency: input.currency,
    t: thresholdValues(rule.thresholds),
    tierWindowDays: input.tierWindowDays,
  };
}

async function evaluateRule(executor: Executor, rule: OpportunityRule, input: EvaluateInput): Promise<number> {
  const query = rule.query(ruleContext(executor, rule, input));
  await executor.run(sql`DELETE FROM opportunities WHERE rule = ${rule.id}`);
  return executor.run(sql`
    INSERT INTO opportunities (rule, subject, seller_id, subcategory_id, reason, evidence, upside, severity, score, computed_at)
    SELECT ${rule.id}, ${`${rule.subject}:`} || r.subject_id, r.seller_id, r.subcategory_id,
      ${fillReason(rule.reason, rule.evidence, input.currency)}, ${evidenceJson(rule.evidence)},
      CASE WHEN r.upside > 0 THEN round(r.upside, 2) END, ${rule.severity}, coalesce(r.score, 0), now()
    FROM (${query}) r`);
}

/** Re-evaluates the rules (all, or the ones named); returns how many opportunities each found. */
export async function evaluateOpportunities(executor: Executor, input: EvaluateInput): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const rule of RULES) {
    if (input.rules && !input.rules.includes(rule.id)) continue;
    counts[rule.id] = await evaluateRule(executor, rule, input);
  }
  return counts;
}

/**
 * Re-evaluates the rules whose answer depends on contacts (after a contact is logged), in the
 * caller's transaction, against the same data day as the last recompute. Nothing to do before the
 * first recompute (no segments yet) or without data.
 */
export async function reevaluateContactRules(executor: Executor): Promise<void> {
  const [segments] = await executor.query<{ n: number }>(sql`SELECT count(*) AS n FROM seller_segments`);
  const range = await dataRange(executor);
  if (!segments?.n || !range.last) return;
  const { currency, timezone } = await getSettings(executor);
  const { windowDays } = await getTierThresholds(executor);
  await evaluateOpportunities(executor, {
    asOf: range.last,
    today: todayIn(timezone),
    currency,
    tierWindowDays: windowDays,
    rules: RULES.filter((rule) => rule.dependsOnContacts).map((rule) => rule.id),
  });
}
