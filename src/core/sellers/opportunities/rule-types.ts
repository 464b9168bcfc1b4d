/**
 * The shape of an opportunity rule. Rules are declared once, in rule-catalog.ts, like metrics: an
 * id, a title, a plain-language reason template whose {placeholders} are the evidence fields, the
 * thresholds with their defaults, a severity, and how the upside in money is estimated (or why it
 * is not). Each rule's query is one SQL statement over all sellers (or subcategories).
 */
import type { Dialect } from '../../db/dialect/index.ts';
import type { Sql } from '../../db/sql.ts';
import type { Tier } from '../segments/tier-thresholds.ts';

export const RULE_IDS = [
  'never_live_big_seller',
  'gmv_declining',
  'lapsed_live_adopter',
  'live_metrics_below_quartile',
  'top_tier_not_contacted',
  'supply_gap',
  'incomplete_profile',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export type SubjectKind = 'seller' | 'subcategory';

/** How an evidence value is shown: money in the workspace currency, a fraction as %, … */
export type EvidenceFormat = 'money' | 'percent' | 'count' | 'number' | 'days' | 'date' | 'text';

export interface EvidenceField {
  name: string;
  label: string;
  format: EvidenceFormat;
}

export interface Threshold {
  name: string;
  label: string;
  default: number;
  unit: 'days' | 'weeks' | 'percent' | 'count' | 'money' | 'score';
}

export interface RuleContext {
  dialect: Dialect;
  /** The latest day with data: every data window ends here. */
  asOf: string;
  /** Today in the workspace time zone: contacts are counted back from here. */
  today: string;
  currency: string;
  /** The rule's thresholds by name (defaults, for now). */
  t: Record<string, number>;
  /** Days of the tier window (Settings → Segments), for reasons that quote the tier's GMV. */
  tierWindowDays: number;
}

export interface OpportunityRule {
  id: RuleId;
  title: string;
  subject: SubjectKind;
  severity: Severity;
  /** Plain-language reason with {evidence field} placeholders, filled per opportunity. */
  reason: string;
  /** How the upside is estimated, or null when the rule cannot put a figure on it. */
  upside: string | null;
  /** Tiers the rule looks at, when it is about tiers (Aisle's computed tier). */
  tiers?: readonly Tier[];
  thresholds: readonly Threshold[];
  evidence: readonly EvidenceField[];
  /** Also re-evaluated right after a contact is logged (its answer depends on communications). */
  dependsOnContacts?: boolean;
  /**
   * One statement returning: subject_id, seller_id, subcategory_id, upside (money or NULL),
   * score (ranks opportunities of equal upside within the rule) and one column per evidence field.
   */
  query: (context: RuleContext) => Sql;
}
